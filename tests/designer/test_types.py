"""Types as written: the kind for reasoning, the text for writing back."""

import pytest

from designer.formats.json_doc import loads
from designer.schema import FieldType, TypeKind
from designer.types import (
    MYSQL,
    POSTGRESQL,
    UnportableType,
    dialect_of,
    display_type,
    read_type,
    reference_type,
    sql_type,
)


@pytest.mark.parametrize(
    ("text", "kind", "written"),
    [
        ("jsonb", TypeKind.JSON, None),  # PostgreSQL's own spelling of json: nothing to keep
        ("json", TypeKind.JSON, "json"),
        ("int(11)", TypeKind.INTEGER, "int(11)"),
        ("timestamp(3)", TypeKind.TIMESTAMP, "timestamp(3)"),
        ("citext", TypeKind.OTHER, "citext"),
        ("inet", TypeKind.OTHER, "inet"),
        ("geometry(Point,4326)", TypeKind.OTHER, "geometry(Point,4326)"),
        ("character  varying(40)", TypeKind.VARCHAR, "character varying(40)"),
        ("double precision", TypeKind.DOUBLE, None),
        ("float8", TypeKind.DOUBLE, "float8"),
        ("text[][]", TypeKind.TEXT, "text[][]"),
        ("NUMBER", TypeKind.DECIMAL, "NUMBER"),
        ("nvarchar", TypeKind.VARCHAR, "nvarchar"),
        ("varchar", TypeKind.VARCHAR, None),
        ("timestamp with time zone", TypeKind.TIMESTAMPTZ, "timestamp with time zone"),
        ("my_domain", TypeKind.OTHER, "my_domain"),
    ],
)
def test_types_are_read_as_written_never_refused(text, kind, written):
    field_type, serial = read_type(text)
    assert (field_type.kind, field_type.written, serial) == (kind, written, False)


def test_serial_becomes_an_integer_kind_with_identity():
    assert read_type("bigserial") == (FieldType(TypeKind.BIGINT), True)


def test_written_text_is_kept_for_its_dialect_and_shown():
    field_type, _ = read_type("int(11) unsigned", dialect="mysql")
    assert field_type.kind is TypeKind.INTEGER
    # written into DDL as MySQL's parser read it (printed from the parse, never the text itself)
    assert sql_type(field_type, dialect="mysql", source_dialect="mysql") == "INT(11) UNSIGNED"
    assert sql_type(field_type, dialect="postgresql", source_dialect="mysql") == "integer"
    assert display_type(field_type) == "int(11) unsigned"


@pytest.mark.parametrize(
    ("kind", "postgresql", "mysql", "sqlite"),
    [
        (TypeKind.JSON, "jsonb", "json", "text"),
        (TypeKind.BYTES, "bytea", "longblob", "blob"),
        (TypeKind.DOUBLE, "double precision", "double", "real"),
        (TypeKind.VARCHAR, "varchar", "text", "varchar"),
        (TypeKind.UUID, "uuid", "char(36)", "text"),
    ],
)
def test_portable_kinds_are_spelled_correctly_per_dialect(kind, postgresql, mysql, sqlite):
    field_type = FieldType(kind)
    spelled = [sql_type(field_type, dialect=d, source_dialect=None) for d in ("postgresql", "mysql", "sqlite")]
    assert spelled == [postgresql, mysql, sqlite]


def test_a_type_with_no_equivalent_in_another_dialect_stops_with_a_message():
    field_type, _ = read_type("geometry(Point,4326)", dialect="postgresql")
    assert sql_type(field_type, dialect="postgresql", source_dialect="postgresql") == "geometry(point, 4326)"
    with pytest.raises(UnportableType, match="geometry"):
        sql_type(field_type, dialect="mysql", source_dialect="postgresql")


def test_foreign_key_type_drops_the_array_but_keeps_the_written_scalar():
    field_type, _ = read_type("int4[]")
    assert reference_type(field_type) == FieldType(TypeKind.INTEGER, written="int4")


def test_dialect_names():
    assert [dialect_of(n) for n in ("PostgreSQL", "MariaDB", "sqlite", "Oracle", None)] == [
        "postgresql",
        "mysql",
        "sqlite",
        None,
        None,
    ]


def test_version_1_documents_are_upgraded_on_load():
    schema = loads(
        '{"format": "schema-designer", "version": 1, "entities": [{"id": "e", "name": "t",'
        ' "fields": [{"id": "f", "name": "x", "type": {"kind": "json"}}]}]}'
    )
    assert schema.entities[0].fields[0].type == FieldType(TypeKind.JSON)


def test_varchar_without_length_is_text_in_mysql_even_when_written_so():
    # MySQL refuses a bare varchar (ERROR 1064); PostgreSQL and SQLite keep it as written.
    for written in (None, "varchar", "character varying"):
        bare = FieldType(TypeKind.VARCHAR, written=written)
        assert sql_type(bare, dialect=MYSQL, source_dialect=MYSQL) == "text"
        assert sql_type(bare, dialect=MYSQL, source_dialect=None) == "text"
    written = FieldType(TypeKind.VARCHAR, written="character varying")
    # PostgreSQL's own parser prints its type back as varchar: the same type, no length.
    assert sql_type(written, dialect=POSTGRESQL, source_dialect=POSTGRESQL) == "varchar"
