"""The real servers the fidelity harness loads schemas into: scratch databases, applying SQL
text with each server's own client (psql with ON_ERROR_STOP, mariadb, sqlite3 -bail), and
reading their catalogs. Every apply returns None when the text applied, else the server's
first error on one line.

PostgreSQL: ``DATABASE_URL``'s server (databases are created beside it). MariaDB:
``MARIADB_URL`` (default ``mysql://root@127.0.0.1:3306/``)."""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pymysql

from tests.realworld import catalogs

TIMEOUT = 120


def one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 240 else line[:237] + "..."


def _first_error(done: subprocess.CompletedProcess, client: str) -> str | None:
    if done.returncode == 0:
        return None
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line] or done.stderr.splitlines()[-1:]
    return one_line(errors[0] if errors else f"{client} exited {done.returncode}")


# --- PostgreSQL ---------------------------------------------------------------------------------


def _pg_server() -> dict:
    url = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    return {"host": url.hostname or "127.0.0.1", "port": url.port or 5432, "user": url.username or "postgres"}


_PG_RESET = """
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname); END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                                              AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
END $$;
CREATE SCHEMA public;
"""
_pg_scratch: dict[str, str] = {}  # label → database, reused (emptied) from one schema to the next


@contextlib.contextmanager
def pg_database(label: str):
    """An empty scratch database, created once per label and process, emptied after each
    use (cheaper than CREATE DATABASE on a busy machine); ``drop_scratch`` drops them."""
    if label not in _pg_scratch:
        name = f"realworld_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        _pg_scratch[label] = name
        atexit.register(drop_scratch)
    try:
        yield _pg_scratch[label]
    finally:
        with psycopg.connect(dbname=_pg_scratch[label], autocommit=True, **_pg_server()) as connection:
            connection.execute(_PG_RESET)


def drop_scratch() -> None:
    if not _pg_scratch:
        return
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
        for name in _pg_scratch.values():
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _pg_scratch.clear()


@contextlib.contextmanager
def pg_roles(database: str, roles: list[str]):
    """The roles a dump grants to (``roles`` in corpus.json), created for the load and
    dropped after it with what they own in ``database``; roles that already exist are left
    alone."""
    created = []
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
        for role in roles:
            if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                admin.execute(f'CREATE ROLE "{role}" NOLOGIN')
                created.append(role)
    try:
        yield
    finally:
        with psycopg.connect(dbname=database, autocommit=True, **_pg_server()) as connection:
            for role in created:  # one at a time: together they trip over shared default ACLs
                connection.execute(f'DROP OWNED BY "{role}"')
        with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
            for role in created:
                admin.execute(f'DROP ROLE "{role}"')


def psql(database: str, text: str) -> str | None:
    server = _pg_server()
    command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server["host"], "-p", str(server["port"])]
    command += ["-U", server["user"], "-d", database]
    return _first_error(subprocess.run(command, input=text, capture_output=True, text=True, timeout=TIMEOUT), "psql")


def pg_url(database: str) -> str:
    server = _pg_server()
    return f"postgres://{server['user']}@{server['host']}:{server['port']}/{database}"


def pg_catalog(database: str) -> dict[str, str]:
    with psycopg.connect(dbname=database, **_pg_server()) as connection:
        return catalogs.postgresql_catalog(connection)


def pg_extensions(database: str) -> list[str]:
    with psycopg.connect(dbname=database, **_pg_server()) as connection:
        return catalogs.postgresql_extensions(connection)


# --- MySQL / MariaDB ------------------------------------------------------------------------------


def _mysql_server() -> dict:
    url = urlparse(os.environ.get("MARIADB_URL", "mysql://root@127.0.0.1:3306/"))
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 3306,
        "user": url.username or "root",
        "password": url.password or "",
    }


@contextlib.contextmanager
def mysql_database(label: str):
    name = f"realworld_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with pymysql.connect(**_mysql_server()) as admin:
        admin.cursor().execute(f"CREATE DATABASE `{name}`")
    try:
        yield name
    finally:
        with pymysql.connect(**_mysql_server()) as admin:
            admin.cursor().execute(f"DROP DATABASE IF EXISTS `{name}`")


def mariadb(database: str, text: str) -> str | None:
    server = _mysql_server()
    command = ["mariadb", "-h", server["host"], "-P", str(server["port"]), "-u", server["user"], database]
    if server["password"]:
        command.insert(1, f"-p{server['password']}")
    return _first_error(subprocess.run(command, input=text, capture_output=True, text=True, timeout=TIMEOUT), "mariadb")


def mysql_url(database: str) -> str:
    server = _mysql_server()
    return f"mysql://{server['user']}@{server['host']}:{server['port']}/{database}"


def mysql_catalog(database: str) -> dict[str, str]:
    with pymysql.connect(database=database, **_mysql_server()) as connection:
        return catalogs.mysql_catalog(connection, database)


# --- SQLite ----------------------------------------------------------------------------------------


def sqlite(path: Path, text: str) -> str | None:
    done = subprocess.run(["sqlite3", "-bail", str(path)], input=text, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode == 0 and "Error" not in done.stderr:
        return None
    return one_line(done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"sqlite3 exited {done.returncode}")
