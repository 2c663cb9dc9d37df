"""Diagram tables by keyboard: Tab reaches a table, arrow keys go to related tables,
Enter opens the focused one in the panel."""

import pytest
from playwright.sync_api import expect

from designer.examples import blog_schema
from projects.models import Project
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def focused_table(page):
    return page.evaluate("document.activeElement.closest('g.entity') && document.activeElement.id")


def test_tables_are_reached_moved_between_and_opened_by_keyboard(open_project):
    page = open_project(username="kai", name="Blog", schema=blog_schema())
    page.locator("#diagram svg g.entity").first.wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to diagram")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = focused_table(page)
    assert first, "Tab from the diagram reaches a table"
    visited = {first}
    for key in ("ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"):
        page.keyboard.press(key)
        visited.add(focused_table(page))
    assert len(visited - {None}) >= 2, "arrow keys move to related tables"
    name = page.evaluate("document.activeElement.querySelector('text').textContent.trim()")
    page.keyboard.press("Enter")
    expect(page.locator("#editor-panel section.entity-editor h2")).to_contain_text(name)
    expect(page.locator(f"#diagram g.entity.selected >> text={name}").first).to_be_visible()

    # Alt+arrow moves it (pinned where it lands, undoable like a drag), and the focus stays on it.
    moved = focused_table(page)
    page.keyboard.press("Alt+ArrowRight")
    page.locator("#project-stats", has_text="revision 1 ").wait_for()
    schema = project_schema(Project.objects.get(name="Blog"))
    assert schema.diagram.position(schema.entity_by_name(name).id) is not None  # none before: blog_schema() has none
    page.wait_for_function(f"document.activeElement && document.activeElement.id === {moved!r}")
    assert page.evaluate("window.__samePage") is True
