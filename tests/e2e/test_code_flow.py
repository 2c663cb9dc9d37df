"""The Code page in a real browser: open it from the project, switch targets and dialects
without reloading, copy a file, download it."""

import pytest

from designer.codegen import generate
from designer.examples import blog_schema
from projects.models import Project
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]


def test_code_page_switches_targets_copies_and_downloads(open_project):
    page = open_project(username="cora", name="Blog", schema=blog_schema())
    project = Project.objects.get(name="Blog")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])

    page.get_by_role("link", name="Code").click()
    page.get_by_role("heading", name="Code").wait_for()
    page.evaluate("window.__samePage = true")
    code = page.locator("#code")
    assert "model Post {" in code.inner_text()  # Prisma by default, highlighted
    assert page.locator("#code .highlight .nd").count() > 0  # attributes coloured (@id, @map, ...)

    page.get_by_label("Target").select_option("drizzle")
    page.get_by_label("Dialect").select_option("mysql")
    page.locator("#code", has_text="drizzle-orm/mysql-core").wait_for()
    assert page.evaluate("window.__samePage") is True  # htmx swapped the code, nothing reloaded
    assert "dialect=mysql" in page.url  # the choice is in the address, so it can be shared

    page.get_by_role("button", name="Copy").click()
    page.get_by_role("button", name="Copied").wait_for()
    expected = generate(project_schema(project), target="drizzle", dialect="mysql")["schema.ts"]
    assert page.evaluate("navigator.clipboard.readText()").strip() == expected.strip()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename == "blog-drizzle-schema.ts"
    assert download.value.path().read_text(encoding="utf-8") == expected
