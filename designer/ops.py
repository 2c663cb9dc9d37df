"""Edit operations: every change to a schema is one of these.

``apply(schema, op)`` returns the new schema and the op that undoes it, so undo,
redo and history all come from one mechanism. Ops only check that the objects they
name exist; whether the result is a good schema is ``designer.validate``'s job (the
service refuses to save a result with errors).

Removals cascade where leaving a dangling reference would make no sense
(relationships of a removed field, group membership of a removed entity); their
inverse restores every removed piece at its old position. Access patterns are never
cascaded: a pattern naming a deleted field stays and is flagged by validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.formats.codec import from_data, to_data
from designer.problems import Problem, SchemaError
from designer.schema import (
    AccessPattern,
    DefaultKind,
    DiagramSettings,
    Entity,
    Enum,
    Field,
    Group,
    Index,
    Note,
    Relationship,
    Schema,
    Volume,
    replace,
)


class Op:
    """Base of all operations (frozen dataclasses)."""

    def apply(self, schema: Schema) -> tuple[Schema, Op]:  # pragma: no cover - abstract
        raise NotImplementedError


def apply(schema: Schema, op: Op) -> tuple[Schema, Op]:
    return op.apply(schema)


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


# --- inside an entity: fields, indexes, key ---------------------------------------------


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


# --- enum values, volumes, settings, whole documents ------------------------------------


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


@dataclass(frozen=True)
class SetVolume(Op):
    """Declare (or with ``volume=None`` forget) an entity's volume; kept in place."""

    entity_id: str
    volume: Volume | None
    position: int | None = None  # where a new declaration goes (undo puts it back)

    def apply(self, schema):
        volumes = schema.volumes
        at = next((i for i, v in enumerate(volumes) if v.entity_id == self.entity_id), None)
        old = volumes[at] if at is not None else None
        if at is not None:
            volumes = _without(volumes, at)
        if self.volume is not None:
            _entity_position(schema, self.entity_id)
            where = at if at is not None else (len(volumes) if self.position is None else self.position)
            volumes = (*volumes[:where], replace(self.volume, entity_id=self.entity_id), *volumes[where:])
        return replace(schema, volumes=volumes), SetVolume(entity_id=self.entity_id, volume=old, position=at)


@dataclass(frozen=True)
class SetDiagramSettings(Op):
    settings: DiagramSettings

    def apply(self, schema):
        return replace(schema, diagram=self.settings), SetDiagramSettings(settings=schema.diagram)


@dataclass(frozen=True)
class SetProjectInfo(Op):
    name: str | None = None
    database_type: str | None = None
    comment: str | None = None

    def apply(self, schema):
        old = SetProjectInfo(name=schema.name, database_type=schema.database_type, comment=schema.comment)
        return replace(schema, name=self.name, database_type=self.database_type, comment=self.comment), old


@dataclass(frozen=True)
class ReplaceSchema(Op):
    """A whole new document (an import as a new revision)."""

    schema: Schema

    def apply(self, schema):
        return self.schema, ReplaceSchema(schema=schema)


@dataclass(frozen=True)
class Batch(Op):
    """Several ops as one edit (one revision, one undo)."""

    ops: tuple[Op, ...]

    def apply(self, schema):
        inverses = []
        for op in self.ops:
            schema, inverse = op.apply(schema)
            inverses.append(inverse)
        return schema, Batch(ops=tuple(reversed(inverses)))


# --- cascade helpers --------------------------------------------------------------------


def _ends(relationship: Relationship) -> tuple[str | None, ...]:
    return (relationship.from_entity_id, relationship.to_entity_id, relationship.join_entity_id)


def _field_ids(relationship: Relationship) -> tuple[str, ...]:
    return relationship.from_field_ids + relationship.to_field_ids


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


# --- storage and description ------------------------------------------------------------

OP_TYPES: dict[str, type[Op]] = {
    cls.__name__: cls
    for cls in (
        AddEntity, UpdateEntity, RemoveEntity, AddField, UpdateField, MoveField, RemoveField, SetPrimaryKey,
        AddIndex, UpdateIndex, RemoveIndex, AddRelationship, UpdateRelationship, RemoveRelationship,
        AddEnum, UpdateEnum, RemoveEnum, RenameEnumValue, AddGroup, UpdateGroup, RemoveGroup,
        AddNote, UpdateNote, RemoveNote, AddPattern, UpdatePattern, RemovePattern,
        SetVolume, SetDiagramSettings, SetProjectInfo, ReplaceSchema, Batch,
    )
}  # fmt: skip


def op_to_dict(op: Op) -> dict[str, Any]:
    if isinstance(op, Batch):
        return {"op": "Batch", "ops": [op_to_dict(o) for o in op.ops]}
    return {"op": type(op).__name__, **to_data(op)}


def op_from_dict(data: Any) -> Op:
    name = data.get("op") if isinstance(data, dict) else None
    if not isinstance(name, str) or name not in OP_TYPES:  # a list or dict name is unhashable
        raise SchemaError([Problem(code="bad-op", message=f"unknown edit operation {name!r}")])
    body = {k: v for k, v in data.items() if k != "op"}
    if data["op"] == "Batch":
        ops = body.get("ops")
        if not isinstance(ops, list):
            raise SchemaError([Problem(code="bad-op", message="a batch needs a list of ops")])
        return Batch(ops=tuple(op_from_dict(o) for o in ops))
    return from_data(OP_TYPES[data["op"]], body, path=data["op"])


def describe(op: Op, before: Schema | None = None) -> str:
    """One line for the history list. With ``before`` it can name renames."""
    if isinstance(op, Batch):
        if not op.ops:
            return "No change"
        return "; ".join(describe(o, before) for o in op.ops) if len(op.ops) <= 3 else f"{len(op.ops)} changes"
    verb, _, noun = _split_name(type(op).__name__)
    subject = _subject(op) or _target_name(op, noun, before)
    rename = _rename_text(op, before)
    return f"{verb} {noun}{' ' + subject if subject else ''}{rename}".strip()


def _split_name(name: str) -> tuple[str, str, str]:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).split()
    return words[0].capitalize(), " ", " ".join(words[1:])


def _subject(op: Op) -> str:
    for attr in ("entity", "field", "relationship", "index", "enum", "group", "note", "pattern"):
        value = getattr(op, attr, None)
        if value is not None and hasattr(value, "name") and value.name:
            return value.name
    if isinstance(op, RenameEnumValue):
        return f"{op.old} → {op.new}"
    return ""


# Ops that name their target by id: the schema before the edit still knows its name.
_TARGETS = (
    ("field_id", lambda s, i: (found := s.find_field(i)) and found[1].name),
    ("index_id", lambda s, i: next((x.name or _index_text(e, x) for e in s.entities for x in e.indexes if x.id == i), None)),
    ("relationship_id", lambda s, i: (r := s.relationship(i)) and _relationship_text(s, r)),
    ("enum_id", lambda s, i: (x := s.enum(i)) and x.name),
    ("group_id", lambda s, i: (x := s.group(i)) and x.name),
    ("note_id", lambda s, i: next((x.name for x in s.notes if x.id == i), None)),
    ("pattern_id", lambda s, i: (x := s.pattern(i)) and repr(x.name)),
    ("entity_id", lambda s, i: (x := s.entity(i)) and x.name),
)  # fmt: skip


def _target_name(op: Op, noun: str, before: Schema | None) -> str:
    """Names for ops that carry only ids: "Remove entity users", "Set volume of posts"."""
    if before is None:
        return ""
    for attr, lookup in _TARGETS:
        object_id = getattr(op, attr, None)
        if object_id is not None and (name := lookup(before, object_id)):
            return name if attr == f"{noun.replace(' ', '_')}_id" else f"of {name}"
    return ""


def _rename_text(op: Op, before: Schema | None) -> str:
    if before is None:
        return ""
    old_name = None
    if isinstance(op, UpdateEntity) and (old := before.entity(op.entity.id)):
        old_name = old.name
    elif isinstance(op, UpdateField) and (found := before.find_field(op.field.id)):
        old_name = found[1].name
    current = getattr(op, "entity", None) or getattr(op, "field", None)
    if old_name is not None and current is not None and old_name != current.name:
        return f" (renamed from {old_name})"
    return ""


def removal_impact(schema: Schema, *, entity_id: str | None = None, field_id: str | None = None) -> list[str]:
    """What else goes (or breaks) with a removal, for the confirmation dialog."""
    lines = []
    for relationship in schema.relationships:
        by_entity = entity_id and entity_id in _ends(relationship)
        if by_entity or (field_id and field_id in _field_ids(relationship)):
            lines.append(f"relationship {_relationship_text(schema, relationship)}")
    if field_id and (found := schema.find_field(field_id)):
        entity = found[0]
        for index in entity.indexes:
            label = index.name or _index_text(entity, index)
            if all(c.field_id == field_id for c in index.columns):  # no key left: the index goes
                lines.append(f"index {label}")
            elif field_id in index.include or any(c.field_id == field_id for c in index.columns):
                lines.append(f"index {label} loses this column")
        if field_id in entity.primary_key:
            lines.append(f"the primary key of {entity.name} loses this column")
    if entity_id and (entity := schema.entity(entity_id)):
        lines += [f"index {i.name or _index_text(entity, i)}" for i in entity.indexes]
        lines += [f"its place in group {g.name}" for g in schema.groups if entity_id in g.entity_ids]
        if schema.volume(entity_id) is not None:
            lines.append(f"the declared volume of {entity.name}")
    for pattern in schema.patterns:
        if _pattern_touches(pattern, entity_id=entity_id, field_id=field_id, schema=schema):
            lines.append(f"access pattern {pattern.name!r} will be flagged")
    return lines


def _pattern_touches(pattern: AccessPattern, *, entity_id, field_id, schema: Schema) -> bool:
    if entity_id and pattern.entity_id == entity_id:
        return True
    named = {f.field_id for f in pattern.filters} | {s.field_id for s in pattern.sort}
    named |= set(pattern.returns) | set(pattern.changes)
    if field_id and field_id in named:
        return True
    joined = [schema.relationship(r) for r in pattern.joins]
    return any(r is not None and ((entity_id and entity_id in _ends(r)) or (field_id and field_id in _field_ids(r)))
               for r in joined)  # fmt: skip


def _relationship_text(schema: Schema, relationship: Relationship) -> str:
    def side(entity_id, field_ids):
        entity = schema.entity(entity_id)
        if entity is None:
            return "?"
        names = [f.name for i in field_ids if (f := entity.field(i))]
        return f"{entity.name}.{', '.join(names)}"

    source = side(relationship.from_entity_id, relationship.from_field_ids)
    target = side(relationship.to_entity_id, relationship.to_field_ids)
    return f"{source} → {target}"


def _index_text(entity: Entity, index: Index) -> str:
    names = [f.name if (f := entity.field(c.field_id or "")) else (c.expression or "?") for c in index.columns]
    return f"on {entity.name} ({', '.join(names)})"
