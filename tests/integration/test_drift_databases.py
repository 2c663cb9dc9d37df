"""Drift against real servers: an empty database misses the whole design; after the
drift's own migration is applied, there is no drift. PostgreSQL and MariaDB."""

import subprocess
import uuid

import psycopg
import pytest

from designer.formats import import_text
from projects.drift import drift_check

DESIGN = import_text(
    """Table users { id bigint [pk, increment]
  email varchar(200) [not null, unique]
  name text }
Table posts { id bigint [pk, increment]
  user_id bigint [not null, ref: > users.id]
  headline text
  created_at timestamp [default: `now()`]
  indexes { (user_id, created_at) } }
""",
    fmt="dbml",
).schema


def _converges(url: str, apply) -> None:
    first = drift_check(database_url=url, design=DESIGN)
    assert {"added entity users", "added entity posts"} <= set(first.missing)
    apply(first.migration)
    second = drift_check(database_url=url, design=DESIGN)
    assert (second.count, second.migration) == (0, ""), second


@pytest.mark.postgres
def test_postgresql(settings):
    settings.IMPORT_LIVE_HOSTS = ["127.0.0.1"]
    name = f"drift_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    try:
        _converges(
            url,
            lambda sql: subprocess.run(
                ["psql", "-v", "ON_ERROR_STOP=1", "-q", url], input=sql, text=True, check=True, timeout=60
            ),
        )
    finally:
        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.mariadb
def test_mariadb(settings):
    settings.IMPORT_LIVE_HOSTS = ["127.0.0.1"]
    name = f"drift_{uuid.uuid4().hex[:10]}"

    def run(sql: str) -> None:
        subprocess.run(["mariadb", "-h", "127.0.0.1", "-uroot"], input=sql, text=True, check=True, timeout=60)

    run(f"CREATE DATABASE `{name}`;")
    try:
        _converges(f"mysql://root@127.0.0.1:3306/{name}", lambda sql: run(f"USE `{name}`;\n{sql}"))
    finally:
        run(f"DROP DATABASE IF EXISTS `{name}`;")
