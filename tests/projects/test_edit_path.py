"""The editor's write path: an edit is applied once (to the revision the person saw,
drawn and stored from that one result), and rebased only when a teammate got there first."""

import pytest
from django.urls import reverse

from designer.ops import AddField
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def applications(monkeypatch):
    """Counts AddField applications; the real apply runs every time."""
    calls = []
    real = AddField.apply

    def counted(self, schema):
        calls.append(self)
        return real(self, schema)

    monkeypatch.setattr(AddField, "apply", counted)
    return calls


def add_field(client, project, *, base_revision, name="subtitle"):
    posts = project_schema(project).entity_by_name("posts")
    data = {"base_revision": base_revision, "name": name, "type": "text", "nullable": "on"}
    return client.post(reverse("field_add", args=[project.pk, posts.id]), data, **HTMX)


def test_an_edit_on_the_stored_revision_applies_its_op_once(client_for, project, member, applications):
    response = add_field(client_for(member), project, base_revision=project.revision)
    assert response.status_code == 200
    stored = Project.objects.get(pk=project.pk)
    assert stored.revision == project.revision + 1
    assert project_schema(stored).entity_by_name("posts").field_by_name("subtitle") is not None
    assert len(applications) == 1


def test_an_edit_on_an_older_revision_is_rebased_and_stored(client_for, project, member, owner):
    add_field(client_for(owner), project, base_revision=project.revision, name="teammates")
    response = add_field(client_for(member), project, base_revision=project.revision, name="mine")
    assert response.status_code == 200
    posts = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")
    assert posts.field_by_name("teammates") and posts.field_by_name("mine")
