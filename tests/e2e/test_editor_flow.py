"""The editor in a real browser: every edit redraws the diagram without a page load."""

import pytest
from playwright.sync_api import expect

from projects.models import Project
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


@pytest.fixture
def logged_in(open_project):
    return open_project(username="erin", name="Library")


def table_in_diagram(page, name):
    return page.locator("#diagram svg g.entity text", has_text=name).first


def edges(page):
    return page.locator("#diagram svg g.edge").count()


def add_entity(page, name):
    page.locator("#new-entity-name").fill(name)
    page.locator("#new-entity-name").press("Enter")
    table_in_diagram(page, name).wait_for()
    page.locator("h2", has_text=name).wait_for()  # the new entity is open in the editor


def add_field(page, name, type_text):
    page.locator("#new-field-name").fill(name)
    page.locator("#new-field-type").fill(type_text)
    page.get_by_role("button", name="Add field").click()
    page.locator("#diagram svg text", has_text=name).first.wait_for()


def test_build_a_schema_and_watch_the_diagram(logged_in):
    page = logged_in
    add_entity(page, "authors")
    add_field(page, "full_name", "varchar(120)")
    add_entity(page, "books")
    add_field(page, "title", "text")
    # Fast entry: the add form stays open and the focus is back in its first input.
    expect(page.locator("#new-field-name")).to_be_focused()
    expect(page.locator("#announcer")).to_have_text("added field books.title")
    page.keyboard.type("isbn")
    page.locator("#new-field-type").fill("varchar(13)")
    page.locator("#new-field-type").press("Enter")
    page.locator("#diagram svg text", has_text="isbn").first.wait_for()
    expect(page.locator("#new-field-name")).to_be_focused()

    page.get_by_text("+ Add relationship").click()
    page.locator("#new-relationship-to_entity").select_option(label="authors")
    page.get_by_role("button", name="Add relationship").click()
    page.locator("#diagram svg text", has_text="author_id").first.wait_for()
    assert edges(page) == 1

    add_entity(page, "genres")
    page.locator("[data-entity-id] a", has_text="books").click()
    page.locator("h2", has_text="books").wait_for()
    page.get_by_text("+ Add relationship").click()
    page.locator("#new-relationship-to_entity").select_option(label="genres")
    page.locator("#new-relationship-cardinality").select_option("many_to_many")
    page.get_by_role("button", name="Add relationship").click()
    table_in_diagram(page, "books_genres").wait_for()
    assert edges(page) == 3  # books → authors, and the join table's two references

    page.get_by_text("+ Add index").click()
    page.locator("#new-index-columns").fill("title")
    page.get_by_role("button", name="Add index").click()
    page.locator("#editor-panel code", has_text="books_title_idx").wait_for()

    page.locator("#diagram svg g.entity", has_text="authors").first.click()  # opens it in the editor
    page.locator("h2", has_text="authors").wait_for()
    page.locator("#diagram g.entity.selected", has_text="authors").wait_for()

    page.get_by_role("button", name="↶ Undo").click()  # undo the index
    page.locator("#project-stats", has_text="revision 10 ").wait_for()  # the header follows every edit
    page.locator("h2", has_text="authors").wait_for()  # undo keeps the open entity
    books = project_schema(Project.objects.get(name="Library")).entity_by_name("books")
    assert books.indexes == ()
    assert page.evaluate("window.__samePage") is True
