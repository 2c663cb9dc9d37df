"""A scratch PostgreSQL database for applying generated SQL with the real `psql`.

Names start with ``mig_versions_`` and carry the process id, so parallel runs never
share one; the database is dropped afterwards even when the test fails."""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from urllib.parse import urlparse

import psycopg


def _server() -> dict:
    url = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    return {"host": url.hostname or "127.0.0.1", "port": str(url.port or 5432), "user": url.username or "postgres"}


@contextlib.contextmanager
def scratch_database(label: str):
    name = f"mig_versions_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    server = _server()
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def psql(database: str, path) -> subprocess.CompletedProcess:
    """Apply a file exactly as the bundle's README says (``psql -v ON_ERROR_STOP=1 -f``)."""
    server = _server()
    command = [
        "psql",
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        server["host"],
        "-p",
        server["port"],
        "-U",
        server["user"],
        "-d",
        database,
        "-f",
        str(path),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def tables(database: str) -> dict[str, list[str]]:
    """schema.table → its columns in order: enough to tell versions apart."""
    server = _server()
    with psycopg.connect(dbname=database, **server) as connection:
        rows = connection.execute(
            "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, ordinal_position"
        ).fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    return found
