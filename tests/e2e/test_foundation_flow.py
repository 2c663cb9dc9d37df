"""Sign up → create a project → import the demo DBML → export it, in a real browser."""

from pathlib import Path

import pytest

from designer.formats.dbml import parse_dbml
from designer.schema import replace

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]
BLOG = Path(__file__).parents[2] / "designer" / "examples" / "blog.dbml"


def test_signup_create_import_export(page, tmp_path):
    page.goto("/accounts/signup/")
    page.locator("#id_username").fill("erin")
    page.locator("#id_password1").fill("a-long-pass-942")
    page.locator("#id_password2").fill("a-long-pass-942")
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("heading", name="My projects").wait_for()

    page.locator("#id_name").fill("Blog from the browser")
    page.get_by_role("button", name="Create project").click()
    page.get_by_role("heading", name="Blog from the browser").wait_for()
    assert "No entities yet" in page.content()

    page.get_by_role("link", name="Import", exact=True).click()
    page.locator("#id_file").set_input_files(str(BLOG))
    page.get_by_role("button", name="Import").click()
    # An import into an existing project shows what it reads and replaces, then waits.
    page.get_by_role("button", name="Replace the schema").wait_for()
    assert page.get_by_text("Read 5 tables").is_visible()
    page.get_by_role("button", name="Replace the schema").click()
    page.locator("#diagram svg").wait_for()
    assert page.locator("#diagram g.entity").count() == 5
    assert "Schema imported" in page.content()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export DBML").click()
    target = tmp_path / "export.dbml"
    download_info.value.save_as(target)
    assert download_info.value.suggested_filename == "blog-from-the-browser.dbml"
    exported = parse_dbml(target.read_text())  # as imported, plus the places its first layout gave
    assert replace(exported, diagram=replace(exported.diagram, positions=())) == parse_dbml(BLOG.read_text())
