"""An error only where the project's database refuses the same DDL; a warning naming who
would refuse when the project names none; nothing where the target accepts it. (The
servers' own refusals of the same DDL: tests/integration/test_target_refusals.py.)"""

from __future__ import annotations

import pytest

from designer.problems import Severity
from designer.schema import Entity, Field, FieldType, Index, IndexColumn, Schema, TypeKind
from designer.validate import validate

PG, MY, LITE, NONE = "PostgreSQL", "MySQL", "SQLite", None


def _one_column(field_type: FieldType, *, identity: bool = False, database_type=None) -> Schema:
    column = Field(id="fld_c", name="c", type=field_type, identity=identity, nullable=False)
    return Schema(
        entities=(Entity(id="ent_t", name="t", fields=(column,), primary_key=("fld_c",)),), database_type=database_type
    )


def _found(schema: Schema, code: str) -> list[str]:
    return [p.severity.value for p in validate(schema) if p.code == code]


@pytest.mark.parametrize(
    ("field_type", "identity", "expected"),
    [
        # varchar with no length: PostgreSQL and SQLite take it; MySQL's DDL writes text.
        (FieldType(TypeKind.VARCHAR), False, {PG: [], MY: [], LITE: [], NONE: []}),
        (FieldType(TypeKind.CHAR), False, {PG: [], MY: [], LITE: [], NONE: []}),
        (FieldType(TypeKind.VARCHAR, length=0), False, {PG: ["error"], MY: [], LITE: [], NONE: ["warning"]}),
        (
            FieldType(TypeKind.VARCHAR, length=10_485_761),
            False,
            {PG: ["error"], MY: ["error"], LITE: [], NONE: ["warning"]},
        ),
        (FieldType(TypeKind.VARCHAR, length=70_000), False, {PG: [], MY: ["error"], LITE: [], NONE: ["warning"]}),
        (
            FieldType(TypeKind.VARCHAR, length=16_777_216),
            False,  # Snowflake's VARCHAR
            {PG: ["error"], MY: ["error"], LITE: [], NONE: ["warning"]},
        ),
        (FieldType(TypeKind.DECIMAL, precision=0), False, {PG: ["error"], MY: [], LITE: [], NONE: ["warning"]}),
        (
            FieldType(TypeKind.DECIMAL, precision=5, scale=6),
            False,
            {PG: [], MY: ["error"], LITE: [], NONE: ["warning"]},
        ),
        (FieldType(TypeKind.DECIMAL, precision=66), False, {PG: [], MY: ["error"], LITE: [], NONE: ["warning"]}),
        (
            FieldType(TypeKind.DECIMAL, precision=5, scale=-2),
            False,
            {PG: [], MY: ["error"], LITE: [], NONE: ["warning"]},
        ),
        # identity on Oracle's NUMBER (a decimal): refused by all three we emit, held by Oracle.
        (FieldType(TypeKind.DECIMAL), True, {PG: ["error"], MY: ["error"], LITE: ["error"], NONE: ["warning"]}),
        (FieldType(TypeKind.DOUBLE), True, {PG: ["error"], MY: [], LITE: ["error"], NONE: ["warning"]}),
        (FieldType(TypeKind.BIGINT), True, {PG: [], MY: [], LITE: [], NONE: []}),
    ],
)
def test_a_type_is_refused_only_by_the_database_that_refuses_it(field_type, identity, expected):
    for database_type, severities in expected.items():
        schema = _one_column(field_type, identity=identity, database_type=database_type)
        assert _found(schema, "type-refused") == severities, (database_type, field_type)
        assert _found(schema, "bad-type") == []


def test_an_unknown_database_type_is_judged_like_none():
    schema = _one_column(FieldType(TypeKind.DECIMAL, precision=10), identity=True, database_type="Oracle")
    [problem] = [p for p in validate(schema) if p.code == "type-refused"]
    assert problem.severity is Severity.WARNING
    assert "PostgreSQL: identity column type must be smallint, integer, or bigint" in problem.message


def test_varchar_without_length_is_a_warning_for_mysql_only():
    for database_type, expected in ((MY, ["warning"]), (PG, []), (LITE, []), (NONE, [])):
        assert (
            _found(_one_column(FieldType(TypeKind.VARCHAR), database_type=database_type), "varchar-without-length")
            == expected
        )


def _wide(columns: int, *, indexes: int = 0, database_type=None) -> Schema:
    fields = tuple(Field(id=f"fld_{i}", name=f"c{i}", type=FieldType(TypeKind.INTEGER)) for i in range(columns))
    keyed = tuple(Index(id=f"idx_{i}", columns=(IndexColumn(field_id=f"fld_{i}"),)) for i in range(indexes))
    return Schema(
        entities=(Entity(id="ent_w", name="w", fields=fields, primary_key=("fld_0",), indexes=keyed),),
        database_type=database_type,
    )


def test_a_thousand_column_table_is_fine_and_the_limits_are_the_servers():
    assert [p for p in validate(_wide(1000)) if p.severity is Severity.ERROR] == []
    assert _found(_wide(1000, database_type=MY), "too-many-columns") == []
    assert _found(_wide(1601, database_type=PG), "too-many-columns") == ["error"]
    assert _found(_wide(1601, database_type=LITE), "too-many-columns") == []
    assert _found(_wide(1601, database_type=MY), "too-many-columns") == []  # MyISAM holds up to 4096
    assert _found(_wide(1601), "too-many-columns") == ["warning"]
    assert _found(_wide(4097), "too-many") == ["error"]  # beyond every target: the input bound


def test_more_than_64_indexes_only_mysql_refuses():
    assert _found(_wide(70, indexes=65, database_type=MY), "too-many-indexes") == ["error"]
    assert _found(_wide(70, indexes=65, database_type=PG), "too-many-indexes") == []
    assert [p for p in validate(_wide(200, indexes=150)) if p.severity is Severity.ERROR] == []
