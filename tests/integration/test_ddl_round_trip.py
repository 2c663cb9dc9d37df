"""Our own DDL (designer.migrate.full_ddl) → import → DDL again is identical, for rich
schemas, in each dialect where that DDL exists; and the DDL runs on the real server
(PostgreSQL 15, MariaDB), so what is compared is DDL a database accepts."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pymysql
import pytest

from designer.examples import blog_schema
from designer.formats import import_text
from designer.formats.dbml import parse_dbml
from designer.migrate import full_ddl

FIXTURES = Path(__file__).parents[1] / "designer" / "fixtures"


def _schemas():
    return {
        "rich.dbml": parse_dbml((FIXTURES / "rich.dbml").read_text()),
        "blog": blog_schema(),
        "rich_postgresql.sql": import_text((FIXTURES / "rich_postgresql.sql").read_text(), fmt="postgresql").schema,
        "rich_mysql.sql": import_text((FIXTURES / "rich_mysql.sql").read_text(), fmt="mysql").schema,
    }


@pytest.mark.postgres
@pytest.mark.parametrize("name", ["rich.dbml", "blog", "rich_postgresql.sql", "rich_mysql.sql"])
def test_postgresql_ddl_import_export_is_identical(name):
    ddl = full_ddl(_schemas()[name], dialect="postgresql")
    if name != "rich.dbml":  # a DBML showcase (a uuid key referenced by an integer), not a database
        _apply_on_postgresql(ddl)
    again = full_ddl(import_text(ddl, fmt="postgresql").schema, dialect="postgresql")
    # A MySQL FULLTEXT index is written as a btree with a warning; read back, it is a btree.
    # A view written for MySQL is not created for PostgreSQL (a warning): read back, there is none.
    dropped = ("[mysql-index-method]", "[object-other-dialect]")
    assert again == "".join(line for line in ddl.splitlines(keepends=True) if not any(w in line for w in dropped))


def _apply_on_postgresql(ddl: str) -> None:
    database = f"imp_importer_rt_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}", autocommit=True) as connection:
            if "citext" in ddl:
                connection.execute("CREATE EXTENSION citext")
            connection.execute(ddl)  # the server accepts it
    finally:
        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.mark.mariadb
@pytest.mark.parametrize("name", ["blog", "rich_mysql.sql"])  # the others use PostgreSQL-only types or indexes
def test_mysql_ddl_import_export_is_identical(name):
    ddl = full_ddl(_schemas()[name], dialect="mysql")
    database = f"imp_importer_rt_{uuid.uuid4().hex[:8]}"
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{database}`")
            cursor.execute(f"USE `{database}`")
            for statement in ddl.split(";\n"):
                body = "\n".join(line for line in statement.splitlines() if not line.startswith("--"))
                if body.strip():
                    cursor.execute(body)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{database}`")
        connection.close()
    assert full_ddl(import_text(ddl, fmt="mysql").schema, dialect="mysql") == ddl
