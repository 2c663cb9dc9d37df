"""axe-core (tests/package.json, installed by `npm ci --prefix tests`) on every page and
state the keyboard journey visits: WCAG 2.1 A and AA, no violation allowed."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from projects.models import Project
from tests.e2e.test_keyboard_journey import Keys, add_field, authors_only

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]

# A checkout whose node_modules is shared from elsewhere may point at its own copy.
AXE = Path(os.environ.get("AXE_CORE_JS") or Path(__file__).parents[1] / "node_modules/axe-core/axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_page(page):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci --prefix tests`")
    source = AXE.read_text()

    def check(state: str):
        # Evaluated through the DevTools protocol: the page's Content-Security-Policy still applies to the page itself.
        page.evaluate(source + "\n;0")
        violations = page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)",
            TAGS,
        )
        assert violations == [], f"{state}:\n" + "\n".join(violations)

    return check


def test_the_keyboard_journey_has_no_axe_violations(open_project, axe_page):
    from django.contrib.auth import get_user_model

    page = open_project(username="ally", name="Shop", schema=authors_only())
    axe_page("the editor")
    keys = Keys(page)
    keys.press("Tab", "Enter")
    keys.type("books")
    keys.press("Enter")
    page.locator("#diagram svg text", has_text="books").first.wait_for()
    axe_page("a new table open in the panel, its field grid")
    add_field(keys, page, "title", "text", "Tab", "Tab", "Tab", "ArrowDown", "ArrowDown", "ArrowDown")
    add_field(keys, page, "author_id", "bigint")
    axe_page("fields, an index")
    page.locator("details.field-more summary").first.click()
    page.locator(".field-edit form").first.wait_for()
    axe_page("a field's whole form open")
    page.locator(".view-menu summary").click()
    page.get_by_role("button", name="DBML text pane").click()
    expect(page.locator("#schema-text")).to_contain_text('Table "books"')
    axe_page("the View menu and the DBML pane open")
    page.get_by_role("tab", name="Workload").click()
    page.locator("section.workload").wait_for()
    axe_page("the Workload tab")
    page.get_by_role("tab", name="Advice").click()
    page.locator("#advice").wait_for()
    axe_page("the Advice tab")

    page.keyboard.press("Escape")
    page.get_by_role("tab", name="Schema").click()
    page.locator("#diagram svg g.entity").first.focus()
    axe_page("a diagram table focused")

    project = Project.objects.get(name="Shop")
    pages = ["history", "members", "versions", "verify", "code", "import", "settings"]
    for path in ["/projects/", "/account/tokens/", *(f"/projects/{project.pk}/{name}/" for name in pages)]:
        page.goto(path)
        axe_page(path)
    page.context.clear_cookies()
    for path in ("/accounts/login/", "/accounts/signup/"):
        page.goto(path)
        axe_page(path)
    assert get_user_model().objects.filter(username="ally").exists()
