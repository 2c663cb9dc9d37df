"""Finding a table in the diagram and seeing its neighbours: type-ahead search jumps to
the table and lights it; hovering a table lights its lines and the tables they join."""

import re

import pytest
from playwright.sync_api import expect

from designer.examples import blog_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def test_search_jumps_to_a_table_and_hover_lights_its_neighbours(open_project, page):
    schema = blog_schema()
    page = open_project(username="finn", name="Blog", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    names = page.locator("#diagram-tables option").evaluate_all("options => options.map(o => o.value)")
    assert names == [e.qualified_name for e in schema.entities]

    page.keyboard.press("/")  # the shortcut focuses the search box
    expect(page.locator("#diagram-search")).to_be_focused()
    page.keyboard.type("comments")
    page.keyboard.press("Enter")
    comments = page.locator(f"#entity_{schema.entity_by_name('comments').id}")
    expect(comments).to_have_class(re.compile(r"\bfound\b"))
    expect(page.locator("#diagram-search-status")).to_have_text("Showing comments.")

    page.locator("#diagram-search").fill("no_such_table")
    page.locator("#diagram-search").press("Enter")
    expect(page.locator("#diagram-search-status")).to_have_text("No table named no_such_table.")

    comments.hover()
    joined = {r.to_entity_id for r in schema.relationships if r.from_entity_id == schema.entity_by_name("comments").id}
    for entity_id in joined:
        expect(page.locator(f"#entity_{entity_id}")).to_have_class(re.compile(r"\bneighbour\b"))
    lit = page.locator("#diagram g.relationship.lit")
    assert lit.count() == len(
        [r for r in schema.relationships if schema.entity_by_name("comments").id in (r.from_entity_id, r.to_entity_id)]
    )
    page.mouse.move(1, 1)
    expect(page.locator("#diagram g.relationship.lit")).to_have_count(0)


def test_n_on_a_table_shows_its_neighbours_to_the_chosen_depth(open_project, page):
    schema = blog_schema()
    page = open_project(username="nora", name="Blog", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    comments = schema.entity_by_name("comments")
    near = {comments.id} | {
        other
        for r in schema.relationships
        if comments.id in (r.from_entity_id, r.to_entity_id)
        for other in (r.from_entity_id, r.to_entity_id)
    }
    assert len(near) < len(schema.entities)  # depth 1 leaves some tables out

    page.locator(f"#entity_{comments.id}").hover()
    page.keyboard.press("n")
    expect(page.locator(".diagram-controls select[name=focus]")).to_have_value(comments.id)
    expect(page.locator("#diagram g.entity")).to_have_count(len(near))
    drawn = page.locator("#diagram g.entity").evaluate_all("nodes => nodes.map(n => n.id)")
    assert set(drawn) == {f"entity_{i}" for i in near}
    expect(page.locator("#diagram-search-status")).to_have_text("Showing the neighbours of comments.")

    # Deeper: the depth box widens the view around the same table.
    page.locator(".diagram-controls input[name=depth]").fill("3")
    page.locator(".diagram-controls input[name=depth]").dispatch_event("change")
    expect(page.locator("#diagram g.entity")).to_have_count(len(schema.entities))

    # The context menu does the same for another table.
    page.locator(".diagram-controls input[name=depth]").fill("1")
    page.locator(".diagram-controls input[name=depth]").dispatch_event("change")
    users = schema.entity_by_name("users")
    page.locator(f"#entity_{users.id}").click(button="right")
    expect(page.locator(".diagram-controls select[name=focus]")).to_have_value(users.id)


def test_picked_tables_become_a_subject_area_chosen_from_the_view_menu(open_project, page):
    schema = blog_schema()
    page = open_project(username="sara", name="Blog", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    users, posts = schema.entity_by_name("users"), schema.entity_by_name("posts")
    page.locator(f"#entity_{users.id}").click(modifiers=["Shift"])
    page.locator(f"#entity_{posts.id}").click(modifiers=["Shift"])
    page.get_by_text("View", exact=True).click()
    page.get_by_label("New subject area name").fill("Writing")
    page.get_by_role("button", name="Save as area").click()
    expect(page.locator("#diagram g.entity")).to_have_count(2)
    area = page.locator(".diagram-controls select[name=area]")
    expect(area.locator("option:checked")).to_have_text("Writing (2)")
    # The whole diagram again, then the area from the select: drawn in its own arrangement.
    area.select_option("")
    expect(page.locator("#diagram g.entity")).to_have_count(len(schema.entities))
    area.select_option(label="Writing (2)")
    expect(page.locator("#diagram g.entity")).to_have_count(2)
    assert page.evaluate("window.__samePage") is True
