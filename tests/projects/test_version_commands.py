"""`release`, `migration_sql` and `export_bundle`, run as written in the README; the SQL
they print is applied to a scratch PostgreSQL database with the real `psql`."""

import io
import json
import os
import sqlite3
import subprocess
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
from tests.integration.migration_servers import PREFIX
from tests.pg_scratch import psql, scratch_database, tables


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _add_locale(project, user):
    project.refresh_from_db()
    entity = project_schema(project).entity_by_name("users")
    field = Field(id="fld_locale", name="locale", type=FieldType(TypeKind.TEXT))
    services.apply_op(
        project_id=project.pk,
        user=user,
        op=ops.AddField(entity_id=entity.id, field=field),
        base_revision=project.revision,
    )


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
    for name, args in {
        "up1": ("--from", "0", "--to", "1"),
        "up2": ("--from", "1", "--to", "2"),
        "down2": ("--from", "1", "--to", "2", "--down"),
        "down1": ("--from", "0", "--to", "1", "--down"),
    }.items():
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


def _released_twice(project, owner):
    run("release", str(project.pk))
    _add_locale(project, owner)
    run("release", str(project.pk))


def _sql(project, *args, dialect):
    out, _ = run("migration_sql", str(project.pk), *args, "--dialect", dialect)
    return out


def test_migration_sql_applies_and_reverts_with_sqlite3(project, owner, tmp_path):
    _released_twice(project, owner)
    database = tmp_path / "app.sqlite3"

    def apply(sql: str) -> None:
        result = subprocess.run(
            ["sqlite3", "-bail", str(database)], input=sql, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0 and not result.stderr, result.stderr

    def columns(table: str) -> list[str]:
        with sqlite3.connect(database) as connection:
            return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]

    apply(_sql(project, "--from", "0", "--to", "1", dialect="sqlite"))
    apply(_sql(project, "--from", "1", "--to", "2", dialect="sqlite"))
    assert columns("users")[-1] == "locale"
    apply(_sql(project, "--from", "1", "--to", "2", "--down", dialect="sqlite"))
    assert "locale" not in columns("users")
    apply(_sql(project, "--from", "0", "--to", "1", "--down", dialect="sqlite"))
    with sqlite3.connect(database) as connection:
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone() == (0,)


@pytest.mark.mariadb
def test_migration_sql_applies_and_reverts_with_mariadb(project, owner):
    _released_twice(project, owner)
    name = f"{PREFIX}_cmd_{os.getpid()}"  # carries the test database's name: parallel runs never share it

    def mariadb(sql: str, database: str | None = None) -> str:
        command = ["mariadb", "-h", "127.0.0.1", "-u", "root", "--batch", "--skip-column-names"]
        result = subprocess.run(
            [*command, *([database] if database else [])], input=sql, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    mariadb(f"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}`;")
    columns = (
        f"SELECT column_name FROM information_schema.columns WHERE table_schema = '{name}' AND table_name = 'users'"
    )
    try:
        mariadb(_sql(project, "--from", "0", "--to", "1", dialect="mysql"), name)
        mariadb(_sql(project, "--from", "1", "--to", "2", dialect="mysql"), name)
        assert "locale" in mariadb(columns).split()
        mariadb(_sql(project, "--from", "1", "--to", "2", "--down", dialect="mysql"), name)
        assert "locale" not in mariadb(columns).split()
        mariadb(_sql(project, "--from", "0", "--to", "1", "--down", dialect="mysql"), name)
        assert mariadb(f"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{name}'").strip() == "0"
    finally:
        mariadb(f"DROP DATABASE IF EXISTS `{name}`")


def test_release_leaves_out_a_failing_dialect_when_told(project, owner):
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    field = Field(id="fld_period", name="period", type=FieldType(TypeKind.OTHER, written="tsrange"))
    services.apply_op(
        project_id=project.pk,
        user=owner,
        base_revision=project.revision,
        op=ops.AddField(entity_id=users.id, field=field),
    )
    with pytest.raises(CommandError, match="leave MySQL/MariaDB, SQLite out"):
        run("release", str(project.pk))
    run("release", str(project.pk), "--drop-dialect", "mysql", "--drop-dialect", "sqlite", "--baseline")
    release = Release.objects.get(project=project)
    assert release.dropped_dialect_list == ["mysql", "sqlite"] and release.baseline
