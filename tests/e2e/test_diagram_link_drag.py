"""Drawing a relationship in the diagram: drag from a column's handle onto a column of
another table."""

import pytest
from playwright.sync_api import expect

from designer.examples import blog_schema
from projects.models import Project, Revision
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def column(page, table, name):
    node = page.locator("#diagram g.entity", has=page.locator("text[fill=white]", has_text=table))
    return node.locator("text:not([fill])", has_text=name).first


def centre(locator):
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_dragging_from_a_column_onto_another_links_them(open_project):
    page = open_project(username="dora", name="Blog", schema=blog_schema())
    before = len(project_schema(Project.objects.get(name="Blog")).relationships)
    edges = page.locator("#diagram svg g.edge").count()
    start = column(page, "comments", "created_at")
    start.hover()
    handle = page.locator("#diagram .link-handle")
    expect(handle).to_have_count(1)
    page.mouse.move(*centre(handle))
    page.mouse.down()
    target = centre(column(page, "users", "email"))
    page.mouse.move(target[0] - 20, target[1], steps=5)
    page.mouse.move(*target, steps=3)
    page.mouse.up()
    expect(page.locator("#diagram svg g.edge")).to_have_count(edges + 1)
    schema = project_schema(Project.objects.get(name="Blog"))
    assert len(schema.relationships) == before + 1
    comments, users = schema.entity_by_name("comments"), schema.entity_by_name("users")
    link = schema.relationships[-1]
    assert link.from_field_ids == (comments.field_by_name("created_at").id,)
    assert link.to_field_ids == (users.field_by_name("email").id,)
    assert Revision.objects.filter(project__name="Blog").count() == 1
    assert page.evaluate("window.__samePage") is True


def test_a_drag_onto_a_column_that_is_not_unique_says_why(open_project):
    page = open_project(username="dora", name="Blog", schema=blog_schema())
    column(page, "comments", "body").hover()
    page.mouse.move(*centre(page.locator("#diagram .link-handle")))
    page.mouse.down()
    page.mouse.move(*centre(column(page, "users", "bio")), steps=5)
    page.mouse.up()
    expect(page.locator("#editor-panel .errors")).to_contain_text("not unique")
    assert not Revision.objects.filter(project__name="Blog").exists()
