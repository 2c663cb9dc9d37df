"""Small helpers to write histories as a sequence of edits."""

from __future__ import annotations

from designer import ops
from designer.schema import (
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Field,
    FieldType,
    RefAction,
    Relationship,
    Schema,
    TypeKind,
    replace,
)

K = TypeKind


def t(kind: TypeKind, **kw) -> FieldType:
    return FieldType(kind, **kw)


def f(field_id: str, name: str, kind: TypeKind | FieldType, **kw) -> Field:
    field_type = kind if isinstance(kind, FieldType) else FieldType(kind)
    return Field(field_id, name, field_type, **kw)


def key(field_id: str, name: str = "id", kind: TypeKind = TypeKind.BIGINT) -> Field:
    return Field(field_id, name, FieldType(kind), nullable=False, identity=True)


def lit(value: str) -> Default:
    return Default(DefaultKind.LITERAL, value)


def expr(value: str) -> Default:
    return Default(DefaultKind.EXPRESSION, value)


def entity(entity_id: str, name: str, *fields: Field, pk: tuple[str, ...] = (), **kw) -> Entity:
    return Entity(entity_id, name, fields=fields, primary_key=pk or (fields[0].id,), **kw)


def ref(rel_id: str, source: str, source_fields, target: str, target_fields, **kw) -> Relationship:
    cardinality = kw.pop("cardinality", Cardinality.ONE_TO_MANY)
    return Relationship(rel_id, cardinality, source, tuple(source_fields), target, tuple(target_fields), **kw)


def apply(schema: Schema, *edits) -> Schema:
    """Apply edits in order; an edit is an op or a function of the schema so far giving one."""
    for edit in edits:
        schema, _inverse = ops.apply(schema, edit(schema) if callable(edit) else edit)
    return schema


def update_entity(entity_id: str, **changes):
    return lambda schema: ops.UpdateEntity(entity=replace(schema.entity(entity_id), **changes))


def update_field(field_id: str, **changes):
    def edit(schema: Schema) -> ops.Op:
        owner, field = schema.find_field(field_id)
        return ops.UpdateField(entity_id=owner.id, field=replace(field, **changes))

    return edit


def update_ref(rel_id: str, **changes):
    return lambda schema: ops.UpdateRelationship(relationship=replace(schema.relationship(rel_id), **changes))


__all__ = [
    "K",
    "RefAction",
    "apply",
    "entity",
    "expr",
    "f",
    "key",
    "lit",
    "ref",
    "t",
    "update_entity",
    "update_field",
    "update_ref",
]
