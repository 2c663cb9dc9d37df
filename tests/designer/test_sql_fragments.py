"""designer.sql: every SQL fragment a design holds is parsed by the dialect's parser as
exactly one type name, expression or literal, and what reaches DDL is printed from the
parse (issue 24: the probe's injection payloads and dollar-quote tags)."""

import pytest

from designer import ops
from designer.codegen import generate
from designer.codegen.plan import CodegenError
from designer.formats import import_text
from designer.migrate import MigrationError, diff, full_ddl, render
from designer.migrate.pg_sql import dollar_quoted
from designer.problems import SchemaError
from designer.schema import Check, Default, DefaultKind, Entity, Field, FieldType, Index, IndexColumn, Schema
from designer.schema import TypeKind as K
from designer.sql import FragmentError, expression_sql, literal_sql, read_elsewhere, type_sql
from designer.sql.base import TYPE
from designer.validate import validate

DROP = "; COMMIT; DROP TABLE victim; --"
HOSTILE_TYPE = f"text){DROP}"
HOSTILE_DEFAULT = f"now()){DROP}"
HOSTILE_CHECK = f"d3 > 0)){DROP}"
DIALECTS = ("postgresql", "mysql", "sqlite")


def schema_with(*, type=None, default=None, check=None, checks=(), indexes=(), database_type="PostgreSQL"):
    fields = (
        Field("f_id", "id", FieldType(K.BIGINT), nullable=False, identity=True),
        Field("f_d3", "d3", type or FieldType(K.INTEGER), default=default, check=check),
    )
    entity = Entity("e_t", "t", fields=fields, primary_key=("f_id",), checks=checks, indexes=indexes)
    return Schema(entities=(entity,), database_type=database_type)


# --- the parsers --------------------------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("text", [HOSTILE_TYPE, "int; drop table victim", "int /* ", "text)", "int(--1)", ""])
def test_a_type_that_is_not_one_type_name_is_refused_with_the_reason(dialect, text):
    with pytest.raises(FragmentError, match="does not parse as one type name in"):
        type_sql(text, dialect=dialect)


@pytest.mark.parametrize("dialect", ["postgresql", "mysql"])
def test_negative_type_parameters_are_refused_where_the_server_refuses_them(dialect):
    with pytest.raises(FragmentError, match="does not parse as one type name in"):
        type_sql("numeric(-1,-1)", dialect=dialect)


def test_sqlite_reads_signed_type_parameters_as_its_grammar_says():
    # sqlite3 :memory: "CREATE TABLE t(a numeric(-1,-1))" succeeds: SQLite reads and ignores them.
    assert type_sql("numeric(-1,-1)", dialect="sqlite") == "numeric(-1, -1)"


@pytest.mark.parametrize(
    ("text", "dialect", "printed"),
    [
        ("varchar(120)", "postgresql", "varchar(120)"),
        ("numeric(10,2)", "postgresql", "numeric(10, 2)"),
        ("int /* a comment */", "postgresql", "integer"),
        ("int -- a comment\n", "postgresql", "integer"),
        ('"My Type"', "postgresql", '"My Type"'),
        ("int(11) unsigned", "mysql", "INT(11) UNSIGNED"),
        ("enum('a', 'it''s')", "mysql", "ENUM('a', 'it''s')"),
        ("decimal(10,2)", "sqlite", "decimal(10, 2)"),  # SQLite keeps the name: it decides the affinity
    ],
)
def test_a_type_is_printed_from_its_parse_without_comments(text, dialect, printed):
    assert type_sql(text, dialect=dialect) == printed


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize(
    "text",
    [
        HOSTILE_DEFAULT,
        HOSTILE_CHECK,
        "1; DROP TABLE victim",
        "1 AS x",
        "1, 2",
        "1 FROM victim",
        "(SELECT 1)",
        "x > (SELECT max(y) FROM victim)",
        "",
        "1 /* unclosed",
        "'unclosed",
    ],
)
def test_an_expression_that_is_not_one_expression_is_refused(dialect, text):
    with pytest.raises(FragmentError, match="does not parse as one SQL expression in"):
        expression_sql(text, dialect=dialect)


def test_an_expression_is_printed_from_its_parse_and_carried_to_other_dialects():
    assert expression_sql("price > 0 -- positive\n", dialect="postgresql") == "price > 0"
    assert expression_sql("x::text = 'a$$b'", dialect="postgresql") == "CAST(x AS text) = 'a$$b'"
    assert expression_sql('"Price" > 0', dialect="mysql", source="postgresql") == "`Price` > 0"
    assert expression_sql("s <> 'a\\b'", dialect="mysql", source="postgresql") == "s <> 'a\\\\b'"
    assert expression_sql("`Price` > 0", dialect="postgresql", source="mysql") == '"Price" > 0'


@pytest.mark.parametrize(
    ("stored", "postgresql", "mysql"),
    [
        ("'it''s'", "'it''s'", "'it''s'"),
        ("'a\\b'", "'a\\b'", "'a\\\\b'"),
        ("-1.5", "-1.5", "-1.5"),
        ("true", "true", "true"),
        ("null", "null", "null"),
    ],
)
def test_a_literal_default_is_spelled_per_dialect_from_its_value(stored, postgresql, mysql):
    assert literal_sql(stored, dialect="postgresql") == postgresql
    assert literal_sql(stored, dialect="mysql") == mysql


@pytest.mark.parametrize("stored", ["'a'; DROP TABLE victim; --", "now()", "1 + 1", "'a' 'b'x"])
def test_a_literal_default_that_is_not_one_literal_is_refused(stored):
    with pytest.raises(FragmentError, match="does not parse as one SQL literal"):
        literal_sql(stored, dialect="postgresql")


def test_a_dollar_quote_tag_is_one_the_body_does_not_hold():
    assert dollar_quoted("backfill", " x ") == "$backfill$ x $backfill$"
    body = ' UPDATE "t$backfill$" SET "c$backfill_1$" = 1 '
    assert dollar_quoted("backfill", body) == f"$backfill_2${body}$backfill_2$"


# --- validation, imports, migrations and code ----------------------------------------------


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (schema_with(type=FieldType(K.OTHER, written=HOSTILE_TYPE)), "t.d3: the type"),
        (schema_with(default=Default(DefaultKind.EXPRESSION, HOSTILE_DEFAULT)), "t.d3: the default expression"),
        (schema_with(default=Default(DefaultKind.LITERAL, "1; DROP TABLE victim")), "t.d3: the default value"),
        (schema_with(check=HOSTILE_CHECK), "t.d3: the check"),
        (schema_with(checks=(Check("c1", HOSTILE_CHECK, name="positive"),)), "t: check positive"),
        (schema_with(indexes=(Index("i1", (IndexColumn("f_d3"),), name="i", predicate=f"true{DROP}"),)), "index i"),
        (schema_with(indexes=(Index("i1", (IndexColumn(expression=f"lower(x)){DROP}"),), name="i"),)), "index i"),
        (schema_with(type=FieldType(K.OTHER, written="numeric(-1,-1)")), "the parameter -1 is negative"),
    ],
)
def test_a_stored_hostile_fragment_is_an_error_and_never_becomes_sql(schema, message):
    problems = [p for p in validate(schema) if p.code == "bad-sql-fragment"]
    assert problems and message in problems[0].message and "does not parse as one" in problems[0].message
    for dialect in DIALECTS:
        with pytest.raises(MigrationError, match=r"does not parse as one|no .* equivalent"):
            full_ddl(schema, dialect=dialect)


def test_a_hostile_check_added_later_is_refused_by_the_migration_too():
    before = schema_with()
    changed = Field("f_d3", "d3", FieldType(K.INTEGER), check=HOSTILE_CHECK)
    after = ops.apply(before, ops.UpdateField(entity_id="e_t", field=changed))[0]
    with pytest.raises(MigrationError, match=r"check t_d3_check: the expression .* does not parse as one"):
        render(diff(before, after), dialect="postgresql", old=before, new=after)


@pytest.mark.parametrize(
    "dbml",
    [
        'Table t {\n  id int [pk]\n  c "text); COMMIT; DROP TABLE victim; --"\n}',  # the probe's, one per line
        "Table t {\n  id int [pk]\n  c timestamptz [default: `now()); COMMIT; DROP TABLE victim; --`]\n}",
        "Table t {\n  id int [pk]\n  d3 int [check: `d3 > 0)); COMMIT; DROP TABLE victim; --`]\n}",
    ],
)
def test_a_dbml_import_refuses_a_hostile_fragment_with_its_line(dbml):
    with pytest.raises(SchemaError) as refused:
        import_text(dbml, fmt="dbml")
    problem = refused.value.problems[0]
    assert problem.code == "bad-sql-fragment" and problem.line == 1 and "does not parse as one" in problem.message


def test_a_sql_import_keeps_what_parses_and_the_ddl_prints_it_again():
    schema = import_text("CREATE TABLE t (id int PRIMARY KEY, d3 int CHECK (d3 > 0 /* x */));", fmt="postgresql").schema
    assert "CHECK (d3 > 0)" in full_ddl(schema, dialect="postgresql")


def test_generated_code_carries_the_printed_expression_and_refuses_a_hostile_one():
    good = schema_with(type=FieldType(K.TIMESTAMPTZ), default=Default(DefaultKind.EXPRESSION, "clock_timestamp()"))
    prisma = "".join(generate(good, target="prisma").values())
    assert 'dbgenerated("clock_timestamp()")' in prisma
    bad = schema_with(type=FieldType(K.TIMESTAMPTZ), default=Default(DefaultKind.EXPRESSION, HOSTILE_DEFAULT))
    for target in ("prisma", "typeorm", "drizzle"):
        with pytest.raises((CodegenError, MigrationError), match="does not parse as one"):
            generate(bad, target=target)


def test_a_blank_written_type_is_refused_by_the_parser_not_spelled_from_its_kind():
    # Found by the property test: written "" skipped the parser and read as "no equivalent".
    schema = schema_with(type=FieldType(K.OTHER, written=""))
    with pytest.raises(MigrationError, match="does not parse as one type name"):
        full_ddl(schema, dialect="postgresql")


@pytest.mark.parametrize(
    ("text", "reader"),
    [
        ("INTERVAL YEAR(2) TO MONTH", "Oracle"),
        ("interval day(2) to second(6)", "Oracle"),
        ("nvarchar(max)", "SQL Server"),
        ("INTERVAL YEAR(2); DROP TABLE x TO MONTH", None),
        ("INTERVAL YEAR(2) TO MONTH --", None),
        ("int(--1)", None),
    ],
)
def test_a_type_of_a_database_we_do_not_write_is_recognised_and_nothing_else(text, reader):
    assert read_elsewhere(text, kind=TYPE) == reader
