"""Reference rules: dangling references and the shape of relationships (with FK warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import Cardinality, Entity, Schema, TypeKind
from designer.validate._common import _entity_path, _error, _warning

# --- references -------------------------------------------------------------------------


def dangling_references(schema: Schema) -> Iterator[Problem]:
    yield from table_references(schema)
    yield from listed_entities(schema)


def table_references(schema: Schema) -> Iterator[Problem]:
    """What each table names inside itself (key and index fields) or among the enums."""
    for entity in schema.entities:
        field_ids = {f.id for f in entity.fields}
        if any(i not in field_ids for i in entity.primary_key):
            yield _error(
                "dangling-reference", _entity_path(entity), f"the primary key of {entity.name} names a missing field"
            )
        for index in entity.indexes:
            named = [c.field_id for c in index.columns if c.field_id is not None] + list(index.include)
            if any(i not in field_ids for i in named):
                yield _error(
                    "dangling-reference", _entity_path(entity), f"an index of {entity.name} names a missing field"
                )
            if any((c.field_id is None) == (c.expression is None) for c in index.columns) or not index.columns:
                yield _error(
                    "bad-index", _entity_path(entity), f"each index key of {entity.name} needs a field or an expression"
                )
        for field in entity.fields:
            if field.type.kind is TypeKind.ENUM and schema.enum(field.type.enum_id or "") is None:
                yield _error(
                    "dangling-reference",
                    f"{_entity_path(entity)}/fields/{field.name}",
                    f"{entity.name}.{field.name} uses an enum that does not exist",
                )


def listed_entities(schema: Schema) -> Iterator[Problem]:
    """Groups and volumes name tables that exist."""
    for group in schema.groups:
        if any(schema.entity(i) is None for i in group.entity_ids):
            yield _error("dangling-reference", f"groups/{group.name}", f"group {group.name} lists a missing entity")
    for volume in schema.volumes:
        if schema.entity(volume.entity_id) is None:
            yield _error("dangling-reference", "volumes", "a volume is declared for a missing entity")


def relationship_shape(schema: Schema) -> Iterator[Problem]:
    entities = {e.id: e for e in schema.entities}  # one lookup table: thousands of relationships stay fast
    for relationship in schema.relationships:
        source = entities.get(relationship.from_entity_id)
        target = entities.get(relationship.to_entity_id)
        path = f"relationships/{relationship.name or relationship.id}"
        if source is None or target is None:
            yield _error("dangling-reference", path, "a relationship points at a missing entity")
            continue
        label = f"{source.name} → {target.name}"
        path = f"relationships/{relationship.name or label}"  # names, not ids, once both ends are known
        if relationship.join_entity_id and relationship.join_entity_id not in entities:
            yield _error("dangling-reference", path, f"relationship {label} names a missing join entity")
        if not relationship.from_field_ids or len(relationship.from_field_ids) != len(relationship.to_field_ids):
            yield _error("relationship-fields", path, f"relationship {label} must pair the same number of fields")
        if any(source.field(i) is None for i in relationship.from_field_ids) or any(
            target.field(i) is None for i in relationship.to_field_ids
        ):
            yield _error("dangling-reference", path, f"relationship {label} names a missing field")
            continue
        # A many-to-many pairs the two entities' keys (the join entity holds the foreign keys),
        # so keys of different types there are normal, not a mismatch.
        if relationship.cardinality is not Cardinality.MANY_TO_MANY:
            yield from _fk_warnings(relationship, source, target, path, label)


# Type families PostgreSQL compares across (its btree operator families): a foreign key
# within a family works; across families it is refused ("Key columns ... are of
# incompatible types"); numbers across families go through implicit casts. Both warnings:
# a source (a DBML file) can hold them, and an import is never refused for a design flaw.
_FAMILIES = {
    TypeKind.SMALLINT: "number",
    TypeKind.INTEGER: "number",
    TypeKind.BIGINT: "number",
    TypeKind.DECIMAL: "number",
    TypeKind.REAL: "number",
    TypeKind.DOUBLE: "number",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "text",
    TypeKind.CHAR: "text",
    TypeKind.DATE: "datetime",
    TypeKind.TIMESTAMP: "datetime",
    TypeKind.TIMESTAMPTZ: "datetime",
    TypeKind.TIME: "time",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.UUID: "uuid",
    TypeKind.JSON: "json",
    TypeKind.BYTES: "bytes",
}


def _family(field_type) -> str | None:
    """None: a type we do not know (kind ``other``), never called incompatible."""
    if field_type.kind is TypeKind.ENUM:
        return f"enum:{field_type.enum_id}"
    family = _FAMILIES.get(field_type.kind)
    return None if family is None else family + ("[]" if field_type.array else "")


def _fk_warnings(relationship, source: Entity, target: Entity, path: str, label: str) -> Iterator[Problem]:
    pairs = zip(relationship.from_field_ids, relationship.to_field_ids, strict=False)
    for from_id, to_id in pairs:
        from_field, to_field = source.field(from_id), target.field(to_id)
        families = _family(from_field.type), _family(to_field.type)
        if None not in families and families[0] != families[1]:
            # A warning, never a refusal: the design is readable and the person fixes it in
            # the editor (the deploy check says which database refuses the DDL).
            yield _warning(
                "fk-type-incompatible",
                path,
                f"{source.name}.{from_field.name} is {from_field.type.kind.value} but refers to "
                f"{target.name}.{to_field.name} of type {to_field.type.kind.value}; PostgreSQL refuses a "
                "foreign key between these types — change one of them",
            )
        elif (from_field.type.kind, from_field.type.length) != (to_field.type.kind, to_field.type.length):
            yield _warning(
                "fk-type-mismatch",
                path,
                f"{source.name}.{from_field.name} is {from_field.type.kind.value} but refers to "
                f"{target.name}.{to_field.name} of type {to_field.type.kind.value}",
            )
    if len(relationship.from_field_ids) > 1 and any(source.field(i).nullable for i in relationship.from_field_ids):
        yield _warning(
            "nullable-composite-fk",
            path,
            f"relationship {label}: a nullable column in a multi-column foreign key lets partial keys through",
        )
