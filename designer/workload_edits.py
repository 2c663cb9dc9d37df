"""Workload edits built from plain values: access patterns (by their parts or by a
SQL query) and volumes, as the workload forms (or any other caller) ask for them.

Forms only clean what a person typed (numbers, choices) and call these. What only the
schema can judge — a condition on a field the target entity lacks, a join through a
relationship it takes no part in, an operator or unit that does not exist, a peak
below the average — is refused here with a ``SchemaError`` carrying every problem at
once. Each problem's ``path`` names the input it is about ("filters", "sort", "joins",
"peak", ...), so a form can show it next to that box. The op then goes through the
service, where validation of the whole schema has the last word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from designer import ops
from designer.labels import FILTER_OP_LABELS
from designer.problems import Problem, SchemaError
from designer.schema import (
    READ_OPERATIONS,
    AccessPattern,
    Consistency,
    Entity,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    Pagination,
    PatternKind,
    Per,
    Schema,
    SortKey,
    SortOrder,
    ValueKind,
    Volume,
    minted_id,
    replace,
)
from designer.sqlpattern import pattern_from_sql

NO_VALUE_OPS = frozenset({FilterOp.IS_NULL, FilterOp.IS_NOT_NULL})


@dataclass(frozen=True)
class ConditionRow:
    """One condition as typed: a field id, an operator (a ``FilterOp`` value) and the
    value box: empty for a parameter, else a constant, or the path of a JSON path
    condition. A row without a field is blank and ignored."""

    field_id: str = ""
    op: str = FilterOp.EQ.value
    value: str = ""


@dataclass(frozen=True)
class SortRow:
    field_id: str = ""
    order: str = SortOrder.ASC.value


# --- access patterns ----------------------------------------------------------------------


def save_pattern(
    schema: Schema,
    pattern: AccessPattern | None = None,
    *,
    name: str,
    entity_id: str,
    operation: str,
    description: str = "",
    filters: Iterable[ConditionRow] = (),
    sort: Iterable[SortRow] = (),
    limit: int | None = None,
    pagination: str = Pagination.NONE.value,
    returns: Iterable[str] = (),
    joins: Iterable[str] = (),
    frequency: float = 1.0,
    peak: float | None = None,
    per: str = Per.SECOND.value,
    latency_ms: int | None = None,
    consistency: str = Consistency.STRONG.value,
    changes: Iterable[str] = (),
) -> ops.AddPattern | ops.UpdatePattern:
    """Add (``pattern`` None) or update an access pattern. Its kind follows the
    operation; a read writes nothing, so ``changes`` only count for writes."""
    target = schema.entity(entity_id)
    if target is None:
        missing = (
            "Add an entity first: a pattern reads or writes one."
            if not schema.entities
            else ("The target entity no longer exists.")
        )
        raise SchemaError([_problem("entity", missing)])
    problems: list[Problem] = []
    chosen = _choices(
        problems,
        operation=(Operation, operation),
        pagination=(Pagination, pagination),
        per=(Per, per),
        consistency=(Consistency, consistency),
    )
    built_filters = _filters(target, filters, problems)
    built_sort = _sort(target, sort, problems)
    is_write = chosen.get("operation") not in READ_OPERATIONS
    field_ids = {
        "returns": _known_fields(target, returns, problems, path="returns", what="returned field"),
        "changes": _known_fields(target, changes, problems, path="changes", what="written field") if is_write else (),
    }
    built_joins = _joins(schema, target, joins, problems)
    if not name.strip():
        problems.append(_problem("name", "An access pattern needs a name."))
    _check_numbers(problems, frequency=frequency, peak=peak, limit=limit, latency_ms=latency_ms)
    if problems:
        raise SchemaError(problems)
    built = AccessPattern(
        id=pattern.id if pattern else minted_id("pat", schema.all_ids()),
        name=name.strip(),
        kind=PatternKind.WRITE if is_write else PatternKind.READ,
        operation=chosen["operation"],
        entity_id=target.id,
        description=description.strip() or None,
        filters=built_filters,
        sort=built_sort,
        limit=limit,
        pagination=chosen["pagination"],
        joins=built_joins,
        latency_ms=latency_ms,
        frequency=Frequency(average=frequency, peak=peak, per=chosen["per"]),
        consistency=chosen["consistency"],
        **field_ids,
    )
    return ops.UpdatePattern(pattern=built) if pattern else ops.AddPattern(pattern=built)


def pattern_values(pattern: AccessPattern) -> dict:
    """The plain values ``save_pattern`` takes to build ``pattern`` again: what a form
    shows when the pattern is opened."""
    return {
        "name": pattern.name,
        "entity_id": pattern.entity_id,
        "operation": pattern.operation.value,
        "description": pattern.description or "",
        "filters": tuple(ConditionRow(f.field_id, f.op.value, _value_text(f)) for f in pattern.filters),
        "sort": tuple(SortRow(s.field_id, s.order.value) for s in pattern.sort),
        "limit": pattern.limit,
        "pagination": pattern.pagination.value,
        "returns": pattern.returns,
        "joins": pattern.joins,
        "frequency": pattern.frequency.average,
        "peak": pattern.frequency.peak,
        "per": pattern.frequency.per.value,
        "latency_ms": pattern.latency_ms,
        "consistency": pattern.consistency.value,
        "changes": pattern.changes,
    }


def add_pattern_from_sql(
    schema: Schema, *, sql: str, name: str = "", frequency: float = 1.0, per: str = Per.SECOND.value
) -> ops.AddPattern:
    """A PostgreSQL query read as a pattern (see ``designer.sqlpattern``), run
    ``frequency`` times ``per`` unit; a query that cannot be mapped is refused whole."""
    problems: list[Problem] = []
    chosen = _choices(problems, per=(Per, per))
    _check_numbers(problems, frequency=frequency)
    if problems:
        raise SchemaError(problems)
    pattern = pattern_from_sql(sql, schema=schema, name=name.strip() or None)
    return ops.AddPattern(pattern=replace(pattern, frequency=Frequency(average=frequency, per=chosen["per"])))


def _value_text(condition: Filter) -> str:
    """What the value box holds: empty for a parameter, the literal for a constant,
    the path for a JSON path condition."""
    if condition.op is FilterOp.JSON_PATH or condition.value_kind is ValueKind.CONSTANT:
        return condition.value or ""
    return ""


def _filters(target: Entity, rows: Iterable[ConditionRow], problems: list[Problem]) -> tuple[Filter, ...]:
    built = []
    for row in rows:
        if not row.field_id:
            continue
        field = target.field(row.field_id)
        op = _choice(problems, FilterOp, row.op, path="filters", what="condition operator")
        if field is None:
            problems.append(_problem("filters", f"A condition names a field that {target.name} does not have."))
            continue
        if op is None:  # already said
            continue
        value = row.value.strip()
        if op in NO_VALUE_OPS and value:
            message = f"{field.name} {FILTER_OP_LABELS[op]} takes no value; clear the value box."
            problems.append(_problem("filters", message))
        elif op is FilterOp.JSON_PATH and not value:
            problems.append(_problem("filters", f"Give the JSON path for {field.name}, e.g. address.city."))
        elif op is FilterOp.JSON_PATH:  # the path says where to look; the value compared is a parameter
            built.append(Filter(field_id=field.id, op=op, value_kind=ValueKind.PARAMETER, value=value))
        elif value:
            built.append(Filter(field_id=field.id, op=op, value_kind=ValueKind.CONSTANT, value=value))
        else:
            built.append(Filter(field_id=field.id, op=op))
    return tuple(built)


def _sort(target: Entity, rows: Iterable[SortRow], problems: list[Problem]) -> tuple[SortKey, ...]:
    built = []
    for row in rows:
        if not row.field_id:
            continue
        order = _choice(problems, SortOrder, row.order or SortOrder.ASC.value, path="sort", what="sort order")
        if target.field(row.field_id) is None:
            problems.append(_problem("sort", f"A sort key names a field that {target.name} does not have."))
        elif order is not None:
            built.append(SortKey(field_id=row.field_id, order=order))
    return tuple(built)


def _known_fields(
    target: Entity, field_ids: Iterable[str], problems: list[Problem], *, path: str, what: str
) -> tuple[str, ...]:
    ids = tuple(field_ids)
    if any(target.field(i) is None for i in ids):
        problems.append(_problem(path, f"A {what} is not a field of {target.name}."))
    return ids


def _joins(schema: Schema, target: Entity, relationship_ids: Iterable[str], problems: list[Problem]) -> tuple[str, ...]:
    """Relationships followed from the target: each must exist and involve it."""
    ids = tuple(relationship_ids)
    involved = {r.id for r in schema.relationships_of(target.id)}
    for relationship_id in ids:
        if schema.relationship(relationship_id) is None:
            problems.append(_problem("joins", "A join follows a relationship that does not exist."))
        elif relationship_id not in involved:
            problems.append(_problem("joins", f"A join follows a relationship {target.name} takes no part in."))
    return ids


def _check_numbers(
    problems: list[Problem],
    *,
    frequency: float,
    peak: float | None = None,
    limit: int | None = None,
    latency_ms: int | None = None,
) -> None:
    if frequency < 0:
        problems.append(_problem("frequency", "The frequency cannot be negative."))
    if peak is not None and peak < frequency:
        problems.append(_problem("peak", "The peak cannot be below the average."))
    if limit is not None and limit < 1:
        problems.append(_problem("limit", "The limit must be at least 1."))
    if latency_ms is not None and latency_ms < 1:
        problems.append(_problem("latency_ms", "The latency target must be at least 1 ms."))


# --- volumes ------------------------------------------------------------------------------


def set_volume(
    schema: Schema,
    *,
    entity_id: str,
    rows: int,
    growth_per_month: int = 0,
    retention_days: int | None = None,
    avg_row_bytes: int | None = None,
) -> ops.SetVolume:
    """How many rows ``entity_id`` holds today and how it grows; ``retention_days``
    None: kept forever; ``avg_row_bytes`` None: estimated from the field types."""
    if schema.entity(entity_id) is None:
        raise SchemaError([_problem("entity", "The entity no longer exists.")])
    numbers = (
        ("rows", "row count", rows, 0),
        ("growth_per_month", "growth", growth_per_month, 0),
        ("retention_days", "retention", retention_days, 1),
        ("avg_row_bytes", "row size", avg_row_bytes, 1),
    )
    problems = [
        _problem(path, f"The {what} cannot be {'negative' if least == 0 else 'below 1'}.")
        for path, what, value, least in numbers
        if value is not None and value < least
    ]
    if problems:
        raise SchemaError(problems)
    volume = Volume(
        entity_id=entity_id,
        rows=rows,
        growth_per_month=growth_per_month,
        retention_days=retention_days,
        avg_row_bytes=avg_row_bytes,
    )
    return ops.SetVolume(entity_id=entity_id, volume=volume)


# --- shared -------------------------------------------------------------------------------


def _problem(path: str, message: str) -> Problem:
    return Problem(code="workload-input", message=message, path=path)


def _choice(problems: list[Problem], kind: type[StrEnum], value: str, *, path: str, what: str):
    """``kind(value)``, or None with a problem when ``value`` is not one of its members."""
    try:
        return kind(value)
    except ValueError:
        problems.append(_problem(path, f"Unknown {what} {value!r}."))
        return None


def _choices(problems: list[Problem], **wanted: tuple[type[StrEnum], str]) -> dict:
    """Several choices at once, keyed (and their problems pathed) by argument name."""
    return {
        path: _choice(problems, kind, value, path=path, what=_WHAT.get(path, path))
        for path, (kind, value) in wanted.items()
    }


_WHAT = {"per": "frequency unit"}
