"""The advisor in a real browser, through a real Celery worker and Redis: Analyze the
demo project, watch the progress bar, read the results, apply an index recommendation
(the editor and the diagram show the index), then undo it."""

import pytest
from playwright.sync_api import expect

from designer.examples import blog_schema
from projects.models import Analysis, Project
from projects.selectors import project_schema
from tests.e2e.conftest import ARTIFACTS
from tests.integration.conftest import celery_worker_process  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz, pytest.mark.celery, pytest.mark.redis]
INDEX = "comments_post_id_created_at_idx"


def comments_in_diagram(page):
    return page.locator("#diagram svg g.entity", has=page.locator("text", has_text="comments"))


def indexed_markers(page) -> int:
    return comments_in_diagram(page).locator("text", has_text="IX").count()


def test_analyze_apply_and_undo_an_index(open_project, celery_worker_process, settings):  # noqa: F811
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "the analysis must go through the broker to the worker"
    page = open_project(username="ada", name="Blog (demo)", schema=blog_schema())
    comments_in_diagram(page).first.wait_for()
    assert indexed_markers(page) == 0

    page.get_by_role("tab", name="Advice").click()
    page.get_by_text("No analysis yet").wait_for()
    page.get_by_role("button", name="Analyze").click()
    page.locator("#advice progress").wait_for()  # the job row first, polled until the worker is done

    technology = page.get_by_label("Technology choice")
    technology.get_by_text("Primary store: PostgreSQL + Redis cache").wait_for(timeout=60_000)
    assert page.locator("#advice progress").count() == 0
    card = page.locator("article.recommendation[data-code='index.pattern']").first
    assert "150/s (peak 700/s)" in card.inner_text() and "post_id" in card.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    card.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "advice_results.png", full_page=True)  # for people reviewing the layout
    project = Project.objects.get(name="Blog (demo)")
    assert Analysis.objects.get(project=project).revision == project.revision

    card.get_by_role("button", name="Apply").first.click()
    page.get_by_text("the schema is now at revision").wait_for()
    page.locator("#diagram svg g.entity").first.wait_for(state="attached")
    page.locator("#diagram svg g.entity", has_text="comments").filter(has_text="IX").first.wait_for(state="attached")
    assert indexed_markers(page) == 2  # post_id and created_at
    expect(card.locator(".badge.applied")).to_have_text("✓ applied")  # marked, and no Apply on it
    expect(card.get_by_role("button", name="Apply")).to_have_count(0)
    page.get_by_role("tab", name="Schema").click()
    page.locator("[data-entity-id] a", has_text="comments").click()
    page.locator("code", has_text=INDEX).wait_for()  # the editor lists the new index
    project.refresh_from_db()
    assert [i.name for i in project_schema(project).entity_by_name("comments").indexes] == [INDEX]

    page.locator("[data-undo]").click()
    page.locator("code", has_text=INDEX).wait_for(state="detached")
    page.wait_for_function(
        """() => ![...document.querySelectorAll('#diagram svg g.entity')]
              .some(g => g.textContent.includes('comments') && g.textContent.includes('IX'))"""
    )
    project.refresh_from_db()
    assert project_schema(project).entity_by_name("comments").indexes == ()
    page.get_by_role("tab", name="Advice").click()
    expect(page.locator("article.recommendation[data-code='index.pattern'] .badge.sev-critical").first).to_be_visible()
    expect(page.locator("#advice .badge.applied")).to_have_count(0)  # the undo took the mark away
    assert page.evaluate("window.__samePage") is True
