"""A whole session through the command-line client (`python -m projects.cli`, a separate
process without Django settings) against a live server, a real Celery worker and a real
PostgreSQL scratch database for drift."""

import os
import stat
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from projects import services
from projects.api_tokens import token_create
from projects.models import Revision

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery]

ROOT = Path(__file__).parents[2]

V1 = """Table users {
  id bigint [pk, increment]
  email varchar(200) [not null, unique]
  name text
}
Table posts {
  id bigint [pk, increment]
  user_id bigint [not null, ref: > users.id]
  title text
  indexes { user_id }
}
"""
V2 = V1.replace("title text", "headline text")  # a rename
PLANTED = V2.replace("user_id bigint [not null,", "user_id text [not null,")  # PostgreSQL refuses this key


@pytest.fixture
def scratch_database():
    """An empty PostgreSQL database on the test server, dropped afterwards."""
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    name = f"drift_{uuid.uuid4().hex[:10]}"
    admin_url = f"postgres://{settings['USER']}@{host}:{port}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{settings['USER']}@{host}:{port}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def cli(tmp_path):
    # Only what a CI job would have: no Django settings, no database URL, a fresh home.
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY")}
    env |= {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}

    def run(*args):
        done = subprocess.run(
            [sys.executable, "-m", "projects.cli", *map(str, args)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        print(f"$ schema-designer {' '.join(map(str, args))}\n{done.stdout}{done.stderr}")
        return done

    return run


def test_a_whole_session_through_the_cli(cli, tmp_path, live_server, celery_worker_process, scratch_database, settings):
    settings.IMPORT_LIVE_HOSTS = ["127.0.0.1"]
    owner = get_user_model().objects.create_user("alice", password="pw-alice-123")
    project = services.project_create(owner=owner, name="Shop")
    _row, token = token_create(user=owner, name="ci", scope="write")

    login = cli("login", "--url", live_server.url, "--token", token, "--project", project.pk)
    assert login.returncode == 0, login.stderr
    config = tmp_path / "config" / "schema-designer" / "config.json"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600

    (tmp_path / "v1.dbml").write_text(V1)
    first = cli("push", "v1.dbml")
    assert first.returncode == 0 and "added entity users" in first.stdout
    (tmp_path / "v2.dbml").write_text(V2)
    second = cli("push", "v2.dbml")
    assert "renamed field posts.headline (name: title → headline)" in second.stdout
    assert "removed" not in second.stdout
    assert Revision.objects.get(project=project, number=2).author == owner

    assert cli("check", "--fail-on", "warning").returncode == 0
    (tmp_path / "planted.dbml").write_text(PLANTED)
    cli("push", "planted.dbml")
    failed = cli("check", "--fail-on", "warning", "--format", "markdown")
    assert failed.returncode == 1
    assert "❌ failed" in failed.stdout and "`fk-type-incompatible`" in failed.stdout
    cli("push", "v2.dbml")

    released = cli("release", "--message", "first")
    assert released.returncode == 0 and "Released version 1" in released.stdout

    bundle = cli("bundle", "--out", tmp_path / "bundle.zip", "--dialect", "postgresql")
    assert bundle.returncode == 0, bundle.stderr
    assert "100%" in bundle.stderr  # the progress bar
    names = zipfile.ZipFile(tmp_path / "bundle.zip").namelist()
    assert any(name.endswith(".sql") for name in names)

    pulled = cli("pull")
    assert "headline" in pulled.stdout

    migration = cli("migration", "--from", 0, "--to", 1, "--dialect", "postgresql")
    assert "CREATE TABLE" in migration.stdout

    with psycopg.connect(scratch_database, autocommit=True) as database:
        database.execute("CREATE TABLE legacy (id int PRIMARY KEY)")
    drift = cli("drift", "--database", scratch_database, "--sql-out", tmp_path / "fix.sql")
    assert drift.returncode == 1
    assert "added entity users" in drift.stdout and "removed entity legacy" in drift.stdout
    applied = subprocess.run(
        ["psql", "-v", "ON_ERROR_STOP=1", "-q", scratch_database, "-f", tmp_path / "fix.sql"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert applied.returncode == 0, applied.stderr
    again = cli("drift", "--database", scratch_database)
    assert again.returncode == 0, again.stdout
    assert "0 difference(s)." in again.stdout
