"""Template helpers for the workload panel (autoescaped like any other value)."""

import math

from django import template

from designer.schema import FilterOp, ValueKind
from designer.workload import human_bytes, human_count, human_rate

register = template.Library()

register.filter("rate", human_rate)
register.filter("count", human_count)
register.filter("size", human_bytes)

_OPERATOR_TEXT = {
    FilterOp.EQ: "=", FilterOp.IN: "IN", FilterOp.LT: "<", FilterOp.LTE: "<=", FilterOp.GT: ">",
    FilterOp.GTE: ">=", FilterOp.BETWEEN: "BETWEEN", FilterOp.PREFIX: "LIKE", FilterOp.CONTAINS: "LIKE",
    FilterOp.IS_NULL: "IS NULL", FilterOp.IS_NOT_NULL: "IS NOT NULL", FilterOp.ARRAY_CONTAINS: "@>",
    FilterOp.FULL_TEXT: "@@",
}  # fmt: skip


@register.filter
def words(value: str) -> str:
    return str(value).replace("_", " ")


@register.simple_tag
def read_share(load) -> str:
    total = load.reads_per_second + load.writes_per_second
    if total == 0 or not math.isfinite(total):  # infinite: a number stored before the limits
        return "—"
    reads = round(100 * (load.reads_per_second / total))  # divided first: 100 * 1e308 overflows
    return f"{reads} / {100 - reads}"


@register.simple_tag
def pattern_sentence(schema, pattern) -> str:
    """The pattern as a short SQL-like line: `posts WHERE author_id = ? ORDER BY … LIMIT 20`."""
    entity = schema.entity(pattern.entity_id)
    fields = {f.id: f.name for f in entity.fields} if entity else {}
    text = f"{pattern.operation.value.replace('_', ' ')} {entity.name if entity else '(deleted entity)'}"
    if pattern.filters:
        text += " WHERE " + " AND ".join(_condition(c, fields) for c in pattern.filters)
    if pattern.sort:
        text += " ORDER BY " + ", ".join(f"{fields.get(s.field_id, '?')} {s.order.value.upper()}" for s in pattern.sort)
    if pattern.limit:
        text += f" LIMIT {pattern.limit}"
    if pattern.pagination.value != "none":
        text += f" ({pattern.pagination.value} pagination)"
    return text


def _condition(condition, fields: dict[str, str]) -> str:
    name = fields.get(condition.field_id, "?")
    if condition.op is FilterOp.JSON_PATH:
        return f"{name} -> {condition.value} = ?"
    if condition.op in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL):
        return f"{name} {_OPERATOR_TEXT[condition.op]}"
    value = condition.value if condition.value_kind is ValueKind.CONSTANT else "?"
    if condition.op is FilterOp.PREFIX:
        value = f"{value} || '%'" if value == "?" else value
    elif condition.op is FilterOp.CONTAINS:
        value = f"'%' || {value} || '%'" if value == "?" else value
    elif condition.op is FilterOp.BETWEEN and value == "?":
        value = "? AND ?"
    elif condition.op is FilterOp.IN and value == "?":
        value = "(?)"
    return f"{name} {_OPERATOR_TEXT[condition.op]} {value}"
