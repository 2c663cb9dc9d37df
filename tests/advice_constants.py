"""A project whose patterns compare with constants typed in the editor's value box, in every
way people type them (issue 19: ``'todo','in_progress'`` became ``IN 'todo','in_progress'``).
Built through the editor's own ``save_pattern``, as the Workload tab builds them."""

from __future__ import annotations

from designer import ops
from designer.formats.dbml import parse_dbml
from designer.schema import Schema, Volume, replace
from designer.workload_edits import ConditionRow, SortRow, save_pattern

TASKS = 'Tasks "quoted"; it\'s'  # a hostile table name: every identifier must be quoted
DBML = """
Table tasks {
  id bigint [pk, increment]
  project_id bigint [not null]
  status text [not null]
  priority integer [not null]
  archived boolean [not null]
  deleted_at timestamptz
  due_at timestamptz [not null]
}
Table orders {
  id bigint [pk, increment]
  status text [not null]
  placed_at timestamptz [not null]
}
Table events {
  id serial [pk]
  kind text [not null]
  at timestamp [not null]
}
Table event_notes {
  id bigint [pk, increment]
  event_id integer [not null, ref: > events.id]
}
"""

# (name, filters as (field, op, value box), sort field): each a hot list of a big table.
PATTERNS = [
    ("open work", TASKS, [("project_id", "=", ""), ("status", "in", "'todo','in_progress'")], "due_at"),
    ("parenthesised", TASKS, [("project_id", "=", ""), ("status", "in", "('blocked', 'it''s')")], "due_at"),
    ("bare word", TASKS, [("status", "=", "review")], "due_at"),
    ("hostile word", TASKS, [("status", "=", "x'); DROP TABLE orders; --")], "due_at"),
    ("urgent", TASKS, [("priority", "=", "1"), ("archived", "=", "false")], "due_at"),
    ("live", TASKS, [("project_id", "=", ""), ("deleted_at", "is_null", "")], "due_at"),
    ("pending orders", "orders", [("status", "=", "'pending'")], "placed_at"),
    ("search orders", "orders", [("status", "contains", "")], "placed_at"),  # LIKE '%x%': pg_trgm, SQL only
    ("orders by time", "orders", [("placed_at", ">=", "")], "placed_at"),
]


def constants_schema() -> Schema:
    schema = parse_dbml(DBML)
    tasks = schema.entity_by_name("tasks")
    schema, _ = ops.apply(schema, ops.UpdateEntity(entity=replace(tasks, name=TASKS)))
    for name, entity_name, conditions, sort in PATTERNS:
        entity = schema.entity_by_name(entity_name)
        rows = [ConditionRow(entity.field_by_name(f).id, op, value) for f, op, value in conditions]
        order = [SortRow(entity.field_by_name(sort).id, "asc")]
        op = save_pattern(
            schema, name=name, entity_id=entity.id, operation="list", filters=rows, sort=order, limit=50, frequency=50.0
        )
        schema, _ = ops.apply(schema, op)
    events = schema.entity_by_name("events")
    insert = save_pattern(
        schema,
        name="log event",
        entity_id=events.id,
        operation="insert",
        frequency=50.0,
        changes=[events.field_by_name("kind").id],
    )
    schema, _ = ops.apply(schema, insert)  # 50/s: a serial's int range is gone in under two years
    volumes = tuple(Volume(entity_id=e.id, rows=5_000_000, growth_per_month=100_000) for e in schema.entities)
    return replace(schema, volumes=volumes)
