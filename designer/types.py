"""Field types as written, and their spelling per SQL dialect.

A field keeps two things (see ``FieldType``): a portable ``kind`` that the advisor, the
diagram and the generators reason with, and ``written``, the type text exactly as the
person wrote it in the schema's dialect (``jsonb``, ``int(11)``, ``timestamp(3)``,
``geometry(Point,4326)``). Unknown types are never refused: they are kind ``other``
and carried through unchanged.

Spelling for a dialect (``sql_type``): the written text when it was written for that
dialect (or for no dialect in particular and it reads as a type of the target), printed
again from the dialect's parse (``designer.sql``), else a faithful equivalent from the
kind; a type with no equivalent, or written text that is not one type name, raises
``UnportableType``.
"""

from __future__ import annotations

import re

from designer.schema import FieldType, TypeKind, replace
from designer.sql import FragmentError, type_sql

POSTGRESQL, MYSQL, SQLITE = "postgresql", "mysql", "sqlite"
DIALECTS = (POSTGRESQL, MYSQL, SQLITE)

_DIALECT_NAMES = {
    "postgresql": POSTGRESQL,
    "postgres": POSTGRESQL,
    "pg": POSTGRESQL,
    "mysql": MYSQL,
    "mariadb": MYSQL,
    "sqlite": SQLITE,
    "sqlite3": SQLITE,
}


class UnportableType(ValueError):
    """The written type has no equivalent in the requested dialect."""


def dialect_of(database_type: str | None) -> str | None:
    """``'PostgreSQL'`` → ``'postgresql'``; None for no or another database type."""
    if not database_type:
        return None
    return _DIALECT_NAMES.get(database_type.strip().lower())


# Every common spelling, lower-cased, without parameters → (kind, serial?).
_KINDS: dict[str, TypeKind] = {
    "smallint": TypeKind.SMALLINT,
    "int2": TypeKind.SMALLINT,
    "smallserial": TypeKind.SMALLINT,
    "serial2": TypeKind.SMALLINT,
    "tinyint": TypeKind.SMALLINT,
    "int": TypeKind.INTEGER,
    "integer": TypeKind.INTEGER,
    "int4": TypeKind.INTEGER,
    "serial": TypeKind.INTEGER,
    "serial4": TypeKind.INTEGER,
    "mediumint": TypeKind.INTEGER,
    "bigint": TypeKind.BIGINT,
    "int8": TypeKind.BIGINT,
    "bigserial": TypeKind.BIGINT,
    "serial8": TypeKind.BIGINT,
    "decimal": TypeKind.DECIMAL,
    "numeric": TypeKind.DECIMAL,
    "number": TypeKind.DECIMAL,
    "real": TypeKind.REAL,
    "float4": TypeKind.REAL,
    "double": TypeKind.DOUBLE,
    "double precision": TypeKind.DOUBLE,
    "float8": TypeKind.DOUBLE,
    "float": TypeKind.DOUBLE,
    "text": TypeKind.TEXT,
    "string": TypeKind.TEXT,
    "tinytext": TypeKind.TEXT,
    "mediumtext": TypeKind.TEXT,
    "longtext": TypeKind.TEXT,
    "clob": TypeKind.TEXT,
    "varchar": TypeKind.VARCHAR,
    "character varying": TypeKind.VARCHAR,
    "nvarchar": TypeKind.VARCHAR,
    "varchar2": TypeKind.VARCHAR,
    "nvarchar2": TypeKind.VARCHAR,
    "char": TypeKind.CHAR,
    "character": TypeKind.CHAR,
    "nchar": TypeKind.CHAR,
    "bpchar": TypeKind.CHAR,
    "bool": TypeKind.BOOLEAN,
    "boolean": TypeKind.BOOLEAN,
    "date": TypeKind.DATE,
    "time": TypeKind.TIME,
    "time without time zone": TypeKind.TIME,
    "timestamp": TypeKind.TIMESTAMP,
    "timestamp without time zone": TypeKind.TIMESTAMP,
    "datetime": TypeKind.TIMESTAMP,
    "datetime2": TypeKind.TIMESTAMP,
    "timestamptz": TypeKind.TIMESTAMPTZ,
    "timestamp with time zone": TypeKind.TIMESTAMPTZ,
    "uuid": TypeKind.UUID,
    "uniqueidentifier": TypeKind.UUID,
    "json": TypeKind.JSON,
    "jsonb": TypeKind.JSON,
    "bytea": TypeKind.BYTES,
    "blob": TypeKind.BYTES,
    "binary": TypeKind.BYTES,
    "bytes": TypeKind.BYTES,
    "varbinary": TypeKind.BYTES,
    "longblob": TypeKind.BYTES,
    "mediumblob": TypeKind.BYTES,
    "tinyblob": TypeKind.BYTES,
}
PORTABLE_NAMES = frozenset(_KINDS)  # spellings every renderer translates (a schema for no dialect)
SERIAL_NAMES = frozenset({"smallserial", "serial", "bigserial", "serial2", "serial4", "serial8"})
_LENGTH_KINDS = (TypeKind.VARCHAR, TypeKind.CHAR)
# Parameters that are a precision of the value, not a size we model: time(3), int(11).
_PRECISION_ONLY = (
    TypeKind.TIME,
    TypeKind.TIMESTAMP,
    TypeKind.TIMESTAMPTZ,
    TypeKind.SMALLINT,
    TypeKind.INTEGER,
    TypeKind.BIGINT,
    TypeKind.REAL,
    TypeKind.DOUBLE,
)

_TYPE_TEXT = re.compile(
    r"""^\s*(?P<name>[a-z_][a-z0-9_ ]*?)\s*
        (?:\(\s*(?P<p1>\d+)\s*(?:,\s*(?P<p2>-?\d+)\s*)?\))?
        (?P<rest>(?:\s+(?:with|without)\s+time\s+zone)|(?:\s+unsigned))?
        \s*(?P<dims>(?:\[\d*\]\s*)*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_SPACES = re.compile(r"\s+")


def read_type(text: str, *, dialect: str | None = None) -> tuple[FieldType, bool]:
    """The type a person wrote for ``dialect`` → (FieldType, is_serial). Never refuses: a
    type we have no kind for is ``other``. ``written`` keeps the text (blanks folded) unless
    it is exactly how the dialect (PostgreSQL when none) spells the kind anyway, or a serial
    pseudo-type, which becomes its integer kind plus identity."""
    field_type, serial = _read(_SPACES.sub(" ", text.strip()))
    if field_type.kind is not TypeKind.OTHER and field_type.written is not None:
        plain = replace(field_type, written=None)
        if sql_type(plain, dialect=dialect or POSTGRESQL, source_dialect=None) == field_type.written:
            return plain, serial
    return field_type, serial


def _read(written: str) -> tuple[FieldType, bool]:
    match = _TYPE_TEXT.match(written)
    if not match:
        return FieldType(TypeKind.OTHER, written=written), False
    name = match["name"].lower().strip()
    if match["rest"] and "zone" in match["rest"].lower():
        name = f"{name} {_SPACES.sub(' ', match['rest'].strip().lower())}"
    kind = _KINDS.get(name)
    array = bool(match["dims"].strip())
    if kind is None:
        return FieldType(TypeKind.OTHER, array=array, written=written), False
    if name in SERIAL_NAMES and not array and not match["p1"]:
        return FieldType(kind), True
    first = int(match["p1"]) if match["p1"] else None
    second = int(match["p2"]) if match["p2"] else None
    if kind in _LENGTH_KINDS:
        return FieldType(kind, length=first, array=array, written=written), False
    if kind is TypeKind.DECIMAL:
        return FieldType(kind, precision=first, scale=second, array=array, written=written), False
    if first is not None and kind not in _PRECISION_ONLY:
        return FieldType(TypeKind.OTHER, array=array, written=written), False
    return FieldType(kind, array=array, written=written), False


def generic_text(field_type: FieldType, *, enum_name: str | None = None) -> str:
    """The dialect-neutral spelling of the kind (what a new field shows before anyone wrote
    a dialect's type): ``varchar(120)``, ``decimal(10,2)``, ``text[]``."""
    kind = field_type.kind
    if kind is TypeKind.ENUM:
        base = enum_name or "enum"
    elif kind is TypeKind.OTHER:
        return field_type.written or "other"
    elif kind in _LENGTH_KINDS and field_type.length is not None:
        base = f"{kind.value}({field_type.length})"
    elif kind is TypeKind.DECIMAL and field_type.precision is not None:
        scale = f",{field_type.scale}" if field_type.scale is not None else ""
        base = f"decimal({field_type.precision}{scale})"
    else:
        base = kind.value
    return f"{base}[]" if field_type.array else base


def display_type(field_type: FieldType, *, enum_name: str | None = None) -> str:
    """What the diagram, the editor and DBML show: the type as written, else the kind."""
    if field_type.written and field_type.kind is not TypeKind.ENUM:
        return field_type.written
    return generic_text(field_type, enum_name=enum_name)


# --- spelling per dialect ----------------------------------------------------------------

_POSTGRESQL = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "integer",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "numeric",
    TypeKind.REAL: "real",
    TypeKind.DOUBLE: "double precision",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time",
    TypeKind.TIMESTAMP: "timestamp",
    TypeKind.TIMESTAMPTZ: "timestamptz",
    TypeKind.UUID: "uuid",
    TypeKind.JSON: "jsonb",
    TypeKind.BYTES: "bytea",
}
_MYSQL = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "int",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "decimal",
    TypeKind.REAL: "float",
    TypeKind.DOUBLE: "double",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time(6)",
    TypeKind.TIMESTAMP: "datetime(6)",
    TypeKind.TIMESTAMPTZ: "datetime(6)",
    TypeKind.UUID: "char(36)",
    TypeKind.JSON: "json",
    TypeKind.BYTES: "longblob",
}
_SQLITE = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "integer",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "numeric",
    TypeKind.REAL: "real",
    TypeKind.DOUBLE: "real",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time",
    TypeKind.TIMESTAMP: "timestamp",
    TypeKind.TIMESTAMPTZ: "timestamp",
    TypeKind.UUID: "text",
    TypeKind.JSON: "text",
    TypeKind.BYTES: "blob",
}
_SPELLING = {POSTGRESQL: _POSTGRESQL, MYSQL: _MYSQL, SQLITE: _SQLITE}

# Type names each dialect reads as written (for text written for no dialect in particular).
_NATIVE_NAMES = {
    POSTGRESQL: frozenset(_KINDS)
    - {
        "datetime",
        "datetime2",
        "tinyint",
        "mediumint",
        "tinytext",
        "mediumtext",
        "longtext",
        "clob",
        "nvarchar",
        "varchar2",
        "nvarchar2",
        "nchar",
        "blob",
        "binary",
        "bytes",
        "varbinary",
        "longblob",
        "mediumblob",
        "tinyblob",
        "string",
        "number",
        "uniqueidentifier",
        "double",
    },
    MYSQL: frozenset(
        {
            "smallint",
            "tinyint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "decimal",
            "numeric",
            "real",
            "float",
            "double",
            "double precision",
            "text",
            "tinytext",
            "mediumtext",
            "longtext",
            "varchar",
            "char",
            "bool",
            "boolean",
            "date",
            "time",
            "datetime",
            "timestamp",
            "json",
            "blob",
            "binary",
            "varbinary",
            "longblob",
            "mediumblob",
            "tinyblob",
        }
    ),
    SQLITE: frozenset(_KINDS),  # SQLite takes any type name and gives it an affinity
}


def sql_type(
    field_type: FieldType,
    *,
    dialect: str,
    source_dialect: str | None,
    enum_name: str | None = None,
    enum_values: tuple[str, ...] = (),
) -> str:
    """The column type to write for ``dialect``.

    ``source_dialect`` is the dialect the schema was written in (``dialect_of(schema.
    database_type)``). ``enum_name`` must be the already-quoted type name for PostgreSQL;
    MySQL spells enums inline from ``enum_values``. Raises ``UnportableType``.
    """
    if (
        field_type.written is not None  # a blank one too: refused below by the parser, never spliced
        and field_type.kind is not TypeKind.ENUM
        and _written_fits(field_type, dialect, source_dialect)
    ):
        try:  # never the text itself: the type as the dialect's parser read it
            return type_sql(field_type.written, dialect=dialect)
        except FragmentError as error:
            if source_dialect is not None or field_type.kind is TypeKind.OTHER:
                raise UnportableType(f"type {field_type.written!r} {error}") from None
            # written for no dialect in particular and not a type of this one: spelled from its kind
    if field_type.kind is TypeKind.OTHER:
        raise UnportableType(
            f"type {field_type.written!r} was written for {source_dialect or 'another database'} "
            f"and has no {dialect} equivalent; give the field a portable type"
        )
    if field_type.array and dialect != POSTGRESQL:
        return "json" if dialect == MYSQL else "text"
    base = _base_spelling(field_type, dialect=dialect, enum_name=enum_name, enum_values=enum_values)
    return f"{base}[]" if field_type.array else base


def written_is_emitted(field_type: FieldType, *, dialect: str) -> bool:
    """Whether DDL for ``dialect`` (the schema's own) writes the type as written; when it
    does not (MySQL's bare varchar is spelled text), the written text need not parse there."""
    return _written_fits(field_type, dialect, dialect)


def _written_fits(field_type: FieldType, dialect: str, source_dialect: str | None) -> bool:
    if dialect == MYSQL and field_type.kind is TypeKind.VARCHAR and field_type.length is None:
        return False  # MySQL refuses varchar without a length (ERROR 1064): spelled as text
    if source_dialect is not None:
        return source_dialect == dialect
    if field_type.kind is TypeKind.OTHER:
        return True  # unknown to us, written for no dialect in particular: carried through unchanged
    match = _TYPE_TEXT.match(field_type.written or "")
    if not match:
        return False
    name = match["name"].lower().strip()
    if match["rest"] and "zone" in match["rest"].lower():
        name = f"{name} {_SPACES.sub(' ', match['rest'].strip().lower())}"
    return name in _NATIVE_NAMES[dialect] and (dialect == POSTGRESQL or not field_type.array)


def _base_spelling(field_type: FieldType, *, dialect: str, enum_name: str | None, enum_values: tuple[str, ...]) -> str:
    kind = field_type.kind
    if kind is TypeKind.ENUM:
        if dialect == POSTGRESQL:
            return enum_name or "text"
        if dialect == MYSQL:
            return "enum(" + ", ".join(_mysql_string(v) for v in enum_values) + ")" if enum_values else "text"
        return "text"
    base = _SPELLING[dialect][kind]
    if kind in _LENGTH_KINDS:
        if field_type.length is not None:
            return f"{base}({field_type.length})"
        if dialect == MYSQL:  # MySQL requires a length; unbounded varchar is text there
            return "char(1)" if kind is TypeKind.CHAR else "text"
        return base
    if kind is TypeKind.DECIMAL and field_type.precision is not None:
        scale = f", {field_type.scale}" if field_type.scale is not None else ""
        return f"{base}({field_type.precision}{scale})"
    return base


def _mysql_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


def reference_type(field_type: FieldType) -> FieldType:
    """The type of a foreign-key field pointing at a key of ``field_type``: the same
    scalar type (identity and serial are the key's own business)."""
    written = field_type.written
    if written and field_type.array:
        written = re.sub(r"(\s*\[\d*\])+\s*$", "", written)
    return FieldType(
        field_type.kind,
        length=field_type.length,
        precision=field_type.precision,
        scale=field_type.scale,
        enum_id=field_type.enum_id,
        written=written,
    )
