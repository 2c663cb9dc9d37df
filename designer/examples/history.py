"""A synthetic version history for benchmarks: a synthetic schema evolving through the
changes real projects make between releases. Deterministic, like the schema itself."""

from __future__ import annotations

from designer.examples.synthetic import synthetic_schema
from designer.schema import Entity, Field, FieldType, Index, IndexColumn, Schema, TypeKind, replace


def synthetic_history(*, entities: int, versions: int) -> list[Schema]:
    """``versions`` schemas; each after the first renames, adds, widens, indexes and
    drops a few fields on a spread of tables, and adds one table."""
    history = [synthetic_schema(entities=entities)]
    for number in range(2, versions + 1):
        history.append(_next_version(history[-1], number))
    return history


def _next_version(schema: Schema, number: int) -> Schema:
    step = max(1, len(schema.entities) // 10)
    touched = {e.id for e in schema.entities[number % step :: step]}
    entities = [_evolve(e, number) if e.id in touched else e for e in schema.entities]
    entities.append(_new_table(number))
    return replace(schema, entities=tuple(entities))


def _evolve(entity: Entity, number: int) -> Entity:
    keys = set(entity.primary_key) | {c.field_id for i in entity.indexes for c in i.columns}
    payload = [f for f in entity.fields if f.id not in keys]
    fields = list(entity.fields)
    if payload:
        first = payload[0]
        fields[fields.index(first)] = replace(first, name=f"{first.name}_v{number}")  # a rename
    if len(payload) > 2 and payload[-1].type.kind is not TypeKind.VARCHAR:
        fields.remove(payload[-1])  # a drop
    added = Field(id=f"fld_{entity.id}_v{number}", name=f"added_v{number}", type=FieldType(TypeKind.VARCHAR, length=80))
    fields.append(added)
    fields = [_widened(f) for f in fields]
    index = Index(id=f"idx_{entity.id}_v{number}", columns=(IndexColumn(field_id=added.id),))
    return replace(entity, fields=tuple(fields), indexes=(*entity.indexes, index))


def _widened(field: Field) -> Field:
    if field.type.kind is TypeKind.VARCHAR and field.type.length and field.type.length < 400:
        return replace(field, type=replace(field.type, length=field.type.length + 40))
    return field


def _new_table(number: int) -> Entity:
    key = Field(id=f"fld_new_{number}_id", name="id", type=FieldType(TypeKind.BIGINT), nullable=False, identity=True)
    note = Field(id=f"fld_new_{number}_note", name="note", type=FieldType(TypeKind.TEXT))
    return Entity(id=f"ent_new_{number}", name=f"added_table_{number}", fields=(key, note), primary_key=(key.id,))
