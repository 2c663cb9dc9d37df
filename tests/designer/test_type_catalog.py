import pytest

from designer.formats.dbml import import_dbml
from designer.schema import Enum, EnumValue, Schema
from designer.type_catalog import catalogue, known, needs_extension, suggest, type_name
from designer.validate import validate

WITH_ENUM = Schema(enums=(Enum(id="e1", name="mood", values=(EnumValue("sad"),)),))


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("varchar", "postgresql"),
        ("character varying", "postgresql"),
        ("character varying(20)", "postgresql"),
        ("varchar(20)[]", "postgresql"),
        ("timestamp(3) with time zone", "postgresql"),
        ("int8", "postgresql"),
        ("interval day to second", "postgresql"),
        ("public.citext", "postgresql"),
        ("geometry(Point,4326)", "postgresql"),
        ("vector(1536)", "postgresql"),
        ("int(11) unsigned zerofill", "mysql"),
        ("enum('a','b')", "mysql"),
        ("longtext", "mysql"),
        ("varchar(20) character set utf8mb4", "mysql"),
        ("uuid", "mysql"),
        ("anything goes", "sqlite"),
        ("varchr", "sqlite"),
        ("mood", "postgresql"),
        ("mood[]", "mysql"),
        ("string", None),
        ("jsonb", None),
        ("mediumtext", None),
    ],
)
def test_known(text, dialect):
    assert known(text, dialect, WITH_ENUM)


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("varchr(20)", "postgresql"),
        ("mediumtext", "postgresql"),
        ("jsonb", "mysql"),
        ("bytea", "mysql"),
        ("x;drop table t", "sqlite"),
        ("'", "sqlite"),
        ("other.mytype", "postgresql"),
        ("varchr", None),
        ("", None),
    ],
)
def test_unknown(text, dialect):
    assert not known(text, dialect, WITH_ENUM)


@pytest.mark.parametrize(
    ("text", "dialect", "proposal"),
    [
        ("varchr(20)", "postgresql", "varchar(20)"),
        ("varchr(20)[]", "postgresql", "varchar(20)[]"),
        ("timestmp(3) with time zone", "postgresql", "timestamp(3) with time zone"),
        ("character varyng(20)", "postgresql", "character varying(20)"),
        ("jsonb", "mysql", "json"),
        ("intt unsigned", "mysql", "int unsigned"),
        ("mod", "postgresql", "mood"),
        ("qqqqqq", "postgresql", None),
    ],
)
def test_suggest_keeps_the_parameters(text, dialect, proposal):
    assert suggest(text, dialect, WITH_ENUM) == proposal


def test_type_name_reads_past_parameters_arrays_and_qualifiers():
    assert type_name('"public".citext(3)[][]').name == "citext"
    assert type_name("numeric(10, 2)").name == "numeric"
    assert type_name("not a type!") is None


def test_catalogue_per_dialect_lists_enums_first():
    names = catalogue("postgresql", WITH_ENUM)
    assert names[0] == "mood" and "jsonb" in names and "citext" in names and "mediumtext" not in names
    assert "mediumtext" in catalogue("mysql") and "jsonb" not in catalogue("mysql")


def test_extension_types_name_their_extension():
    assert needs_extension("geometry(Point,4326)") == "postgis" and needs_extension("text") is None


def test_imports_keep_unknown_types_and_flag_them():
    imported = import_dbml('Project p { database_type: "PostgreSQL" }\nTable t { id int [pk]\n code varchr(20) }')
    field = imported.schema.entities[0].field_by_name("code")
    assert field.type.written == "varchr(20)"
    flagged = [p for p in validate(imported.schema) if p.code == "unknown-type"]
    assert len(flagged) == 1 and "Did you mean varchar(20)?" in flagged[0].message
    assert flagged[0].severity == "warning"
