"""Synthetic schemas of any size for benchmarks: realistic shape, deterministic.

Each entity has ``fields_per_entity`` fields: a bigint identity key, one or two
foreign keys to earlier entities (a forest with some cross links, as real schemas
have), and a mix of text, timestamps, numbers and flags. The same arguments always
give the same schema, so benchmark runs compare like with like.
"""

from __future__ import annotations

import random

from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Frequency,
    Index,
    IndexColumn,
    Operation,
    PatternKind,
    Relationship,
    Schema,
    SortKey,
    SortOrder,
    TypeKind,
    Volume,
    replace,
)

_PAYLOAD_TYPES = (
    FieldType(TypeKind.TEXT),
    FieldType(TypeKind.VARCHAR, length=120),
    FieldType(TypeKind.TIMESTAMPTZ),
    FieldType(TypeKind.DECIMAL, precision=12, scale=2),
    FieldType(TypeKind.BOOLEAN),
    FieldType(TypeKind.INTEGER),
    FieldType(TypeKind.UUID),
    FieldType(TypeKind.JSON),
)


def synthetic_schema(*, entities: int, fields_per_entity: int = 8, seed: int = 7) -> Schema:
    rng = random.Random(seed)  # noqa: S311 — benchmark data, not security
    built: list[Entity] = []
    relationships: list[Relationship] = []
    for number in range(1, entities + 1):
        parents = _pick_parents(rng, number)
        entity, fks = _entity(number, parents=parents, fields_per_entity=fields_per_entity)
        built.append(entity)
        for parent, fk_field_id in zip(parents, fks, strict=True):
            relationships.append(
                Relationship(
                    id=f"rel_{number}_{parent}",
                    cardinality=Cardinality.ONE_TO_MANY,
                    from_entity_id=entity.id,
                    from_field_ids=(fk_field_id,),
                    to_entity_id=f"ent_{parent}",
                    to_field_ids=(f"fld_{parent}_0",),
                )
            )
    return Schema(entities=tuple(built), relationships=tuple(relationships))


def _pick_parents(rng: random.Random, number: int) -> list[int]:
    """Roughly 1.3 references per table, always to earlier tables (no cycles needed)."""
    if number == 1:
        return []
    parents = [rng.randint(max(1, number - 12), number - 1)]
    if number > 3 and rng.random() < 0.3:
        other = rng.randint(1, number - 1)
        if other not in parents:
            parents.append(other)
    return parents


def _entity(number: int, *, parents: list[int], fields_per_entity: int) -> tuple[Entity, list[str]]:
    key = Field(id=f"fld_{number}_0", name="id", type=FieldType(TypeKind.BIGINT), nullable=False, identity=True)
    fields = [key]
    fk_ids = []
    for parent in parents:
        fk = Field(
            id=f"fld_{number}_{len(fields)}",
            name=f"table_{parent}_id",
            type=FieldType(TypeKind.BIGINT),
            nullable=False,
        )
        fields.append(fk)
        fk_ids.append(fk.id)
    while len(fields) < fields_per_entity:
        position = len(fields)
        fields.append(
            Field(
                id=f"fld_{number}_{position}",
                name=f"attribute_{position}",
                type=_PAYLOAD_TYPES[(number + position) % len(_PAYLOAD_TYPES)],
            )
        )
    indexes = tuple(
        Index(id=f"idx_{number}_{i}", columns=(IndexColumn(field_id=fk_id),)) for i, fk_id in enumerate(fk_ids)
    )
    entity = Entity(
        id=f"ent_{number}",
        name=f"table_{number}",
        fields=tuple(fields),
        primary_key=(key.id,),
        indexes=indexes,
    )
    return entity, fk_ids


def synthetic_workload(schema: Schema, *, patterns: int, seed: int = 11) -> Schema:
    """``schema`` with ``patterns`` access patterns and a volume per entity, deterministic.

    About 70% reads (lookups by key, lists by a foreign key sorted by a timestamp, lists
    filtered by an attribute) and 30% writes (inserts and updates by key), at rates from
    0.1 to 200 a second, on tables from 1k to 50M rows: the shape the advisor meets.
    """
    rng = random.Random(seed)  # noqa: S311 — benchmark data, not security
    found = []
    for number in range(1, patterns + 1):
        entity = schema.entities[rng.randrange(len(schema.entities))]
        found.append(_pattern(rng, schema, entity, pattern_id=f"pat_{number}", name=f"pattern {number}"))
    volumes = tuple(
        Volume(
            entity_id=e.id,
            rows=rng.choice((1_000, 100_000, 5_000_000, 50_000_000)),
            growth_per_month=rng.choice((0, 1_000, 100_000)),
        )
        for e in schema.entities
    )
    return replace(schema, patterns=tuple(found), volumes=volumes)


def _pattern(rng: random.Random, schema: Schema, entity: Entity, *, pattern_id: str, name: str) -> AccessPattern:
    key = entity.fields[0]
    foreign = [f for f in entity.fields if f.name.startswith("table_")]
    timestamps = [f for f in entity.fields if f.type.kind is TypeKind.TIMESTAMPTZ]
    attributes = [f for f in entity.fields[1:] if f not in foreign]
    frequency = Frequency(average=round(rng.uniform(0.1, 200), 1))
    common = {"id": pattern_id, "name": name, "entity_id": entity.id, "frequency": frequency}
    roll = rng.random()
    if roll < 0.3:
        return AccessPattern(
            kind=PatternKind.WRITE, operation=Operation.INSERT, changes=tuple(f.id for f in entity.fields[1:]), **common
        )
    if roll < 0.4:
        return AccessPattern(
            kind=PatternKind.WRITE,
            operation=Operation.UPDATE,
            filters=(Filter(key.id, FilterOp.EQ),),
            changes=(attributes[0].id,) if attributes else (),
            **common,
        )
    if roll < 0.6 or not (foreign or attributes):
        return AccessPattern(
            kind=PatternKind.READ, operation=Operation.POINT_LOOKUP, filters=(Filter(key.id, FilterOp.EQ),), **common
        )
    column = rng.choice(foreign or attributes)
    sort = (SortKey(timestamps[0].id, SortOrder.DESC),) if timestamps else ()
    joins = tuple(r.id for r in schema.relationships if r.from_entity_id == entity.id)[:1]
    return AccessPattern(
        kind=PatternKind.READ,
        operation=Operation.LIST,
        filters=(Filter(column.id, FilterOp.EQ),),
        sort=sort,
        limit=20,
        joins=joins,
        **common,
    )
