"""Structure rules: blank and duplicate names, duplicate ids, and type parameters the
document cannot hold. Each is refused by every database too (the duplicates: PostgreSQL
``relation/column/type already exists``, MySQL ERROR 1050/1060/1061, SQLite ``already
exists``; a blank name: ``zero-length delimited identifier``), or cannot be written as SQL
at all (a missing id, a scale without precision)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import Schema, TypeKind
from designer.validate._common import _entity_path, _error
from designer.validate.targets import duplicate_index_names_per_table

_LENGTH_KINDS = frozenset({TypeKind.VARCHAR, TypeKind.CHAR})


# --- names ------------------------------------------------------------------------------


def blank_names(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        if not entity.name.strip():
            yield _error("blank-name", _entity_path(entity), "an entity needs a name")
        for field in entity.fields:
            if not field.name.strip():
                yield _error("blank-name", f"{_entity_path(entity)}/fields", f"a field of {entity.name} needs a name")
        for constraint in (*entity.indexes, *entity.checks):  # a name is optional, an empty one is not
            if constraint.name is not None and not constraint.name.strip():
                yield _error(
                    "blank-name",
                    _entity_path(entity),
                    f"an index or check of {entity.name} has an empty name (leave it unset to generate one)",
                )
    for kind, collection in (("group", schema.groups), ("note", schema.notes)):
        for item in collection:
            if not item.name.strip():
                yield _error("blank-name", f"{kind}s", f"a {kind} needs a name")
    for enum in schema.enums:
        if not enum.name.strip():
            yield _error("blank-name", "enums", "an enum needs a name")
        for value in enum.values:
            if not value.name.strip():
                yield _error("blank-name", f"enums/{enum.name}", f"enum {enum.name} has an empty value")


def duplicate_names(schema: Schema) -> Iterator[Problem]:
    yield from duplicate_object_names(schema)
    yield from duplicate_member_names(schema)


def duplicate_object_names(schema: Schema) -> Iterator[Problem]:
    """Two tables, or two enums, of one name."""
    # Exact comparison: PostgreSQL's quoted identifiers are case-sensitive ("User" ≠ "user").
    for (namespace, name), count in Counter((e.namespace, e.name) for e in schema.entities).items():
        if count > 1:
            where = f"{namespace}.{name}" if namespace else name
            yield _error("duplicate-entity-name", f"entities/{where}", f"two entities are named {where}")
    for (_namespace, name), count in Counter((e.namespace, e.name) for e in schema.enums).items():
        if count > 1:
            yield _error("duplicate-enum-name", f"enums/{name}", f"two enums are named {name}")


def duplicate_member_names(schema: Schema) -> Iterator[Problem]:
    """Two fields or indexes of one name in a table, two values of one name in an enum."""
    for entity in schema.entities:
        for name, count in Counter(f.name for f in entity.fields).items():
            if count > 1:
                yield _error(
                    "duplicate-field-name",
                    f"{_entity_path(entity)}/fields/{name}",
                    f"{entity.name} has two fields named {name}",
                )
    for enum in schema.enums:
        for value, count in Counter(v.name for v in enum.values).items():
            if count > 1:
                yield _error("duplicate-enum-value", f"enums/{enum.name}", f"enum {enum.name} lists {value!r} twice")
    yield from duplicate_index_names_per_table(schema)  # across tables: targets.index-name-shared


def duplicate_ids(schema: Schema) -> Iterator[Problem]:
    # Runs on every edit over every id (60,000 at 10,000 tables): flat comprehensions and a
    # set first; counted only when some id repeats.
    entities = schema.entities
    ids = [e.id for e in entities]
    ids += [f.id for e in entities for f in e.fields]
    ids += [i.id for e in entities for i in e.indexes]
    ids += [c.id for e in entities for c in e.checks]
    for collection in (schema.relationships, schema.enums, schema.groups, schema.notes, schema.patterns):
        ids += [obj.id for obj in collection]
    if len(set(ids)) == len(ids):
        return
    for object_id, count in Counter(ids).items():
        if count > 1:
            yield _error("duplicate-id", "", f"the id {object_id!r} is used by {count} objects")


# --- types ------------------------------------------------------------------------------


def type_parameters(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        for field in entity.fields:
            path = f"{_entity_path(entity)}/fields/{field.name}"
            label = f"{entity.name}.{field.name}"
            for message in _type_mistakes(field):
                yield _error("bad-type", path, f"{label}: {message}")


def _type_mistakes(field) -> Iterator[str]:
    """What no SQL can spell (the document contradicts itself); what a database refuses
    depends on the target (``targets.target_refusals``)."""
    t = field.type
    if t.kind not in _LENGTH_KINDS and t.length is not None:
        yield f"{t.kind.value} takes no length"
    if t.kind is TypeKind.DECIMAL:
        if t.scale is not None and t.precision is None:
            yield "a decimal scale needs a precision"
    elif t.precision is not None or t.scale is not None:
        yield f"{t.kind.value} takes no precision or scale"
    if t.kind is TypeKind.ENUM and not t.enum_id:
        yield "an enum field must name its enum"
    if t.kind is not TypeKind.ENUM and t.enum_id is not None:
        yield f"{t.kind.value} takes no enum"
