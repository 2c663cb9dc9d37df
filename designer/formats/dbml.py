"""DBML in (through pydbml) and out (our own writer, so every name is quoted safely).

Import maps pydbml's objects onto the schema model with deterministic ids, and turns
every failure into Problems with line numbers. Export writes everything DBML can
express; ``parse_dbml(to_dbml(s)) == s`` for schemas made of DBML-expressible parts.
"""

from __future__ import annotations

import re

import pyparsing
from pydbml import PyDBML
from pydbml.classes import Expression
from pydbml.exceptions import (
    ColumnNotFoundError,
    DatabaseValidationError,
    DBMLError,
    TableNotFoundError,
)

from designer.formats import dbml_writer
from designer.formats.dbml_types import read_type
from designer.problems import Problem, SchemaError
from designer.schema import (
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Group,
    Index,
    IndexColumn,
    IndexMethod,
    Note,
    RefAction,
    Relationship,
    Schema,
    TypeKind,
    fresh_id,
    replace,
)
from designer.types import dialect_of

to_dbml = dbml_writer.to_dbml

_ACTIONS = {
    "cascade": RefAction.CASCADE,
    "restrict": RefAction.RESTRICT,
    "set null": RefAction.SET_NULL,
    "set default": RefAction.SET_DEFAULT,
    "no action": RefAction.NO_ACTION,
}


def parse_dbml(text: str) -> Schema:
    database = _parse_with_pydbml(text)
    return _Importer(text).build(database)


def _parse_with_pydbml(text: str):
    try:
        return PyDBML(text)
    except pyparsing.ParseBaseException as error:
        raise SchemaError(
            [Problem(code="dbml-syntax", message=f"syntax error: {error.msg}", line=error.lineno, column=error.col)]
        ) from None
    except (TableNotFoundError, ColumnNotFoundError) as error:
        name = _quoted_tail(str(error))
        raise SchemaError(
            [
                Problem(
                    code="dbml-missing-reference",
                    message=f"reference to a missing {_what(error)}: {error}",
                    line=_line_of_reference(text, name),
                )
            ]
        ) from None
    except DatabaseValidationError as error:
        raise SchemaError(
            [Problem(code="dbml-duplicate", message=f"duplicate name: {error}", line=_first_repeated_declaration(text))]
        ) from None
    except (DBMLError, ValueError, AttributeError, KeyError) as error:
        raise SchemaError([Problem(code="dbml-invalid", message=f"invalid DBML: {error}")]) from None


class _Importer:
    def __init__(self, text: str):
        self.text = text
        self.taken: set[str] = set()
        self.problems: list[Problem] = []
        self.enum_ids: dict[tuple[str | None, str], str] = {}
        self.entity_ids: dict[tuple[str | None, str], str] = {}
        self.field_ids: dict[tuple[str | None, str, str], str] = {}

    def build(self, database) -> Schema:
        project = database.project
        self.dialect = dialect_of((project.items.get("database_type") if project else None) or None)
        enums = tuple(self._enum(e) for e in database.enums)
        entities = tuple(self._entity(t) for t in database.tables)
        relationships = tuple(self._relationship(r) for r in database.refs)
        groups = tuple(self._group(g) for g in database.table_groups)
        notes = tuple(
            Note(id=fresh_id("note", self.taken), name=n.name, content=str(n.text)) for n in database.sticky_notes
        )
        if self.problems:
            raise SchemaError(self.problems)
        return Schema(
            entities=entities,
            relationships=relationships,
            enums=enums,
            groups=groups,
            notes=notes,
            name=project.name if project else None,
            database_type=(project.items.get("database_type") if project else None) or None,
            comment=_note_text(project.note) if project else None,
        )

    def _enum(self, enum) -> Enum:
        namespace = _namespace(enum.schema)
        enum_id = fresh_id("enum", self.taken)
        self.enum_ids[(namespace, enum.name)] = enum_id
        seen: set[str] = set()
        for item in enum.items:
            if item.name in seen:
                self._problem("dbml-duplicate", f"enum {enum.name} has the value {item.name!r} twice", item.name)
            seen.add(item.name)
        return Enum(
            id=enum_id,
            name=enum.name,
            namespace=namespace,
            values=tuple(EnumValue(name=i.name, comment=_note_text(i.note)) for i in enum.items),
            comment=_note_text(getattr(enum, "note", None)),
        )

    def _entity(self, table) -> Entity:
        namespace = _namespace(table.schema)
        entity_id = fresh_id("ent", self.taken)
        self.entity_ids[(namespace, table.name)] = entity_id
        fields = []
        for column in table.columns:
            if (namespace, table.name, column.name) in self.field_ids:
                self._problem("dbml-duplicate", f"table {table.name} has the column {column.name!r} twice", column.name)
                continue
            fields.append(self._field(table, column))
        primary_key = tuple(f.id for f, c in zip(fields, table.columns, strict=False) if c.pk)
        indexes = []
        for index in table.indexes:
            if index.pk:
                primary_key = self._index_field_ids(table, index)
            else:
                indexes.append(self._index(table, index))
        # Key columns are NOT NULL in every database, whether DBML said so or not.
        fields = [replace(f, nullable=False) if f.id in primary_key else f for f in fields]
        return Entity(
            id=entity_id,
            name=table.name,
            namespace=namespace,
            fields=tuple(fields),
            primary_key=primary_key,
            indexes=tuple(indexes),
            comment=_note_text(table.note),
            color=table.header_color or None,
        )

    def _field(self, table, column) -> Field:
        field_id = fresh_id("fld", self.taken)
        self.field_ids[(_namespace(table.schema), table.name, column.name)] = field_id
        field_type, identity = self._field_type(table, column)
        return Field(
            id=field_id,
            name=column.name,
            type=field_type,
            nullable=not (column.not_null or column.pk),
            default=_default(column.default),
            unique=column.unique,
            identity=identity or column.autoinc,
            comment=_note_text(column.note),
        )

    def _field_type(self, table, column) -> tuple[FieldType, bool]:
        if not isinstance(column.type, str):  # pydbml resolved it to an Enum
            enum_id = self.enum_ids[(_namespace(column.type.schema), column.type.name)]
            return FieldType(TypeKind.ENUM, enum_id=enum_id), False
        array = column.type.endswith("[]")
        enum_id = self._enum_named(column.type.removesuffix("[]"))
        if enum_id:
            return FieldType(TypeKind.ENUM, enum_id=enum_id, array=array), False
        return read_type(column.type, dialect=self.dialect)  # unknown types are kept as written, never refused

    def _enum_named(self, text: str) -> str | None:
        namespace, _, name = text.rpartition(".")
        return self.enum_ids.get((namespace or None, name.strip('"')))

    def _index(self, table, index) -> Index:
        columns = []
        for subject in index.subjects:
            if isinstance(subject, Expression):
                columns.append(IndexColumn(expression=subject.text))
            else:
                columns.append(IndexColumn(field_id=self._column_id(table, subject)))
        method = IndexMethod(index.type) if index.type in set(IndexMethod) else IndexMethod.BTREE
        if index.type and index.type not in set(IndexMethod):
            self._problem("dbml-unknown-index-type", f"index type {index.type!r} is not supported", index.type)
        return Index(
            id=fresh_id("idx", self.taken),
            columns=tuple(columns),
            name=index.name or None,
            unique=index.unique,
            method=method,
            comment=_note_text(index.note),
        )

    def _index_field_ids(self, table, index) -> tuple[str, ...]:
        return tuple(self._column_id(table, s) for s in index.subjects if not isinstance(s, Expression))

    def _column_id(self, table, subject) -> str:
        name = subject if isinstance(subject, str) else subject.name
        return self.field_ids[(_namespace(table.schema), table.name, name)]

    def _relationship(self, ref) -> Relationship:
        left = self._ref_side(ref.table1, ref.col1)
        right = self._ref_side(ref.table2, ref.col2)
        cardinality = {">": Cardinality.ONE_TO_MANY, "<": Cardinality.ONE_TO_MANY, "-": Cardinality.ONE_TO_ONE,
                       "<>": Cardinality.MANY_TO_MANY}[ref.type]  # fmt: skip
        source, target = (right, left) if ref.type == "<" else (left, right)
        return Relationship(
            id=fresh_id("rel", self.taken),
            cardinality=cardinality,
            from_entity_id=source[0],
            from_field_ids=source[1],
            to_entity_id=target[0],
            to_field_ids=target[1],
            name=ref.name or None,
            on_delete=_ACTIONS.get((ref.on_delete or "").lower()),
            on_update=_ACTIONS.get((ref.on_update or "").lower()),
        )

    def _ref_side(self, table, columns) -> tuple[str, tuple[str, ...]]:
        namespace = _namespace(table.schema)
        return self.entity_ids[(namespace, table.name)], tuple(
            self.field_ids[(namespace, table.name, c.name)] for c in columns
        )

    def _group(self, group) -> Group:
        return Group(
            id=fresh_id("grp", self.taken),
            name=group.name,
            entity_ids=tuple(self.entity_ids[(_namespace(t.schema), t.name)] for t in group.items),
            color=getattr(group, "color", None) or None,
            comment=_note_text(getattr(group, "note", None)),
        )

    def _problem(self, code: str, message: str, name: str) -> None:
        self.problems.append(Problem(code=code, message=message, line=_last_line_declaring(self.text, name)))


def _namespace(schema: str | None) -> str | None:
    return None if schema in (None, "", "public") else schema


def _note_text(note) -> str | None:
    text = str(note.text) if note is not None and note.text is not None else ""
    return text or None


def _default(value) -> Default | None:
    if value is None:
        return None
    if isinstance(value, Expression):
        return Default(DefaultKind.EXPRESSION, value.text)
    if isinstance(value, bool):
        return Default(DefaultKind.LITERAL, "true" if value else "false")
    if isinstance(value, int | float):
        return Default(DefaultKind.LITERAL, repr(value))
    if value == "null":
        return Default(DefaultKind.LITERAL, "null")
    return Default(DefaultKind.LITERAL, "'" + str(value).replace("'", "''") + "'")


def _what(error: Exception) -> str:
    return "column" if isinstance(error, ColumnNotFoundError) else "table"


def _quoted_tail(message: str) -> str:
    # "Table public.b not present in the database" / "Column x not present in table a"
    words = message.split()
    return words[1].split(".")[-1] if len(words) > 1 else ""


def _line_of_reference(text: str, name: str) -> int | None:
    pattern = re.compile(rf"ref\b.*\b{re.escape(name)}\b", re.IGNORECASE)
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


_DECLARATION = re.compile(r'^\s*(table|enum)\s+((?:"[^"]+"|[\w]+)\.)?("[^"]+"|[\w]+)', re.IGNORECASE)


def _first_repeated_declaration(text: str) -> int | None:
    seen = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DECLARATION.match(line)
        if match:
            key = (match[1].lower(), (match[2] or "public.").strip('."'), match[3].strip('"'))
            if key in seen:
                return number
            seen.add(key)
    return None


def _last_line_declaring(text: str, name: str) -> int | None:
    """Best effort: the last line that starts with the name (quoted or not) or
    declares a table/enum of that name, which is where a duplicate shows up."""
    quoted = re.escape(name)
    pattern = re.compile(rf'^\s*(?:(?:table|enum)\s+(?:"?\w+"?\.)?)?"?{quoted}"?(?:\s|\[|\{{|$)', re.IGNORECASE)
    found = None
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            found = number
    return found
