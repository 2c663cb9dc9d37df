"""The ``Op`` base class and the helpers every op uses on id-keyed tuples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.problems import Problem, SchemaError
from designer.schema import Entity, Relationship, Schema, replace


class Op:
    """Base of all operations (frozen dataclasses)."""

    def apply(self, schema: Schema) -> tuple[Schema, Op]:  # pragma: no cover - abstract
        raise NotImplementedError


# --- generic helpers for id-keyed tuples ------------------------------------------------


def _position(items: tuple, item_id: str, label: str) -> int:
    for position, item in enumerate(items):
        if item.id == item_id:
            return position
    raise SchemaError([Problem(code="not-found", message=f"{label} {item_id!r} does not exist (any more)")])


def _inserted(items: tuple, item: Any, position: int | None, label: str) -> tuple:
    if any(existing.id == item.id for existing in items):
        raise SchemaError([Problem(code="duplicate-id", message=f"{label} {item.id!r} already exists")])
    at = len(items) if position is None else max(0, min(position, len(items)))
    return (*items[:at], item, *items[at:])


def _without(items: tuple, position: int) -> tuple:
    return (*items[:position], *items[position + 1 :])


def _replaced(items: tuple, position: int, item: Any) -> tuple:
    return (*items[:position], item, *items[position + 1 :])


def _entity_position(schema: Schema, entity_id: str) -> int:
    return _position(schema.entities, entity_id, "entity")


def _with_entity(schema: Schema, entity: Entity) -> Schema:
    position = _entity_position(schema, entity.id)
    return replace(schema, entities=_replaced(schema.entities, position, entity))


# --- schema-level collections: add / update / remove ------------------------------------


@dataclass(frozen=True)
class _TopLevel(Op):
    """Shared behaviour of ops on one of the schema's id-keyed collections."""

    collection = ""
    label = ""

    def _items(self, schema: Schema) -> tuple:
        return getattr(schema, self.collection)

    def _set(self, schema: Schema, items: tuple) -> Schema:
        return replace(schema, **{self.collection: items})


def _add(op: _TopLevel, schema: Schema, item: Any, position: int | None) -> Schema:
    return op._set(schema, _inserted(op._items(schema), item, position, op.label))


def _update(op: _TopLevel, schema: Schema, item: Any) -> tuple[Schema, Any]:
    items = op._items(schema)
    position = _position(items, item.id, op.label)
    return op._set(schema, _replaced(items, position, item)), items[position]


def _remove(op: _TopLevel, schema: Schema, item_id: str) -> tuple[Schema, Any, int]:
    items = op._items(schema)
    position = _position(items, item_id, op.label)
    return op._set(schema, _without(items, position)), items[position], position


# --- what a relationship touches (cascades and removal impact) ---------------------------


def _ends(relationship: Relationship) -> tuple[str | None, ...]:
    return (relationship.from_entity_id, relationship.to_entity_id, relationship.join_entity_id)


def _field_ids(relationship: Relationship) -> tuple[str, ...]:
    return relationship.from_field_ids + relationship.to_field_ids
