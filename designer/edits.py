"""Edits built from plain values: what the editor's forms (or any other caller) ask
for, turned into ops. Forms only clean what a person typed and call these; the op
then goes through the service, where validation of the whole schema has the last word.

Here live the rules an edit follows beyond a single op: a new entity's id key, group
membership diffs, primary-key diffs, foreign-key fields matching the referenced key,
the join entity of a many-to-many, enum value reordering, field moves and SQL
literal quoting.
"""

from __future__ import annotations

import re

from designer import ops
from designer.naming import index_name
from designer.schema import (
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    EnumValue,
    Field,
    FieldType,
    Index,
    IndexColumn,
    IndexMethod,
    RefAction,
    Relationship,
    Schema,
    StorageParameter,
    TypeKind,
    minted_id,
    replace,
)
from designer.schema import Enum as SchemaEnum


def _one(steps: list[ops.Op]) -> ops.Op:
    return steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))


# --- entities ------------------------------------------------------------------------------


def add_entity(schema: Schema, *, name: str, namespace: str | None = None, with_key: bool = True) -> ops.AddEntity:
    taken = schema.all_ids()
    entity = Entity(id=minted_id("ent", taken), name=name, namespace=namespace or None)
    if with_key:
        key = Field(
            id=minted_id("fld", taken), name="id", type=FieldType(TypeKind.BIGINT), nullable=False, identity=True
        )
        entity = replace(entity, fields=(key,), primary_key=(key.id,))
    return ops.AddEntity(entity=entity)


def update_entity(
    schema: Schema,
    entity: Entity,
    *,
    name: str,
    namespace: str | None,
    comment: str | None,
    color: str | None,
    group_id: str,
) -> ops.Op:
    """Rename, recolour, comment, and move between groups (``group_id`` "" = none)."""
    updated = replace(entity, name=name, namespace=namespace or None, comment=comment or None, color=color or None)
    steps: list[ops.Op] = [ops.UpdateEntity(entity=updated)]
    for group in schema.groups:
        member = entity.id in group.entity_ids
        wanted = group.id == group_id
        if member != wanted:
            ids = (*group.entity_ids, entity.id) if wanted else tuple(i for i in group.entity_ids if i != entity.id)
            steps.append(ops.UpdateGroup(group=replace(group, entity_ids=ids)))
    return _one(steps)


# --- fields --------------------------------------------------------------------------------


def build_field(
    field_id: str,
    *,
    name: str,
    type: FieldType,
    nullable: bool,
    primary_key: bool,
    unique: bool,
    identity: bool,
    default: str,
    default_is_expression: bool,
    check: str,
    comment: str,
) -> Field:
    value = None
    if default.strip():
        kind = DefaultKind.EXPRESSION if default_is_expression else DefaultKind.LITERAL
        value = Default(kind, default.strip() if kind is DefaultKind.EXPRESSION else sql_literal(default))
    return Field(
        id=field_id,
        name=name,
        type=type,
        nullable=nullable and not primary_key,
        default=value,
        unique=unique,
        identity=identity,
        check=check or None,
        comment=comment or None,
    )


def save_field(schema: Schema, entity: Entity, field: Field | None, **values) -> ops.Op:
    """Add (``field`` None) or update a field from plain values, and put it in or out
    of the primary key in the same edit."""
    if field is None:
        built = build_field(minted_id("fld", schema.all_ids()), **values)
        steps: list[ops.Op] = [ops.AddField(entity_id=entity.id, field=built)]
    else:
        built = _keeping_what_the_form_does_not_show(field, build_field(field.id, **values))
        steps = [ops.UpdateField(entity_id=entity.id, field=built)]
    if values["primary_key"] != (built.id in entity.primary_key):
        key = tuple(i for i in entity.primary_key if i != built.id)
        steps.append(
            ops.SetPrimaryKey(entity_id=entity.id, field_ids=(*key, built.id) if values["primary_key"] else key)
        )
    return _one(steps)


def _keeping_what_the_form_does_not_show(old: Field, new: Field) -> Field:
    """An edit of a field's name, type or flags keeps how its key or value is generated, its
    ON UPDATE, that the database fills it and its check's name (read-only in the form), while
    they still apply."""
    return replace(
        new,
        generated=old.generated,
        generated_virtual=old.generated_virtual,
        on_update=old.on_update,
        filled_by_database=old.filled_by_database and new.default is None,
        identity_always=old.identity_always and new.identity,
        sequence=old.sequence if new.identity else None,
        check_name=old.check_name if new.check else None,
    )


def move_field(entity: Entity, field: Field, *, direction: str) -> ops.MoveField:
    """One place up or down, kept within the entity."""
    at = [f.id for f in entity.fields].index(field.id)
    position = max(0, min(len(entity.fields) - 1, at + (-1 if direction == "up" else 1)))
    return ops.MoveField(entity_id=entity.id, field_id=field.id, position=position)


def sql_literal(text: str) -> str:
    """Numbers, booleans and null stay bare; anything else becomes a quoted string."""
    value = text.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", value) or value.lower() in {"true", "false", "null"}:
        return value.lower() if value.lower() in {"true", "false", "null"} else value
    return "'" + value.replace("'", "''") + "'"


def unquote(literal: str) -> str:
    if len(literal) >= 2 and literal[0] == literal[-1] == "'":
        return literal[1:-1].replace("''", "'")
    return literal


# --- indexes and enums --------------------------------------------------------------------


def add_index(
    schema: Schema,
    entity: Entity,
    *,
    columns: tuple[IndexColumn, ...],
    unique: bool,
    method: str,
    predicate: str,
    include: tuple[str, ...],
    name: str,
    nulls_not_distinct: bool = False,
    storage: tuple[StorageParameter, ...] = (),
) -> ops.AddIndex:
    names = [entity.field(c.field_id).name for c in columns]
    index = Index(
        id=minted_id("idx", schema.all_ids()),
        columns=columns,
        unique=unique,
        method=IndexMethod(method),
        predicate=predicate or None,
        include=include,
        name=name or index_name(entity.name, names, unique=unique),
        nulls_not_distinct=nulls_not_distinct,
        storage=storage,
    )
    return ops.AddIndex(entity_id=entity.id, index=index)


def add_enum(schema: Schema, *, name: str, values: list[str]) -> ops.AddEnum:
    return ops.AddEnum(
        enum=SchemaEnum(id=minted_id("enum", schema.all_ids()), name=name, values=tuple(EnumValue(v) for v in values))
    )


def change_enum_value(enum: SchemaEnum, *, action: str, current: str = "", value: str = "") -> ops.Op:
    """add / rename / up / down / remove one value; ``current`` names the value acted on."""
    if action == "rename":
        return ops.RenameEnumValue(enum_id=enum.id, old=current, new=value)
    names = [v.name for v in enum.values]
    values = list(enum.values)
    if action == "add":
        values.append(EnumValue(value))
    elif action == "remove":
        values.pop(names.index(current))
    else:
        at = names.index(current)
        to = max(0, min(len(values) - 1, at + (-1 if action == "up" else 1)))
        values.insert(to, values.pop(at))
    return ops.UpdateEnum(enum=replace(enum, values=tuple(values)))


# --- relationships ------------------------------------------------------------------------


def add_relationship(
    schema: Schema,
    *,
    from_entity_id: str,
    to_entity_id: str,
    cardinality: str,
    from_field_id: str = "",
    optional: bool = False,
    on_delete: str = "",
    on_update: str = "",
    name: str = "",
    to_field_id: str = "",
) -> ops.Op:
    """A relationship; without ``from_field_id`` its foreign-key fields are created with
    the referenced key's types; many-to-many creates the join entity too. Without
    ``to_field_id`` it refers to the target's primary key."""
    source, target = schema.entity(from_entity_id), schema.entity(to_entity_id)
    taken = schema.all_ids()
    actions = {
        "on_delete": RefAction(on_delete) if on_delete else None,
        "on_update": RefAction(on_update) if on_update else None,
    }
    if cardinality == Cardinality.MANY_TO_MANY:
        return many_to_many(schema, source, target, taken=taken, name=name or None, **actions)
    steps: list[ops.Op] = []
    to_ids = (to_field_id,) if to_field_id else target.primary_key
    if from_field_id:
        from_ids = (from_field_id,)
    else:
        fk_fields = foreign_key_fields(source, target, taken=taken, optional=optional, key=to_ids)
        steps += [ops.AddField(entity_id=source.id, field=f) for f in fk_fields]
        from_ids = tuple(f.id for f in fk_fields)
    relationship = Relationship(
        id=minted_id("rel", taken),
        cardinality=Cardinality(cardinality),
        from_entity_id=source.id,
        from_field_ids=from_ids,
        to_entity_id=target.id,
        to_field_ids=to_ids,
        name=name or None,
        **actions,
    )
    steps.append(ops.AddRelationship(relationship=relationship))
    return _one(steps)


def foreign_key_fields(
    source: Entity, target: Entity, *, taken: set[str], optional: bool, key: tuple[str, ...] | None = None
) -> list[Field]:
    """New key fields on ``source`` matching the types of ``key`` (``target``'s primary
    key by default): ``<target>_<key>``."""
    from designer.types import reference_type

    fields = []
    for key_id in target.primary_key if key is None else key:
        key = target.field(key_id)
        name = f"{singular(target.name)}_{key.name}"
        while source.field_by_name(name) is not None or any(f.name == name for f in fields):
            name += "_2"
        fields.append(Field(id=minted_id("fld", taken), name=name, type=reference_type(key.type), nullable=optional))
    return fields


def singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and not name.endswith("ss") and len(name) > 1 else name


def many_to_many(schema: Schema, a: Entity, b: Entity, *, taken: set[str], name, on_delete, on_update) -> ops.Op:
    """The join entity with a composite key, its two one-to-many references, and the
    many-to-many relationship that remembers them: one edit, one undo."""
    join_name = f"{a.name}_{b.name}"
    while schema.entity_by_name(join_name, a.namespace) is not None:
        join_name += "_link"
    left = foreign_key_fields(Entity(id="", name=join_name), a, taken=taken, optional=False)
    right = foreign_key_fields(Entity(id="", name=join_name, fields=tuple(left)), b, taken=taken, optional=False)
    join = Entity(
        id=minted_id("ent", taken),
        name=join_name,
        namespace=a.namespace,
        fields=(*left, *right),
        primary_key=tuple(f.id for f in (*left, *right)),
    )
    cascade = RefAction.CASCADE
    return ops.Batch(
        ops=(
            ops.AddEntity(entity=join),
            ops.AddRelationship(
                relationship=Relationship(
                    id=minted_id("rel", taken),
                    cardinality=Cardinality.ONE_TO_MANY,
                    from_entity_id=join.id,
                    from_field_ids=tuple(f.id for f in left),
                    to_entity_id=a.id,
                    to_field_ids=a.primary_key,
                    on_delete=cascade,
                )
            ),
            ops.AddRelationship(
                relationship=Relationship(
                    id=minted_id("rel", taken),
                    cardinality=Cardinality.ONE_TO_MANY,
                    from_entity_id=join.id,
                    from_field_ids=tuple(f.id for f in right),
                    to_entity_id=b.id,
                    to_field_ids=b.primary_key,
                    on_delete=cascade,
                )
            ),
            ops.AddRelationship(
                relationship=Relationship(
                    id=minted_id("rel", taken),
                    cardinality=Cardinality.MANY_TO_MANY,
                    from_entity_id=a.id,
                    from_field_ids=a.primary_key,
                    to_entity_id=b.id,
                    to_field_ids=b.primary_key,
                    join_entity_id=join.id,
                    name=name,
                    on_delete=on_delete,
                    on_update=on_update,
                )
            ),
        )
    )
