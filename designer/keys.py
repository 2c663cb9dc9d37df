"""Which fields identify a row, and relationships whose referenced side does not.

A foreign key must point at a primary key or a unique key of the referenced table;
pointing at a non-unique column is refused by every database. DBML's ``a.x - b.y``
(one-to-one) is read by the reference parser with the key on the second table, so a
file written ``child.fk - parent.pk`` puts the key on the parent's primary key: the
other reading is the one that makes sense.
"""

from __future__ import annotations

from collections.abc import Mapping

from designer.schema import Cardinality, Entity, Relationship, Schema, replace


def is_unique_key(entity: Entity, field_ids: tuple[str, ...]) -> bool:
    """Do these fields (in any order) form the primary key, a unique field or a whole
    (not partial) unique index of ``entity``?"""
    wanted = set(field_ids)
    if not wanted:
        return False
    if wanted == set(entity.primary_key):
        return True
    if len(wanted) == 1 and any(f.id in wanted and f.unique for f in entity.fields):
        return True
    return any(
        index.unique and not index.predicate and {c.field_id for c in index.columns} == wanted
        for index in entity.indexes
    )


def points_at_non_unique(entities: Mapping[str, Entity], relationship: Relationship) -> bool:
    """A foreign key whose referenced fields are not a key (many-to-many has no such side)."""
    target = entities.get(relationship.to_entity_id)
    if relationship.cardinality is Cardinality.MANY_TO_MANY or target is None:
        return False
    return not is_unique_key(target, relationship.to_field_ids)


def reversed_relationship(relationship: Relationship) -> Relationship:
    """The same link read the other way: the other side holds the key."""
    return replace(
        relationship,
        from_entity_id=relationship.to_entity_id,
        from_field_ids=relationship.to_field_ids,
        to_entity_id=relationship.from_entity_id,
        to_field_ids=relationship.from_field_ids,
    )


def better_reading(entities: dict[str, Entity], relationship: Relationship) -> Relationship | None:
    """The reversed relationship when only that reading points at a key, else None."""
    if not points_at_non_unique(entities, relationship):
        return None
    flipped = reversed_relationship(relationship)
    return None if points_at_non_unique(entities, flipped) else flipped


def non_unique_references(schema: Schema, *, touching: str | None = None) -> list[Relationship]:
    """``touching``: only the references to or from this table."""
    entities = schema.entities_by_id
    relationships = schema.relationships
    if touching is not None:
        relationships = [r for r in relationships if touching in (r.from_entity_id, r.to_entity_id, r.join_entity_id)]
    return [r for r in relationships if points_at_non_unique(entities, r)]


def reversible_references(schema: Schema) -> list[Relationship]:
    """References to a non-unique column whose other reading points at a key: one click
    can reverse them all."""
    entities = {e.id: e for e in schema.entities}
    return [r for r in non_unique_references(schema) if better_reading(entities, r) is not None]


def fix_for(schema: Schema, relationship: Relationship) -> str:
    """The sentence that says how to mend a reference to a non-unique column."""
    entities = {e.id: e for e in schema.entities}
    target = entities[relationship.to_entity_id]
    names = ", ".join(f.name for f in target.fields if f.id in relationship.to_field_ids)
    if better_reading(entities, relationship) is not None:
        return f"reverse its direction (the other side is a key), or add a unique key on {target.name} ({names})"
    return f"add a unique key on {target.name} ({names}) or point it at {target.name}'s primary key"
