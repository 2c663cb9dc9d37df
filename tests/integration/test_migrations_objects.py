"""Migrations on populated databases that hold views (and a view on a view): a rename, a
type change and a new required column go up and down with the views dropped and created
again around them, in one transaction; a step that cannot run on the rows there stops the
file before anything commits, with the reason the file announced."""

from __future__ import annotations

import sqlite3

import pytest

from designer.formats.sql_mysql import parse_mysql, parse_sqlite
from designer.formats.sql_postgresql import parse_postgresql
from designer.migrate import diff, full_ddl, render
from designer.schema import Default, DefaultKind, Field, FieldType, Schema, TypeKind, replace
from projects.live_import import import_database
from tests.integration.migration_servers import MariaDB, Postgres, SQLite

SOURCE = """
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, age integer, code text NOT NULL);
CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18;
CREATE VIEW adult_names AS SELECT name, age FROM adults;
"""
ROWS = "INSERT INTO users (id, name, age, code) VALUES (1, 'Ann', 41, 'a'), (2, 'Bob', 12, 'b'), (3, 'Cy', 30, 'c');"


def _changed(schema: Schema, *, token_default: str | None, drop_code: bool = False) -> Schema:
    """users.name renamed full_name, age integer → bigint, a required token added."""
    users = schema.entities[0]
    fields = []
    for field in users.fields:
        if field.name == "name":
            field = replace(field, name="full_name")
        elif field.name == "age":
            field = replace(field, type=FieldType(TypeKind.BIGINT))
        elif field.name == "code" and drop_code:
            continue
        fields.append(field)
    default = Default(DefaultKind.LITERAL, f"'{token_default}'") if token_default else None
    fields.append(Field(id="fld_token", name="token", type=FieldType(TypeKind.TEXT), nullable=False, default=default))
    return replace(schema, entities=(replace(users, fields=tuple(fields)),))


def _migration(old: Schema, new: Schema, dialect: str):
    return render(diff(old, new), dialect=dialect, old=old, new=new)


@pytest.fixture
def postgres():
    database = Postgres("objects")
    yield database
    database.close()


def _pg_views(postgres) -> list[tuple]:
    return postgres.connection.execute(
        "SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1"
    ).fetchall()


@pytest.mark.postgres
def test_postgresql_up_and_down_keep_rows_and_recreate_the_views_around_the_changes(postgres, tmp_path):
    v1, _ = parse_postgresql(SOURCE)
    v2 = _changed(v1, token_default="none")
    postgres.apply(full_ddl(v1, dialect="postgresql"), tmp_path)
    postgres.connection.execute(ROWS)
    migration = _migration(v1, v2, "postgresql")
    assert "-- One transaction: a failure anywhere commits nothing." in migration.up
    assert migration.up.count("BEGIN;") == 1
    assert "dependent-object-recreated" in migration.up
    postgres.apply(migration.up, tmp_path)
    q = postgres.connection.execute
    assert q("SELECT full_name, age FROM adult_names ORDER BY 1").fetchall() == [("Ann", 41), ("Cy", 30)]
    assert q("SELECT pg_typeof(age)::text FROM adults LIMIT 1").fetchone() == ("bigint",)
    assert q("SELECT count(*) FROM users WHERE token = 'none'").fetchone() == (3,)
    postgres.apply(migration.down, tmp_path)
    assert q("SELECT name, age FROM adult_names ORDER BY 1").fetchall() == [("Ann", 41), ("Cy", 30)]
    assert q("SELECT pg_typeof(age)::text FROM adults LIMIT 1").fetchone() == ("integer",)
    assert _pg_views(postgres) == [("adult_names",), ("adults",)]


@pytest.mark.postgres
def test_postgresql_a_step_that_fails_on_the_rows_stops_the_file_before_anything_commits(postgres, tmp_path):
    v1, _ = parse_postgresql(SOURCE)
    v2 = _changed(v1, token_default=None, drop_code=True)  # a new required field with no default
    postgres.apply(full_ddl(v1, dialect="postgresql"), tmp_path)
    postgres.connection.execute(ROWS)
    before = postgres.snapshot()
    migration = _migration(v1, v2, "postgresql")
    reason = "users.token is added NOT NULL without a default: this will fail on a populated table"
    assert "[fails-on-data] step" in migration.up and reason in migration.up
    assert "BACKFILL PLACEHOLDER" in migration.up
    with pytest.raises(AssertionError, match="will fail on a populated table"):
        postgres.apply(migration.up, tmp_path)
    assert postgres.snapshot() == before and _pg_views(postgres) == [("adult_names",), ("adults",)]
    # The same change on an empty table goes up; its down brings back the required code
    # the up dropped, which the now populated table cannot fill: stopped, with the reason.
    postgres.connection.execute("DELETE FROM users")
    postgres.apply(migration.up, tmp_path)
    postgres.connection.execute("INSERT INTO users (id, full_name, age, token) VALUES (1, 'Ann', 41, 't')")
    after = postgres.snapshot()
    assert "users.code is added NOT NULL without a default: this will fail on a populated table" in migration.down
    with pytest.raises(AssertionError, match=r"users\.code is added NOT NULL"):
        postgres.apply(migration.down, tmp_path)
    assert postgres.snapshot() == after


def _sqlite_views(database) -> list[str]:
    return [name for kind, name, _, _ in database.snapshot() if kind == "view"]


def test_sqlite_up_and_down_keep_rows_and_recreate_the_views_around_the_rebuild(tmp_path):
    v1, _ = parse_sqlite(SOURCE)
    v2 = _changed(v1, token_default="none")
    database = SQLite(tmp_path / "objects.db")
    database.apply(full_ddl(v1, dialect="sqlite"))
    database.apply(ROWS)
    migration = _migration(v1, v2, "sqlite")
    database.apply(migration.up)
    with sqlite3.connect(database.path) as connection:
        rows = connection.execute("SELECT full_name, age FROM adult_names ORDER BY 1").fetchall()
        tokens = connection.execute("SELECT count(*) FROM users WHERE token = 'none'").fetchone()
    connection.close()
    assert rows == [("Ann", 41), ("Cy", 30)] and tokens == (3,)
    database.apply(migration.down)
    with sqlite3.connect(database.path) as connection:
        rows = connection.execute("SELECT name, age FROM adult_names ORDER BY 1").fetchall()
    connection.close()
    assert rows == [("Ann", 41), ("Cy", 30)]
    assert _sqlite_views(database) == ["adult_names", "adults"]


def test_sqlite_a_step_that_fails_on_the_rows_stops_the_file_with_its_reason(tmp_path):
    v1, _ = parse_sqlite(SOURCE)
    v2 = _changed(v1, token_default=None)
    database = SQLite(tmp_path / "objects.db")
    database.apply(full_ddl(v1, dialect="sqlite"))
    database.apply(ROWS)
    before = database.snapshot()
    with pytest.raises(AssertionError, match=r"users\.token is added NOT NULL without a default"):
        database.apply(_migration(v1, v2, "sqlite").up)
    assert database.snapshot() == before


@pytest.mark.postgres
def test_a_live_import_keeps_the_views_functions_and_triggers_with_their_dependencies(postgres, tmp_path):
    postgres.apply(
        SOURCE
        + "CREATE SEQUENCE invoice_numbers;\n"
        + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
        + "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\n",
        tmp_path,
    )
    schema, _ = import_database(f"{postgres.url}/{postgres.name}")
    objects = {o.name: o for o in schema.objects}
    assert [(o.kind.value, o.name) for o in schema.objects] == [
        ("sequence", "invoice_numbers"),
        ("function", "touch"),
        ("view", "adults"),
        ("view", "adult_names"),
        ("trigger", "users_touch"),
    ]
    users = schema.entity_by_name("users")
    assert users.id in objects["adults"].depends_on and objects["adult_names"].depends_on == (objects["adults"].id,)
    assert objects["touch"].id in objects["users_touch"].depends_on
    # what the live database holds is what the full DDL makes again
    postgres.reset()
    postgres.apply(full_ddl(schema, dialect="postgresql"), tmp_path)
    views = postgres.connection.execute("SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1")
    assert views.fetchall() == [("adult_names",), ("adults",)]


# --- every kind of object, created, dropped and created again, on the real servers -------------

EVERY_KIND = """
CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, age integer);
CREATE SEQUENCE invoice_numbers;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := trim(NEW.name); RETURN NEW; END $$;
CREATE FUNCTION oldest() RETURNS SETOF users LANGUAGE sql AS $$ SELECT * FROM users ORDER BY age DESC LIMIT 1 $$;
CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18;
CREATE MATERIALIZED VIEW adult_count AS SELECT count(*) AS n FROM adults;
CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
"""


@pytest.mark.postgres
def test_postgresql_every_kind_of_object_is_dropped_and_created_again_for_real(postgres, tmp_path):
    v1, _ = parse_postgresql(EVERY_KIND)
    users = v1.entities[0]
    retyped = tuple(replace(f, type=FieldType(TypeKind.BIGINT)) if f.name == "age" else f for f in users.fields)
    v2 = replace(v1, entities=(replace(users, fields=retyped),), objects=())  # every object removed, age retyped
    postgres.apply(full_ddl(v1, dialect="postgresql"), tmp_path)
    q = postgres.connection.execute
    q("INSERT INTO users VALUES (1, '  Ann ', 41)")
    assert q("SELECT name FROM users").fetchone() == ("Ann",)  # the trigger runs
    migration = _migration(v1, v2, "postgresql")
    postgres.apply(migration.up, tmp_path)
    kinds = "SELECT count(*) FROM pg_class WHERE relkind IN ('v', 'm', 'S') AND relnamespace = 'public'::regnamespace"
    assert q(kinds).fetchone() == (0,) and q("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal").fetchone() == (
        0,
    )
    postgres.apply(migration.down, tmp_path)
    q("REFRESH MATERIALIZED VIEW adult_count")
    assert q("SELECT n FROM adult_count").fetchone() == (1,) and q("SELECT name FROM oldest()").fetchone() == ("Ann",)
    assert q("SELECT nextval('invoice_numbers')").fetchone() == (1,)


@pytest.mark.mariadb
def test_mariadb_a_view_is_dropped_and_created_again_around_a_rename_and_the_file_runs_twice():
    v1, _ = parse_mysql(
        "CREATE TABLE users (id bigint PRIMARY KEY, name varchar(40) NOT NULL, age int);\n"
        "CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18;\n"
    )
    v2 = _changed(v1, token_default="none")
    database = MariaDB("objects")
    try:
        database.apply(full_ddl(v1, dialect="mysql"))
        database.apply("INSERT INTO users (id, name, age) VALUES (1, 'Ann', 41), (2, 'Bob', 12);")
        migration = _migration(v1, v2, "mysql")
        database.apply(migration.up)
        database.apply(migration.up)  # re-runnable: every statement finds its work done
        database.apply("SELECT full_name FROM adults;")
        database.apply(migration.down)
        database.apply(migration.down)
        database.apply("SELECT name FROM adults;")
    finally:
        database.close()


def test_sqlite_triggers_and_virtual_tables_survive_a_rebuild_for_real(tmp_path):
    v1, _ = parse_sqlite(
        "CREATE TABLE posts (id integer PRIMARY KEY, title text, body text);\n"
        "CREATE VIRTUAL TABLE posts_fts USING fts5(title, body, content='posts');\n"
        "CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN\n"
        "  INSERT INTO posts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);\nEND;\n"
    )
    posts = v1.entities[0]
    required = tuple(replace(f, nullable=False) if f.name == "title" else f for f in posts.fields)
    v2 = replace(v1, entities=(replace(posts, fields=required),))
    database = SQLite(tmp_path / "fts.db")
    database.apply(full_ddl(v1, dialect="sqlite"))
    database.apply("INSERT INTO posts (id, title, body) VALUES (1, 'hello', 'world');")
    migration = _migration(v1, v2, "sqlite")
    database.apply(migration.up)  # the table is rebuilt: its trigger goes with it and comes back
    database.apply("INSERT INTO posts (id, title, body) VALUES (2, 'again', 'text');")
    with sqlite3.connect(database.path) as connection:
        found = connection.execute("SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'again'").fetchall()
    connection.close()
    assert found == [(2,)]
    database.apply(migration.down)
    assert [name for kind, name, _, _ in database.snapshot() if kind == "trigger"] == ["posts_ai"]
