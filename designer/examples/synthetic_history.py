"""A synthetic version history for benchmarks: ``synthetic_schema`` and then, per
version, a deterministic mix of the edits people make between releases (renames of
tables and fields, new fields and tables, widened types, new indexes, dropped
fields)."""

from __future__ import annotations

import random

from designer.examples.synthetic import synthetic_schema
from designer.schema import Entity, Field, FieldType, Index, IndexColumn, Schema, TypeKind, replace


def synthetic_history(*, entities: int = 200, versions: int = 10, seed: int = 11) -> list[Schema]:
    rng = random.Random(seed)  # noqa: S311 — benchmark data, not security
    history = [replace(synthetic_schema(entities=entities), database_type="PostgreSQL")]
    for number in range(2, versions + 1):
        history.append(_next_version(history[-1], number, rng))
    return history


def _next_version(schema: Schema, number: int, rng: random.Random) -> Schema:
    tables = list(schema.entities)
    touched = rng.sample(range(len(tables)), k=min(20, len(tables)))
    for position, index in enumerate(touched):
        tables[index] = _edit(tables[index], number, position)
    tables.append(
        Entity(
            f"ent_v{number}",
            f"added_in_v{number}",
            fields=(
                Field(f"fld_v{number}_id", "id", FieldType(TypeKind.BIGINT), nullable=False, identity=True),
                Field(f"fld_v{number}_note", "note", FieldType(TypeKind.TEXT)),
            ),
            primary_key=(f"fld_v{number}_id",),
        )
    )
    return replace(schema, entities=tuple(tables))


def _edit(entity: Entity, number: int, position: int) -> Entity:
    kind = position % 5
    fields = list(entity.fields)
    if kind == 0:
        return replace(entity, name=f"{entity.name}_r{number}")
    if kind == 1:
        last = fields[-1]
        fields[-1] = replace(last, name=f"{last.name}_r{number}")
    elif kind == 2:
        fields.append(Field(f"{entity.id}_v{number}", f"extra_v{number}", FieldType(TypeKind.VARCHAR, length=80)))
    elif kind == 3:
        widened = [i for i, f in enumerate(fields) if f.type.kind is TypeKind.VARCHAR and f.type.length]
        if widened:
            f = fields[widened[0]]
            fields[widened[0]] = replace(f, type=replace(f.type, length=f.type.length + 40))
    else:
        added = Index(f"{entity.id}_ix_v{number}", (IndexColumn(fields[-1].id),))
        return replace(entity, indexes=(*entity.indexes, added))
    return replace(entity, fields=tuple(fields))
