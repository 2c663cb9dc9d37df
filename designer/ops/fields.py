"""Ops inside an entity (fields, indexes, key) and on enum values."""

from __future__ import annotations

from dataclasses import dataclass

from designer.ops.base import (
    Op,
    _entity_position,
    _field_ids,
    _inserted,
    _position,
    _replaced,
    _with_entity,
    _without,
)
from designer.ops.entities import UpdateEntity, _drop_relationships
from designer.ops.settings import Batch
from designer.problems import Problem, SchemaError
from designer.schema import DefaultKind, Entity, Field, Index, replace


@dataclass(frozen=True)
class AddField(Op):
    entity_id: str
    field: Field
    position: int | None = None

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        fields = _inserted(entity.fields, self.field, self.position, "field")
        return _with_entity(schema, replace(entity, fields=fields)), RemoveField(
            entity_id=self.entity_id, field_id=self.field.id
        )


@dataclass(frozen=True)
class UpdateField(Op):
    entity_id: str
    field: Field

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        position = _position(entity.fields, self.field.id, "field")
        old = entity.fields[position]
        fields = _replaced(entity.fields, position, self.field)
        return _with_entity(schema, replace(entity, fields=fields)), UpdateField(entity_id=self.entity_id, field=old)


@dataclass(frozen=True)
class MoveField(Op):
    entity_id: str
    field_id: str
    position: int

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        old_position = _position(entity.fields, self.field_id, "field")
        field = entity.fields[old_position]
        fields = _inserted(_without(entity.fields, old_position), field, self.position, "field")
        inverse = MoveField(entity_id=self.entity_id, field_id=self.field_id, position=old_position)
        return _with_entity(schema, replace(entity, fields=fields)), inverse


@dataclass(frozen=True)
class RemoveField(Op):
    """Removes the field, the relationships through it, and its place in the key and
    in indexes (an index left with no key column goes too)."""

    entity_id: str
    field_id: str

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        position = _position(entity.fields, self.field_id, "field")
        restore: list[Op] = []
        schema, restore = _drop_relationships(schema, restore, lambda r: self.field_id in _field_ids(r))
        trimmed = replace(
            entity,
            fields=_without(entity.fields, position),
            primary_key=tuple(i for i in entity.primary_key if i != self.field_id),
            indexes=_indexes_without_field(entity.indexes, self.field_id),
        )
        schema = _with_entity(schema, trimmed)
        return schema, Batch(ops=(UpdateEntity(entity=entity), *restore))


@dataclass(frozen=True)
class SetPrimaryKey(Op):
    """Key fields become NOT NULL: every database requires it."""

    entity_id: str
    field_ids: tuple[str, ...]

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        for field_id in self.field_ids:
            _position(entity.fields, field_id, "field")
        fields = tuple(replace(f, nullable=False) if f.id in self.field_ids else f for f in entity.fields)
        updated = replace(entity, primary_key=self.field_ids, fields=fields)
        return _with_entity(schema, updated), UpdateEntity(entity=entity)


@dataclass(frozen=True)
class AddIndex(Op):
    entity_id: str
    index: Index
    position: int | None = None

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        indexes = _inserted(entity.indexes, self.index, self.position, "index")
        inverse = RemoveIndex(entity_id=self.entity_id, index_id=self.index.id)
        return _with_entity(schema, replace(entity, indexes=indexes)), inverse


@dataclass(frozen=True)
class UpdateIndex(Op):
    entity_id: str
    index: Index

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        position = _position(entity.indexes, self.index.id, "index")
        old = entity.indexes[position]
        indexes = _replaced(entity.indexes, position, self.index)
        return _with_entity(schema, replace(entity, indexes=indexes)), UpdateIndex(entity_id=self.entity_id, index=old)


@dataclass(frozen=True)
class RemoveIndex(Op):
    entity_id: str
    index_id: str

    def apply(self, schema):
        entity = schema.entities[_entity_position(schema, self.entity_id)]
        position = _position(entity.indexes, self.index_id, "index")
        old = entity.indexes[position]
        updated = replace(entity, indexes=_without(entity.indexes, position))
        return _with_entity(schema, updated), AddIndex(entity_id=self.entity_id, index=old, position=position)


# --- enum values ------------------------------------------------------------------------


@dataclass(frozen=True)
class RenameEnumValue(Op):
    """Renames one value and the field defaults that name it, so no default breaks."""

    enum_id: str
    old: str
    new: str

    def apply(self, schema):
        position = _position(schema.enums, self.enum_id, "enum")
        enum = schema.enums[position]
        if self.old not in [v.name for v in enum.values]:
            raise SchemaError([Problem(code="not-found", message=f"enum {enum.name} has no value {self.old!r}")])
        values = tuple(replace(v, name=self.new) if v.name == self.old else v for v in enum.values)
        schema = replace(schema, enums=_replaced(schema.enums, position, replace(enum, values=values)))
        schema = replace(schema, entities=tuple(_renamed_defaults(e, self) for e in schema.entities))
        return schema, RenameEnumValue(enum_id=self.enum_id, old=self.new, new=self.old)


# --- cascade helpers --------------------------------------------------------------------


def _indexes_without_field(indexes: tuple[Index, ...], field_id: str) -> tuple[Index, ...]:
    kept = []
    for index in indexes:
        columns = tuple(c for c in index.columns if c.field_id != field_id)
        if columns:
            kept.append(replace(index, columns=columns, include=tuple(i for i in index.include if i != field_id)))
    return tuple(kept)


def _renamed_defaults(entity: Entity, rename: RenameEnumValue) -> Entity:
    # A default is written quoted by imports ('draft') and may be bare (draft) when typed in;
    # either spelling is renamed and keeps its spelling.
    spellings = {
        "'" + rename.old.replace("'", "''") + "'": "'" + rename.new.replace("'", "''") + "'",
        rename.old: rename.new,
    }
    fields = tuple(
        replace(f, default=replace(f.default, value=spellings[f.default.value]))
        if f.type.enum_id == rename.enum_id
        and f.default is not None
        and f.default.kind is DefaultKind.LITERAL
        and f.default.value in spellings
        else f
        for f in entity.fields
    )
    return replace(entity, fields=fields) if fields != entity.fields else entity
