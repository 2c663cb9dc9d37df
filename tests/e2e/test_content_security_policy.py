"""The pages satisfy their own Content-Security-Policy in Chromium: no inline script or
style, no eval (htmx runs with its indicator styles and eval off), through page loads,
htmx swaps, the inline SVG diagram and job polling."""

import pytest

from designer.examples import blog_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
});
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_no_csp_violations_across_the_app(browser, live_server):
    from django.contrib.auth import get_user_model

    from projects import services

    user = get_user_model().objects.create_user("cora", password="a-long-pass-942")
    project = services.project_create(owner=user, name="Blog", schema=blog_schema())
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = []
    page.on("console", lambda message: console.append(message.text))
    seen = {}

    page.goto("/accounts/login/")
    assert page.evaluate("typeof htmx") == "object"
    seen["login"] = violations(page)
    page.locator("#id_username").fill("cora")
    page.locator("#id_password").fill("a-long-pass-942")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My projects").wait_for()
    seen["list"] = violations(page)

    page.goto(f"/projects/{project.pk}/")
    page.locator("#diagram svg g.entity").first.wait_for()
    page.locator("[data-entity-id] a", has_text="posts").click()
    page.locator("h2", has_text="posts").wait_for()
    page.get_by_role("tab", name="Workload").click()
    page.get_by_text("+ Add access pattern").click()
    page.get_by_role("form", name="Add access pattern").wait_for()
    page.get_by_role("button", name="Export in background").click()
    page.locator("#jobs .job").first.wait_for()
    seen["editor"] = violations(page)

    for path in (f"/projects/{project.pk}/history/", f"/projects/{project.pk}/import/", "/projects/import/"):
        page.goto(path)
        seen[path] = violations(page)
    context.close()

    assert all(found == [] for found in seen.values()), seen
    assert not [text for text in console if "Content Security Policy" in text], console
