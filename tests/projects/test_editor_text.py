"""The DBML text pane: shown to members, saved by editors as ops, refused at its lines."""

import pytest
from django.urls import reverse

from designer.formats import dump_schema
from projects.models import Project, Revision
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def save(client, project, text):
    project.refresh_from_db()
    url = reverse("schema_text_save", args=[project.pk])
    return client.post(url, {"text": text, "base_revision": project.revision}, **HTMX)


def test_members_see_the_schema_as_dbml_and_viewers_cannot_save(client_for, project, viewer, outsider):
    url = reverse("schema_text", args=[project.pk])
    body = client_for(viewer).get(url, **HTMX).content.decode()
    assert 'id="schema-text"' in body and "Table &quot;posts&quot;" in body and "readonly" in body
    assert save(client_for(viewer), project, "Table t {\n  id int [pk]\n}").status_code == 403
    assert client_for(outsider).get(url, **HTMX).status_code == 404


def test_a_saved_rename_is_one_revision_that_keeps_the_id(client_for, project, member):
    before = schema_of(project)
    text = dump_schema(before, fmt="dbml").replace('"posts"', '"articles"')
    response = save(client_for(member), project, text)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'hx-swap-oob="true"' in body and "Table &quot;articles&quot;" in body
    assert schema_of(project).entity_by_name("articles").id == before.entity_by_name("posts").id
    assert Revision.objects.get(project=project).summary == "Update entity articles (renamed from posts)"


def test_text_with_a_mistake_is_refused_at_its_line_and_nothing_is_saved(client_for, project, member):
    text = dump_schema(schema_of(project), fmt="dbml").replace('"bio" text', '"bio" text [nonsense')
    response = save(client_for(member), project, text)
    body = response.content.decode()
    assert response.status_code == 422 and 'data-line="19"' in body and "The text was not saved: line 19" in body
    assert "[nonsense" in body  # the text as typed stays
    assert not Revision.objects.filter(project=project).exists()


def test_text_giving_an_invalid_schema_is_refused(client_for, project, member):
    text = dump_schema(schema_of(project), fmt="dbml").replace('"display_name" text', '"email" text')
    response = save(client_for(member), project, text)
    assert response.status_code == 422 and "The text was not saved" in response.content.decode()
    assert not Revision.objects.filter(project=project).exists()


def test_the_same_text_saves_nothing(client_for, project, member):
    response = save(client_for(member), project, dump_schema(schema_of(project), fmt="dbml"))
    assert response.status_code == 200 and not Revision.objects.filter(project=project).exists()


def test_a_text_saved_after_a_teammates_edit_keeps_it(client_for, project, owner, member):
    seen = project.revision
    text = dump_schema(schema_of(project), fmt="dbml").replace('"posts"', '"articles"')
    add = {"name": "teammates", "type": "text", "base_revision": seen}
    users = schema_of(project).entity_by_name("users")
    client_for(owner).post(reverse("field_add", args=[project.pk, users.id]), add, **HTMX)
    url = reverse("schema_text_save", args=[project.pk])
    response = client_for(member).post(url, {"text": text, "base_revision": seen}, **HTMX)
    assert response.status_code == 200
    after = schema_of(project)
    assert after.entity_by_name("articles") and after.entity_by_name("users").field_by_name("teammates")


def test_an_emptied_text_is_refused_rather_than_deleting_everything(client_for, project, member):
    response = save(client_for(member), project, "  \n")
    assert response.status_code == 422 and "The text is empty" in response.content.decode()
    assert len(schema_of(project).entities) == 5 and not Revision.objects.filter(project=project).exists()
