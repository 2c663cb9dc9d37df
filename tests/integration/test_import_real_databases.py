"""A rich schema created in real PostgreSQL 15 and MariaDB, dumped with pg_dump /
mariadb-dump and read live: both imports give the same schema, and it matches what the
catalog says (columns and their types, nullability, keys, foreign keys, indexes)."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pymysql
import pytest

from designer.formats import import_text
from designer.formats.dbml import parse_dbml, to_dbml
from designer.problems import errors
from designer.schema import replace
from designer.sql import type_sql
from designer.validate import validate
from projects.live_import import import_database

FIXTURES = Path(__file__).parents[1] / "designer" / "fixtures"
PG = "postgres://postgres@127.0.0.1:5432"


def _identity(schema):
    """What both imports must agree on (ids are minted in file order, so they agree too)."""
    return schema.entities, schema.relationships, schema.enums


@pytest.fixture
def pg_database():
    name = f"imp_importer_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(f"{PG}/{name}", autocommit=True) as connection:
            connection.execute((FIXTURES / "rich_postgresql.sql").read_text())
        yield name
    finally:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def mariadb_database():
    name = f"imp_importer_{uuid.uuid4().hex[:8]}"
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}`")
            cursor.execute(f"USE `{name}`")
            for statement in (FIXTURES / "rich_mysql.sql").read_text().split(";\n"):
                if statement.strip():
                    cursor.execute(statement)
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()


@pytest.mark.postgres
def test_postgresql_dump_and_live_database_give_the_catalogs_schema(pg_database):
    dump = subprocess.run(
        [shutil.which("pg_dump") or "pg_dump", "--schema-only", "-h", "127.0.0.1", "-U", "postgres", pg_database],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    from_dump = import_text(dump, fmt="postgresql").schema
    live, _ = import_database(f"{PG}/{pg_database}", stats=True)
    assert _identity(live) == _identity(from_dump)
    assert [(o.kind, o.name) for o in live.objects] == [(o.kind, o.name) for o in from_dump.objects]
    assert _catalog_columns_pg(pg_database) == _schema_columns(live)
    with psycopg.connect(f"{PG}/{pg_database}") as connection:
        foreign = {r[0] for r in connection.execute("SELECT conname FROM pg_constraint WHERE contype = 'f'")}
        indexes = {
            r[0] for r in connection.execute("SELECT indexname FROM pg_indexes WHERE schemaname <> 'pg_catalog'")
        }
    assert {r.name for r in live.relationships} == foreign
    named = {i.name for e in live.entities for i in e.indexes} | {f"{e.name}_pkey" for e in live.entities}
    assert {i for i in indexes if not i.startswith("measurements_2024")} <= named | {"users_email_key"}
    assert {v.entity_id for v in live.volumes} == {e.id for e in live.entities}  # --stats: row estimates
    assert parse_dbml(to_dbml(live)) == replace(live, objects=())  # DBML has no views or functions


@pytest.mark.mariadb
def test_mariadb_dump_and_live_database_give_the_catalogs_schema(mariadb_database):
    dump_tool = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    dump = subprocess.run(
        [dump_tool, "-h", "127.0.0.1", "-uroot", "--no-data", mariadb_database],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    from_dump = import_text(dump, fmt="mysql").schema
    live, _ = import_database(f"mysql://root@127.0.0.1:3306/{mariadb_database}", stats=True)
    assert _identity(live) == _identity(from_dump)
    connection = pymysql.connect(host="127.0.0.1", user="root", database=mariadb_database)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name, c.column_name, c.column_type, c.is_nullable = 'NO' FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'"
        )
        catalog = {(t, c): (ty, nn) for t, c, ty, nn in cursor.fetchall()}
        cursor.execute(
            "SELECT constraint_name FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()"
        )
        foreign = {r[0] for r in cursor.fetchall()}
    connection.close()
    ours = {}
    for entity in live.entities:
        for field in entity.fields:
            enum = live.enum(field.type.enum_id) if field.type.enum_id else None
            written = (
                "enum(" + ",".join("'" + v.name.replace("'", "''") + "'" for v in enum.values) + ")"
                if enum
                else field.type.written or _spelled(field.type)
            )
            ours[(entity.name, field.name)] = (written, not field.nullable)
    assert ours == catalog
    assert {r.name for r in live.relationships} == foreign
    assert parse_dbml(to_dbml(live)) == live


def _spelled(field_type) -> str:
    from designer.types import MYSQL, sql_type

    return sql_type(field_type, dialect=MYSQL, source_dialect=MYSQL)


def _catalog_columns_pg(database: str) -> dict:
    query = """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND a.attnum > 0 AND NOT a.attisdropped
    """
    with psycopg.connect(f"{PG}/{database}") as connection:
        connection.execute("SET search_path = ''")
        rows = connection.execute(query).fetchall()
    # DDL writes types as PostgreSQL's parser prints them (designer/sql): so is the catalog's spelling here.
    return {(None if n == "public" else n, t, c): (type_sql(ty, dialect="postgresql"), nn) for n, t, c, ty, nn in rows}


def _schema_columns(schema) -> dict:
    from designer.migrate.pg_sql import alterable_type
    from designer.types import POSTGRESQL, sql_type

    columns = {}
    for entity in schema.entities:
        for field in entity.fields:
            enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
            name = enum.qualified_name if enum else None
            written = sql_type(field.type, dialect=POSTGRESQL, source_dialect=POSTGRESQL, enum_name=name)
            written = alterable_type(written)  # a serial's column is its integer type in the catalog
            columns[(entity.namespace, entity.name, field.name)] = (written, not field.nullable)
    return columns


# --- what the source database holds is never refused ----------------------------------------

_MARIADB_HOLDS = """
CREATE TABLE a (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(20), KEY idx_name (name));
CREATE TABLE b (id int NOT NULL PRIMARY KEY, name varchar(20), KEY idx_name (name));
CREATE TRIGGER a_bi BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.name = UPPER(NEW.name); END;
CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;
CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC BEGIN RETURN x + 1; END;
"""


@pytest.mark.mariadb
def test_a_mysqldump_with_routines_and_shared_index_names_imports():
    """mysqldump writes triggers and routines in DELIMITER ;; blocks, and MySQL lets two
    tables share an index name: the import keeps both tables and says what it skipped."""
    name = f"imp_routines_{uuid.uuid4().hex[:8]}"
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}`")
            cursor.execute(f"USE `{name}`")
            for statement in _MARIADB_HOLDS.strip().split(";\n"):
                cursor.execute(statement)
        dump_tool = shutil.which("mariadb-dump") or shutil.which("mysqldump")
        command = [dump_tool, "-h", "127.0.0.1", "-uroot", "--no-data", "--routines", "--triggers", name]
        dump = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()
    assert "DELIMITER ;;" in dump
    imported = import_text(dump, fmt="mysql")
    assert [e.name for e in imported.schema.entities] == ["a", "b"]
    assert errors(validate(imported.schema)) == []
    skipped = {n.message.split(" (")[0]: n.line for n in imported.notices if n.code == "sql-skipped"}
    for routine in ("CREATE TRIGGER a_bi", "CREATE PROCEDURE p", "CREATE FUNCTION f"):
        line = skipped[f"skipped {routine}"]
        assert routine.split()[-1] in dump.splitlines()[line - 1], (routine, line)
    as_postgres = replace(imported.schema, database_type="PostgreSQL")
    assert [p.code for p in validate(as_postgres) if p.code == "index-name-shared"] == ["index-name-shared"]


@pytest.mark.postgres
def test_a_wide_table_and_bare_varchar_from_pg_dump_import(pg_database):
    """What PostgreSQL holds imports: a 1,000-column table and varchar without a length."""
    columns = ", ".join(f"c{i} integer" for i in range(999))
    with psycopg.connect(f"{PG}/{pg_database}", autocommit=True) as connection:
        connection.execute(f"CREATE TABLE wide (id bigint PRIMARY KEY, {columns})")
        connection.execute("CREATE TABLE people (id bigint PRIMARY KEY, name character varying, nick varchar)")
    command = [shutil.which("pg_dump") or "pg_dump", "--schema-only", "-h", "127.0.0.1", "-U", "postgres", pg_database]
    dump = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    for schema in (import_text(dump, fmt="postgresql").schema, import_database(f"{PG}/{pg_database}")[0]):
        assert errors(validate(schema)) == []
        assert len(next(e for e in schema.entities if e.name == "wide").fields) == 1000
        people = next(e for e in schema.entities if e.name == "people")
        assert [f.type.length for f in people.fields[1:]] == [None, None]
