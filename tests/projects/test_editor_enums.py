import pytest
from django.urls import reverse

from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def status_enum(project):
    schema = schema_of(project)
    return next(e for e in schema.enums if e.name == "post_status")


def values(project):
    return [v.name for v in status_enum(project).values]


def test_create_enum(client_for, project, member):
    post(client_for(member), "enum_add", project, {"name": "mood", "values": "happy\nsad\n"})
    assert [v.name for v in schema_of(project).enums[-1].values] == ["happy", "sad"]


def test_duplicate_values_are_refused(client_for, project, member):
    response = post(client_for(member), "enum_add", project, {"name": "mood", "values": "a\na"})
    assert response.status_code == 422 and "Each value may appear once" in response.content.decode()


def test_add_rename_reorder_remove_values(client_for, project, member):
    client = client_for(member)
    enum_id = status_enum(project).id
    post(client, "enum_value", project, {"value": "deleted"}, enum_id, "add")
    assert values(project) == ["draft", "published", "archived", "deleted"]
    post(client, "enum_value", project, {"current": "deleted"}, enum_id, "up")
    assert values(project) == ["draft", "published", "deleted", "archived"]
    post(client, "enum_value", project, {"current": "deleted"}, enum_id, "remove")
    post(client, "enum_value", project, {"current": "draft", "value": "sketch"}, enum_id, "rename")
    assert values(project) == ["sketch", "published", "archived"]
    status = schema_of(project).entity_by_name("posts").field_by_name("status")
    assert status.default.value == "'sketch'"  # the default follows the rename


def test_deleting_an_enum_in_use_is_refused(client_for, project, member):
    response = post(client_for(member), "enum_delete", project, {}, status_enum(project).id)
    assert response.status_code == 422 and "uses an enum that does not exist" in response.content.decode()
    assert status_enum(project) is not None


def test_unknown_enum_is_404(client_for, project, member):
    assert post(client_for(member), "enum_value", project, {"value": "x"}, "enum_gone", "add").status_code == 404
