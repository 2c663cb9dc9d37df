"""Schema → DBML text. Every identifier is double-quoted, every string escaped, so
reserved words, spaces, unicode and mixed case survive the round trip."""

from __future__ import annotations

from designer.formats.dbml_types import dbml_type_text
from designer.problems import Problem, SchemaError
from designer.schema import Cardinality, DefaultKind, Entity, Field, RefAction, Schema

_ARROWS = {Cardinality.ONE_TO_MANY: ">", Cardinality.ONE_TO_ONE: "-", Cardinality.MANY_TO_MANY: "<>"}
_ACTION_TEXT = {
    RefAction.CASCADE: "cascade",
    RefAction.RESTRICT: "restrict",
    RefAction.SET_NULL: "set null",
    RefAction.SET_DEFAULT: "set default",
    RefAction.NO_ACTION: "no action",
}


def to_dbml(schema: Schema) -> str:
    _reject_unwritable_names(schema)
    blocks = [_project(schema)] if (schema.name or schema.database_type or schema.comment) else []
    blocks += [_enum(e) for e in schema.enums]
    blocks += [_table(schema, e) for e in schema.entities]
    blocks += [_ref(schema, r) for r in schema.relationships]
    blocks += [_group(schema, g) for g in schema.groups]
    blocks += [f"Note {_ident(n.name)} {{\n  {_string(n.content)}\n}}" for n in schema.notes]
    return _workload_left_out(schema) + "\n\n".join(blocks) + "\n"


def _workload_left_out(schema: Schema) -> str:
    """DBML has no syntax for the declared workload: say so where the reader looks."""
    if not (schema.patterns or schema.volumes):
        return ""
    return (
        f"// Not in DBML: {len(schema.patterns)} access patterns and {len(schema.volumes)} volumes.\n"
        "// Export the project's JSON document to keep them.\n\n"
    )


def _reject_unwritable_names(schema: Schema) -> None:
    # pydbml cannot read a double quote inside a quoted identifier: refuse rather than
    # write a file that cannot be read back.
    names = [e.name for e in schema.entities] + [f.name for e in schema.entities for f in e.fields]
    names += [e.name for e in schema.enums] + [g.name for g in schema.groups] + [n.name for n in schema.notes]
    bad = [n for n in names if '"' in n]
    if bad:
        raise SchemaError(
            [
                Problem(
                    code="dbml-unwritable-name",
                    message=f"DBML cannot express the name {n!r} (it contains a "
                    "double quote); rename it or export JSON instead",
                )
                for n in bad
            ]
        )


def _project(schema: Schema) -> str:
    lines = [f"Project {_ident(schema.name or 'project')} {{"]
    if schema.database_type:
        lines.append(f"  database_type: {_string(schema.database_type)}")
    if schema.comment:
        lines.append(f"  Note: {_string(schema.comment)}")
    return "\n".join([*lines, "}"])


def _enum(enum) -> str:
    lines = [f"Enum {_qualified(enum.namespace, enum.name)} {{"]
    for value in enum.values:
        note = f" [note: {_string(value.comment)}]" if value.comment else ""
        lines.append(f"  {_ident(value.name)}{note}")
    return "\n".join([*lines, "}"])


def _table(schema: Schema, entity: Entity) -> str:
    settings = []
    if entity.color:
        settings.append(f"headercolor: {entity.color}")
    if entity.comment:
        settings.append(f"note: {_string(entity.comment)}")
    head = f"Table {_qualified(entity.namespace, entity.name)}" + (f" [{', '.join(settings)}]" if settings else "")
    lines = [head + " {"]
    single_pk = len(entity.primary_key) == 1
    lines += [f"  {_column(schema, entity, f, single_pk=single_pk)}" for f in entity.fields]
    index_lines = _index_lines(entity)
    if index_lines:
        lines += ["", "  Indexes {", *[f"    {line}" for line in index_lines], "  }"]
    return "\n".join([*lines, "}"])


def _column(schema: Schema, entity: Entity, field: Field, *, single_pk: bool) -> str:
    settings = []
    if single_pk and field.id in entity.primary_key:
        settings.append("pk")
    if field.identity:
        settings.append("increment")
    if not field.nullable and not (single_pk and field.id in entity.primary_key):
        settings.append("not null")
    if field.unique:
        settings.append("unique")
    if field.default is not None:
        settings.append(f"default: {_default(field.default)}")
    if field.comment:
        settings.append(f"note: {_string(field.comment)}")
    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    type_name = dbml_type_text(
        field.type,
        database_type=schema.database_type,
        enum_name=_qualified(enum.namespace, enum.name) if enum else None,
    )
    if enum is None and ("[" in type_name or " " in type_name):
        type_name = f'"{type_name}"'
    suffix = f" [{', '.join(settings)}]" if settings else ""
    return f"{_ident(field.name)} {type_name}{suffix}"


def _index_lines(entity: Entity) -> list[str]:
    names = {f.id: f.name for f in entity.fields}
    lines = []
    if len(entity.primary_key) > 1:
        lines.append(f"({', '.join(_ident(names[i]) for i in entity.primary_key)}) [pk]")
    for index in entity.indexes:
        subjects = [
            f"`{c.expression}`" if c.expression is not None else _ident(names[c.field_id]) for c in index.columns
        ]
        settings = []
        if index.unique:
            settings.append("unique")
        if index.name:
            settings.append(f"name: {_string(index.name)}")
        if index.method.value != "btree":
            settings.append(f"type: {index.method.value}")
        if index.comment:
            settings.append(f"note: {_string(index.comment)}")
        subject = subjects[0] if len(subjects) == 1 else f"({', '.join(subjects)})"
        lines.append(subject + (f" [{', '.join(settings)}]" if settings else ""))
    return lines


def _ref(schema: Schema, relationship) -> str:
    source = schema.entity(relationship.from_entity_id)
    target = schema.entity(relationship.to_entity_id)
    name = f" {_ident(relationship.name)}" if relationship.name else ""
    settings = []
    if relationship.on_delete:
        settings.append(f"delete: {_ACTION_TEXT[relationship.on_delete]}")
    if relationship.on_update:
        settings.append(f"update: {_ACTION_TEXT[relationship.on_update]}")
    suffix = f" [{', '.join(settings)}]" if settings else ""
    arrow = _ARROWS[relationship.cardinality]
    left = _ref_columns(source, relationship.from_field_ids)
    right = _ref_columns(target, relationship.to_field_ids)
    return f"Ref{name}: {left} {arrow} {right}{suffix}"


def _ref_columns(entity: Entity, field_ids: tuple[str, ...]) -> str:
    names = [_ident(entity.field(i).name) for i in field_ids]
    columns = names[0] if len(names) == 1 else f"({', '.join(names)})"
    return f"{_qualified(entity.namespace, entity.name)}.{columns}"


def _group(schema: Schema, group) -> str:
    settings = []
    if group.color:
        settings.append(f"color: {group.color}")
    if group.comment:
        settings.append(f"note: {_string(group.comment)}")
    suffix = f" [{', '.join(settings)}]" if settings else ""
    members = [schema.entity(i) for i in group.entity_ids]
    lines = [f"TableGroup {_ident(group.name)}{suffix} {{"]
    lines += [f"  {_qualified(e.namespace, e.name)}" for e in members if e is not None]
    return "\n".join([*lines, "}"])


def _default(default) -> str:
    if default.kind is DefaultKind.EXPRESSION:
        return f"`{default.value}`"
    value = default.value
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        return _string(value[1:-1].replace("''", "'"))
    return value


def _qualified(namespace: str | None, name: str) -> str:
    return f"{_ident(namespace)}.{_ident(name)}" if namespace else _ident(name)


def _ident(name: str) -> str:
    return f'"{name}"'


def _string(text: str) -> str:
    if "\n" in text:
        return "'''" + text.replace("\\", "\\\\").replace("'''", "\\'''") + "'''"
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
