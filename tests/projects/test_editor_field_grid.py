"""The field grid's endpoints: a row saved with its key column and link, and pasted fields."""

import pytest
from django.urls import reverse

from projects.models import Project, Revision
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def posts_of(project):
    return project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")


def test_a_new_row_with_key_and_link_is_one_revision(client_for, project, member):
    posts = posts_of(project)
    row = {"name": "editor_id", "type": "bigint", "key": "index", "link_to": "users"}
    response = post(client_for(member), "field_add", project, row, posts.id)
    assert response.status_code == 200
    posts = posts_of(project)
    editor_id = posts.field_by_name("editor_id")
    assert any(i.columns[0].field_id == editor_id.id for i in posts.indexes)
    schema = project_schema(Project.objects.get(pk=project.pk))
    assert any(r.from_field_ids == (editor_id.id,) for r in schema.relationships)
    assert Revision.objects.filter(project=project).count() == 1


def test_a_row_keeps_what_it_does_not_show(client_for, project, member):
    posts = posts_of(project)
    slug = posts.field_by_name("slug")
    body = client_for(member).get(reverse("editor_panel", args=[project.pk]), {"selected": posts.id}, **HTMX)
    assert f'id="field-{slug.id}-name"' in body.content.decode()
    row = {"name": "handle", "type": "text", "key": "unique", "check": "length(handle) > 0", "comment": "short"}
    assert post(client_for(member), "field_update", project, row, posts.id, slug.id).status_code == 200
    handle = posts_of(project).field(slug.id)
    assert (handle.name, handle.unique, handle.check, handle.comment) == ("handle", True, "length(handle) > 0", "short")


def test_link_to_an_unknown_table_is_refused_at_the_row(client_for, project, member):
    posts = posts_of(project)
    response = post(
        client_for(member), "field_add", project, {"name": "x_id", "type": "bigint", "link_to": "nope"}, posts.id
    )
    assert response.status_code == 422 and "No table named “nope”" in response.content.decode()
    assert posts_of(project).field_by_name("x_id") is None


def test_pasted_lines_add_every_field_in_one_revision(client_for, project, member):
    posts = posts_of(project)
    text = "rating smallint not null\nsummary varchar(300)"
    response = post(client_for(member), "fields_paste", project, {"text": text, "selected": posts.id}, posts.id)
    assert response.status_code == 200
    assert [f.name for f in posts_of(project).fields[-2:]] == ["rating", "summary"]
    assert Revision.objects.get(project=project).summary == "Add field rating; Add field summary"


def test_a_paste_that_cannot_be_read_says_where_and_saves_nothing(client_for, project, member):
    posts = posts_of(project)
    response = post(
        client_for(member), "fields_paste", project, {"text": "a int,\nb varchar(", "selected": posts.id}, posts.id
    )
    assert response.status_code == 422
    assert "Pasted fields not added: line 2:" in response.content.decode()
    assert not Revision.objects.filter(project=project).exists()


def test_a_huge_paste_is_refused(client_for, project, member):
    posts = posts_of(project)
    response = post(client_for(member), "fields_paste", project, {"text": "a int\n" * 10_000}, posts.id)
    assert response.status_code == 413


def test_pasting_is_for_editors(client_for, project, viewer, outsider):
    posts = posts_of(project)
    assert post(client_for(viewer), "fields_paste", project, {"text": "a int"}, posts.id).status_code == 403
    assert post(client_for(outsider), "fields_paste", project, {"text": "a int"}, posts.id).status_code == 404
