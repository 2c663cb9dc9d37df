"""Declarative partitioning, domains and extensions on the real PostgreSQL 15: a schema
that uses them is loaded, imported from its pg_dump and from the live catalog, and our
full DDL is applied to an empty database with ON_ERROR_STOP; both databases then hold the
same partitions (bounds included), domains and extensions."""

from __future__ import annotations

import shutil
import subprocess

import psycopg
import pytest

from designer.formats import import_text
from designer.migrate import full_ddl
from designer.schema import PartitionStrategy
from projects.drift import drift_between
from projects.live_import import import_database
from tests.pg_scratch import psql, scratch_database

PG = "postgres://postgres@127.0.0.1:5432"
SOURCE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA billing;
CREATE DOMAIN public.email AS citext CONSTRAINT email_has_at CHECK (VALUE ~ '@') NOT NULL;
CREATE DOMAIN billing.cents AS bigint DEFAULT 0 CHECK (VALUE >= 0) CHECK (VALUE < 100000000000);
CREATE TABLE users (id bigint PRIMARY KEY, mail email, balance billing.cents);
CREATE TABLE events (
  id bigint NOT NULL, created_at timestamptz NOT NULL, user_id bigint REFERENCES users (id), kind text NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2026-01-01 00:00+00')
  PARTITION BY RANGE (id);
CREATE TABLE events_2025_low PARTITION OF events_2025 FOR VALUES FROM (MINVALUE) TO (1000);
CREATE TABLE events_2025_rest PARTITION OF events_2025 DEFAULT;
CREATE TABLE events_old PARTITION OF events DEFAULT;
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE billing.ledger (id bigint NOT NULL, amount billing.cents) PARTITION BY HASH (id);
CREATE TABLE billing.ledger_0 PARTITION OF billing.ledger FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE billing.ledger_1 PARTITION OF billing.ledger FOR VALUES WITH (MODULUS 2, REMAINDER 1);
"""
_PARTITIONS = """
SELECT pn.nspname || '.' || p.relname, cn.nspname || '.' || c.relname, pg_get_expr(c.relpartbound, c.oid),
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace cn ON cn.oid = c.relnamespace JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE c.relispartition AND c.relkind IN ('r', 'p') ORDER BY 2
"""
_KEYS = """
SELECT n.nspname || '.' || c.relname, pg_get_partkeydef(c.oid) FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'p' AND NOT c.relispartition ORDER BY 1
"""
_DOMAINS = """
SELECT n.nspname || '.' || t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
       (SELECT array_agg(pg_get_constraintdef(k.oid) ORDER BY 1) FROM pg_constraint k WHERE k.contypid = t.oid)
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
"""
_COLUMN_TYPES = """
SELECT table_schema || '.' || table_name || '.' || column_name, domain_schema || '.' || domain_name
FROM information_schema.columns WHERE domain_name IS NOT NULL AND table_schema NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1
"""


def _catalog(database: str) -> dict:
    with psycopg.connect(f"{PG}/{database}") as connection:
        connection.execute("SET search_path = ''")
        return {
            "partitions": connection.execute(_PARTITIONS).fetchall(),
            "keys": connection.execute(_KEYS).fetchall(),
            "domains": connection.execute(_DOMAINS).fetchall(),
            "columns": connection.execute(_COLUMN_TYPES).fetchall(),
            "extensions": sorted(r[0] for r in connection.execute("SELECT extname FROM pg_extension")),
        }


@pytest.fixture
def source_database():
    with scratch_database("partitions_src") as name:
        with psycopg.connect(f"{PG}/{name}", autocommit=True) as connection:
            connection.execute(SOURCE)
        yield name


def _dump(database: str) -> str:
    command = [shutil.which("pg_dump") or "pg_dump", "--schema-only", "-h", "127.0.0.1", "-U", "postgres", database]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.postgres
def test_partitions_domains_and_extensions_round_trip_through_the_dump_and_the_live_catalog(source_database, tmp_path):
    from_dump = import_text(_dump(source_database), fmt="postgresql").schema
    live, _ = import_database(f"{PG}/{source_database}")
    for schema in (from_dump, live):
        assert [e.qualified_name for e in schema.entities] == ["billing.ledger", "events", "users"]
        events = schema.entity_by_name("events")
        assert (events.partitioning.strategy, events.partitioning.key) == (PartitionStrategy.RANGE, "created_at")
        assert len(events.partitioning.partitions) == 5
        assert {d.qualified_name for d in schema.domains} == {"email", "billing.cents"}
        assert {e.name for e in schema.extensions} == {"pg_trgm", "citext"}
    assert live.domains == from_dump.domains
    drift = drift_between(live=live, design=from_dump, dialect="postgresql")
    assert (drift.count, drift.migration) == (0, "")  # the domains and extensions are no drift either
    assert [e.partitioning for e in live.entities] == [e.partitioning for e in from_dump.entities]

    for label, schema in (("dump", from_dump), ("live", live)):
        with scratch_database(f"partitions_{label}") as target:
            path = tmp_path / f"{label}.sql"
            path.write_text(full_ddl(schema, dialect="postgresql"))
            applied = psql(target, path)
            assert applied.returncode == 0, applied.stderr
            assert _catalog(target) == _catalog(source_database)


def test_a_partition_added_to_an_existing_table_is_one_step_both_ways():
    from designer.migrate import diff, render
    from designer.schema import Partition, replace

    schema = import_text(SOURCE, fmt="postgresql").schema
    events = schema.entity_by_name("events")
    more = replace(
        events.partitioning,
        partitions=(
            *events.partitioning.partitions,
            Partition(name="events_2026", bound="FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
        ),
    )
    later = replace(
        schema, entities=tuple(replace(e, partitioning=more) if e is events else e for e in schema.entities)
    )
    migration = render(diff(schema, later), dialect="postgresql", old=schema, new=later)
    assert 'CREATE TABLE "events_2026" PARTITION OF "events" FOR VALUES FROM' in migration.up
    assert 'DROP TABLE IF EXISTS "events_2026";' in migration.down


MARIADB_SOURCE = [
    "CREATE TABLE sales (id int NOT NULL, sold date NOT NULL, PRIMARY KEY (id, sold)) "
    "PARTITION BY RANGE (year(sold)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)",
    "CREATE TABLE buckets (id int PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4",
    "CREATE TABLE regions (a int, b varchar(5)) PARTITION BY LIST COLUMNS (a, b) "
    "(PARTITION x VALUES IN ((1,'a'),(2,'b')), PARTITION y DEFAULT)",
]
_MARIADB_PARTITIONS = (
    "SELECT table_name, partition_name, partition_method, partition_expression, partition_description "
    "FROM information_schema.partitions WHERE table_schema = DATABASE() AND partition_name IS NOT NULL ORDER BY 1, 2"
)


@pytest.fixture
def mariadb_databases():
    import uuid

    import pymysql

    names = [f"part_{label}_{uuid.uuid4().hex[:8]}" for label in ("src", "dump", "live", "migrated")]
    connection = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    try:
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f"CREATE DATABASE `{name}`")
            cursor.execute(f"USE `{names[0]}`")
            for statement in MARIADB_SOURCE:
                cursor.execute(statement)
        yield names
    finally:
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        connection.close()


def _mariadb(database: str, sql: str | None = None) -> list:
    import pymysql

    connection = pymysql.connect(host="127.0.0.1", user="root", database=database, autocommit=True)
    try:
        with connection.cursor() as cursor:
            if sql is not None:
                for chunk in sql.split(";\n"):
                    statement = "\n".join(line for line in chunk.splitlines() if not line.startswith("--"))
                    if statement.strip():
                        cursor.execute(statement)
            cursor.execute(_MARIADB_PARTITIONS)
            return list(cursor.fetchall())
    finally:
        connection.close()


@pytest.mark.mariadb
def test_mariadb_partitioning_round_trips_through_the_dump_the_live_catalog_and_our_ddl(mariadb_databases):
    from designer.migrate import diff, render
    from designer.schema import Partition, replace

    source, into_dump, into_live, migrated = mariadb_databases
    dump_tool = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    command = [dump_tool, "-h", "127.0.0.1", "-uroot", "--no-data", source]
    from_dump = import_text(subprocess.run(command, capture_output=True, text=True, check=True).stdout, fmt="mysql")
    live, _ = import_database(f"mysql://root@127.0.0.1:3306/{source}")
    assert [e.partitioning for e in live.entities] == [e.partitioning for e in from_dump.schema.entities]
    sales = live.entity_by_name("sales")
    assert [p.bound for p in sales.partitioning.partitions] == ["VALUES LESS THAN (2024)", "VALUES LESS THAN MAXVALUE"]
    expected = _mariadb(source)
    assert len(expected) == 8
    assert _mariadb(into_dump, full_ddl(from_dump.schema, dialect="mysql")) == expected
    assert _mariadb(into_live, full_ddl(live, dialect="mysql")) == expected

    more = replace(
        sales.partitioning,
        partitions=(*sales.partitioning.partitions[:1], Partition(name="p2024", bound="VALUES LESS THAN (2025)")),
    )
    later = replace(live, entities=tuple(replace(e, partitioning=more) if e is sales else e for e in live.entities))
    _mariadb(migrated, full_ddl(live, dialect="mysql"))
    migration = render(diff(live, later), dialect="mysql", old=live, new=later)
    after = _mariadb(migrated, migration.up)
    assert [row[1] for row in after if row[0] == "sales"] == ["p2023", "p2024"]  # pmax dropped, then p2024 added


@pytest.mark.mariadb
def test_mariadb_repartitioning_runs_both_ways(mariadb_databases):
    from designer.migrate import diff, render
    from designer.schema import replace

    source, _, _, migrated = mariadb_databases
    live, _ = import_database(f"mysql://root@127.0.0.1:3306/{source}")
    plain = replace(live, entities=tuple(replace(e, partitioning=None) for e in live.entities))
    _mariadb(migrated, full_ddl(live, dialect="mysql"))
    migration = render(diff(live, plain), dialect="mysql", old=live, new=plain)
    assert _mariadb(migrated, migration.up) == []
    assert _mariadb(migrated, migration.down) == _mariadb(source)


@pytest.mark.postgres
def test_keys_and_indexes_added_to_a_partitioned_table_in_zero_downtime_mode_apply(tmp_path):
    from designer.migrate import diff, render
    from designer.schema import Index, IndexColumn, replace

    schema = import_text(SOURCE, fmt="postgresql").schema
    events = schema.entity_by_name("events")
    index = Index(id="idx_new", columns=(IndexColumn(field_id=events.field_by_name("user_id").id),))
    key = Index(id="idx_key", columns=tuple(IndexColumn(field_id=f.id) for f in events.fields[:2]), unique=True)
    without_keys = replace(
        schema,
        relationships=(),
        entities=tuple(replace(e, primary_key=()) if e is events else e for e in schema.entities),
    )
    later = replace(
        schema,
        entities=tuple(replace(e, indexes=(*e.indexes, index, key)) if e is events else e for e in schema.entities),
    )
    migration = render(diff(without_keys, later), dialect="postgresql", old=without_keys, new=later, zero_downtime=True)
    assert "INDEX CONCURRENTLY IF" not in migration.up and "INDEX CONCURRENTLY IF" not in migration.down
    assert " NOT VALID;" not in migration.up  # the foreign key of a partitioned table
    codes = {w.code for w in migration.warnings}
    assert {"require-concurrent-index-creation", "constraint-missing-not-valid"} <= codes
    with scratch_database("partitions_index") as target:
        steps = (("full", full_ddl(without_keys, dialect="postgresql")), ("up", migration.up), ("down", migration.down))
        for name, sql in steps:
            path = tmp_path / f"{name}.sql"
            path.write_text(sql)
            applied = psql(target, path)
            assert applied.returncode == 0, (name, applied.stderr)


@pytest.mark.postgres
def test_a_changed_domain_is_altered_in_place_both_ways(tmp_path):
    from designer.migrate import diff, render
    from designer.schema import Default, DefaultKind, DomainCheck, replace

    schema = import_text(SOURCE, fmt="postgresql").schema
    email = next(d for d in schema.domains if d.name == "email")
    changed = replace(
        email,
        nullable=True,
        default=Default(DefaultKind.LITERAL, "'nobody@example.com'"),
        checks=(DomainCheck(expression="VALUE ~ '^[^@]+@[^@]+$'", name="email_shape"),),
    )
    later = replace(schema, domains=tuple(changed if d is email else d for d in schema.domains))
    migration = render(diff(schema, later), dialect="postgresql", old=schema, new=later)
    assert 'ALTER DOMAIN "email" DROP CONSTRAINT IF EXISTS "email_has_at";' in migration.up
    with scratch_database("partitions_domain") as target:
        for name, sql in (
            ("full", full_ddl(schema, dialect="postgresql")),
            ("up", migration.up),
            ("down", migration.down),
        ):
            path = tmp_path / f"{name}.sql"
            path.write_text(sql)
            applied = psql(target, path)
            assert applied.returncode == 0, (name, applied.stderr)
        with psycopg.connect(f"{PG}/{target}") as connection:
            connection.execute("SET search_path = ''")
            rows = {r[0]: r[2:] for r in connection.execute(_DOMAINS)}
    assert rows["public.email"] == (True, None, ["CHECK ((VALUE OPERATOR(public.~) '@'::public.citext))"])  # as before
