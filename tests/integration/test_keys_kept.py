"""Keys, generated columns and constraint names as the schema writes them (issue 17 point 2):
a schema loaded into the real server, imported from its file and from the live database,
and built again from the product's full DDL gives the same catalog; the migrations that
change these things run on the real server too."""

from __future__ import annotations

import sqlite3

import pytest

from designer.formats import import_text
from designer.formats.json_doc import dumps, loads
from designer.migrate import diff, full_ddl, render
from designer.schema import replace
from projects.live_import import import_database
from tests.integration.migration_servers import MariaDB, Postgres, SQLite

# As pg_dump writes serials (integer + its own sequence + nextval), with a sequence of its
# own name, an identity ALWAYS, a stored generated column, named keys and checks, and a
# foreign key whose name the server cut to 63 bytes.
POSTGRES_DUMP = """
CREATE TABLE public.accounts (
    id integer NOT NULL,
    code bigint NOT NULL,
    ticket bigint GENERATED ALWAYS AS IDENTITY,
    price numeric(10,2),
    price_with_tax numeric(10,2) GENERATED ALWAYS AS ((price * 1.2)) STORED,
    CONSTRAINT positive CHECK (price > 0)
);
CREATE SEQUENCE public.accounts_id_seq AS integer;
ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;
CREATE SEQUENCE public.account_codes;
ALTER SEQUENCE public.account_codes OWNED BY public.accounts.code;
ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);
ALTER TABLE ONLY public.accounts ALTER COLUMN code SET DEFAULT nextval('public.account_codes'::regclass);
ALTER TABLE ONLY public.accounts ADD CONSTRAINT pk_accounts PRIMARY KEY (id);
ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_code_unique UNIQUE (code, price);
ALTER TABLE accounts ADD UNIQUE (id, code);
CREATE TABLE public.account_scheduler_trigger_references (
    id bigserial PRIMARY KEY,
    scheduler_name_for_account integer,
    trigger_group_name_for_account bigint,
    FOREIGN KEY (scheduler_name_for_account, trigger_group_name_for_account) REFERENCES accounts (id, code)
);
"""

MARIADB_DUMP = """
CREATE TABLE parents (id int NOT NULL PRIMARY KEY) DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
CREATE TABLE events (
  shard int NOT NULL,
  id bigint NOT NULL AUTO_INCREMENT UNIQUE,
  parent_id int,
  other_id int,
  role tinyint NOT NULL,
  seen timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  doubled int GENERATED ALWAYS AS (role * 2) VIRTUAL,
  tripled int AS (role * 3) PERSISTENT,
  single int NOT NULL DEFAULT 0 CHECK (single = 0),
  PRIMARY KEY (shard, id),
  UNIQUE KEY (role, seen),
  KEY (role, shard),
  KEY (parent_id, role),
  FOREIGN KEY (parent_id) REFERENCES parents (id),
  FOREIGN KEY (other_id) REFERENCES parents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
"""

SQLITE_SCHEMA = """
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL,
  title TEXT NOT NULL,
  words INTEGER GENERATED ALWAYS AS (length(title)) STORED,
  UNIQUE (owner, title)
);
"""


@pytest.fixture
def postgres_pair():
    source, built = Postgres("keys_source"), Postgres("keys_built")
    try:
        yield source, built
    finally:
        source.close()
        built.close()


@pytest.mark.postgres
def test_postgresql_keys_come_back_as_written_from_the_file_and_the_live_database(postgres_pair, tmp_path):
    source, built = postgres_pair
    source.apply(POSTGRES_DUMP, tmp_path)
    expected = source.snapshot()
    from_file = import_text(POSTGRES_DUMP, fmt="postgresql").schema
    live, _ = import_database(f"{source.url}/{source.name}")
    for schema in (from_file, live, loads(dumps(from_file))):
        built.reset()
        built.apply(full_ddl(schema, dialect="postgresql"), tmp_path)
        assert built.snapshot() == expected


@pytest.mark.postgres
def test_postgresql_identity_is_not_null_and_serial_keeps_its_sequence():
    schema = import_text(POSTGRES_DUMP, fmt="postgresql").schema
    accounts = {f.name: f for f in schema.entity_by_name("accounts").fields}
    assert accounts["id"].type.written == "serial" and accounts["id"].sequence is None
    assert accounts["code"].type.written == "bigserial" and accounts["code"].sequence == "account_codes"
    assert accounts["ticket"].identity_always and not accounts["ticket"].nullable
    assert accounts["price_with_tax"].generated == "price * 1.2"
    assert accounts["price"].check_name is None and schema.entity_by_name("accounts").primary_key_name == "pk_accounts"
    unique = schema.entity_by_name("accounts").indexes[0]
    assert unique.constraint and unique.name == "accounts_code_unique"


@pytest.mark.postgres
def test_postgresql_migrations_change_serials_identities_and_generated_columns(postgres_pair, tmp_path):
    source, _ = postgres_pair
    before = import_text(POSTGRES_DUMP, fmt="postgresql").schema
    accounts = before.entity_by_name("accounts")
    changed = {
        "id": lambda f: replace(f, type=replace(f.type, kind=f.type.kind.BIGINT, written="bigserial")),
        "ticket": lambda f: replace(f, identity_always=False),
        "price_with_tax": lambda f: replace(f, generated="(price * 1.3)"),
    }
    fields = tuple(changed.get(f.name, lambda f: f)(f) for f in accounts.fields)
    after = replace(before, entities=(replace(accounts, fields=fields), *before.entities[1:]))
    source.apply(full_ddl(before, dialect="postgresql"), tmp_path)
    migration = render(diff(before, after), dialect="postgresql", old=before, new=after, zero_downtime=False)
    assert "TYPE bigserial" not in migration.up and "TYPE bigint" in migration.up
    source.apply(migration.up, tmp_path)
    expected = source.snapshot()
    source.reset()
    source.apply(full_ddl(after, dialect="postgresql"), tmp_path)
    assert source.snapshot() == expected


@pytest.fixture
def mariadb_pair():
    source, built = MariaDB("keys_source"), MariaDB("keys_built")
    try:
        yield source, built
    finally:
        source.close()
        built.close()


@pytest.mark.mariadb
def test_mariadb_keys_options_and_generated_columns_come_back_as_written(mariadb_pair):
    source, built = mariadb_pair
    source.apply(MARIADB_DUMP)
    expected = source.snapshot()["tables"]
    from_file = import_text(MARIADB_DUMP, fmt="mysql").schema
    live, _ = import_database(f"mysql://root@127.0.0.1:3306/{source.name}")
    for schema in (from_file, live, loads(dumps(from_file))):
        built.reset()
        built.apply(full_ddl(schema, dialect="mysql"))
        assert built.snapshot()["tables"] == expected


@pytest.mark.mariadb
def test_mariadb_migration_changes_on_update_generation_and_table_options(mariadb_pair):
    source, built = mariadb_pair
    before = import_text(MARIADB_DUMP, fmt="mysql").schema
    events = before.entity_by_name("events")
    changed = {
        "seen": lambda f: replace(f, on_update=None),
        "doubled": lambda f: replace(f, generated="role * 4"),
    }
    fields = tuple(changed.get(f.name, lambda f: f)(f) for f in events.fields)
    events = replace(events, fields=fields, collation="utf8mb4_bin")
    after = replace(before, entities=(before.entities[0], events))
    source.apply(full_ddl(before, dialect="mysql"))
    up = render(diff(before, after), dialect="mysql", old=before, new=after).up
    assert "`events` DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;" in up
    assert "`parents`" not in up  # unchanged, and an option a design leaves unsaid is never rewritten
    source.apply(up)
    built.apply(full_ddl(after, dialect="mysql"))
    assert source.snapshot()["tables"] == built.snapshot()["tables"]


def test_sqlite_unique_constraint_and_generated_column_come_back(tmp_path):
    source, built = SQLite(tmp_path / "source.db"), SQLite(tmp_path / "built.db")
    source.apply(SQLITE_SCHEMA)
    schema = import_text(SQLITE_SCHEMA, fmt="sqlite").schema
    built.apply(full_ddl(schema, dialect="sqlite"))
    indexes = [row[1] for row in built.snapshot() if row[0] == "index"]
    assert indexes == []  # the UNIQUE constraint is the table's autoindex, not a CREATE UNIQUE INDEX
    with sqlite3.connect(tmp_path / "built.db") as connection:
        columns = connection.execute("SELECT name, hidden FROM pragma_table_xinfo('notes')").fetchall()
        autoindexes = connection.execute("SELECT origin FROM pragma_index_list('notes')").fetchall()
    assert ("words", 3) in columns and autoindexes == [("u",)]
