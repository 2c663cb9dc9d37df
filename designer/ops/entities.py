"""Add / update / remove ops on the schema's top-level collections: entities,
relationships, enums, groups, notes and access patterns."""

from __future__ import annotations

from dataclasses import dataclass

from designer.keys import reversed_relationship
from designer.ops.base import Op, _add, _ends, _position, _remove, _TopLevel, _update
from designer.ops.settings import Batch, SetVolume
from designer.schema import AccessPattern, Entity, Enum, Group, Note, Relationship, Schema, replace


@dataclass(frozen=True)
class AddEntity(_TopLevel):
    entity: Entity
    position: int | None = None
    collection, label = "entities", "entity"

    def apply(self, schema):
        return _add(self, schema, self.entity, self.position), RemoveEntity(entity_id=self.entity.id)


@dataclass(frozen=True)
class UpdateEntity(_TopLevel):
    """Replace an entity whole (name, namespace, comment, colour, fields, indexes...)."""

    entity: Entity
    collection, label = "entities", "entity"

    def apply(self, schema):
        new, old = _update(self, schema, self.entity)
        return new, UpdateEntity(entity=old)


@dataclass(frozen=True)
class RemoveEntity(_TopLevel):
    entity_id: str
    collection, label = "entities", "entity"

    def apply(self, schema):
        restore: list[Op] = []
        schema, restore = _drop_relationships(schema, restore, lambda r: self.entity_id in _ends(r))
        schema, restore = _drop_from_groups(schema, restore, self.entity_id)
        if schema.volume(self.entity_id) is not None:
            schema, inverse = SetVolume(entity_id=self.entity_id, volume=None).apply(schema)
            restore.append(inverse)
        schema, entity, position = _remove(self, schema, self.entity_id)
        return schema, Batch(ops=(AddEntity(entity=entity, position=position), *restore))


@dataclass(frozen=True)
class AddRelationship(_TopLevel):
    relationship: Relationship
    position: int | None = None
    collection, label = "relationships", "relationship"

    def apply(self, schema):
        new = _add(self, schema, self.relationship, self.position)
        return new, RemoveRelationship(relationship_id=self.relationship.id)


@dataclass(frozen=True)
class UpdateRelationship(_TopLevel):
    relationship: Relationship
    collection, label = "relationships", "relationship"

    def apply(self, schema):
        new, old = _update(self, schema, self.relationship)
        return new, UpdateRelationship(relationship=old)


@dataclass(frozen=True)
class ReverseRelationship(_TopLevel):
    """Swap which side holds the key; its own inverse."""

    relationship_id: str
    collection, label = "relationships", "relationship"

    def apply(self, schema):
        items = self._items(schema)
        current = items[_position(items, self.relationship_id, self.label)]
        new, _ = _update(self, schema, reversed_relationship(current))
        return new, ReverseRelationship(relationship_id=self.relationship_id)


@dataclass(frozen=True)
class RemoveRelationship(_TopLevel):
    relationship_id: str
    collection, label = "relationships", "relationship"

    def apply(self, schema):
        new, old, position = _remove(self, schema, self.relationship_id)
        return new, AddRelationship(relationship=old, position=position)


@dataclass(frozen=True)
class AddEnum(_TopLevel):
    enum: Enum
    position: int | None = None
    collection, label = "enums", "enum"

    def apply(self, schema):
        return _add(self, schema, self.enum, self.position), RemoveEnum(enum_id=self.enum.id)


@dataclass(frozen=True)
class UpdateEnum(_TopLevel):
    enum: Enum
    collection, label = "enums", "enum"

    def apply(self, schema):
        new, old = _update(self, schema, self.enum)
        return new, UpdateEnum(enum=old)


@dataclass(frozen=True)
class RemoveEnum(_TopLevel):
    """Fields still typed with the enum make the result invalid (validation says which)."""

    enum_id: str
    collection, label = "enums", "enum"

    def apply(self, schema):
        new, old, position = _remove(self, schema, self.enum_id)
        return new, AddEnum(enum=old, position=position)


@dataclass(frozen=True)
class AddGroup(_TopLevel):
    group: Group
    position: int | None = None
    collection, label = "groups", "group"

    def apply(self, schema):
        return _add(self, schema, self.group, self.position), RemoveGroup(group_id=self.group.id)


@dataclass(frozen=True)
class UpdateGroup(_TopLevel):
    group: Group
    collection, label = "groups", "group"

    def apply(self, schema):
        new, old = _update(self, schema, self.group)
        return new, UpdateGroup(group=old)


@dataclass(frozen=True)
class RemoveGroup(_TopLevel):
    group_id: str
    collection, label = "groups", "group"

    def apply(self, schema):
        new, old, position = _remove(self, schema, self.group_id)
        return new, AddGroup(group=old, position=position)


@dataclass(frozen=True)
class AddNote(_TopLevel):
    note: Note
    position: int | None = None
    collection, label = "notes", "note"

    def apply(self, schema):
        return _add(self, schema, self.note, self.position), RemoveNote(note_id=self.note.id)


@dataclass(frozen=True)
class UpdateNote(_TopLevel):
    note: Note
    collection, label = "notes", "note"

    def apply(self, schema):
        new, old = _update(self, schema, self.note)
        return new, UpdateNote(note=old)


@dataclass(frozen=True)
class RemoveNote(_TopLevel):
    note_id: str
    collection, label = "notes", "note"

    def apply(self, schema):
        new, old, position = _remove(self, schema, self.note_id)
        return new, AddNote(note=old, position=position)


@dataclass(frozen=True)
class AddPattern(_TopLevel):
    pattern: AccessPattern
    position: int | None = None
    collection, label = "patterns", "access pattern"

    def apply(self, schema):
        return _add(self, schema, self.pattern, self.position), RemovePattern(pattern_id=self.pattern.id)


@dataclass(frozen=True)
class UpdatePattern(_TopLevel):
    pattern: AccessPattern
    collection, label = "patterns", "access pattern"

    def apply(self, schema):
        new, old = _update(self, schema, self.pattern)
        return new, UpdatePattern(pattern=old)


@dataclass(frozen=True)
class RemovePattern(_TopLevel):
    pattern_id: str
    collection, label = "patterns", "access pattern"

    def apply(self, schema):
        new, old, position = _remove(self, schema, self.pattern_id)
        return new, AddPattern(pattern=old, position=position)


# --- cascade helpers --------------------------------------------------------------------


def _drop_relationships(schema: Schema, restore: list[Op], doomed) -> tuple[Schema, list[Op]]:
    kept = []
    for position, relationship in enumerate(schema.relationships):
        if doomed(relationship):
            restore.append(AddRelationship(relationship=relationship, position=position))
        else:
            kept.append(relationship)
    # Re-added in ascending position order, each lands back where it was.
    return replace(schema, relationships=tuple(kept)), restore


def _drop_from_groups(schema: Schema, restore: list[Op], entity_id: str) -> tuple[Schema, list[Op]]:
    groups = []
    for group in schema.groups:
        if entity_id in group.entity_ids:
            restore.append(UpdateGroup(group=group))
            group = replace(group, entity_ids=tuple(i for i in group.entity_ids if i != entity_id))
        groups.append(group)
    return replace(schema, groups=tuple(groups)), restore
