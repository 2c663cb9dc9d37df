"""Whether a recommendation's edit is in the schema now: applied, and not undone since.

Read from the schema itself rather than from the history, so an undo (or a teammate
removing the index by hand) unmarks it and a redo marks it again."""

from __future__ import annotations

import dataclasses

from designer import ops
from designer.problems import SchemaError
from designer.schema import Schema


def is_applied(schema: Schema, op_dicts: list[dict]) -> bool:
    """True when every op of the recommendation is already true of ``schema``."""
    if not op_dicts:
        return False
    try:
        steps = [ops.op_from_dict(data) for data in op_dicts]
    except SchemaError:
        return False
    ids = schema.all_ids()
    return all(_holds(schema, step, ids) for step in steps)


def _holds(schema: Schema, op: ops.Op, ids: set[str]) -> bool:
    if isinstance(op, ops.Batch):
        return all(_holds(schema, step, ids) for step in op.ops)
    name = type(op).__name__
    if name.startswith("Add"):  # the object it adds is there
        added = next((v for v in _values(op) if hasattr(v, "id")), None)
        return added is not None and added.id in ids
    if name.startswith("Remove"):  # the object it removes is gone
        target = [v for f, v in _items(op) if f.endswith("_id") and f != "entity_id"] or [
            getattr(op, "entity_id", None)
        ]
        return target[-1] not in ids
    try:  # a change or a setting: applying it again changes nothing
        after, _ = ops.apply(schema, op)
    except SchemaError:
        return False
    return after == schema


def _items(op: ops.Op):
    return [(f.name, getattr(op, f.name)) for f in dataclasses.fields(op)]


def _values(op: ops.Op):
    return [value for _, value in _items(op)]
