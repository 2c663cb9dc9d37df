"""Issue 17 without a server: how the PostgreSQL reader tells a standalone sequence from a
serial's, where table storage options travel (JSON, DBML, other dialects), and which
extensions types ask for. tests/integration/test_pg_fidelity.py runs the SQL for real."""

from __future__ import annotations

from designer.formats import import_text, json_doc
from designer.formats.dbml import parse_dbml
from designer.formats.dbml_writer import to_dbml
from designer.migrate import diff, full_ddl, render
from designer.schema import DefaultKind, ObjectKind, StorageParameter, replace
from designer.type_catalog import needed_extensions


def _read(sql: str):
    return import_text(sql, fmt="postgresql").schema


def _id(schema, table: str):
    return schema.entity_by_name(table).field_by_name("id")


def test_a_sequence_owned_by_its_column_is_the_serial_even_when_owned_after_the_default():
    schema = _read(
        "CREATE SEQUENCE t_id_seq; CREATE TABLE t (id integer NOT NULL DEFAULT nextval('t_id_seq'::regclass));"
        "ALTER SEQUENCE t_id_seq OWNED BY t.id;"
    )
    assert (_id(schema, "t").identity, _id(schema, "t").default, schema.objects) == (True, None, ())


def test_a_sequence_without_an_owner_is_kept_and_the_default_stays_as_written():
    schema = _read(
        "CREATE TABLE t (id integer NOT NULL); CREATE SEQUENCE s; ALTER SEQUENCE s OWNED BY NONE;"
        "ALTER TABLE t ALTER COLUMN id SET DEFAULT NEXTVAL('s');"
    )
    field = _id(schema, "t")
    assert (field.identity, field.default.kind, field.default.value) == (False, DefaultKind.EXPRESSION, "NEXTVAL('s')")
    assert [(o.kind, o.name) for o in schema.objects] == [(ObjectKind.SEQUENCE, "s")]
    ddl = full_ddl(schema, dialect="postgresql")
    assert ddl.index("CREATE SEQUENCE s;") < ddl.index('CREATE TABLE "t"')


def test_a_nextval_of_a_sequence_the_script_never_creates_is_still_a_serial():
    schema = _read("CREATE TABLE t (id bigint DEFAULT nextval('elsewhere_seq'));")
    assert (_id(schema, "t").identity, _id(schema, "t").sequence) == (True, "elsewhere_seq")


TABLES = "CREATE UNLOGGED TABLE q (id bigint PRIMARY KEY) WITH (fillfactor = 90); CREATE TABLE p (id bigint);"


def test_table_storage_and_unlogged_survive_json_and_dbml():
    schema = _read(TABLES)
    q = schema.entity_by_name("q")
    assert (q.storage, q.unlogged) == ((StorageParameter("fillfactor", "90"),), True)
    assert json_doc.loads(json_doc.dumps(schema)) == schema
    back = parse_dbml(to_dbml(schema)).entity_by_name("q")
    assert (back.storage, back.unlogged) == (q.storage, True)


def test_a_hand_edited_dbml_storage_item_that_is_not_plain_is_left_out():
    text = to_dbml(_read(TABLES)).replace('[["fillfactor", "90"]]', '[["fillfactor", "90); DROP TABLE x; --"]]')
    assert parse_dbml(text).entity_by_name("q").storage == ()


def test_other_dialects_say_they_leave_the_table_options_out():
    schema = _read(TABLES)
    empty = replace(schema, entities=())
    for dialect in ("mysql", "sqlite"):
        migration = render(diff(empty, schema), dialect=dialect, old=empty, new=schema)
        ignored = [w.message for w in migration.warnings if w.code == "table-option-ignored"]
        assert len(ignored) == 1 and "storage parameters (fillfactor)" in ignored[0] and "unlogged" in ignored[0]
        assert "CREATE UNLOGGED" not in migration.up and "WITH (" not in migration.up


def test_a_storage_only_change_writes_nothing_for_mysql():
    schema = _read(TABLES)
    later = replace(schema, entities=tuple(replace(e, storage=()) for e in schema.entities))
    assert "ALTER TABLE" not in render(diff(schema, later), dialect="mysql", old=schema, new=later).up
    postgres = render(diff(schema, later), dialect="postgresql", old=schema, new=later)
    assert (
        'ALTER TABLE "q" RESET (fillfactor);' in postgres.up
        and 'ALTER TABLE "q" SET (fillfactor = 90);' in postgres.down
    )


def test_extensions_follow_the_types_with_what_they_require_first():
    assert needed_extensions(["citext", "earth", "text", "ltree[]", "cube", "public.citext"]) == [
        "citext",
        "cube",
        "earthdistance",
        "ltree",
    ]


def test_an_extension_the_file_lists_is_not_created_twice():
    schema = _read("CREATE EXTENSION citext; CREATE TABLE t (id bigint, e citext, h hstore);")
    ddl = full_ddl(schema, dialect="postgresql")
    assert ddl.count("EXTENSION IF NOT EXISTS") == 2 and 'CREATE EXTENSION IF NOT EXISTS "hstore";' in ddl


def test_a_standalone_sequence_travels_through_dbml_and_only_as_one_create_sequence():
    schema = _read("CREATE SEQUENCE s START 5; CREATE TABLE t (id bigint NOT NULL DEFAULT nextval('s'));")
    text = to_dbml(schema)
    assert [(o.kind, o.name, o.sql) for o in parse_dbml(text).objects] == [
        (ObjectKind.SEQUENCE, "s", "CREATE SEQUENCE s START 5;")
    ]
    assert parse_dbml(text.replace("START 5;", "START 5; DROP TABLE t;")).objects == ()
    assert parse_dbml(text.replace('"s", "CREATE SEQUENCE s', '"s", "CREATE SEQUENCE other')).objects == ()
