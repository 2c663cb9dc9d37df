"""Workload rules: volume and frequency numbers, access-pattern shape, stale patterns."""

from __future__ import annotations

from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import READ_OPERATIONS, AccessPattern, FilterOp, PatternKind, Schema, ValueKind
from designer.validate._common import _error, _warning

# --- workload ---------------------------------------------------------------------------


def workload_numbers(schema: Schema) -> Iterator[Problem]:
    for volume in schema.volumes:
        numbers = (volume.rows, volume.growth_per_month, volume.retention_days or 0, volume.avg_row_bytes or 0)
        if any(n < 0 for n in numbers):
            entity = schema.entity(volume.entity_id)
            yield _error(
                "negative-volume",
                f"volumes/{entity.name if entity else volume.entity_id}",
                "volumes, growth, retention and row size cannot be negative",
            )
    for pattern in schema.patterns:
        frequency = pattern.frequency
        if frequency.average < 0 or (frequency.peak is not None and frequency.peak < frequency.average):
            yield _error(
                "bad-frequency",
                f"patterns/{pattern.name}",
                f"pattern {pattern.name!r}: frequency must be ≥ 0 and the peak at least the average",
            )


def pattern_shape(schema: Schema) -> Iterator[Problem]:
    for pattern in schema.patterns:
        path = f"patterns/{pattern.name}"
        is_read = pattern.operation in READ_OPERATIONS
        if is_read != (pattern.kind is PatternKind.READ):
            yield _error(
                "pattern-kind",
                path,
                f"pattern {pattern.name!r}: {pattern.operation.value} is not a {pattern.kind.value}",
            )
        if not pattern.name.strip():
            yield _error("blank-name", "patterns", "an access pattern needs a name")
        for condition in pattern.filters:
            no_value = condition.op in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL)
            if no_value and condition.value is not None:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: {condition.op.value} takes no value")
            if condition.op is FilterOp.JSON_PATH and not condition.value:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: a JSON path filter needs its path")
            elif condition.value_kind is ValueKind.CONSTANT and not no_value and not condition.value:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: a constant filter needs its value")


def stale_patterns(schema: Schema) -> Iterator[Problem]:
    """A pattern that names something deleted is flagged, never silently rewritten."""
    for pattern in schema.patterns:
        missing = pattern_missing_parts(schema, pattern)
        if missing:
            yield _warning(
                "pattern-stale",
                f"patterns/{pattern.name}",
                f"access pattern {pattern.name!r} refers to {', '.join(missing)} that no longer "
                + ("exist" if missing[-1] == "fields" else "exists"),
            )


def pattern_missing_parts(schema: Schema, pattern: AccessPattern) -> list[str]:
    """What ``pattern`` names that ``schema`` no longer has (empty: the pattern is sound)."""
    entity = schema.entity(pattern.entity_id)
    if entity is None:
        return ["its entity"]
    missing = []
    joined = [schema.relationship(r) for r in pattern.joins]
    if any(r is None for r in joined):
        missing.append("a joined relationship")
    named = [f.field_id for f in pattern.filters] + [s.field_id for s in pattern.sort]
    named += list(pattern.returns) + list(pattern.changes)
    if any(schema.find_field(i) is None for i in named):
        missing.append("fields")
    return missing
