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


# --- subject areas -----------------------------------------------------------------------


def areas(project):
    return project_schema(Project.objects.get(pk=project.pk)).diagram.areas


def test_picked_tables_are_saved_as_an_area_shown_at_once_and_undone(client_for, arranged_project, member):
    schema = project_schema(arranged_project)
    users, posts = schema.entity_by_name("users"), schema.entity_by_name("posts")
    response = post(
        client_for(member),
        "diagram_area_save",
        arranged_project,
        {"area_name": "Writing <b>", "object": [users.id, posts.id]},
    )
    assert response.status_code == 200
    body = response.content.decode()
    (area,) = areas(arranged_project)
    assert (area.name, area.entity_ids) == ("Writing <b>", (users.id, posts.id))
    assert {p.id for p in area.positions} >= {users.id, posts.id}  # its own arrangement
    # The response draws the area (two tables) and lists it, selected, escaped.
    assert body.count('<g id="entity_') == 2
    assert f'<option value="{area.id}" selected>Writing &lt;b&gt; (2)</option>' in body
    assert arranged_project.revisions.latest("number").summary == "Set subject area Writing <b>"
    post(client_for(member), "undo", arranged_project, {})
    assert areas(arranged_project) == ()


def test_a_focus_becomes_an_area_and_moves_in_it_leave_the_whole_diagram_alone(client_for, arranged_project, member):
    schema = project_schema(arranged_project)
    users = schema.entity_by_name("users")
    post(
        client_for(member),
        "diagram_area_save",
        arranged_project,
        {"area_name": "Users", "focus": users.id, "depth": "1"},
    )
    (area,) = areas(arranged_project)
    assert users.id in area.entity_ids and 1 < len(area.entity_ids) < len(schema.entities)
    whole = positions(arranged_project)
    before = {p.id: (p.x, p.y) for p in area.positions}
    response = post(client_for(member), "diagram_move", arranged_project, {"move": f"{users.id},40,0", "area": area.id})
    assert response.status_code == 200
    (moved,) = areas(arranged_project)
    assert {p.id: (p.x, p.y) for p in moved.positions}[users.id] == pytest.approx(
        (before[users.id][0] + 40, before[users.id][1])
    )
    assert positions(arranged_project) == whole
    assert post(client_for(member), "diagram_area_remove", arranged_project, {"area": area.id}).status_code == 200
    assert areas(arranged_project) == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [({"area_name": "", "object": ["x"]}, "Name the subject area"), ({"area_name": "Nothing"}, "Pick tables")],
)
def test_an_area_without_a_name_or_tables_is_refused(client_for, arranged_project, member, data, message):
    response = post(client_for(member), "diagram_area_save", arranged_project, data)
    assert response.status_code == 422 and message in response.content.decode()
    assert areas(arranged_project) == ()


def test_a_viewer_cannot_save_an_area(client_for, arranged_project, viewer):
    users = project_schema(arranged_project).entity_by_name("users")
    response = post(client_for(viewer), "diagram_area_save", arranged_project, {"area_name": "X", "object": [users.id]})
    assert response.status_code in (403, 404)
    assert areas(arranged_project) == ()


def test_the_diagram_can_show_one_group_alone(client_for, arranged_project, viewer):
    schema = project_schema(arranged_project)
    group = schema.groups[0]
    url = reverse("diagram_fragment", args=[arranged_project.pk])
    body = client_for(viewer).get(url, {"only": f"group:{group.id}"}, **HTMX).content.decode()
    assert body.count('<g id="entity_') == len(group.entity_ids) < len(schema.entities)
    # An unknown filter draws everything, without an error.
    body = client_for(viewer).get(url, {"only": "group:<script>"}, **HTMX).content.decode()
    assert body.count('<g id="entity_') == len(schema.entities)
