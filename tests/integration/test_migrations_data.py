"""Migrations on tables that hold rows: data survives renames, rebuilds and enum changes;
a volatile default is backfilled in batches; a broken foreign key stops SQLite's
migration and leaves the database as it was."""

from __future__ import annotations

import sqlite3

import pytest

from designer import ops
from designer.examples.histories import HISTORIES
from designer.examples.histories.build import K, apply, entity, expr, f, key, t, update_field
from designer.migrate import diff, full_ddl, render
from designer.schema import Schema
from tests.integration.migration_servers import MariaDB, Postgres, SQLite, run


def migrate(old, new, dialect, **options):
    return render(diff(old, new), dialect=dialect, old=old, new=new, **options)


@pytest.fixture
def postgres():
    database = Postgres("data")
    yield database
    database.close()


@pytest.mark.postgres
def test_postgresql_zero_downtime_keeps_rows_and_backfills_a_volatile_default_in_batches(postgres, tmp_path):
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(entity=entity("u", "users", key("u_id"), f("u_name", "name", K.TEXT), f("u_n", "n", K.INTEGER))),
    )
    postgres.apply(full_ddl(v1, dialect="postgresql"), tmp_path)
    postgres.connection.execute("INSERT INTO users (name, n) SELECT 'user ' || i, i FROM generate_series(1, 12000) i")
    v2 = apply(
        v1,
        update_field("u_name", name="display_name", nullable=False),
        update_field("u_n", type=t(K.BIGINT)),
        ops.AddField(
            entity_id="u", field=f("u_token", "token", K.UUID, nullable=False, default=expr("gen_random_uuid()"))
        ),
    )
    migration = migrate(v1, v2, "postgresql")
    assert migration.up.count("DO $backfill$") == 1
    postgres.apply(migration.up, tmp_path)
    q = postgres.connection.execute
    assert q("SELECT count(*), count(DISTINCT token), sum(n) FROM users").fetchone() == (
        12000,
        12000,
        12000 * 12001 // 2,
    )
    assert q("SELECT display_name FROM users WHERE n = 7").fetchone() == ("user 7",)
    assert q(
        "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'token'"
    ).fetchone() == (True,)
    postgres.apply(migration.down, tmp_path)
    assert q("SELECT count(*), sum(n) FROM users WHERE name LIKE 'user %'").fetchone() == (12000, 12000 * 12001 // 2)


@pytest.mark.postgres
def test_postgresql_enum_changes_keep_the_rows(postgres, tmp_path):
    _v1, v2, v3, v4, _v5 = HISTORIES["enums"]
    postgres.apply(full_ddl(v2, dialect="postgresql"), tmp_path)
    postgres.connection.execute("INSERT INTO tickets (status, title) VALUES ('closed', 'a'), ('open', 'b')")
    postgres.apply(migrate(v2, v3, "postgresql").up, tmp_path)  # closed → done
    postgres.apply(migrate(v3, v4, "postgresql").up, tmp_path)  # review removed: the type is rebuilt
    rows = postgres.connection.execute("SELECT title, status::text FROM tickets ORDER BY title").fetchall()
    assert rows == [("a", "done"), ("b", "open")]


@pytest.mark.mariadb
def test_mariadb_enum_value_rename_moves_the_rows_and_renames_keep_data():
    database = MariaDB("data")
    try:
        _v1, v2, v3, _v4, _v5 = HISTORIES["enums"]
        database.apply(full_ddl(v2, dialect="mysql"))
        database.apply("INSERT INTO tickets (status, title) VALUES ('closed', 'a'), ('open', 'b');")
        up = migrate(v2, v3, "mysql").up
        database.apply(up)
        database.apply(up)  # MySQL DDL is not transactional: every statement must be safe to run again
        rows = run(
            [*database.client, "-N", "-B", database.name, "-e", "SELECT title, status FROM tickets ORDER BY title"]
        )
        assert rows.split("\n")[:2] == ["a\tdone", "b\topen"]
        shop = HISTORIES["shop"]
        database.reset()
        database.apply(full_ddl(shop[0], dialect="mysql"))
        database.apply("INSERT INTO customers (email, name, age) VALUES ('a@example.com', 'Ann', 41);")
        database.apply(migrate(shop[0], shop[1], "mysql").up)
        row = run([*database.client, "-N", "-B", database.name, "-e", "SELECT email, full_name, age FROM clients"])
        assert row.strip() == "a@example.com\tAnn\t41"
    finally:
        database.close()


def test_sqlite_rebuild_keeps_rows_and_a_dangling_foreign_key_rolls_the_migration_back(tmp_path):
    shop = HISTORIES["shop"]
    database = SQLite(tmp_path / "shop.db")
    database.apply(full_ddl(shop[0], dialect="sqlite"))
    database.apply(
        "INSERT INTO customers (id, email, name, age) VALUES (1, 'a@example.com', 'Ann', 41);"
        "INSERT INTO orders (customer_id, total) VALUES (1, 9.5);"
    )
    database.apply(migrate(shop[0], shop[1], "sqlite").up)  # rename + widen: clients rebuilt
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT email, full_name, age FROM clients").fetchall() == [
            ("a@example.com", "Ann", 41)
        ]
    connection.close()
    database.apply("PRAGMA foreign_keys = OFF; INSERT INTO orders (customer_id, total) VALUES (99, 1);")
    before = database.snapshot()
    with pytest.raises(AssertionError, match="foreign_keys_must_hold"):
        database.apply(migrate(shop[1], shop[2], "sqlite").up)
    assert database.snapshot() == before


@pytest.mark.postgres
def test_postgresql_expand_then_contract_keeps_old_and_new_code_working_and_ends_at_the_new_schema(postgres, tmp_path):
    v1, v2 = HISTORIES["shop"][:2]  # name → full_name (rename), age integer → bigint (type change)
    migration = migrate(v1, v2, "postgresql", expand_contract=True)
    assert migration.contract and "expand-contract" in {w.code for w in migration.warnings}
    postgres.apply(full_ddl(v1, dialect="postgresql"), tmp_path)
    q = postgres.connection.execute
    q(
        "INSERT INTO customers (email, name, age) SELECT 'c' || i || '@example.com', 'name ' || i, i FROM generate_series(1, 6000) i"
    )
    postgres.apply(migration.up, tmp_path)
    # Expanded: old code still writes the old columns, new code the new name; the trigger keeps them in step.
    q("INSERT INTO clients (email, name, age) VALUES ('old@example.com', 'Old Code', 7)")
    q("INSERT INTO clients (email, full_name) VALUES ('new@example.com', 'New Code')")
    q("UPDATE clients SET name = 'Renamed' WHERE email = 'c1@example.com'")
    rows = {email: rest for email, *rest in q("SELECT email, full_name, name, age__new FROM clients").fetchall()}
    assert rows["old@example.com"] == ["Old Code", "Old Code", 7]
    assert rows["new@example.com"] == ["New Code", "New Code", None]
    assert rows["c1@example.com"] == ["Renamed", "Renamed", 1] and rows["c6000@example.com"][2] == 6000
    postgres.apply(migration.contract, tmp_path)
    assert q("SELECT count(*), sum(age) FROM clients WHERE full_name IS NOT NULL").fetchone() == (
        6002,
        6000 * 6001 // 2 + 7,
    )
    contracted = postgres.snapshot()
    fresh = Postgres("data_fresh")
    try:
        fresh.apply(full_ddl(v2, dialect="postgresql"), tmp_path)
        assert contracted == fresh.snapshot()
    finally:
        fresh.close()
    postgres.apply(migration.down, tmp_path)
    assert q("SELECT name FROM customers WHERE email = 'old@example.com'").fetchone() == ("Old Code",)


@pytest.mark.mariadb
def test_mariadb_adds_a_uuid_default_column_to_a_populated_table_by_copying_it():
    """ALGORITHM=INSTANT cannot give each existing row its own UUID() (ERROR 1845): the
    statement leaves the algorithm to the server and the migration says the table is copied."""
    database = MariaDB("uuid_default")
    try:
        v1 = apply(Schema(database_type="MySQL"), ops.AddEntity(entity=entity("u", "users", key("u_id"))))
        database.apply(full_ddl(v1, dialect="mysql"))
        database.apply("INSERT INTO users (id) VALUES (1), (2), (3);")
        token = f("u_token", "token", t(K.CHAR, length=36), nullable=False, default=expr("uuid()"))
        migration = migrate(v1, apply(v1, ops.AddField(entity_id="u", field=token)), "mysql")
        assert "ALGORITHM=INSTANT" not in migration.up
        assert [w.code for w in migration.warnings] == ["mysql-table-copy"]
        database.apply(migration.up)
        distinct = run([*database.client, "-N", "-B", database.name, "-e", "SELECT count(DISTINCT token) FROM users"])
        assert distinct.strip() == "3"
    finally:
        database.close()
