"""Schema → DBML text. Every identifier is double-quoted, every string escaped, so
reserved words, spaces, quotes, unicode and mixed case survive the round trip; what DBML
cannot say is appended as comments our importer reads back (``dbml_extras``).

Measured against the reference parser: its reading of our export equals its reading of
the source (see tests/projects/test_dbml_corpus_import.py)."""

from __future__ import annotations

import re

from designer.formats import dbml_extras
from designer.formats.dbml_types import dbml_type_text
from designer.schema import Cardinality, DefaultKind, Entity, Field, RefAction, Schema, TypeKind

_ARROWS = {Cardinality.ONE_TO_MANY: ">", Cardinality.ONE_TO_ONE: "-", Cardinality.MANY_TO_MANY: "<>"}
_ACTION_TEXT = {
    RefAction.CASCADE: "cascade",
    RefAction.RESTRICT: "restrict",
    RefAction.SET_NULL: "set null",
    RefAction.SET_DEFAULT: "set default",
    RefAction.NO_ACTION: "no action",
}
# A type the reference parser reads back unchanged when written bare: a name, optionally
# schema-qualified, with arguments and array brackets. Anything else is quoted.
_BARE_TYPE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?(\([^()\"'`\s]*\))?(\[\d*\])*$")
_NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def to_dbml(schema: Schema) -> str:
    blocks = [_project(schema)] if (schema.name or schema.database_type or schema.comment) else []
    blocks += [_enum(e) for e in schema.enums]
    blocks += [_table(schema, e) for e in schema.entities]
    blocks += [_ref(schema, r) for r in schema.relationships]
    blocks += [_group(schema, g) for g in schema.groups]
    blocks += [f"Note {_ident(n.name)} {{\n  {_string(n.content)}\n}}" for n in schema.notes]
    extras = dbml_extras.write(schema)
    return _workload_note(schema) + "\n\n".join(blocks) + "\n" + ("\n" + extras if extras else "")


def _workload_note(schema: Schema) -> str:
    """DBML has no syntax for the declared workload: say where it went."""
    if not (schema.patterns or schema.volumes):
        return ""
    return (
        f"// Not in DBML: {len(schema.patterns)} access patterns and {len(schema.volumes)} volumes,\n"
        "// kept in the comments at the end for Schema Designer's import.\n\n"
    )


def _project(schema: Schema) -> str:
    lines = [f"Project {_ident(schema.name or 'project')} {{"]
    if schema.database_type:
        lines.append(f"  database_type: {_string(schema.database_type)}")
    if schema.comment:
        lines.append(f"  Note: {_string(schema.comment)}")
    return "\n".join([*lines, "}"])


def _enum(enum) -> str:
    settings = f" [note: {_string(enum.comment)}]" if enum.comment else ""
    lines = [f"Enum {_qualified(enum.namespace, enum.name)}{settings} {{"]
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
    # A named key is said in Indexes ([pk, name: …]), the only place DBML names it.
    single_pk = len(entity.primary_key) == 1 and not entity.primary_key_name
    lines += [f"  {_column(schema, entity, f, single_pk=single_pk)}" for f in entity.fields]
    index_lines = _index_lines(entity)
    if index_lines:
        lines += ["", "  Indexes {", *[f"    {line}" for line in index_lines], "  }"]
    table_checks = [c for c in entity.checks if c.field_id is None]
    if table_checks:
        lines += ["", "  Checks {", *[f"    {_check(c)}" for c in table_checks], "  }"]
    return "\n".join([*lines, "}"])


def _check(check) -> str:
    name = f" [name: {_string(check.name)}]" if check.name else ""
    return f"{_expression(check.expression)}{name}"


def _column(schema: Schema, entity: Entity, field: Field, *, single_pk: bool) -> str:
    settings = []
    if single_pk and field.id in entity.primary_key:
        settings.append("pk")
    if field.identity:
        settings.append("increment")
    if not field.nullable and not (single_pk and field.id in entity.primary_key):  # pk says it already
        settings.append("not null")
    if field.unique:
        settings.append("unique")
    if field.default is not None:
        settings.append(f"default: {_default(field.default)}")
    if field.check:
        settings.append(f"check: {_expression(field.check)}")
    settings += [f"check: {_expression(c.expression)}" for c in entity.checks if c.field_id == field.id]
    if field.comment:
        settings.append(f"note: {_string(field.comment)}")
    suffix = f" [{', '.join(settings)}]" if settings else ""
    return f"{_ident(field.name)} {_type(schema, field)}{suffix}"


def _type(schema: Schema, field: Field) -> str:
    if field.type.kind is TypeKind.ENUM:
        enum = schema.enum(field.type.enum_id)
        if enum is not None:
            return _qualified(enum.namespace, enum.name) + ("[]" if field.type.array else "")
    text = dbml_type_text(field.type, database_type=schema.database_type)
    return text if _BARE_TYPE.match(text) else _ident(text)


def _index_lines(entity: Entity) -> list[str]:
    names = {f.id: f.name for f in entity.fields}
    lines = []
    if len(entity.primary_key) > 1 or (entity.primary_key and entity.primary_key_name):
        name = f", name: {_string(entity.primary_key_name)}" if entity.primary_key_name else ""
        lines.append(f"({', '.join(_ident(names[i]) for i in entity.primary_key)}) [pk{name}]")
    for index in entity.indexes:
        subjects = [
            _expression(c.expression) if c.expression is not None else _ident(names[c.field_id]) for c in index.columns
        ]
        settings = []
        if index.unique:
            settings.append("unique")
        if index.name:
            settings.append(f"name: {_string(index.name)}")
        method = _index_type(index)
        if method:
            settings.append(f"type: {method}")
        if index.comment:
            settings.append(f"note: {_string(index.comment)}")
        subject = subjects[0] if len(subjects) == 1 else f"({', '.join(subjects)})"
        lines.append(subject + (f" [{', '.join(settings)}]" if settings else ""))
    return lines


def _index_type(index) -> str | None:
    written = index.method_written
    if written and (written.lower() == index.method.value or index.method.value == "btree"):
        return written if re.fullmatch(r"\w+", written) else _string(written)
    return index.method.value if index.method.value != "btree" else None


def _ref(schema: Schema, relationship) -> str:
    source = schema.entity(relationship.from_entity_id)
    target = schema.entity(relationship.to_entity_id)
    name = f" {_ident(relationship.name)}" if relationship.name else ""
    settings = []
    if relationship.on_delete:
        settings.append(f"delete: {_ACTION_TEXT[relationship.on_delete]}")
    if relationship.on_update:
        settings.append(f"update: {_ACTION_TEXT[relationship.on_update]}")
    if relationship.color:
        settings.append(f"color: {relationship.color}")
    suffix = f" [{', '.join(settings)}]" if settings else ""
    left = _ref_columns(source, relationship.from_field_ids)
    right = _ref_columns(target, relationship.to_field_ids)
    if relationship.cardinality is Cardinality.ONE_TO_ONE:
        # The reference parser reads `a - b` as b holding the key: the key's side goes second.
        left, right = right, left
    return f"Ref{name}: {left} {_ARROWS[relationship.cardinality]} {right}{suffix}"


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
        return _expression(default.value)
    value = default.value
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        return _string(value[1:-1].replace("''", "'"))
    if _NUMBER.match(value) or value.lower() in ("true", "false", "null"):
        return value
    return _string(value)


def _expression(text: str) -> str:
    return f"`{dbml_extras.shown_expression(text)}`"  # the parser takes the text between backticks as it is


def _qualified(namespace: str | None, name: str) -> str:
    return f"{_ident(namespace)}.{_ident(name)}" if namespace else _ident(name)


def _escaped(text: str, quote: str) -> str:
    return "".join(_ESCAPES.get(c, "\\" + c if c == quote else c) for c in text)


def _ident(name: str) -> str:
    return '"' + _escaped(name, '"') + '"'


def _string(text: str) -> str:
    # Single-quoted with escapes, never '''…''': the parser strips a multi-line string's indentation.
    return "'" + _escaped(text, "'") + "'"
