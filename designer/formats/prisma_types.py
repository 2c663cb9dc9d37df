"""Prisma's types and native types (``String @db.VarChar(255)``) ↔ SQL types per provider.

One table serves both directions: import spells a Prisma field as the SQL type Prisma's
migrations create (``DateTime`` on PostgreSQL is ``timestamp(3)``), and the Prisma
generator turns our DDL's type back into a scalar plus the ``@db.*`` attribute, leaving the
attribute out where it is Prisma's default for the scalar, as ``prisma db pull`` does.
"""

from __future__ import annotations

import re

from designer.types import MYSQL, POSTGRESQL, SQLITE

# Native type → (SQL name, how many arguments it takes, SQL spelling of the default args).
_PG_NATIVE = {
    "Text": "text",
    "Char": "char",
    "VarChar": "varchar",
    "Bit": "bit",
    "VarBit": "varbit",
    "Uuid": "uuid",
    "Xml": "xml",
    "Inet": "inet",
    "Citext": "citext",
    "Boolean": "boolean",
    "Integer": "integer",
    "SmallInt": "smallint",
    "Oid": "oid",
    "BigInt": "bigint",
    "DoublePrecision": "double precision",
    "Real": "real",
    "Decimal": "decimal",
    "Money": "money",
    "Timestamp": "timestamp",
    "Timestamptz": "timestamptz",
    "Date": "date",
    "Time": "time",
    "Timetz": "timetz",
    "Json": "json",
    "JsonB": "jsonb",
    "ByteA": "bytea",
}
_MYSQL_NATIVE = {
    "VarChar": "varchar",
    "Text": "text",
    "Char": "char",
    "TinyText": "tinytext",
    "MediumText": "mediumtext",
    "LongText": "longtext",
    "Bit": "bit",
    "Binary": "binary",
    "VarBinary": "varbinary",
    "TinyBlob": "tinyblob",
    "Blob": "blob",
    "MediumBlob": "mediumblob",
    "LongBlob": "longblob",
    "TinyInt": "tinyint",
    "UnsignedTinyInt": "tinyint unsigned",
    "SmallInt": "smallint",
    "UnsignedSmallInt": "smallint unsigned",
    "MediumInt": "mediumint",
    "UnsignedMediumInt": "mediumint unsigned",
    "Int": "int",
    "UnsignedInt": "int unsigned",
    "BigInt": "bigint",
    "UnsignedBigInt": "bigint unsigned",
    "Decimal": "decimal",
    "Float": "float",
    "Double": "double",
    "Date": "date",
    "Time": "time",
    "DateTime": "datetime",
    "Timestamp": "timestamp",
    "Year": "year",
    "Json": "json",
}
NATIVE = {POSTGRESQL: _PG_NATIVE, MYSQL: _MYSQL_NATIVE, SQLITE: {}}

# What a scalar without @db.* is in the database (Prisma's migrations).
DEFAULT_NATIVE = {
    POSTGRESQL: {
        "String": ("Text", ()),
        "Int": ("Integer", ()),
        "BigInt": ("BigInt", ()),
        "Float": ("DoublePrecision", ()),
        "Decimal": ("Decimal", ("65", "30")),
        "Boolean": ("Boolean", ()),
        "DateTime": ("Timestamp", ("3",)),
        "Json": ("JsonB", ()),
        "Bytes": ("ByteA", ()),
    },
    MYSQL: {
        "String": ("VarChar", ("191",)),
        "Int": ("Int", ()),
        "BigInt": ("BigInt", ()),
        "Float": ("Double", ()),
        "Decimal": ("Decimal", ("65", "30")),
        "Boolean": ("TinyInt", ("1",)),
        "DateTime": ("DateTime", ("3",)),
        "Json": ("Json", ()),
        "Bytes": ("LongBlob", ()),
    },
}
_SQLITE_TYPES = {
    "String": "text",
    "Int": "integer",
    "BigInt": "bigint",
    "Float": "real",
    "Decimal": "decimal",
    "Boolean": "boolean",
    "DateTime": "datetime",
    "Json": "jsonb",
    "Bytes": "blob",
}
# The scalar each native type belongs to (for a SQL type read back into Prisma).
_SCALAR_OF = {
    POSTGRESQL: {
        "Text": "String",
        "Char": "String",
        "VarChar": "String",
        "Bit": "String",
        "VarBit": "String",
        "Uuid": "String",
        "Xml": "String",
        "Inet": "String",
        "Citext": "String",
        "Boolean": "Boolean",
        "Integer": "Int",
        "SmallInt": "Int",
        "Oid": "Int",
        "BigInt": "BigInt",
        "DoublePrecision": "Float",
        "Real": "Float",
        "Decimal": "Decimal",
        "Money": "Decimal",
        "Timestamp": "DateTime",
        "Timestamptz": "DateTime",
        "Date": "DateTime",
        "Time": "DateTime",
        "Timetz": "DateTime",
        "Json": "Json",
        "JsonB": "Json",
        "ByteA": "Bytes",
    },
    MYSQL: {
        "VarChar": "String",
        "Text": "String",
        "Char": "String",
        "TinyText": "String",
        "MediumText": "String",
        "LongText": "String",
        "Bit": "Bytes",
        "Binary": "Bytes",
        "VarBinary": "Bytes",
        "TinyBlob": "Bytes",
        "Blob": "Bytes",
        "MediumBlob": "Bytes",
        "LongBlob": "Bytes",
        "TinyInt": "Int",
        "UnsignedTinyInt": "Int",
        "SmallInt": "Int",
        "UnsignedSmallInt": "Int",
        "MediumInt": "Int",
        "UnsignedMediumInt": "Int",
        "Int": "Int",
        "UnsignedInt": "Int",
        "BigInt": "BigInt",
        "UnsignedBigInt": "BigInt",
        "Decimal": "Decimal",
        "Float": "Float",
        "Double": "Float",
        "Date": "DateTime",
        "Time": "DateTime",
        "DateTime": "DateTime",
        "Timestamp": "DateTime",
        "Year": "Int",
        "Json": "Json",
    },
}
# Natives whose arguments are part of the type; other natives take none (int(11) → Int).
_WITH_ARGS = frozenset(
    {
        "Char",
        "VarChar",
        "Bit",
        "VarBit",
        "Decimal",
        "Timestamp",
        "Timestamptz",
        "Time",
        "Timetz",
        "Binary",
        "VarBinary",
        "DateTime",
    }
)
# Natives Prisma writes with their precision (our DDL's default, 6) when none was given.
_PRECISION_6 = frozenset({"Timestamp", "Timestamptz", "Time", "Timetz"})
_ALIASES = {
    "character varying": "varchar",
    "character": "char",
    "bpchar": "char",
    "int4": "integer",
    "int": "integer",
    "int2": "smallint",
    "int8": "bigint",
    "float8": "double precision",
    "float4": "real",
    "numeric": "decimal",
    "timestamp without time zone": "timestamp",
    "timestamp with time zone": "timestamptz",
    "time without time zone": "time",
    "time with time zone": "timetz",
    "bit varying": "varbit",
    "bool": "boolean",
}
_MYSQL_ALIASES = {
    "integer": "int",
    "numeric": "decimal",
    "double precision": "double",
    "real": "double",
    "bool": "tinyint",
    "boolean": "tinyint",
}
_SQL = re.compile(r"^\s*(?P<name>[a-z][a-z0-9_ ]*?)\s*(?:\((?P<args>[^)]*)\))?\s*(?P<unsigned>unsigned)?\s*$", re.I)


def sql_of(scalar: str, native: tuple[str, list[str]] | None, *, provider: str) -> str:
    """The SQL type of a Prisma field (``String`` + ``VarChar(255)`` → ``varchar(255)``)."""
    if provider == SQLITE:
        return _SQLITE_TYPES[scalar]
    if scalar == "Boolean" and not native:
        return "boolean"  # MySQL's alias of tinyint(1): the design keeps it a boolean
    name, args = native if native else DEFAULT_NATIVE[provider][scalar]
    sql = NATIVE[provider][name]
    if not args:
        return sql
    if sql.endswith(" unsigned"):  # never with args, but keep the word last if so
        return sql
    return f"{sql}({','.join(str(a) for a in args)})"


def prisma_of(sql: str, *, provider: str) -> tuple[str, str] | None:
    """Our DDL's type → (scalar, ``@db.*`` attribute or ""), the attribute left out where it
    is the scalar's default; None when Prisma has no native type for it."""
    match = _SQL.match(sql)
    if not match:
        return None
    name = " ".join(match["name"].lower().split())
    if provider == SQLITE:
        scalar = {v: k for k, v in _SQLITE_TYPES.items()}.get(name)
        return (scalar, "") if scalar else None
    if provider == MYSQL:
        name = _MYSQL_ALIASES.get(name, name) + (" unsigned" if match["unsigned"] else "")
    else:
        name = _ALIASES.get(name, name)
    native = next((n for n, s in NATIVE[provider].items() if s == name), None)
    if native is None:
        return None
    scalar = _SCALAR_OF[provider][native]
    args = tuple(a.strip() for a in match["args"].split(",")) if match["args"] and native in _WITH_ARGS else ()
    if not args and native in _PRECISION_6:
        args = ("6",)
    if name == "tinyint" and match["args"] and match["args"].strip() == "1" and provider == MYSQL:
        scalar, args = "Boolean", ("1",)
    if DEFAULT_NATIVE[provider].get(scalar) == (native, args):
        return scalar, ""
    return scalar, f"@db.{native}({', '.join(args)})" if args else f"@db.{native}"


# Operator classes Prisma names (``@@index([tags(ops: ArrayOps)], type: Gin)``), by the index
# type each belongs to, as in Prisma's schema reference; any other is ``ops: raw("…")``.
_NAMED_OPERATOR_CLASSES = {
    "Gin": ("JsonbOps", "JsonbPathOps", "ArrayOps"),
    "Gist": ("InetOps",),
    "SpGist": ("InetOps", "TextOps"),
    "Brin": tuple(
        f"{kind}{family}Ops"
        for kind, families in (
            ("Bit", ("MinMax",)),
            ("VarBit", ("MinMax",)),
            ("Bpchar", ("Bloom", "MinMax")),
            ("Bytea", ("Bloom", "MinMax")),
            ("Inet", ("Inclusion", "Bloom", "MinMax", "MinMaxMulti")),
            ("Text", ("Bloom", "MinMax")),
            ("Uuid", ("Bloom", "MinMax")),
            *(
                (kind, ("Bloom", "MinMax", "MinMaxMulti"))
                for kind in (
                    "Date",
                    "Float4",
                    "Float8",
                    "Int2",
                    "Int4",
                    "Int8",
                    "Numeric",
                    "Oid",
                    "Timestamp",
                    "TimestampTz",
                    "Time",
                    "TimeTz",
                )
            ),
        )
        for family in families
    ),
}
# Words PostgreSQL writes as one: varbit_minmax_ops, timestamptz_bloom_ops.
_JOINED = (("Min_Max", "MinMax"), ("Var_Bit", "VarBit"), ("_Tz", "Tz"))


def _sql_operator_class(prisma: str) -> str:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", prisma)
    for split, joined in _JOINED:
        spaced = spaced.replace(split, joined)
    return spaced.lower()


SQL_OPERATOR_CLASS = {name: _sql_operator_class(name) for names in _NAMED_OPERATOR_CLASSES.values() for name in names}


def prisma_operator_class(sql: str, *, index_type: str) -> str | None:
    """The name Prisma has for operator class ``sql`` in an index of ``index_type`` (Gin,
    Brin, …), or None where Prisma says it only as ``raw("…")``."""
    return next((n for n in _NAMED_OPERATOR_CLASSES.get(index_type, ()) if SQL_OPERATOR_CLASS[n] == sql), None)
