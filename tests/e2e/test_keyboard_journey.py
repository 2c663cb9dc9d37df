"""Keyboard only: a table, five fields, a relationship and an index, counting every key
pressed besides the names and types typed."""

import pytest
from playwright.sync_api import expect

from designer.edits import add_entity
from designer.ops import apply
from designer.schema import Schema
from projects.models import Project, Revision
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def authors_only() -> Schema:
    schema, _ = apply(Schema(), add_entity(Schema(), name="authors"))
    return schema


class Keys:
    """Presses keys and counts them; typing names and types is not counted."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, *keys):
        for key in keys:
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text):
        self.page.keyboard.type(text)


def add_field(keys, page, name, type_text, *extra):
    expect(page.locator("#new-field-name")).to_be_focused()
    keys.type(name)
    keys.press("Tab")
    keys.type(type_text)
    keys.press(*extra, "Enter")
    page.locator("#diagram svg text", has_text=name).first.wait_for()


def test_a_table_with_fields_a_link_and_an_index_by_keyboard(open_project):
    page = open_project(username="kim", name="Shop", schema=authors_only())
    keys = Keys(page)
    keys.press("Tab")
    expect(page.get_by_role("link", name="Skip to new table")).to_be_focused()
    keys.press("Enter")
    expect(page.locator("#new-entity-name")).to_be_focused()
    keys.type("books")
    keys.press("Enter")
    page.locator("#diagram svg text", has_text="books").first.wait_for()

    add_field(keys, page, "title", "text")
    add_field(keys, page, "isbn", "varchar(13)")
    add_field(keys, page, "published_on", "date", "Tab", "Tab", "Tab", "ArrowDown", "ArrowDown", "ArrowDown")
    add_field(keys, page, "price", "numeric(10,2)")
    expect(page.locator("#new-field-name")).to_be_focused()
    keys.type("author_id")
    keys.press("Tab")
    keys.type("bigint")
    keys.press("Tab", "Tab", "Tab", "Tab")
    keys.type("authors")  # the linked table's name
    keys.press("Enter")
    page.locator("#diagram svg g.edge").first.wait_for()

    schema = project_schema(Project.objects.get(name="Shop"))
    books = schema.entity_by_name("books")
    assert [f.name for f in books.fields] == ["id", "title", "isbn", "published_on", "price", "author_id"]
    published = books.field_by_name("published_on")
    assert [i.columns[0].field_id for i in books.indexes] == [published.id]
    (link,) = schema.relationships
    assert link.from_field_ids == (books.field_by_name("author_id").id,)
    assert link.to_entity_id == schema.entity_by_name("authors").id
    assert Revision.objects.filter(project__name="Shop").count() == 6
    assert keys.count < 40, keys.count
    print(f"keyboard journey: {keys.count} keys besides names and types")
    expect(page.locator("#new-field-name")).to_be_focused()
    assert page.evaluate("window.__samePage") is True


def test_a_grid_row_saves_as_it_is_left_and_a_paste_adds_many_fields(open_project):
    page = open_project(username="lou", name="Shop", schema=authors_only())
    page.locator("[data-entity-id] a", has_text="authors").click()
    authors = project_schema(Project.objects.get(name="Shop")).entity_by_name("authors")
    key = authors.fields[0]
    name_cell = page.locator(f"#field-{key.id}-name")
    name_cell.fill("author_key")
    name_cell.press("Tab")  # leaving the cell saves the row; the focus goes on across it
    page.locator("#diagram svg text", has_text="author_key").first.wait_for()
    expect(page.locator(f"#field-{key.id}-type")).to_be_focused()
    assert Revision.objects.get(project__name="Shop").summary == "Update field author_key (renamed from id)"

    page.locator("#new-field-name").focus()
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.setData("text/plain", "email varchar(200) not null\\nbio text\\nborn date");
            document.getElementById("new-field-name").dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }"""
    )
    page.locator("#diagram svg text", has_text="born").first.wait_for()
    fields = project_schema(Project.objects.get(name="Shop")).entity_by_name("authors").fields
    assert [(f.name, f.nullable) for f in fields] == [
        ("author_key", False),
        ("email", False),
        ("bio", True),
        ("born", True),
    ]
    expect(page.locator("#new-field-name")).to_be_focused()
    assert page.evaluate("window.__samePage") is True
