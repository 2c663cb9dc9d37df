"""An edit answers with the tables it changed, not the whole drawing, when the page
shows the drawing of the revision edited (the ``drawn`` token); a panel request whose
page already shows the drawing gets none."""

import re

import pytest
from django.urls import reverse

from designer.formats.json_doc import schema_to_dict
from designer.schema import replace
from projects.diagrams import arranged
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}
TOKEN = re.compile(r'id="diagram-drawn" name="drawn" value="([^"]*)"')


@pytest.fixture
def arranged_project(project):
    # No group: a group's frame is drawn around its tables, so their edits are drawn whole.
    project.document = schema_to_dict(replace(arranged(project_schema(project)), groups=()))
    project.save()
    return project


def page_token(client, project, selected) -> str:
    page = client.get(reverse("project_detail", args=[project.pk]), {"selected": selected}).content.decode()
    return TOKEN.search(page)[1]


def rename_field(client, project, entity, name, *, drawn):
    project.refresh_from_db()
    field = entity.fields[-1]
    data = {"base_revision": project.revision, "name": name, "type": "text", "nullable": "on", "comment": ""}
    url = reverse("field_update", args=[project.pk, entity.id, field.id])
    return client.post(url, {**data, "selected": entity.id, "drawn": drawn}, **HTMX).content.decode()


def test_an_edit_of_the_drawn_revision_answers_with_the_changed_table_alone(client_for, arranged_project, member):
    client = client_for(member)
    users = project_schema(arranged_project).entity_by_name("users")
    token = page_token(client, arranged_project, users.id)
    assert token.startswith(f"{arranged_project.revision}:")
    body = rename_field(client, arranged_project, users, "nickname_2", drawn=token)
    patch = re.search(
        r'<div id="diagram-patch" hidden hx-swap-oob="true" data-redrawn="([^"]*)" data-removed="[^"]*" '
        r'data-drawn="([^"]*)"><template>(.*?)</template>',
        body,
        re.S,
    )
    assert patch is not None and 'id="diagram"' not in body
    assert patch[1] == f"entity_{users.id}" and "nickname_2" in patch[3]
    assert patch[2].startswith(f"{arranged_project.revision + 1}:")
    # The next edit goes on from the patched drawing (diagram.js sets the token once it is in).
    again = rename_field(client, arranged_project, users, "nickname_3", drawn=patch[2])
    assert 'id="diagram-patch" hidden hx-swap-oob' in again


@pytest.mark.parametrize("drawn", ["", "0:wrong:", "garbage"])
def test_without_the_drawing_of_the_revision_edited_the_whole_drawing_comes(
    client_for, arranged_project, member, drawn
):
    client = client_for(member)
    users = project_schema(arranged_project).entity_by_name("users")
    body = rename_field(client, arranged_project, users, "nickname_2", drawn=drawn)
    assert 'id="diagram"' in body and "diagram-patch" not in body


def test_a_stale_token_draws_whole(client_for, arranged_project, member):
    client = client_for(member)
    users = project_schema(arranged_project).entity_by_name("users")
    token = page_token(client, arranged_project, users.id)
    rename_field(client, arranged_project, users, "nickname_2", drawn="")  # the page missed this one
    body = rename_field(client, arranged_project, users, "nickname_3", drawn=token)
    assert 'id="diagram"' in body and "diagram-patch" not in body


def test_a_panel_request_from_a_page_showing_the_drawing_gets_no_drawing(client_for, arranged_project, member):
    client = client_for(member)
    users = project_schema(arranged_project).entity_by_name("users")
    token = page_token(client, arranged_project, users.id)
    url = reverse("editor_panel", args=[arranged_project.pk])
    same = client.get(url, {"selected": users.id, "drawn": token}, **HTMX).content.decode()
    assert "<svg" not in same and 'id="diagram"' not in same
    other = project_schema(arranged_project).entity_by_name("posts")
    moved_on = client.get(url, {"selected": other.id, "drawn": token}, **HTMX).content.decode()
    # Another table open: the two tables' frames are redrawn, not the whole drawing.
    assert 'id="diagram"' not in moved_on
    assert f'data-redrawn="entity_{other.id} entity_{users.id}"' in moved_on or (
        f'data-redrawn="entity_{users.id} entity_{other.id}"' in moved_on
    )


def test_a_redraw_request_from_a_page_showing_the_drawing_answers_no_content(client_for, arranged_project, member):
    client = client_for(member)
    token = page_token(client, arranged_project, "")
    url = reverse("diagram_fragment", args=[arranged_project.pk])
    assert client.get(url, {"drawn": token}, **HTMX).status_code == 204
    assert "<svg" in client.get(url, {"drawn": "1:other:"}, **HTMX).content.decode()


def test_a_large_diagram_opens_on_its_sketch_and_edits_patch_it(client_for, owner):
    from designer.examples.synthetic import synthetic_schema
    from designer.schema import Position
    from projects import services
    from projects.diagrams import SKETCH_FROM

    schema = synthetic_schema(entities=SKETCH_FROM)
    grid = tuple(Position(e.id, 300.0 * (i % 20), 260.0 * (i // 20)) for i, e in enumerate(schema.entities))
    project = services.project_create(
        owner=owner, name="Large", schema=replace(schema, diagram=replace(schema.diagram, positions=grid))
    )
    client = client_for(owner)
    entity = schema.entities[7]
    page = client.get(reverse("project_detail", args=[project.pk]), {"selected": entity.id}).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sketch"' in page and 'hx-trigger="load, ' in page
    whole = client.get(
        reverse("diagram_fragment", args=[project.pk]), {"whole": "1", "drawn": TOKEN.search(page)[1]}, **HTMX
    )
    assert whole.status_code == 200 and b"<svg" in whole.content  # the sketch asks for the drawing
    assert page.count('class="node entity"') == SKETCH_FROM and 'id="diagram_origin"' in page
    body = rename_field(client, project, entity, "renamed_on_sketch", drawn=TOKEN.search(page)[1])
    assert f'data-redrawn="entity_{entity.id}"' in body and "renamed_on_sketch" in body
