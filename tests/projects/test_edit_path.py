"""The editor's write path: an edit is applied once (to the revision the person saw,
drawn and stored from that one result), and rebased only when a teammate got there first."""

import ast
from pathlib import Path

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


def test_every_editor_write_goes_through_an_edit_view_module():
    """URL → views/edit_* → services: the views that commit an edit of the schema live in
    the edit_* modules, nowhere else (the Advice tab's Apply was the last one outside)."""
    views = Path(__file__).resolve().parents[2] / "projects" / "views"
    committing = set()
    for path in views.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            imports_commit = isinstance(node, ast.ImportFrom) and node.module == "projects.views.editing"
            if imports_commit and any(alias.name in {"commit", "commit_form"} for alias in node.names):
                committing.add(path.stem)
    assert committing and all(name.startswith("edit_") for name in committing), sorted(committing)
