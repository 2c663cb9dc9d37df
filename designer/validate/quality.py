"""Portability and quality warnings: identifier lengths, reserved words, case collisions,
missing primary keys and enum defaults."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import DefaultKind, Schema, TypeKind
from designer.validate._common import _entity_path, _warning

POSTGRES_MAX_IDENTIFIER_BYTES = 63
MYSQL_MAX_IDENTIFIER_CHARS = 64
RESERVED_WORDS = frozenset(
    [
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "current_date",
        "current_role",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "localtime",
        "localtimestamp",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "placing",
        "primary",
        "references",
        "returning",
        "select",
        "session_user",
        "some",
        "symmetric",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with",
        "key",
        "index",
    ]
)


# --- portability and quality warnings ---------------------------------------------------


def portability(schema: Schema) -> Iterator[Problem]:
    yield from name_portability(schema)
    yield from case_only_differences(schema)


def name_portability(schema: Schema) -> Iterator[Problem]:
    """Each name on its own: too long for a dialect, or a reserved word."""
    for path, name in _all_names(schema):
        if len(name.encode()) > POSTGRES_MAX_IDENTIFIER_BYTES:
            yield _warning("identifier-too-long", path, f"{name!r} is longer than 63 bytes: PostgreSQL truncates it")
        if len(name) > MYSQL_MAX_IDENTIFIER_CHARS:  # MySQL refuses such names: its own warning
            yield _warning("identifier-too-long-mysql", path, f"{name!r} is longer than MySQL's 64 characters")
        if name.lower() in RESERVED_WORDS:
            yield _warning("reserved-word", path, f"{name!r} is an SQL reserved word: it must always be quoted")


def case_only_differences(schema: Schema) -> Iterator[Problem]:
    spellings: dict[tuple[str | None, str], set[str]] = {}
    for entity in schema.entities:
        spellings.setdefault((entity.namespace, entity.name.lower()), set()).add(entity.name)
    for (namespace, name), names in spellings.items():
        if len(names) > 1:  # exact duplicates are an error of their own, not a case difference
            where = f"{namespace}.{name}" if namespace else name
            yield _warning(
                "case-only-difference",
                f"entities/{where}",
                f"entities whose names differ only in case ({name}) collide on MySQL with lower_case_table_names",
            )


def _all_names(schema: Schema) -> Iterator[tuple[str, str]]:
    for entity in schema.entities:
        yield _entity_path(entity), entity.name
        for field in entity.fields:
            yield f"{_entity_path(entity)}/fields/{field.name}", field.name
        for index in entity.indexes:
            if index.name:
                yield f"{_entity_path(entity)}/indexes/{index.name}", index.name
    for enum in schema.enums:
        yield f"enums/{enum.name}", enum.name


def missing_primary_key(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        if not entity.primary_key:
            yield _warning("missing-primary-key", _entity_path(entity), f"{entity.name} has no primary key")


def field_case_collisions(schema: Schema) -> Iterator[Problem]:
    # MySQL compares column names case-insensitively on every platform, not only table names.
    for entity in schema.entities:
        folded = Counter(name.lower() for name in {f.name for f in entity.fields})
        for name, count in folded.items():
            if count > 1:
                yield _warning(
                    "case-only-difference",
                    f"{_entity_path(entity)}/fields/{name}",
                    f"{entity.name} has fields whose names differ only in case ({name}): MySQL sees one column",
                )


def enum_defaults(schema: Schema) -> Iterator[Problem]:
    """A literal default that is not a value of its enum fails when the table is created
    (e.g. after a value was removed from the enum)."""
    for entity in schema.entities:
        for field in entity.fields:
            enum = schema.enum(field.type.enum_id or "") if field.type.kind is TypeKind.ENUM else None
            default = field.default
            if enum is None or default is None or default.kind is not DefaultKind.LITERAL or field.type.array:
                continue
            value = _unquoted(default.value)
            if default.value.lower() != "null" and value not in {v.name for v in enum.values}:
                yield _warning(
                    "enum-default-unknown",
                    f"{_entity_path(entity)}/fields/{field.name}",
                    f"{entity.name}.{field.name} defaults to {value!r}, which is not a value of {enum.name}",
                )


def _unquoted(literal: str) -> str:
    if len(literal) >= 2 and literal[0] == literal[-1] == "'":
        return literal[1:-1].replace("''", "'")
    return literal
