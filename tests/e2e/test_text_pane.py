"""The DBML text pane in a real browser: an edit saved as text redraws the diagram and
lands in the history as a rename; a mistake is shown at its line and nothing is saved."""

import pytest
from playwright.sync_api import expect

from designer.examples import blog_schema
from projects.models import Project, Revision

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def open_pane(page):
    page.locator(".view-menu summary").click()
    page.get_by_role("button", name="DBML text pane").click()
    expect(page.locator("#schema-text")).to_contain_text('Table "posts"')


def test_a_rename_in_the_text_pane_follows_in_the_diagram_and_history(open_project):
    page = open_project(username="tess", name="Blog", schema=blog_schema())
    open_pane(page)
    area = page.locator("#schema-text")
    area.fill(area.input_value().replace('"posts"', '"articles"'))
    area.press("Control+Enter")
    page.locator("#diagram svg g.entity text", has_text="articles").first.wait_for()
    expect(page.locator("#announcer")).to_contain_text("articles")
    expect(area).to_contain_text('Table "articles"')  # the pane shows what is stored now
    expect(page.locator("#text-pane input[name=base_revision]")).to_have_value("1")
    assert Revision.objects.get(project__name="Blog").summary == "Update entity articles (renamed from posts)"

    area.fill(area.input_value().replace('"bio" text', '"bio" text [nonsense'))
    page.get_by_role("button", name="Save text").click()
    expect(page.locator("#text-pane [data-line]").first).to_have_text("line 19")
    assert Revision.objects.filter(project__name="Blog").count() == 1
    assert page.evaluate("window.__samePage") is True

    page.goto(f"/projects/{Project.objects.get(name='Blog').pk}/history/")
    entry = page.locator('li[data-revision="1"]')
    expect(entry).to_contain_text("posts")
    expect(entry).to_contain_text("articles")
    assert "renamed" in entry.inner_text() and "added" not in entry.inner_text()
