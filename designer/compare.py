"""Two versions of a schema, compared for people: what was added, removed, renamed or
changed, with before → after for every property that moved.

Objects are matched by their stable ids, never by name, so a renamed field is one
"renamed" change, not a removal plus an addition. The same comparison tells the diagram
which entities, fields and relationships to highlight (``marks``) and gives it a schema
that still holds what was removed, so removals can be drawn struck through
(``drawing_schema``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from designer.labels import (
    field_label,
    field_names,
    field_type_label,
    index_key_text,
    index_label,
    relationship_label,
    relationship_options,
)
from designer.schema import Check, Entity, Enum, Field, Index, Relationship, Schema, replace

ADDED, REMOVED, CHANGED, RENAMED = "added", "removed", "changed", "renamed"


@dataclass(frozen=True)
class Change:
    kind: str  # entity | field | index | check | relationship | enum
    action: str  # added | removed | renamed | changed
    object_id: str
    label: str  # what people call it: "users.email", "index users_email_idx"
    details: tuple[str, ...] = ()  # "type: varchar(100) → text"
    entity_id: str | None = None  # the entity a field, index or check belongs to; a relationship's FK holder


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    def counts(self) -> dict[str, int]:
        counts = {ADDED: 0, REMOVED: 0, RENAMED: 0, CHANGED: 0}
        for change in self.changes:
            counts[change.action] += 1
        return counts

    def marks(self) -> dict[str, str]:
        """Entity and field id → added | changed | removed, for the diagram. An entity
        whose fields, indexes or checks changed is itself marked changed (renames count
        as changes there: the colour says "look here"); a relationship marks the entity
        holding its foreign key."""
        marks: dict[str, str] = {}
        for change in self.changes:
            if change.kind in ("entity", "field"):
                marks[change.object_id] = CHANGED if change.action == RENAMED else change.action
        for change in self.changes:
            if change.entity_id is not None and change.entity_id not in marks:
                marks[change.entity_id] = CHANGED
        return marks


def compare(old: Schema, new: Schema) -> Comparison:
    changes: list[Change] = []
    changes += _compare_enums(old, new)
    changes += _compare_entities(old, new)
    changes += _compare_relationships(old, new)
    return Comparison(changes=tuple(changes))


def drawing_schema(old: Schema, new: Schema) -> Schema:
    """``new`` plus what ``old`` had and ``new`` lost (entities, fields, enums), so one
    diagram can show removals struck through next to everything else. Removed
    relationships are left out: a line cannot be struck through, and drawn like the
    others it would read as still there (the table of changes lists them)."""
    new_ids = new.all_ids()
    entities = []
    for entity in new.entities:
        before = old.entity(entity.id)
        lost = tuple(f for f in before.fields if f.id not in new_ids) if before else ()
        entities.append(replace(entity, fields=entity.fields + lost) if lost else entity)
    entities += [e for e in old.entities if e.id not in new_ids]
    return replace(
        new,
        entities=tuple(entities),
        enums=new.enums + tuple(e for e in old.enums if e.id not in new_ids),
    )


# --- per kind ---------------------------------------------------------------------------


def _matched(old_items, new_items):
    """(before, after) pairs by id: after None = removed, before None = added."""
    new_by_id = {item.id: item for item in new_items}
    old_ids = {item.id for item in old_items}
    pairs = [(item, new_by_id.get(item.id)) for item in old_items]
    return pairs + [(None, item) for item in new_items if item.id not in old_ids]


def _change(kind, before, after, label: Callable, describe: Callable, name: Callable, entity_id=None):
    if before is None:
        return Change(kind, ADDED, after.id, label(after), entity_id=entity_id)
    if after is None:
        return Change(kind, REMOVED, before.id, label(before), entity_id=entity_id)
    details = _details(describe(before), describe(after))
    if not details:
        return None
    action = RENAMED if name(before) != name(after) else CHANGED
    return Change(kind, action, after.id, label(after), details, entity_id=entity_id)


def _details(before: dict[str, str], after: dict[str, str]) -> tuple[str, ...]:
    return tuple(f"{key}: {before[key]} → {after[key]}" for key in before if before[key] != after[key])


def _compare_enums(old: Schema, new: Schema) -> list[Change]:
    def describe(enum: Enum) -> dict[str, str]:
        return {
            "name": enum.qualified_name,
            "values": ", ".join(v.name for v in enum.values) or "(none)",
            "comment": _text(enum.comment),
        }

    changes = []
    for before, after in _matched(old.enums, new.enums):
        change = _change("enum", before, after, lambda e: e.qualified_name, describe, lambda e: e.qualified_name)
        if change is not None:
            changes.append(change)
    return changes


def _compare_entities(old: Schema, new: Schema) -> list[Change]:
    changes = []
    for before, after in _matched(old.entities, new.entities):
        describe = _paired(_entity_describer(old), _entity_describer(new), before)
        entity_change = _change(
            "entity", before, after, lambda e: e.qualified_name, describe, lambda e: e.qualified_name
        )
        if entity_change is not None:
            changes.append(entity_change)
        if before is not None and after is not None:
            changes += _compare_parts(old, new, before, after)
    return changes


def _entity_describer(schema: Schema) -> Callable[[Entity], dict[str, str]]:
    def describe(entity: Entity) -> dict[str, str]:
        return {
            "name": entity.qualified_name,
            "primary key": field_names(entity, entity.primary_key) or "(none)",
            "comment": _text(entity.comment),
        }

    return describe


def _compare_parts(old: Schema, new: Schema, before: Entity, after: Entity) -> list[Change]:
    """Fields, indexes and checks of an entity present in both versions."""
    changes = []
    parts = (
        ("field", before.fields, after.fields, _field_describer, field_label),
        (
            "index",
            before.indexes,
            after.indexes,
            _index_describer,
            lambda e, i: f"{e.name}: {i.name}" if i.name else index_label(e, i),
        ),
        ("check", before.checks, after.checks, _check_describer, lambda e, c: f"{e.name}: {_check_name(c)}"),
    )
    for kind, old_items, new_items, describer, label in parts:
        for item_before, item_after in _matched(old_items, new_items):
            entity = after if item_after is not None else before
            describe = _paired(describer(old, before), describer(new, after), item_before)
            change = _change(
                kind,
                item_before,
                item_after,
                lambda item, e=entity, name=label: name(e, item),
                describe,
                lambda item: item.name,
                entity_id=after.id,
            )
            if change is not None:
                changes.append(change)
    return changes


def _paired(describe_before: Callable, describe_after: Callable, item_before) -> Callable:
    """Describe the old object against the old schema and the new one against the new."""
    return lambda item: describe_before(item) if item is item_before else describe_after(item)


def _field_describer(schema: Schema, entity: Entity) -> Callable[[Field], dict[str, str]]:
    def describe(field: Field) -> dict[str, str]:
        default = field.default.value if field.default else "(none)"
        return {
            "name": field.name,
            "type": field_type_label(schema, field),
            "nullable": "yes" if field.nullable else "no",
            "default": default,
            "unique": "yes" if field.unique else "no",
            "identity": "yes" if field.identity else "no",
            "check": _text(field.check),
            "comment": _text(field.comment),
        }

    return describe


def _index_describer(schema: Schema, entity: Entity) -> Callable[[Index], dict[str, str]]:
    def describe(index: Index) -> dict[str, str]:
        columns = ", ".join(index_key_text(entity, c) for c in index.columns)
        return {
            "name": index.name or "(unnamed index)",
            "columns": columns,
            "unique": "yes" if index.unique else "no",
            "method": index.method.value,
            "where": _text(index.predicate),
            "include": field_names(entity, index.include) or "(none)",
            "nulls not distinct": "yes" if index.nulls_not_distinct else "no",
            "with": ", ".join(f"{p.name} = {p.value}" for p in index.storage) or "(none)",
        }

    return describe


def _check_describer(schema: Schema, entity: Entity) -> Callable[[Check], dict[str, str]]:
    return lambda check: {"name": _check_name(check), "expression": check.expression}


def _compare_relationships(old: Schema, new: Schema) -> list[Change]:
    def describer(schema: Schema) -> Callable[[Relationship], dict[str, str]]:
        return lambda r: {
            "name": _text(r.name),
            "link": relationship_label(schema, r),
            "cardinality": r.cardinality.value.replace("_", "-"),
            "on delete": r.on_delete.value.replace("_", " ") if r.on_delete else "(default)",
            "on update": r.on_update.value.replace("_", " ") if r.on_update else "(default)",
            "options": ", ".join(relationship_options(r)) or "(none)",
        }

    changes = []
    for before, after in _matched(old.relationships, new.relationships):
        schema = new if after is not None else old
        describe = _paired(describer(old), describer(new), before)
        holder = (after or before).from_entity_id  # the entity holding the foreign key
        change = _change(
            "relationship",
            before,
            after,
            lambda r, s=schema: relationship_label(s, r),
            describe,
            lambda r: r.name,
            entity_id=holder,
        )
        if change is not None:
            changes.append(change)
    return changes


# --- names ------------------------------------------------------------------------------


def _check_name(check: Check) -> str:
    return check.name or check.expression


def _text(value: str | None) -> str:
    return value if value else "(none)"
