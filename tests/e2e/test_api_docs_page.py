"""The API's Swagger page renders every operation under the app's strict CSP (its
scripts and styles are served from our static files; nothing inline, nothing from a CDN)."""

import pytest

pytestmark = [pytest.mark.e2e]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
});
"""


def test_the_swagger_page_renders_the_operations_without_csp_violations(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/api/v1/docs")
    page.locator(".opblock-summary-path", has_text="/api/v1/projects/{project_id}/schema").first.wait_for()
    assert page.locator(".opblock").count() >= 20
    assert page.evaluate("window.__cspViolations") == []
    assert all(url.startswith(live_server.url) for url in requested)
