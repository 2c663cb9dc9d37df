"""`release`, `migration_sql` and `export_bundle`, run as written in the README; the SQL
they print is applied to a scratch PostgreSQL database with the real `psql`."""

import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from designer import ops
from designer.schema import Field, FieldType, TypeKind
from projects import services
from projects.models import Release
from projects.selectors import project_schema
from tests.pg_scratch import psql, scratch_database, tables


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _add_locale(project, user):
    project.refresh_from_db()
    entity = project_schema(project).entity_by_name("users")
    field = Field(id="fld_locale", name="locale", type=FieldType(TypeKind.TEXT))
    services.apply_op(project_id=project.pk, user=user, op=ops.AddField(entity_id=entity.id, field=field),
                      base_revision=project.revision)  # fmt: skip


def test_release_prints_the_version_number_alone_on_the_last_line(project, owner):
    out, _ = run("release", str(project.pk), "--message", "first cut")
    assert out.strip().splitlines()[-1] == "1"
    _add_locale(project, owner)
    out, _ = run("release", str(project.pk))
    assert out.strip().splitlines()[-1] == "2"
    assert list(Release.objects.filter(project=project).values_list("message", flat=True)) == ["", "first cut"]


def test_release_errors_are_messages(project):
    with pytest.raises(CommandError, match="No project with id 999999"):
        run("release", "999999")
    run("release", str(project.pk))
    with pytest.raises(CommandError, match="Nothing changed since version 1"):
        run("release", str(project.pk))


def test_migration_sql_applies_and_reverts_with_psql(project, owner, tmp_path):
    run("release", str(project.pk))
    _add_locale(project, owner)
    run("release", str(project.pk))
    files = {}
    for name, args in {"up1": ("--from", "0", "--to", "1"), "up2": ("--from", "1", "--to", "2"),
                       "down2": ("--from", "1", "--to", "2", "--down"),
                       "down1": ("--from", "0", "--to", "1", "--down")}.items():  # fmt: skip
        out, _ = run("migration_sql", str(project.pk), *args, "--dialect", "postgresql")
        files[name] = tmp_path / f"{name}.sql"
        files[name].write_text(out)
    with scratch_database("cmd") as database:
        assert psql(database, files["up1"]).returncode == 0
        assert "locale" not in tables(database)["public.users"]
        result = psql(database, files["up2"])
        assert result.returncode == 0, result.stderr
        assert tables(database)["public.users"][-1] == "locale"
        assert psql(database, files["down2"]).returncode == 0
        assert "locale" not in tables(database)["public.users"]
        assert psql(database, files["down1"]).returncode == 0
        assert tables(database) == {}


def test_migration_sql_errors_are_messages(project):
    run("release", str(project.pk))
    with pytest.raises(CommandError, match="no version 5"):
        run("migration_sql", str(project.pk), "--from", "0", "--to", "5", "--dialect", "postgresql")
    with pytest.raises(CommandError, match="smaller version"):
        run("migration_sql", str(project.pk), "--from", "1", "--to", "1", "--dialect", "postgresql")


@pytest.mark.graphviz
def test_export_bundle_writes_the_zip(project, owner, tmp_path):
    run("release", str(project.pk), "--message", "one")
    _add_locale(project, owner)
    run("release", str(project.pk), "--message", "two")
    target = tmp_path / "bundle.zip"
    run("export_bundle", str(project.pk), "--from", "1", "--dialects", "postgresql", "--out", str(target))
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "migrations/postgresql/0002_two/up.sql" in archive.namelist()
    assert (manifest["base_version"], manifest["target_version"], manifest["dialects"]) == (1, 2, ["postgresql"])
    again = tmp_path / "again.zip"
    run(
        "export_bundle",
        str(project.pk),
        "--version",
        "2",
        "--from",
        "1",
        "--dialects",
        "postgresql",
        "--out",
        str(again),
    )
    assert again.read_bytes() == target.read_bytes()  # deterministic
    with pytest.raises(CommandError, match="Unknown dialect oracle"):
        run("export_bundle", str(project.pk), "--dialects", "oracle", "--out", str(tmp_path / "x.zip"))
