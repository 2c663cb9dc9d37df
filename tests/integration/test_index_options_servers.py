"""Index and constraint options (issue 17 point 2) survive the trip through the design,
judged by the real servers: the source DDL is applied, the product reads it (from the
file and from the live catalog), writes its full DDL, and that DDL applied to an empty
database gives the same catalog (pg_get_indexdef / pg_get_constraintdef; SHOW CREATE
TABLE on MariaDB). SQLite runs its DDL too."""

from __future__ import annotations

import sqlite3
import uuid

import psycopg
import pymysql
import pytest

from designer.formats import import_text
from designer.migrate import diff, full_ddl, render
from projects.live_import import import_database
from tests.pg_scratch import psql, scratch_database

EXTENSIONS = "CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE EXTENSION IF NOT EXISTS btree_gist;\n"
POSTGRESQL_SOURCE = """
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text, deleted_at timestamptz,
  ip inet, data jsonb, score integer);
CREATE TABLE bookings (id bigint PRIMARY KEY, account_id bigint, room integer, during tsrange, cancelled boolean,
  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled));
ALTER TABLE bookings ADD CONSTRAINT bookings_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id)
  MATCH FULL DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE bookings ADD CONSTRAINT bookings_account_fk2 FOREIGN KEY (account_id) REFERENCES accounts(id)
  DEFERRABLE NOT VALID;
ALTER TABLE accounts ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;
CREATE INDEX accounts_name_trgm ON accounts USING gin (name gin_trgm_ops);
CREATE INDEX accounts_email_pattern ON accounts (email text_pattern_ops);
CREATE INDEX accounts_lower_email ON accounts ((lower(email)) text_pattern_ops DESC NULLS LAST);
CREATE INDEX accounts_data ON accounts USING gin (data jsonb_path_ops) WITH (fastupdate = off);
CREATE INDEX accounts_ip ON accounts USING gist (ip inet_ops);
CREATE INDEX accounts_name_c ON accounts (name COLLATE "C" DESC NULLS LAST, score NULLS FIRST) WITH (fillfactor = 70);
CREATE UNIQUE INDEX accounts_email_live ON accounts (email) INCLUDE (name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX accounts_name_nnd ON accounts (name) NULLS NOT DISTINCT;
CREATE INDEX accounts_hash ON accounts USING hash (email);
CREATE INDEX accounts_brin ON accounts USING brin (deleted_at) WITH (pages_per_range = 32);
CREATE INDEX accounts_spgist ON accounts USING spgist (ip);
"""

_CATALOG = """
SELECT c.relname, pg_get_indexdef(i.indexrelid), obj.reloptions::text FROM pg_index i
JOIN pg_class obj ON obj.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
UNION ALL
SELECT c.relname, k.conname || ': ' || pg_get_constraintdef(k.oid), k.convalidated::text FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
ORDER BY 1, 2
"""


def _catalog(database: str, sql: str) -> list[tuple]:
    with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}", autocommit=True) as connection:
        connection.execute(EXTENSIONS + sql)
        return connection.execute(_CATALOG).fetchall()


def _live_schema(database: str):
    return import_database(f"postgresql://postgres@127.0.0.1:5432/{database}")[0]


@pytest.mark.postgres
def test_postgresql_index_and_constraint_options_survive_file_and_live_import():
    with scratch_database("idxopt_src") as source:
        expected = _catalog(source, POSTGRESQL_SOURCE)
        live = _live_schema(source)
    from_file = import_text(POSTGRESQL_SOURCE, fmt="postgresql").schema
    for schema in (from_file, live):
        ddl = full_ddl(schema, dialect="postgresql")
        with scratch_database("idxopt_out") as target:
            assert _catalog(target, ddl) == expected
    assert any("gin_trgm_ops" in row[1] for row in expected)  # the comparison saw what it is about


@pytest.mark.postgres
def test_postgresql_migration_changes_an_operator_class_and_deferrability():
    before = import_text(POSTGRESQL_SOURCE, fmt="postgresql").schema
    changed = POSTGRESQL_SOURCE.replace("(email text_pattern_ops)", "(email varchar_pattern_ops)").replace(
        "MATCH FULL DEFERRABLE INITIALLY DEFERRED", "MATCH FULL"
    )
    after = import_text(changed, fmt="postgresql").schema
    with scratch_database("idxopt_mig") as database:
        _catalog(database, full_ddl(before, dialect="postgresql"))
        up = render(diff(before, after), dialect="postgresql", old=before, new=after, zero_downtime=False).up
        with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}", autocommit=True) as connection:
            connection.execute(up)
        got = _catalog(database, "")
    with scratch_database("idxopt_want") as database:
        assert got == _catalog(database, changed)


MYSQL_SOURCE = """
CREATE TABLE handlers (
  id bigint NOT NULL AUTO_INCREMENT,
  handler_type varchar(255) NOT NULL,
  handler_cfg varchar(4000),
  body text,
  place geometry NOT NULL,
  PRIMARY KEY (id),
  KEY handler_idx (handler_type(100), handler_cfg(155)),
  UNIQUE KEY handler_type_uq (handler_type(191)),
  FULLTEXT KEY body_ft (body),
  SPATIAL KEY place_sp (place)
) ENGINE=InnoDB;
CREATE FULLTEXT INDEX cfg_ft ON handlers (handler_cfg);
"""

_STATISTICS = """
SELECT index_name, non_unique, seq_in_index, column_name, sub_part, index_type FROM information_schema.statistics
WHERE table_schema = DATABASE() ORDER BY index_name, seq_in_index
"""


def _mariadb(database: str, sql: str) -> list[tuple]:
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE IF NOT EXISTS `{database}`")
            cursor.execute(f"USE `{database}`")
            for statement in sql.split(";\n"):
                body = "\n".join(line for line in statement.splitlines() if not line.startswith("--"))
                if body.strip():
                    cursor.execute(body)
            cursor.execute(_STATISTICS)
            return list(cursor.fetchall())
    finally:
        connection.close()


def _drop_mariadb(*databases: str) -> None:
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    with connection.cursor() as cursor:
        for database in databases:
            cursor.execute(f"DROP DATABASE IF EXISTS `{database}`")
    connection.close()


@pytest.mark.mariadb
def test_mysql_prefix_lengths_fulltext_and_spatial_survive_file_and_live_import():
    source, target = f"idxopt_src_{uuid.uuid4().hex[:8]}", f"idxopt_out_{uuid.uuid4().hex[:8]}"
    try:
        expected = _mariadb(source, MYSQL_SOURCE)
        live = import_database(f"mysql://root@127.0.0.1:3306/{source}")[0]
        for schema in (import_text(MYSQL_SOURCE, fmt="mysql").schema, live):
            _drop_mariadb(target)
            assert _mariadb(target, full_ddl(schema, dialect="mysql")) == expected
        assert {row[5] for row in expected} == {"BTREE", "FULLTEXT", "SPATIAL"}
        assert tuple(row[4] for row in expected if row[0] == "handler_idx") == (100, 155)
    finally:
        _drop_mariadb(source, target)


# What PostgreSQL says about indexes and keys, on types every dialect has.
PORTABLE_SOURCE = """
CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL, name varchar(100), score integer);
CREATE TABLE bookings (id bigint PRIMARY KEY, account_id bigint, room integer,
  CONSTRAINT one_room EXCLUDE USING btree (room WITH =));
ALTER TABLE bookings ADD CONSTRAINT bookings_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id)
  MATCH FULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
CREATE INDEX accounts_email_pattern ON accounts (email text_pattern_ops);
CREATE INDEX accounts_name_c ON accounts (name COLLATE "C" DESC NULLS LAST, score NULLS FIRST) WITH (fillfactor = 70);
CREATE UNIQUE INDEX accounts_name_nnd ON accounts (name) NULLS NOT DISTINCT;
CREATE INDEX accounts_hash ON accounts USING hash (email);
"""


def test_postgresql_options_in_sqlite_are_said_and_the_ddl_runs():
    ddl = full_ddl(import_text(PORTABLE_SOURCE, fmt="postgresql").schema, dialect="sqlite")
    connection = sqlite3.connect(":memory:")
    connection.executescript(ddl)  # the real SQLite accepts all of it
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"accounts_email_pattern", "accounts_name_c", "accounts_name_nnd", "accounts_hash"} <= names
    for said in (
        "SQLite has no operator classes",
        "SQLite has no EXCLUDE constraints",
        "SQLite has no hash indexes",
        "SQLite has no NULLS FIRST/LAST",
        "SQLite has no collations other than",
        "SQLite has no storage parameters",
        "SQLite has no NULLS NOT DISTINCT",
    ):
        assert said in ddl
    assert "DEFERRABLE INITIALLY DEFERRED" in ddl


@pytest.mark.mariadb
def test_postgresql_options_in_mysql_are_said_and_the_ddl_runs():
    ddl = full_ddl(import_text(PORTABLE_SOURCE, fmt="postgresql").schema, dialect="mysql")
    database = f"idxopt_my_{uuid.uuid4().hex[:8]}"
    try:
        indexes = {row[0] for row in _mariadb(database, ddl)}
    finally:
        _drop_mariadb(database)
    assert {"accounts_email_pattern", "accounts_name_c", "accounts_name_nnd", "accounts_hash"} <= indexes
    for said in (
        "MySQL has no operator classes",
        "MySQL has no EXCLUDE constraints",
        "DEFERRABLE: InnoDB",
        "NOT VALID: MySQL",
        "MATCH FULL: InnoDB",
        "MySQL has no NULLS FIRST/LAST",
        "MySQL has no storage parameters",
        "MySQL has no USING hash",
    ):
        assert said in ddl


@pytest.mark.postgres
def test_postgresql_zero_downtime_migration_adds_every_option_and_psql_applies_it(tmp_path):
    """From the tables alone to the whole source, as a release would: indexes built
    CONCURRENTLY outside a transaction, keys added NOT VALID and validated unless the
    design says NOT VALID; the catalog then equals the source's."""
    tables_only = "\n".join(
        line for line in POSTGRESQL_SOURCE.split(";\n") if line.strip().startswith("CREATE TABLE accounts")
    )
    before = import_text(tables_only + ";\n", fmt="postgresql").schema
    after = import_text(POSTGRESQL_SOURCE, fmt="postgresql").schema
    up = render(diff(before, after), dialect="postgresql", old=before, new=after, zero_downtime=True).up
    assert "CONCURRENTLY" in up and "VALIDATE CONSTRAINT" in up
    script = tmp_path / "up.sql"
    script.write_text(up)
    with scratch_database("idxopt_zd") as database:
        _catalog(database, full_ddl(before, dialect="postgresql"))
        applied = psql(database, script)
        assert applied.returncode == 0, applied.stderr
        got = _catalog(database, "")
    with scratch_database("idxopt_zd_want") as database:
        assert got == _catalog(database, POSTGRESQL_SOURCE)


@pytest.mark.mariadb
def test_mysql_migration_adds_prefix_fulltext_and_spatial_indexes_to_an_existing_table():
    tables_only = MYSQL_SOURCE.split("CREATE FULLTEXT")[0]
    for key in (
        "  KEY handler_idx",
        "  UNIQUE KEY handler_type_uq",
        "  FULLTEXT KEY body_ft",
        "  SPATIAL KEY place_sp",
    ):
        tables_only = "\n".join(line for line in tables_only.splitlines() if not line.startswith(key))
    tables_only = tables_only.replace("PRIMARY KEY (id),", "PRIMARY KEY (id)")
    before = import_text(tables_only, fmt="mysql").schema
    after = import_text(MYSQL_SOURCE, fmt="mysql").schema
    up = render(diff(before, after), dialect="mysql", old=before, new=after).up
    source, target = f"idxopt_src_{uuid.uuid4().hex[:8]}", f"idxopt_mig_{uuid.uuid4().hex[:8]}"
    try:
        expected = _mariadb(source, MYSQL_SOURCE)
        _mariadb(target, full_ddl(before, dialect="mysql"))
        assert _mariadb(target, up) == expected
    finally:
        _drop_mariadb(source, target)
