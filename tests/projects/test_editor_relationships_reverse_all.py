"""One click reverses every reference that points at a non-unique column while its other
side is a key (projects/views/edit_links.py: relationships_reverse_all)."""

import pytest
from django.urls import reverse

from designer import ops
from designer.keys import reversed_relationship
from projects import services
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def wrong_way(project, user):
    """Two links as a file read literally makes them: the key on the parent's primary key."""
    schema = schema_of(project)
    flipped = [reversed_relationship(r) for r in schema.relationships[:2]]
    project.refresh_from_db()
    services.apply_op(
        project_id=project.pk,
        user=user,
        base_revision=project.revision,
        op=ops.Batch(ops=tuple(ops.UpdateRelationship(relationship=r) for r in flipped)),
    )
    return schema


def test_the_panel_offers_it_and_one_click_reverses_them_all(client_for, project, owner, member):
    original = wrong_way(project, owner)
    client = client_for(member)
    panel = client.get(reverse("editor_panel", args=[project.pk]), **HTMX).content.decode()
    assert "Reverse the 2 references pointing at a column that is not unique" in panel
    project.refresh_from_db()
    url = reverse("relationships_reverse_all", args=[project.pk])
    response = client.post(url, {"base_revision": project.revision}, **HTMX)
    assert response.status_code == 200
    assert schema_of(project).relationships == original.relationships
    assert "Reverse the" not in response.content.decode()


def test_nothing_to_reverse_is_a_message(client_for, project, member):
    project.refresh_from_db()
    url = reverse("relationships_reverse_all", args=[project.pk])
    response = client_for(member).post(url, {"base_revision": project.revision}, **HTMX)
    assert response.status_code == 422 and "No reference points the wrong way." in response.content.decode()


def test_viewer_cannot(client_for, project, viewer):
    url = reverse("relationships_reverse_all", args=[project.pk])
    assert client_for(viewer).post(url, {"base_revision": 0}, **HTMX).status_code == 403
