"""The schema edited as DBML text, turned back into edit ops.

The text is read by the DBML reader, its objects take the ids of the current schema's
(designer.identity: by name, then by shape, so a renamed table or column keeps its id),
what DBML cannot say (workload, diagram) is kept, and the difference becomes the same
ops the forms make: "Update field title (renamed from name)" in the history, one undo
for the whole save."""

from __future__ import annotations

from designer import ops
from designer.formats.dbml import import_dbml
from designer.identity import adopt_ids, keep_unsaid
from designer.schema import Entity, Schema


def schema_from_text(before: Schema, text: str) -> Schema:
    """The schema the DBML ``text`` describes, with ``before``'s ids and what the text
    cannot carry. Raises SchemaError (with lines) when the text cannot be read."""
    incoming = import_dbml(text).schema
    return keep_unsaid(adopt_ids(incoming, previous=before), previous=before)


def ops_between(before: Schema, after: Schema) -> list[ops.Op]:
    """Ops that turn ``before`` into ``after`` (objects matched by id), each object's
    change its own op so the history names it."""
    planned = _Plan(before)
    planned.top_level(before.relationships, after.relationships, removals_only=True, kind="relationship")
    planned.removed_entities(before, after)
    planned.top_level(before.enums, after.enums, kind="enum")
    for position, entity in enumerate(after.entities):
        planned.entity(entity, position)
    planned.top_level(before.relationships, after.relationships, kind="relationship")
    planned.top_level(before.groups, after.groups, kind="group")
    planned.top_level(before.notes, after.notes, kind="note")
    if (before.name, before.database_type, before.comment) != (after.name, after.database_type, after.comment):
        planned.add(ops.SetProjectInfo(name=after.name, database_type=after.database_type, comment=after.comment))
    if planned.schema != after:  # order or a setting no op above covers: the rest in one step
        planned.add(ops.ReplaceSchema(schema=after))
    return planned.steps


_OPS = {
    "relationship": (ops.AddRelationship, ops.UpdateRelationship, ops.RemoveRelationship),
    "enum": (ops.AddEnum, ops.UpdateEnum, ops.RemoveEnum),
    "group": (ops.AddGroup, ops.UpdateGroup, ops.RemoveGroup),
    "note": (ops.AddNote, ops.UpdateNote, ops.RemoveNote),
}


class _Plan:
    """The ops so far and the schema they make (each op is planned on the one before)."""

    def __init__(self, schema: Schema):
        self.schema, self.steps = schema, []

    def add(self, op: ops.Op) -> None:
        self.schema, _ = ops.apply(self.schema, op)
        self.steps.append(op)

    def top_level(self, old_items, new_items, *, kind: str, removals_only: bool = False) -> None:
        add, update, remove = _OPS[kind]
        new_by_id = {item.id: item for item in new_items}
        current = {item.id: item for item in getattr(self.schema, remove.collection)}
        for item in old_items:
            if item.id not in new_by_id and item.id in current:
                self.add(remove(**{f"{kind}_id": item.id}))
        if removals_only:
            return
        for item in new_items:
            if item.id not in current:
                self.add(add(**{kind: item}))
            elif current[item.id] != item:
                self.add(update(**{kind: item}))

    def removed_entities(self, before: Schema, after: Schema) -> None:
        kept = {e.id for e in after.entities}
        for entity in before.entities:
            if entity.id not in kept:
                self.add(ops.RemoveEntity(entity_id=entity.id))

    def entity(self, entity: Entity, position: int) -> None:
        old = self.schema.entity(entity.id)
        if old is None:
            self.add(ops.AddEntity(entity=entity, position=position))
            return
        if old == entity:
            return
        new_ids = {f.id for f in entity.fields}
        for field in old.fields:
            if field.id not in new_ids:
                self.add(ops.RemoveField(entity_id=entity.id, field_id=field.id))
        for place, field in enumerate(entity.fields):
            present = self.schema.entity(entity.id).field(field.id)
            if present is None:
                self.add(ops.AddField(entity_id=entity.id, field=field, position=place))
            elif present != field:
                self.add(ops.UpdateField(entity_id=entity.id, field=field))
        if self.schema.entity(entity.id) != entity:  # name, key, indexes, order, comment...
            self.add(ops.UpdateEntity(entity=entity))
