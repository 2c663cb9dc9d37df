"""Deployable by construction, in a real browser with a real Celery worker: a typo in a
type is refused with the suggestion; a DBML file whose one-to-one refs are written
``child.fk - parent.pk`` imports pointing the right way; a release that fails for MySQL
asks and records the choice; a bundle after a bad version builds from the baseline and
its MySQL migration runs on MariaDB."""

import io
import json
import zipfile

import pytest

from designer import ops
from designer.examples import blog_schema
from designer.schema import Field, FieldType, TypeKind, replace
from projects import services
from projects.models import Project, Release
from projects.selectors import project_schema
from tests.integration.conftest import celery_worker_process  # noqa: F401 — the real worker fixture
from tests.integration.migration_servers import MariaDB

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz, pytest.mark.celery, pytest.mark.redis, pytest.mark.mariadb]

DBML = """Project shop { database_type: "PostgreSQL" }
Table customer { id int [pk] }
Table profile { id int [pk]
  customer_id int [not null] }
Table wallet { id int [pk]
  customer_id int [not null] }
Ref: profile.customer_id - customer.id
Ref: wallet.customer_id - customer.id
"""


def edit(project, op):
    project.refresh_from_db()
    services.apply_op(project_id=project.pk, user=project.owner, op=op, base_revision=project.revision)


def posts_field(project, name, written):
    posts = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")
    return posts, Field(id=f"fld_{name}", name=name, type=FieldType(TypeKind.OTHER, written=written))


def test_deployable_by_construction(open_project, celery_worker_process, tmp_path):  # noqa: F811
    page = open_project(username="dee", name="Blog", schema=blog_schema())
    project = Project.objects.get(name="Blog")
    # v1 was released before the deploy check existed, with a typo in a type.
    posts, code = posts_field(project, "code", "varchr(20)")
    edit(project, ops.AddField(entity_id=posts.id, field=code))
    project.refresh_from_db()
    Release.objects.create(
        project=project,
        number=1,
        message="with a typo",
        document=project.document,
        revision=project.revision,
        created_by=project.owner,
    )
    edit(project, ops.UpdateField(entity_id=posts.id, field=replace(code, type=FieldType(TypeKind.VARCHAR, length=20))))

    # 1. The typo is refused where it is typed, with the suggestion; the input stays.
    page.goto(f"/projects/{project.pk}/?selected={posts.id}")
    page.locator("#new-field-name").fill("sku")
    page.locator("#new-field-type").fill("varchr(20)")
    page.get_by_role("button", name="Add field").click()
    page.get_by_text("Did you mean varchar(20)?").wait_for()
    assert page.locator("#new-field-type").input_value() == "varchr(20)"
    assert page.locator("datalist#type-catalogue option[value='jsonb']").count() == 1  # the type picker
    page.locator("#new-field-type").fill("varchar(20)")
    page.get_by_role("button", name="Add field").click()
    page.locator("#diagram svg text", has_text="sku").first.wait_for()

    # 2. child.fk - parent.pk refs are read the way that makes sense, and it says so.
    page.goto("/projects/import/")
    page.locator("#id_text").fill(DBML)
    page.locator("#id_name").fill("Shop")
    page.get_by_role("button", name="Import").click()
    page.get_by_text("it is read the other way").first.wait_for()
    shop = project_schema(Project.objects.get(name="Shop"))
    holders = sorted((shop.entity(r.from_entity_id).name, shop.entity(r.to_entity_id).name) for r in shop.relationships)
    assert holders == [("profile", "customer"), ("wallet", "customer")]

    # 3. A release that fails for MySQL asks, and the choice is recorded on the version.
    posts, period = posts_field(project, "period", "tsrange")
    edit(project, ops.AddField(entity_id=posts.id, field=period))
    page.goto(f"/projects/{project.pk}/versions/")
    assert "fails" in page.locator("#deploy-check li[data-dialect='mysql']").inner_text()
    page.get_by_placeholder("What changed (optional)").fill("Ranges")
    page.get_by_role("button", name="Release version").click()
    page.get_by_text("choose to leave MySQL/MariaDB, SQLite out of this version").wait_for()
    page.get_by_label("leave MySQL/MariaDB out of this version").check()
    page.get_by_label("leave SQLite out of this version").check()
    page.get_by_role("button", name="Release version").click()
    page.locator("#version-list tr[data-version='2']").get_by_text("without mysql, sqlite").wait_for()
    assert Release.objects.get(project=project, number=2).dropped_dialect_list == ["mysql", "sqlite"]

    # 4. Past the bad version: the next one is released as a baseline, and the bundle builds from it.
    edit(project, ops.RemoveField(entity_id=posts.id, field_id=period.id))
    page.get_by_placeholder("What changed (optional)").fill("No ranges")
    page.get_by_label("baseline (bundles start at its full DDL)").check()
    page.get_by_role("button", name="Release version").click()
    page.locator("#version-list tr[data-version='3']").get_by_text("✓ baseline").wait_for()
    page.get_by_role("button", name="Build bundle").click()
    download_link = page.locator("#bundle-jobs").get_by_role("link", name="Download")
    download_link.wait_for(timeout=60_000)
    with page.expect_download() as download_info:
        download_link.click()
    zip_path = tmp_path / "bundle.zip"
    download_info.value.save_as(zip_path)
    with zipfile.ZipFile(io.BytesIO(zip_path.read_bytes())) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        files = {name: archive.read(name) for name in archive.namelist()}
    assert manifest["dialects"] == ["postgresql", "mysql", "sqlite"] and manifest["left_out"] == []
    mysql = [m for m in manifest["migrations"] if m["dialect"] == "mysql"]
    assert [(m["from"], m["to"]) for m in mysql] == [(0, 3)]
    server = MariaDB("e2e_deploy")
    try:
        server.apply(files[f"{mysql[0]['directory']}/up.sql"].decode())
    finally:
        server.close()
