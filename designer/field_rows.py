"""The editor's field grid: one row (name, type, null, default, key, link) as one edit,
and several fields pasted at once (lines of ``name type`` or a CREATE TABLE), read by
the project's own SQL and DBML readers."""

from __future__ import annotations

import re

from designer import edits, ops
from designer.formats import import_text
from designer.problems import Problem, SchemaError
from designer.schema import Cardinality, Entity, Field, FieldType, IndexColumn, Schema, TypeKind, minted_id, replace

KEYS = ("", "pk", "unique", "index")  # the grid's key column: none, primary key, unique, indexed
MAX_PASTED_FIELDS = 200


def row_key(entity: Entity, field: Field) -> str:
    """What the key column shows for ``field``."""
    if field.id in entity.primary_key:
        return "pk"
    if field.unique:
        return "unique"
    return "index" if _plain_indexes(entity, field.id) else ""


def save_row(
    schema: Schema, entity: Entity, field: Field | None, *, key: str | None, link_to: str = "", **values
) -> ops.Op:
    """The row's field added or saved, its key column applied (primary key, unique, or a
    one-column index added or dropped) and, with ``link_to`` (an entity id), a reference
    from it to that entity's primary key: one edit, one line of history. ``key`` None:
    the primary key and unique flags in ``values`` say, and indexes stay as they are."""
    if key is not None:
        values = {**values, "primary_key": key == "pk", "unique": key == "unique" or (key == "pk" and _unique(field))}
    step = edits.save_field(schema, entity, field, **values)
    field_id = field.id if field is not None else _added_field_id(step)
    steps = [step]
    if key not in (None, "index"):  # no longer indexed: its one-column indexes go
        steps += [ops.RemoveIndex(entity_id=entity.id, index_id=i.id) for i in _plain_indexes(entity, field_id)]
    adds_index = key == "index" and not _plain_indexes(entity, field_id)
    if adds_index or link_to:  # these name the field as saved: built on the schema with it
        try:
            after, _ = ops.apply(schema, step)
        except SchemaError:
            return step  # the service refuses it with its own message
        if adds_index:
            column = IndexColumn(field_id=field_id)
            steps.append(
                edits.add_index(
                    after,
                    after.entity(entity.id),
                    columns=(column,),
                    unique=False,
                    method="btree",
                    predicate="",
                    include=(),
                    name="",
                )
            )
        if link_to:
            steps.append(
                edits.add_relationship(
                    after,
                    from_entity_id=entity.id,
                    to_entity_id=link_to,
                    cardinality=Cardinality.ONE_TO_MANY.value,
                    from_field_id=field_id,
                    optional=values["nullable"],
                )
            )
    return steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))


def _unique(field: Field | None) -> bool:
    return field is not None and field.unique


def _added_field_id(step: ops.Op) -> str:
    first = step.ops[0] if isinstance(step, ops.Batch) else step
    return first.field.id


def _plain_indexes(entity: Entity, field_id: str):
    return [
        i
        for i in entity.indexes
        if not i.unique and not i.predicate and len(i.columns) == 1 and i.columns[0].field_id == field_id
    ]


# --- paste ------------------------------------------------------------------------------------

_CREATE_TABLE = re.compile(r"^\s*create\s+table\b", re.I | re.M)  # anywhere: a CREATE TYPE may come first
_DBML_TABLE = re.compile(r"^\s*table\s+[\w.\"`]+\s*\{", re.I)


def pasted_fields(schema: Schema, entity: Entity, text: str) -> ops.Op:
    """The fields of pasted text added to ``entity`` (with the primary key it declares
    when the entity has none). Raises SchemaError saying what could not be read."""
    read, pasted = _read_table(text, dialect=_dialect(schema))
    if not read.fields:
        raise SchemaError([Problem("paste-empty", "Nothing to add: paste lines like “email varchar(200)”.")])
    if len(read.fields) > MAX_PASTED_FIELDS:
        message = f"At most {MAX_PASTED_FIELDS} fields can be pasted at once."
        raise SchemaError([Problem("paste-too-many", message)])
    taken = schema.all_ids()
    clashes = [f.name for f in read.fields if entity.field_by_name(f.name) is not None]
    if clashes:
        message = f"{entity.name} already has {', '.join(clashes)}; rename those lines or leave them out."
        raise SchemaError([Problem("paste-duplicate", message)])
    new_ids = {f.id: minted_id("fld", taken) for f in read.fields}
    steps: list[ops.Op] = [
        ops.AddField(entity_id=entity.id, field=_portable(replace(f, id=new_ids[f.id]), schema, pasted))
        for f in read.fields
    ]
    if read.primary_key and not entity.primary_key:
        steps.append(ops.SetPrimaryKey(entity_id=entity.id, field_ids=tuple(new_ids[i] for i in read.primary_key)))
    return ops.Batch(ops=tuple(steps))


def _dialect(schema: Schema) -> str:
    database = (schema.database_type or "").lower()
    return "mysql" if "mysql" in database or "maria" in database else "sqlite" if "sqlite" in database else "postgresql"


def _read_table(text: str, *, dialect: str) -> tuple[Entity, Schema]:
    """The one table the text declares: itself a CREATE TABLE or DBML table, or column
    lines wrapped into one (each line ``name type [constraints]``, commas optional)."""
    if _CREATE_TABLE.search(text):
        source, fmt = text, dialect
    elif _DBML_TABLE.match(text):
        source, fmt = text, "dbml"
    else:
        lines = [line.strip().rstrip(",") for line in text.splitlines() if line.strip()]
        # Line n of the statement is the n-th pasted line: the reader's line numbers stay true.
        source, fmt = "CREATE TABLE pasted (" + ",\n".join(lines) + ");", dialect
    imported = import_text(source, fmt=fmt).schema
    if len(imported.entities) != 1:
        raise SchemaError([Problem("paste-tables", "Paste the fields of one table at a time.")])
    return imported.entities[0], imported


def _portable(field: Field, schema: Schema, pasted: Schema) -> Field:
    """A pasted enum type names this schema's enum of that name, else it becomes text (the
    paste's own ids mean nothing here)."""
    if not field.type.enum_id:
        return field
    enum = pasted.enum(field.type.enum_id)
    same = next((e for e in schema.enums if enum is not None and e.name == enum.name), None)
    if same is not None:
        return replace(field, type=replace(field.type, enum_id=same.id))
    return replace(field, type=FieldType(TypeKind.TEXT))
