"""SQL DDL import (PostgreSQL through pglast, MySQL/MariaDB and SQLite through sqlglot):
what a hand-written rich schema says arrives, as written; what is not schema is listed."""

from pathlib import Path

import pytest

from designer.formats import detect_format, import_text
from designer.formats.dbml import parse_dbml, to_dbml
from designer.problems import SchemaError
from designer.schema import (
    Cardinality,
    DefaultKind,
    Extension,
    IndexMethod,
    Partition,
    PartitionStrategy,
    RefAction,
    SortOrder,
    TypeKind,
    replace,
)
from designer.types import display_type

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str, fmt: str):
    return import_text((FIXTURES / name).read_text(), fmt=fmt)


def fields(schema, table, namespace=None):
    return {f.name: f for f in schema.entity_by_name(table, namespace).fields}


def test_postgresql_columns_keep_types_defaults_identity_and_generation():
    schema = read("rich_postgresql.sql", "postgresql").schema
    users = fields(schema, "users", "core")
    assert users["id"].identity and users["id"].type.kind is TypeKind.BIGINT
    assert (users["email"].type.kind, users["email"].type.written) == (TypeKind.OTHER, "citext")
    assert users["name"].type.written == "character varying(80)" and users["name"].type.length == 80
    assert users["name"].default.value == "'anon'" and not users["name"].nullable
    assert users["score"].default.value == "-1" and users["score"].check == "score >= -1"
    assert users["tags"].type.written == "text[][]"
    assert users["created"].type.written == "timestamp(3) with time zone"
    assert users["created"].default.kind is DefaultKind.EXPRESSION and users["created"].default.value == "now()"
    assert users["doubled"].generated == "length(name) * 2"
    assert schema.enum(users["mood"].type.enum_id).values[2].name == "it's ok"
    posts = fields(schema, "posts")
    assert posts["id"].type.written == "serial" and posts["id"].type.kind is TypeKind.INTEGER  # as written


def test_postgresql_keys_constraints_indexes_and_comments():
    schema = read("rich_postgresql.sql", "postgresql").schema
    users, posts = schema.entity_by_name("users", "core"), schema.entity_by_name("posts")
    assert users.comment == "people" and fields(schema, "users", "core")["email"].comment == "login"
    assert fields(schema, "users", "core")["email"].unique
    assert [c.name for c in posts.checks] == ["title_not_blank"] and posts.checks[0].expression == "title <> ''"
    recent = next(i for i in posts.indexes if i.name == "posts_author_recent")
    assert [c.order for c in recent.columns] == [SortOrder.ASC, SortOrder.DESC]
    assert recent.predicate == "published" and [posts.field(i).name for i in recent.include] == ["title"]
    lower = next(i for i in users.indexes if i.name == "users_lower_email")
    assert lower.unique and lower.columns[0].expression == "lower(email::text)"
    trgm = next(i for i in posts.indexes if i.name == "posts_title_trgm")
    assert trgm.method is IndexMethod.GIN and trgm.columns[0].expression == "to_tsvector('english', title)"
    by_name = {r.name: r for r in schema.relationships}
    cascade = next(r for r in schema.relationships if r.on_delete is RefAction.CASCADE)
    assert schema.entity(cascade.from_entity_id).name == "posts" and cascade.cardinality is Cardinality.ONE_TO_MANY
    assert by_name["profile_user_fk"].cardinality is Cardinality.ONE_TO_ONE  # the key references a key


def test_postgresql_partitions_are_one_table_and_other_statements_are_listed():
    result = read("rich_postgresql.sql", "postgresql")
    names = [e.name for e in result.schema.entities]
    assert "measurements_2024" not in names
    partitioning = result.schema.entity_by_name("measurements").partitioning
    assert (partitioning.strategy, partitioning.key) == (PartitionStrategy.RANGE, "logdate")
    assert partitioning.partitions == (
        Partition(name="measurements_2024", bound="FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
    )
    assert result.schema.extensions == (Extension(name="citext"),)
    skipped = {(n.line, n.message) for n in result.notices}
    assert (35, "skipped GRANT (not part of a schema)") in skipped
    # views and functions are kept as database objects, not skipped
    assert [(o.kind.value, o.name) for o in result.schema.objects] == [("view", "recent"), ("function", "f")]
    assert not [message for line, message in skipped if line in (33, 34)]


def test_postgresql_column_options_the_design_cannot_keep_are_notices_with_their_line():
    text = 'CREATE TABLE t (\n  id bigint PRIMARY KEY,\n  name text COLLATE "C" NOT NULL,\n  body text STORAGE EXTERNAL\n);'
    result = import_text(text, fmt="postgresql")
    assert [(n.line, n.message) for n in result.notices] == [
        (3, "t.name: COLLATE C is not kept (the design has no place for it)"),
        (4, "t.body: STORAGE EXTERNAL is not kept (the design has no place for it)"),
    ]
    assert not result.schema.entities[0].fields[1].nullable  # the rest of the column is read


def test_mysql_dump_types_enums_keys_and_comments():
    result = read("rich_mysql.sql", "mysql")
    schema = result.schema
    users = fields(schema, "users")
    assert users["id"].type.written == "bigint unsigned" and users["id"].identity
    assert display_type(users["name"].type) == "varchar(80)" and users["name"].default.value == "'anon'"
    assert schema.enum(users["mood"].type.enum_id).name == "users_mood"
    assert [v.name for v in schema.enum(users["mood"].type.enum_id).values] == ["happy", "sad", "it's ok"]
    assert users["created"].default.value == "CURRENT_TIMESTAMP(3)" and users["flag"].type.written == "tinyint(1)"
    assert users["doubled"].generated == "char_length(name) * 2"
    assert schema.entity_by_name("users").comment == "people" and fields(schema, "posts")["author_id"].comment
    posts = schema.entity_by_name("posts")
    assert {i.name: i.method.value for i in posts.indexes} == {"posts_title": "fulltext", "posts_author_idx": "btree"}
    assert {r.name for r in schema.relationships} == {"posts_author", "profile_user"}
    notices = {(n.line, n.message) for n in result.notices}
    assert [(o.kind.value, o.name, o.dialect) for o in schema.objects] == [("view", "recent", "mysql")]
    assert users["created"].on_update == "CURRENT_TIMESTAMP(3)"  # kept, and emitted back (test_keys_fidelity)
    # What the design has no place for is said, with its line, never silently dropped.
    assert (4, "users.name: COLLATE utf8mb4_bin is not kept (the design has no place for it)") in notices


def test_sqlite_schema_output():
    result = read("rich_sqlite.sql", "sqlite")
    schema = result.schema
    u = fields(schema, "u")
    assert u["id"].identity and u["email"].unique and u["score"].check == "score >= -1"
    t = schema.entity_by_name("t")
    index = next(i for i in t.indexes if i.name == "t_name")
    assert index.predicate == "name IS NOT NULL" and index.columns[0].order is SortOrder.DESC
    assert fields(schema, "t")["odd name"].type.written == "NUMERIC(10,2)"
    assert any("sqlite_sequence" in n.message for n in result.notices)
    assert any(n.message.startswith("u.email: COLLATE NOCASE is not kept") for n in result.notices)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("rich_postgresql.sql", "postgresql"), ("rich_mysql.sql", "mysql"), ("rich_sqlite.sql", "sqlite")],
)
def test_every_imported_schema_survives_our_dbml_round_trip(name, fmt):
    schema = read(name, fmt).schema
    assert parse_dbml(to_dbml(schema)) == replace(schema, objects=())  # DBML has no views or functions


@pytest.mark.parametrize(
    ("text", "fmt", "line", "words"),
    [
        ("CREATE TABLE a (\n  id int,\n  name text NOT NULL DEFAULT\n);\n", "postgresql", 4, "syntax error"),
        ("CREATE TABLE a (id int);\nCREATE TABL b (id int);\n", "postgresql", 2, "syntax error"),
        ("SET x = 1;\nSELECT 1;\n", "postgresql", None, ""),
        ("-- nothing\nDROP TABLE x;\n", "mysql", 2, "no CREATE TABLE"),
    ],
)
def test_bad_sql_names_the_line(text, fmt, line, words):
    if line is None:  # no tables at all is still a valid (empty) PostgreSQL import
        assert import_text(text, fmt=fmt).schema.entities == ()
        return
    with pytest.raises(SchemaError) as caught:
        import_text(text, fmt=fmt)
    assert caught.value.problems[0].line == line and words in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rich_postgresql.sql", "postgresql"),
        ("rich_mysql.sql", "mysql"),
        ("rich_sqlite.sql", "sqlite"),
        ("rich.dbml", "dbml"),
    ],
)
def test_the_format_is_detected_from_the_content(name, expected):
    assert detect_format((FIXTURES / name).read_text()) == expected


def test_json_is_detected():
    assert detect_format('  {"format": "schema-designer"}') == "json"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("rich_postgresql.sql", "postgresql"), ("rich_mysql.sql", "mysql"), ("rich_sqlite.sql", "sqlite")],
)
def test_damaged_files_are_refused_with_a_problem_never_a_crash(name, fmt):
    """Every cut of the fixture, and every fixture with a bite taken out: a schema or a
    SchemaError, nothing else (these cuts found three crashes)."""
    text = (FIXTURES / name).read_text()
    for cut in range(0, len(text), 11):
        for damaged in (text[:cut], text[:cut] + text[cut + 5 :]):
            try:
                import_text(damaged, fmt=fmt)
            except SchemaError as error:
                assert error.problems and all(p.message for p in error.problems)
