"""Views, functions, triggers, sequences and virtual tables: read from SQL with their
dependencies, kept through the JSON document, emitted by the full DDL in dependency order
for their own dialect only, dropped and created again around the changes they depend on,
and kept in step with renames made in the editor."""

from __future__ import annotations

import sqlite3
import subprocess

from designer import ops
from designer.deploy import deploy_check
from designer.formats.json_doc import dumps, loads
from designer.formats.sql_mysql import parse_mysql, parse_sqlite
from designer.formats.sql_postgresql import parse_postgresql
from designer.migrate import diff, full_ddl, render
from designer.notices import statement_kind
from designer.schema import FieldType, ObjectKind, TypeKind, replace

PG = """
CREATE SEQUENCE users_id_seq;
CREATE SEQUENCE invoice_numbers;
CREATE TABLE users (id integer DEFAULT nextval('users_id_seq'::regclass) PRIMARY KEY, name text, age integer);
ALTER SEQUENCE users_id_seq OWNED BY users.id;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE VIEW adult_names AS SELECT 1 AS placeholder;
CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18;
CREATE MATERIALIZED VIEW adult_count AS SELECT count(*) AS n FROM adults;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
"""


def _by_name(schema):
    return {o.name: o for o in schema.objects}


def test_postgresql_objects_are_kept_with_their_sql_and_dependencies():
    schema, notices = parse_postgresql(PG)
    objects = _by_name(schema)
    # the serial's own sequence belongs to its column; a standalone one is kept
    assert set(objects) == {"invoice_numbers", "touch", "adult_names", "adults", "adult_count", "users_touch"}
    users = schema.entities[0]
    adults = objects["adults"]
    assert adults.kind is ObjectKind.VIEW and adults.dialect == "postgresql"
    assert adults.sql == "CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18;"
    assert set(adults.depends_on) == {users.id, *(f.id for f in users.fields)}
    assert objects["adult_count"].depends_on == (adults.id,)  # a view on a view
    assert set(objects["users_touch"].depends_on) == {users.id, objects["touch"].id}
    assert not [n for n in notices if statement_kind(n.message) in ("CREATE VIEW", "CREATE FUNCTION")]


def test_objects_round_trip_through_the_json_document_and_old_documents_load():
    schema, _ = parse_postgresql(PG)
    assert loads(dumps(schema)) == schema
    without = dumps(replace(schema, objects=()))
    assert '"objects"' not in without and loads(without).objects == ()


def test_full_ddl_creates_functions_before_tables_and_views_after_in_dependency_order():
    schema, _ = parse_postgresql(PG)
    ddl = full_ddl(schema, dialect="postgresql")
    order = [ddl.index(text) for text in ("CREATE FUNCTION touch", 'CREATE TABLE "users"', "CREATE VIEW adults")]
    assert order == sorted(order)
    assert ddl.index("CREATE VIEW adults") < ddl.index("CREATE MATERIALIZED VIEW adult_count")
    assert "CREATE SEQUENCE users_id_seq" not in ddl and "CREATE SEQUENCE invoice_numbers" in ddl


def test_an_object_is_emitted_only_for_its_dialect_and_the_deploy_check_says_so():
    schema, _ = parse_postgresql(PG)
    mysql = full_ddl(schema, dialect="mysql")
    assert "CREATE VIEW" not in mysql and "[object-other-dialect]" in mysql
    findings = [f for f in deploy_check(schema, rendered=False).findings if f.object == "view adults"]
    assert {f.dialect for f in findings} == {"mysql", "sqlite"}
    assert all("written for PostgreSQL" in f.message for f in findings)


def test_a_type_change_drops_the_dependent_views_first_and_recreates_them_last():
    v1, _ = parse_postgresql(PG)
    users = v1.entities[0]
    age = users.field_by_name("age")
    v2, _ = ops.apply(v1, ops.UpdateField(entity_id=users.id, field=replace(age, type=FieldType(TypeKind.BIGINT))))
    up = render(diff(v1, v2), dialect="postgresql", old=v1, new=v2).up
    drop_count, drop_adults = (
        up.index('DROP MATERIALIZED VIEW IF EXISTS "adult_count"'),
        up.index('DROP VIEW IF EXISTS "adults"'),
    )
    alter = up.index('ALTER COLUMN "age" TYPE bigint')
    assert drop_count < drop_adults < alter < up.index("CREATE VIEW adults") < up.index("CREATE MATERIALIZED VIEW")
    assert "adult_names" not in up.split("-- step", 1)[1]  # reads nothing that changed


def test_a_rename_in_the_editor_is_followed_by_the_objects_that_read_it():
    v1, _ = parse_postgresql(PG)
    users = v1.entities[0]
    name = users.field_by_name("name")
    v2, inverse = ops.apply(v1, ops.UpdateField(entity_id=users.id, field=replace(name, name="full_name")))
    assert _by_name(v2)["adults"].sql == "CREATE VIEW adults AS SELECT id, full_name, age FROM users WHERE age >= 18;"
    v3, _ = ops.apply(v2, inverse)
    assert v3 == v1


SQLITE = """
CREATE TABLE posts (id integer PRIMARY KEY, title text, body text);
CREATE VIRTUAL TABLE posts_fts USING fts5(title, body, content='posts', tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN
  INSERT INTO posts_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE VIEW titles AS SELECT title FROM posts;
"""


def test_sqlite_virtual_tables_triggers_and_views_are_read_and_created_again_after_a_rebuild():
    v1, _ = parse_sqlite(SQLITE)
    objects = _by_name(v1)
    assert [objects[n].kind for n in ("posts_fts", "posts_ai", "titles")] == [
        ObjectKind.VIRTUAL_TABLE,
        ObjectKind.TRIGGER,
        ObjectKind.VIEW,
    ]
    assert objects["posts_ai"].sql.endswith("END;") and objects["posts_fts"].id in objects["posts_ai"].depends_on
    posts = v1.entities[0]
    body = posts.field_by_name("body")
    v2, _ = ops.apply(v1, ops.UpdateField(entity_id=posts.id, field=replace(body, nullable=False)))
    up = render(diff(v1, v2), dialect="sqlite", old=v1, new=v2).up
    assert up.index('DROP TRIGGER IF EXISTS "posts_ai"') < up.index('DROP TABLE "posts"')
    assert up.index('ALTER TABLE "_rebuild_posts" RENAME TO "posts"') < up.index("CREATE TRIGGER posts_ai")


def test_sqlite_shadow_tables_printed_by_dot_schema_are_left_to_their_virtual_table(tmp_path):
    path = tmp_path / "fts.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(SQLITE + "CREATE VIRTUAL TABLE notes USING fts4(body);")
    connection.close()
    dump = subprocess.run(["sqlite3", str(path), ".schema"], capture_output=True, text=True, check=True).stdout
    assert "posts_fts_data" in dump and "notes_segdir" in dump
    schema, notices = parse_sqlite(dump)
    assert [e.name for e in schema.entities] == ["posts"]
    assert any("shadow table notes_segdir of virtual table notes" in n.message for n in notices)
    rebuilt = tmp_path / "rebuilt.db"
    subprocess.run(["sqlite3", "-bail", str(rebuilt)], input=full_ddl(schema, dialect="sqlite"), check=True, text=True)
    with sqlite3.connect(rebuilt) as connection:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'view')")
        }
    connection.close()
    assert {"posts", "posts_fts", "posts_ai", "titles", "notes", "notes_segdir"} <= names


def test_expand_contract_changes_a_column_a_view_reads_in_place_around_the_view():
    v1, _ = parse_postgresql(PG)
    users = v1.entities[0]
    age = users.field_by_name("age")
    v2, _ = ops.apply(v1, ops.UpdateField(entity_id=users.id, field=replace(age, type=FieldType(TypeKind.BIGINT))))
    migration = render(diff(v1, v2), dialect="postgresql", old=v1, new=v2, expand_contract=True)
    assert migration.contract == ""  # nothing left for the contract to drop under the view
    assert 'ALTER COLUMN "age" TYPE bigint' in migration.up and "age__new" not in migration.up


def test_a_mysql_view_with_its_definer_clause_is_kept_with_its_dependencies():
    schema, _ = parse_mysql(
        "CREATE TABLE u (id int PRIMARY KEY, a int);\n"
        "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS "
        "select `u`.`a` AS `a` from `u`;\n"
    )
    (view,) = schema.objects
    table = schema.entities[0]
    assert (view.kind, view.name, view.dialect) == (ObjectKind.VIEW, "v", "mysql")
    assert view.depends_on == (table.id, table.field_by_name("a").id)
