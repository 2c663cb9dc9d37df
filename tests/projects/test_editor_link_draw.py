"""A relationship drawn in the diagram, column to column (tables by their drawing's ids)."""

import pytest
from django.urls import reverse

from designer.diagram.dot import entity_dom_id
from projects.models import Project, Revision
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def draw(client, project, **data):
    project.refresh_from_db()
    url = reverse("relationship_draw", args=[project.pk])
    return client.post(url, {"base_revision": project.revision, **data}, **HTMX)


def nodes(project):
    schema = project_schema(Project.objects.get(pk=project.pk))
    return schema, entity_dom_id(schema.entity_by_name("comments").id), entity_dom_id(schema.entity_by_name("users").id)


def test_a_drawn_line_links_the_two_columns(client_for, project, member):
    _, comments, users = nodes(project)
    response = draw(
        client_for(member), project, from_node=comments, from_column="body", to_node=users, to_column="email"
    )
    assert response.status_code == 200
    after = project_schema(Project.objects.get(pk=project.pk))
    link = after.relationships[-1]
    assert link.from_field_ids == (after.entity_by_name("comments").field_by_name("body").id,)
    assert link.to_field_ids == (after.entity_by_name("users").field_by_name("email").id,)


def test_a_line_onto_a_column_that_is_not_unique_is_refused(client_for, project, member):
    _, comments, users = nodes(project)
    response = draw(client_for(member), project, from_node=comments, from_column="body", to_node=users, to_column="bio")
    assert response.status_code == 422 and "is not unique" in response.content.decode()
    assert not Revision.objects.filter(project=project).exists()


def test_a_line_from_nowhere_is_refused(client_for, project, member):
    _, comments, users = nodes(project)
    response = draw(client_for(member), project, from_node=comments, from_column="nope", to_node=users)
    assert response.status_code == 422 and "Draw the line from a column" in response.content.decode()


def test_drawing_is_for_editors(client_for, project, viewer, outsider):
    _, comments, users = nodes(project)
    data = {"from_node": comments, "from_column": "body", "to_node": users, "to_column": "email"}
    assert draw(client_for(viewer), project, **data).status_code == 403
    assert draw(client_for(outsider), project, **data).status_code == 404
