"""The field form checks the type against the project's dialect and offers a picker."""

import re

import pytest
from django.urls import reverse

from designer import ops
from designer.schema import FieldType, TypeKind, replace
from projects import services
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def add_field(client, project, entity_id, **data):
    project.refresh_from_db()
    body = {"base_revision": project.revision, "name": "subtitle", "nullable": "on", **data}
    return client.post(reverse("field_add", args=[project.pk, entity_id]), body, **HTMX)


def posts_of(project):
    return project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")


def test_a_typo_is_refused_with_the_suggestion_and_the_input_kept(client_for, project, member):
    posts = posts_of(project)
    response = add_field(client_for(member), project, posts.id, type="varchr(20)")
    page = response.content.decode()
    assert response.status_code == 422
    assert "Did you mean varchar(20)?" in page
    assert 'value="varchr(20)"' in page  # the form keeps what was typed
    assert posts_of(project).field_by_name("subtitle") is None


def test_a_mysql_only_type_is_refused_in_a_postgresql_project(client_for, project, member):
    response = add_field(client_for(member), project, posts_of(project).id, type="mediumtext")
    assert response.status_code == 422 and "for PostgreSQL" in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    ["character varying(40)", "citext", "geometry(Point,4326)", "timestamp(3) with time zone", "post_status", "int8[]"],
)
def test_known_types_and_extension_types_are_accepted(client_for, project, member, typed):
    response = add_field(client_for(member), project, posts_of(project).id, type=typed)
    assert response.status_code == 200, re.findall(r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode())
    assert posts_of(project).field_by_name("subtitle") is not None


def test_an_imported_unknown_type_stays_while_the_rest_of_the_field_is_edited(client_for, project, member):
    posts = posts_of(project)
    add_field(client_for(member), project, posts.id, type="text")
    field = posts_of(project).field_by_name("subtitle")
    odd = replace(field, type=FieldType(TypeKind.OTHER, written="ltree2"))
    project.refresh_from_db()
    services.apply_op(
        project_id=project.pk,
        user=member,
        base_revision=project.revision,
        op=ops.UpdateField(entity_id=posts.id, field=odd),
    )
    project.refresh_from_db()
    url = reverse("field_update", args=[project.pk, posts.id, field.id])
    body = {"base_revision": project.revision, "name": "subtitle", "type": "ltree2", "comment": "kept"}
    response = client_for(member).post(url, body, **HTMX)
    assert response.status_code == 200, response.content.decode()[:500]
    assert posts_of(project).field_by_name("subtitle").comment == "kept"


def test_the_panel_offers_the_catalogue_of_the_projects_dialect(client_for, project, member):
    posts = posts_of(project)
    page = client_for(member).get(reverse("project_detail", args=[project.pk]) + f"?selected={posts.id}").content
    page = page.decode()
    assert '<datalist id="type-catalogue">' in page and '<option value="jsonb">' in page
    assert '<option value="post_status">' in page and 'list="type-catalogue"' in page
    assert '<option value="mediumtext">' not in page


def test_outsider_cannot_add_a_field(client_for, project, outsider):
    response = add_field(client_for(outsider), project, posts_of(project).id, type="text")
    assert response.status_code == 404
