"""DBML/SQL type names ↔ the portable type system."""

from __future__ import annotations

import re

from designer.schema import FieldType, TypeKind

# Every spelling a DBML file commonly uses, lower-cased, without parameters.
_KINDS = {
    "smallint": TypeKind.SMALLINT, "int2": TypeKind.SMALLINT, "smallserial": TypeKind.SMALLINT,
    "int": TypeKind.INTEGER, "integer": TypeKind.INTEGER, "int4": TypeKind.INTEGER, "serial": TypeKind.INTEGER,
    "bigint": TypeKind.BIGINT, "int8": TypeKind.BIGINT, "bigserial": TypeKind.BIGINT,
    "decimal": TypeKind.DECIMAL, "numeric": TypeKind.DECIMAL,
    "real": TypeKind.REAL, "float4": TypeKind.REAL,
    "double": TypeKind.DOUBLE, "double precision": TypeKind.DOUBLE, "float8": TypeKind.DOUBLE,
    "float": TypeKind.DOUBLE,
    "text": TypeKind.TEXT, "string": TypeKind.TEXT,
    "varchar": TypeKind.VARCHAR, "character varying": TypeKind.VARCHAR,
    "char": TypeKind.CHAR, "character": TypeKind.CHAR,
    "bool": TypeKind.BOOLEAN, "boolean": TypeKind.BOOLEAN,
    "date": TypeKind.DATE,
    "time": TypeKind.TIME, "time without time zone": TypeKind.TIME,
    "timestamp": TypeKind.TIMESTAMP, "timestamp without time zone": TypeKind.TIMESTAMP,
    "datetime": TypeKind.TIMESTAMP,
    "timestamptz": TypeKind.TIMESTAMPTZ, "timestamp with time zone": TypeKind.TIMESTAMPTZ,
    "uuid": TypeKind.UUID,
    "json": TypeKind.JSON, "jsonb": TypeKind.JSON,
    "bytea": TypeKind.BYTES, "blob": TypeKind.BYTES, "binary": TypeKind.BYTES, "bytes": TypeKind.BYTES,
}  # fmt: skip
SERIAL_NAMES = frozenset({"smallserial", "serial", "bigserial"})

_TYPE_TEXT = re.compile(
    r"^\s*(?P<name>[a-z][a-z0-9 ]*?)\s*(?:\(\s*(?P<p1>\d+)\s*(?:,\s*(?P<p2>\d+)\s*)?\))?\s*(?P<array>\[\])?\s*$",
    re.IGNORECASE,
)


def parse_type(text: str) -> tuple[FieldType, bool] | None:
    """``varchar(120)`` → (FieldType, is_serial); None when the type is unknown."""
    match = _TYPE_TEXT.match(text)
    if not match:
        return None
    name = match["name"].lower()
    kind = _KINDS.get(name)
    if kind is None:
        return None
    first = int(match["p1"]) if match["p1"] else None
    second = int(match["p2"]) if match["p2"] else None
    array = bool(match["array"])
    if kind in (TypeKind.VARCHAR, TypeKind.CHAR):
        return FieldType(kind, length=first, array=array), False
    if kind is TypeKind.DECIMAL:
        return FieldType(kind, precision=first, scale=second, array=array), False
    if first is not None:  # time(3), timestamp(6): precision we do not model
        return None
    return FieldType(kind, array=array), name in SERIAL_NAMES


def type_text(field_type: FieldType, *, enum_name: str | None = None) -> str:
    """The SQL-ish spelling written to DBML (and shown in the diagram)."""
    kind = field_type.kind
    if kind is TypeKind.ENUM:
        base = enum_name or "enum"
    elif kind in (TypeKind.VARCHAR, TypeKind.CHAR) and field_type.length is not None:
        base = f"{kind.value}({field_type.length})"
    elif kind is TypeKind.DECIMAL and field_type.precision is not None:
        scale = f",{field_type.scale}" if field_type.scale is not None else ""
        base = f"decimal({field_type.precision}{scale})"
    else:
        base = kind.value
    return f"{base}[]" if field_type.array else base


def field_type_from_text(text: str, enums) -> FieldType | None:
    """What a user types in the editor's type box: ``varchar(120)``, ``decimal(10,2)``,
    ``text[]``, or the name of one of ``enums``. None when it is none of those."""
    parsed = parse_type(text)
    if parsed is not None:
        return parsed[0]
    name = text.strip()
    array = name.endswith("[]")
    name = name.removesuffix("[]").strip().strip('"')
    for enum in enums:
        if name in (enum.name, enum.qualified_name):
            return FieldType(TypeKind.ENUM, enum_id=enum.id, array=array)
    return None
