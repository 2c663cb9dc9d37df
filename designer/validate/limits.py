"""Bounds (designer/limits.py): a schema beyond them is refused with the limit named.

They guard the product (a page, a diagram, a float), not a database's rules: each is above
what any of the three target databases accepts, so a schema a real server holds is never
refused here (what a server refuses is judged in targets.py). A type as written is a text,
not a name: MySQL's ``set('a', 'b', …)`` runs long."""

from __future__ import annotations

import math
from collections.abc import Iterator

from designer import limits
from designer.problems import Problem
from designer.schema import Schema
from designer.validate._common import _error

_COUNTS = (
    ("entities", limits.MAX_ENTITIES, "entities"),
    ("relationships", limits.MAX_RELATIONSHIPS, "relationships"),
    ("enums", limits.MAX_ENUMS, "enums"),
    ("groups", limits.MAX_GROUPS, "groups"),
    ("notes", limits.MAX_NOTES, "notes"),
    ("patterns", limits.MAX_PATTERNS, "access patterns"),
)


def input_limits(schema: Schema) -> Iterator[Problem]:
    yield from schema_counts(schema)
    yield from object_limits(schema)


def schema_counts(schema: Schema) -> Iterator[Problem]:
    """How many of each kind the schema holds (the one part that looks at all tables at once)."""
    for attribute, limit, label in _COUNTS:
        if len(getattr(schema, attribute)) > limit:
            yield _error("too-many", attribute, f"a schema may have at most {limit} {label}")


def object_limits(schema: Schema) -> Iterator[Problem]:
    """Each object's own bounds: its counts, texts and numbers."""
    yield from _counts(schema)
    yield from _texts(schema)
    yield from _numbers(schema)


def _counts(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        if len(entity.fields) > limits.MAX_FIELDS_PER_ENTITY:
            yield _error(
                "too-many",
                f"entities/{entity.id}/fields",
                f"{_short(entity.name)} has more than {limits.MAX_FIELDS_PER_ENTITY} fields",
            )
        if len(entity.indexes) > limits.MAX_INDEXES_PER_ENTITY:
            yield _error(
                "too-many",
                f"entities/{entity.id}/indexes",
                f"{_short(entity.name)} has more than {limits.MAX_INDEXES_PER_ENTITY} indexes",
            )
    for enum in schema.enums:
        if len(enum.values) > limits.MAX_ENUM_VALUES:
            yield _error(
                "too-many",
                f"enums/{enum.id}/values",
                f"enum {_short(enum.name)} has more than {limits.MAX_ENUM_VALUES} values",
            )


def _texts(schema: Schema) -> Iterator[Problem]:
    for path, value, limit in _strings(schema):
        if value is not None and "\x00" in value:  # from any reader: PostgreSQL cannot store it
            yield _error("nul-character", path, "the text contains a NUL character")
        if value is not None and len(value) > limit:
            kind = "a name" if limit == limits.MAX_NAME_CHARS else "a text"
            yield _error("too-long", path, f"{kind} may be at most {limit} characters ({_short(value)})")


def _strings(schema: Schema) -> Iterator[tuple[str, str | None, int]]:
    name, text = limits.MAX_NAME_CHARS, limits.MAX_TEXT_CHARS
    yield from (
        ("name", schema.name, name),
        ("database_type", schema.database_type, name),
        ("comment", schema.comment, text),
    )
    for entity in schema.entities:
        at = f"entities/{entity.id}"
        yield from (
            (f"{at}/name", entity.name, name),
            (f"{at}/namespace", entity.namespace, name),
            (f"{at}/comment", entity.comment, text),
        )
        for field in entity.fields:
            f_at = f"{at}/fields/{field.id}"
            yield from (
                (f"{f_at}/name", field.name, name),
                (f"{f_at}/comment", field.comment, text),
                (f"{f_at}/check", field.check, text),
                (f"{f_at}/type", field.type.written, text),
                (f"{f_at}/default", field.default.value if field.default else None, text),
            )
        for index in entity.indexes:
            yield from (
                (f"{at}/indexes/{index.id}/name", index.name, name),
                (f"{at}/indexes/{index.id}/predicate", index.predicate, text),
                (f"{at}/indexes/{index.id}/comment", index.comment, text),
            )
            yield from ((f"{at}/indexes/{index.id}", c.expression, text) for c in index.columns)
        for check in entity.checks:
            yield from (
                (f"{at}/checks/{check.id}", check.expression, text),
                (f"{at}/checks/{check.id}", check.name, name),
            )
    for relationship in schema.relationships:
        yield from (
            (f"relationships/{relationship.id}/name", relationship.name, name),
            (f"relationships/{relationship.id}/comment", relationship.comment, text),
        )
    for enum in schema.enums:
        yield from (
            (f"enums/{enum.id}/name", enum.name, name),
            (f"enums/{enum.id}/namespace", enum.namespace, name),
            (f"enums/{enum.id}/comment", enum.comment, text),
        )
        for value in enum.values:
            yield from ((f"enums/{enum.id}/values", value.name, name), (f"enums/{enum.id}/values", value.comment, text))
    for group in schema.groups:
        yield from ((f"groups/{group.id}/name", group.name, name), (f"groups/{group.id}/comment", group.comment, text))
    for note in schema.notes:
        yield from ((f"notes/{note.id}/name", note.name, name), (f"notes/{note.id}/content", note.content, text))
    for pattern in schema.patterns:
        at = f"patterns/{pattern.id}"
        yield from ((f"{at}/name", pattern.name, name), (f"{at}/description", pattern.description, text))
        yield from ((f"{at}/filters", c.value, text) for c in pattern.filters)


def _numbers(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        for field in entity.fields:
            if field.type.length is not None and field.type.length > limits.MAX_TYPE_LENGTH:
                yield _range(f"entities/{entity.id}/fields/{field.id}/type/length", limits.MAX_TYPE_LENGTH)
    for volume in schema.volumes:
        at = f"volumes/{volume.entity_id}"
        yield from _over(f"{at}/rows", volume.rows, limits.MAX_COUNT)
        yield from _over(f"{at}/growth_per_month", volume.growth_per_month, limits.MAX_COUNT)
        yield from _over(f"{at}/retention_days", volume.retention_days, limits.MAX_RETENTION_DAYS)
        yield from _over(f"{at}/avg_row_bytes", volume.avg_row_bytes, limits.MAX_ROW_BYTES)
    for pattern in schema.patterns:
        at = f"patterns/{pattern.id}"
        yield from _over(f"{at}/frequency/average", pattern.frequency.average, limits.MAX_FREQUENCY)
        yield from _over(f"{at}/frequency/peak", pattern.frequency.peak, limits.MAX_FREQUENCY)
        yield from _over(f"{at}/limit", pattern.limit, limits.MAX_COUNT)
        yield from _over(f"{at}/latency_ms", pattern.latency_ms, limits.MAX_LATENCY_MS)


def _over(path: str, value: float | None, limit: float) -> Iterator[Problem]:
    if value is not None and not (math.isfinite(value) and abs(value) <= limit):
        yield _range(path, limit)


def _range(path: str, limit: float) -> Problem:
    return _error("out-of-range", path, f"the number must be at most {limit:,.0f}")


def _short(text: str) -> str:
    return repr(text[:40] + "…") if len(text) > 40 else repr(text)
