"""The PostgreSQL a recommendation implies, for people to read and run.

Small local helpers on purpose: identifiers are always quoted (user names may be
reserved words, mixed case or hostile), index builds are CONCURRENTLY (no write lock
on a live table), and types are spelled by ``designer.types.sql_type``.
"""

from __future__ import annotations

from designer.schema import Entity, Schema
from designer.types import POSTGRESQL, UnportableType, dialect_of, sql_type


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table(entity: Entity) -> str:
    return f"{quote(entity.namespace)}.{quote(entity.name)}" if entity.namespace else quote(entity.name)


def create_index(schema: Schema, entity: Entity, index) -> str:
    """``index`` is a designer.schema.Index on ``entity``."""
    keys = []
    for column in index.columns:
        key = f"({column.expression})" if column.expression else quote(_name(entity, column.field_id))
        keys.append(key + (" DESC" if column.order == "desc" else ""))
    unique = "UNIQUE " if index.unique else ""
    method = "" if index.method == "btree" else f" USING {index.method}"
    include = f" INCLUDE ({', '.join(quote(_name(entity, i)) for i in index.include)})" if index.include else ""
    where = f" WHERE {index.predicate}" if index.predicate else ""
    return (
        f"CREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {quote(index.name)} ON {table(entity)}{method} "
        f"({', '.join(keys)}){include}{where};"
    )


def drop_index(entity: Entity, index) -> str:
    name = index.name or "<generated name>"
    schema_part = f"{quote(entity.namespace)}." if entity.namespace else ""
    return f"DROP INDEX CONCURRENTLY IF EXISTS {schema_part}{quote(name)};"


def alter_type(schema: Schema, entity: Entity, field) -> str:
    """``ALTER TABLE ... ALTER COLUMN ... TYPE`` for the field's (new) type."""
    return f"ALTER TABLE {table(entity)} ALTER COLUMN {quote(field.name)} TYPE {column_type(schema, field)};"


def column_type(schema: Schema, field) -> str:
    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    enum_name = None
    if enum is not None:
        enum_name = f"{quote(enum.namespace)}.{quote(enum.name)}" if enum.namespace else quote(enum.name)
    try:
        return sql_type(
            field.type, dialect=POSTGRESQL, source_dialect=dialect_of(schema.database_type), enum_name=enum_name
        )
    except UnportableType:
        return field.type.written or "text"


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _name(entity: Entity, field_id: str | None) -> str:
    found = entity.field(field_id) if field_id else None
    return found.name if found else "?"
