"""Arranging the diagram: moving tables and auto layout are ordinary undoable edits."""

import pytest
from django.urls import reverse

from projects.diagrams import arranged
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk]), {"base_revision": project.revision, **data}, **HTMX)


def positions(project):
    return {p.id: (p.x, p.y) for p in project_schema(Project.objects.get(pk=project.pk)).diagram.positions}


@pytest.fixture
def arranged_project(project):
    from designer.formats.json_doc import schema_to_dict

    project.document = schema_to_dict(arranged(project_schema(project)))
    project.save()
    return project


def test_a_move_is_stored_in_points_and_named_in_history(client_for, arranged_project, member):
    users = project_schema(arranged_project).entity_by_name("users")
    before = positions(arranged_project)
    response = post(client_for(member), "diagram_move", arranged_project, {"move": f"{users.id},30.5,-12"})
    assert response.status_code == 200 and 'id="diagram"' in response.content.decode()
    after = positions(arranged_project)
    assert after[users.id] == pytest.approx((before[users.id][0] + 30.5, before[users.id][1] - 12))
    assert {k: v for k, v in after.items() if k != users.id} == {k: v for k, v in before.items() if k != users.id}
    assert arranged_project.revisions.latest("number").summary == "Move users"
    post(client_for(member), "undo", arranged_project, {})
    assert positions(arranged_project) == before


def test_a_project_never_arranged_gets_its_layout_with_the_first_move(client_for, project, member):
    users = project_schema(project).entity_by_name("users")
    assert positions(project) == {}
    assert post(client_for(member), "diagram_move", project, {"move": f"{users.id},10,10"}).status_code == 200
    schema = project_schema(Project.objects.get(pk=project.pk))
    assert {p.id for p in schema.diagram.positions} >= {e.id for e in schema.entities}


@pytest.mark.parametrize("value", ["", "nonsense", "ent_1,x,1", "ent_1,1,inf", "ent_1,1e9,0"])
def test_an_unreadable_move_is_a_400_and_changes_nothing(client_for, arranged_project, member, value):
    before = arranged_project.revision
    assert post(client_for(member), "diagram_move", arranged_project, {"move": value}).status_code == 400
    assert Project.objects.get(pk=arranged_project.pk).revision == before


def test_moving_what_is_not_there_is_a_422(client_for, arranged_project, member):
    response = post(client_for(member), "diagram_move", arranged_project, {"move": "ent_gone,1,1"})
    assert response.status_code == 422 and "no longer on the diagram" in response.content.decode()


def test_auto_layout_of_everything_or_of_the_picked_tables_is_undoable(client_for, arranged_project, member):
    client = client_for(member)
    schema = project_schema(arranged_project)
    tags, post_tags = schema.entity_by_name("tags").id, schema.entity_by_name("post_tags").id
    before = positions(arranged_project)
    response = post(client, "diagram_arrange", arranged_project, {"scope": "chosen", "object": [tags, post_tags]})
    assert response.status_code == 200
    after = positions(arranged_project)
    assert {k: v for k, v in after.items() if k not in (tags, post_tags)} == {
        k: v for k, v in before.items() if k not in (tags, post_tags)
    }
    assert post(client, "diagram_arrange", arranged_project, {"scope": "all"}).status_code == 200
    assert arranged_project.revisions.latest("number").summary == "Auto layout"
    post(client, "undo", arranged_project, {})
    assert positions(arranged_project) == after


def test_arranging_picked_tables_needs_a_pick(client_for, arranged_project, member):
    response = post(client_for(member), "diagram_arrange", arranged_project, {"scope": "chosen"})
    assert response.status_code == 422 and "Shift+click" in response.content.decode()


@pytest.mark.parametrize("name", ["diagram_move", "diagram_arrange"])
def test_viewers_and_outsiders_cannot_arrange(client_for, arranged_project, viewer, outsider, name):
    users = project_schema(arranged_project).entity_by_name("users")
    data = {"move": f"{users.id},1,1", "scope": "all"}
    assert post(client_for(viewer), name, arranged_project, data).status_code == 403
    assert post(client_for(outsider), name, arranged_project, data).status_code == 404


def test_a_new_table_is_placed_and_no_other_moves(client_for, arranged_project, member):
    before = positions(arranged_project)
    post(client_for(member), "entity_add", arranged_project, {"name": "likes"})
    after = positions(arranged_project)
    new = set(after) - set(before)
    assert len(new) == 1 and {k: after[k] for k in before} == before
