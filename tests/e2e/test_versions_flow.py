"""Done-when of the Versions issue, in a real browser with a real Celery worker: release
two versions, compare them, build a bundle (progress bar, then a download), and apply
the downloaded PostgreSQL migrations to a real server, then revert them."""

import io
import zipfile

import pytest

from designer import ops
from designer.examples import blog_schema
from designer.schema import Field, FieldType, TypeKind, replace
from projects import services
from projects.models import Project
from projects.selectors import project_schema
from tests.e2e.conftest import ARTIFACTS
from tests.integration.conftest import celery_worker_process  # noqa: F401 — the real worker fixture
from tests.pg_scratch import psql, scratch_database, tables

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz, pytest.mark.celery, pytest.mark.redis]


def _edit_between_versions(project, user):
    """The schema moves on between the two releases: a field renamed, one added."""
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    renamed = replace(users.field_by_name("display_name"), name="full_name")
    edits = ops.Batch(
        ops=(
            ops.UpdateField(entity_id=users.id, field=renamed),
            ops.AddField(
                entity_id=users.id, field=Field(id="fld_locale", name="locale", type=FieldType(TypeKind.TEXT))
            ),
        )
    )
    services.apply_op(project_id=project.pk, user=user, op=edits, base_revision=project.revision)


def test_release_compare_bundle_download_and_apply(open_project, celery_worker_process, tmp_path):  # noqa: F811
    page = open_project(username="vic", name="Blog", schema=blog_schema())
    project = Project.objects.get(name="Blog")

    page.get_by_role("link", name="Versions").click()
    page.get_by_role("heading", name="Versions of “Blog”").wait_for()
    page.get_by_placeholder("What changed (optional)").fill("First cut")
    page.get_by_role("button", name="Release version").click()
    page.locator("#version-list").get_by_text("First cut").wait_for()

    _edit_between_versions(project, project.owner)
    page.get_by_placeholder("What changed (optional)").fill("Users: full name, locale")
    page.get_by_role("button", name="Release version").click()
    page.locator("#version-list").get_by_text("Users: full name, locale").wait_for()

    page.get_by_role("button", name="Compare").click()
    page.get_by_role("heading", name="v1 → v2").wait_for()
    changes = page.locator("#changes")
    assert "name: display_name → full_name" in changes.inner_text()
    assert "users.locale" in changes.inner_text()
    assert page.locator("#diagram g.entity.changed").count() == 1  # users, highlighted amber
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "versions_compare.png", full_page=True)

    page.get_by_role("link", name="Back to versions").click()
    bundle_form = page.locator("#bundle-form")
    assert bundle_form.get_by_label("Target version").input_value() == "2"  # the latest by default
    assert bundle_form.get_by_label("Base version").input_value() == "0"  # the empty database
    bundle_form.get_by_label("SQLite").uncheck()  # PostgreSQL and MySQL / MariaDB stay picked
    page.get_by_role("button", name="Build bundle").click()
    page.locator("#bundle-jobs progress").wait_for()  # the progress bar first
    download_link = page.locator("#bundle-jobs").get_by_role("link", name="Download")
    download_link.wait_for(timeout=60_000)  # then the worker's result
    with page.expect_download() as download_info:
        download_link.click()
    zip_path = tmp_path / "bundle.zip"
    download_info.value.save_as(zip_path)

    with zipfile.ZipFile(io.BytesIO(zip_path.read_bytes())) as archive:
        assert "schema/mysql.sql" in archive.namelist() and "schema/sqlite.sql" not in archive.namelist()
        archive.extractall(tmp_path / "bundle")
    steps = sorted(p.parent for p in (tmp_path / "bundle" / "migrations" / "postgresql").glob("*/up.sql"))
    assert [s.name for s in steps] == ["0001_first_cut", "0002_users_full_name_locale"]
    with scratch_database("e2e") as database:
        for step in steps:
            result = psql(database, step / "up.sql")
            assert result.returncode == 0, result.stderr
        columns = tables(database)["public.users"]
        assert {"full_name", "locale"} <= set(columns) and "display_name" not in columns
        result = psql(database, steps[1] / "down.sql")
        assert result.returncode == 0, result.stderr
        assert "display_name" in tables(database)["public.users"] and "locale" not in tables(database)["public.users"]
        result = psql(database, steps[0] / "down.sql")
        assert result.returncode == 0, result.stderr
        assert tables(database) == {}
