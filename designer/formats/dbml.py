"""DBML in (the reference parser's reading, see ``dbml_reader``) and out (our own writer).

Import maps the reading onto the schema model with deterministic ids. What the reading
holds that a schema does not (Records: data, not schema) is reported as a notice, never
dropped silently. What DBML cannot say is read back from our own comments
(``dbml_extras``), so ``parse_dbml(to_dbml(s)) == s``.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.formats import dbml_extras, dbml_writer
from designer.formats.dbml_reader import read_dbml
from designer.keys import better_reading
from designer.problems import Problem, SchemaError, Severity
from designer.schema import (
    Cardinality,
    Check,
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
from designer.types import dialect_of, read_type
from designer.validate.fragments import entity_fragments

to_dbml = dbml_writer.to_dbml

ACTIONS = {
    "cascade": RefAction.CASCADE,
    "restrict": RefAction.RESTRICT,
    "set null": RefAction.SET_NULL,
    "set default": RefAction.SET_DEFAULT,
    "no action": RefAction.NO_ACTION,
}


@dataclass(frozen=True)
class DbmlImport:
    schema: Schema
    notices: tuple[Problem, ...] = ()  # warnings: what was read but is not part of a schema


def parse_dbml(text: str) -> Schema:
    return import_dbml(text).schema


def import_dbml(text: str) -> DbmlImport:
    reading = read_dbml(text)
    importer = _Importer(reading)
    schema = importer.build()
    schema = dbml_extras.apply(schema, dbml_extras.read(text))
    return DbmlImport(schema=schema, notices=tuple(importer.notices))


def namespace_of(schema: str | None) -> str | None:
    return None if schema in (None, "", "public") else schema


class _Importer:
    def __init__(self, reading: dict):
        self.reading = reading
        self.taken: set[str] = set()
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.enum_ids: dict[tuple[str | None, str], str] = {}
        self.entities: dict[tuple[str | None, str], Entity] = {}
        project = reading["project"]
        self.dialect = dialect_of(project["database_type"])

    def build(self) -> Schema:
        project = self.reading["project"]
        enums = tuple(self._enum(e) for e in self.reading["enums"])
        entities = tuple(self._entity(t) for t in self.reading["tables"])
        relationships = tuple(self._relationship(r) for r in self.reading["refs"])
        groups = tuple(self._group(g) for g in self.reading["groups"])
        notes = tuple(
            Note(id=fresh_id("note", self.taken), name=n["name"], content=n["content"]) for n in self.reading["notes"]
        )
        if self.problems:
            raise SchemaError(self.problems)
        return Schema(
            entities=entities,
            relationships=relationships,
            enums=enums,
            groups=groups,
            notes=notes,
            name=project["name"],
            database_type=project["database_type"],
            comment=project["note"],
        )

    def _enum(self, enum: dict) -> Enum:
        enum_id = fresh_id("enum", self.taken)
        namespace = namespace_of(enum["schema"])
        self.enum_ids[(namespace, enum["name"])] = enum_id
        values = tuple(EnumValue(name=v["name"], comment=v["note"]) for v in enum["values"])
        return Enum(id=enum_id, name=enum["name"], namespace=namespace, values=values, comment=enum["note"])

    def _entity(self, table: dict) -> Entity:
        entity_id = fresh_id("ent", self.taken)
        namespace = namespace_of(table["schema"])
        fields = [self._field(column) for column in table["fields"]]
        by_name = {f.name: f.id for f in fields}
        primary_key = tuple(f.id for f, column in zip(fields, table["fields"], strict=True) if column["pk"])
        checks = [Check(id="", expression=c["expression"], name=c["name"]) for c in table["checks"]]
        for field, column in zip(fields, table["fields"], strict=True):
            # Field.check holds a column's first check; the others are checks tied to the field.
            checks += [Check(id="", expression=c["expression"], field_id=field.id) for c in column["checks"][1:]]
        indexes, primary_key_name = [], None
        for index in table["indexes"]:
            if index["pk"]:  # several pk indexes (Oracle exports) together make the key
                keys = [self._column_id(by_name, table, index, value) for _, value in index["cols"]]
                primary_key = (*primary_key, *(k for k in keys if k not in primary_key))
                primary_key_name = index["name"] or primary_key_name
            else:
                indexes.append(self._index(by_name, table, index))
        checks = [replace(c, id=fresh_id("chk", self.taken)) for c in checks]
        if table["records"]:
            self.notices.append(
                Problem(
                    code="dbml-records-left-out",
                    message=f"table {_label(table)}: {table['records']} Records rows left out (a schema holds no data)",
                    line=table["line"],
                    severity=Severity.WARNING,
                )
            )
        # SQL makes every primary-key column NOT NULL, whether or not the file says so.
        fields = [replace(f, nullable=False) if f.id in primary_key else f for f in fields]
        entity = Entity(
            id=entity_id,
            name=table["name"],
            namespace=namespace,
            fields=tuple(fields),
            primary_key=primary_key,
            indexes=tuple(indexes),
            checks=tuple(checks),
            comment=table["note"],
            color=table["color"],
            primary_key_name=primary_key_name,
        )
        for problem in entity_fragments(entity, dialect=self.dialect):  # refused here with the table's line
            kept = self.problems if problem.severity is Severity.ERROR else self.notices
            kept.append(replace(problem, line=table["line"]))
        self.entities[(namespace, table["name"])] = entity
        return entity

    def _field(self, column: dict) -> Field:
        field_id = fresh_id("fld", self.taken)
        field_type = self._field_type(column)
        return Field(
            id=field_id,
            name=column["name"],
            type=field_type,
            nullable=not column["not_null"],
            default=_default(column["default"]),
            unique=column["unique"],
            identity=column["increment"],
            check=column["checks"][0]["expression"] if column["checks"] else None,
            comment=column["note"],
        )

    def _field_type(self, column: dict) -> FieldType:
        enum = column["enum"]
        if enum is not None and "[" not in column["type_name"]:
            enum_id = self.enum_ids.get((namespace_of(enum["schema"]), enum["name"]))
            if enum_id:
                return FieldType(TypeKind.ENUM, enum_id=enum_id)
        text = column["type_name"]
        if column["type_schema"] and not text.startswith(column["type_schema"] + "."):
            text = f"{column['type_schema']}.{text}"
        field_type, serial = read_type(text, dialect=self.dialect)
        if serial or (field_type.written is not None and field_type.written != text):
            # DBML keeps the text: `serial` says nothing about `increment` there, and blanks count
            field_type = replace(field_type, written=text)
        return field_type

    def _index(self, by_name: dict[str, str], table: dict, index: dict) -> Index:
        columns = tuple(
            IndexColumn(expression=value)
            if kind == "expression"
            else IndexColumn(field_id=self._column_id(by_name, table, index, value))
            for kind, value in index["cols"]
        )
        written = index["type"]
        method = IndexMethod(written.lower()) if written and written.lower() in set(IndexMethod) else IndexMethod.BTREE
        return Index(
            id=fresh_id("idx", self.taken),
            columns=columns,
            name=index["name"],
            unique=index["unique"],
            method=method,
            comment=index["note"],
            # kept when the method alone would not write it back the same (btree said, unknown types)
            method_written=written if written and (written != method.value or method is IndexMethod.BTREE) else None,
        )

    def _column_id(self, by_name: dict[str, str], table: dict, index: dict, name: str) -> str:
        if name not in by_name:
            self.problems.append(
                Problem(
                    code="dbml-missing-column",
                    message=f"index on table {_label(table)} names the column {name!r}, which the table does not have",
                    line=index["line"] or table["line"],
                )
            )
            return ""
        return by_name[name]

    def _relationship(self, ref: dict) -> Relationship:
        first, second = (self._endpoint(e, ref) for e in ref["endpoints"])
        relations = tuple(e["relation"] for e in ref["endpoints"])
        if relations == ("1", "*"):
            cardinality, source, target = Cardinality.ONE_TO_MANY, second, first
        elif relations == ("*", "1"):
            cardinality, source, target = Cardinality.ONE_TO_MANY, first, second
        elif relations == ("1", "1"):  # the reference parser: the second endpoint holds the key
            cardinality, source, target = Cardinality.ONE_TO_ONE, second, first
        else:
            cardinality, source, target = Cardinality.MANY_TO_MANY, first, second
        relationship = Relationship(
            id=fresh_id("rel", self.taken),
            cardinality=cardinality,
            from_entity_id=source[0],
            from_field_ids=source[1],
            to_entity_id=target[0],
            to_field_ids=target[1],
            name=ref["name"],
            on_delete=self._action(ref["onDelete"], ref),
            on_update=self._action(ref["onUpdate"], ref),
            color=ref["color"],
        )
        return self._sensible(relationship, ref)

    def _sensible(self, relationship: Relationship, ref: dict) -> Relationship:
        """A key that would sit on a primary key and point at a non-unique column: the ref
        was meant the other way round (``child.fk - parent.pk``), so it is read that way."""
        if relationship.cardinality is not Cardinality.ONE_TO_ONE:
            return relationship  # `<` and `>` say which side holds the key; the deploy check flags a bad one
        by_id = {e.id: e for e in self.entities.values()}
        flipped = better_reading(by_id, relationship)
        if flipped is None:
            return relationship
        holder, referenced = by_id[flipped.from_entity_id], by_id[flipped.to_entity_id]
        self.notices.append(
            Problem(
                code="dbml-ref-reversed",
                severity=Severity.WARNING,
                line=ref["line"],
                message=f"the reference between {holder.qualified_name} and {referenced.qualified_name} would point at "
                f"a column that is not unique; it is read the other way: {holder.qualified_name} holds the key",
            )
        )
        return flipped

    def _endpoint(self, endpoint: dict, ref: dict) -> tuple[str, tuple[str, ...]]:
        entity = self.entities[(namespace_of(endpoint["schema"]), endpoint["table"])]
        ids = []
        for name in endpoint["fields"]:
            field = entity.field_by_name(name)
            if field is None:
                self.problems.append(
                    Problem(
                        code="dbml-missing-column",
                        message=f"reference to a missing column {entity.qualified_name}.{name}",
                        line=ref["line"],
                    )
                )
                continue
            ids.append(field.id)
        return entity.id, tuple(ids)

    def _action(self, text: str | None, ref: dict) -> RefAction | None:
        if text is None:
            return None
        action = ACTIONS.get(" ".join(text.split()))
        if action is None:
            self.problems.append(
                Problem(code="dbml-unknown-action", message=f"unknown referential action {text!r}", line=ref["line"])
            )
        return action

    def _group(self, group: dict) -> Group:
        name = group["name"] if namespace_of(group["schema"]) is None else f"{group['schema']}.{group['name']}"
        members = tuple(self.entities[(namespace_of(t["schema"]), t["name"])].id for t in group["tables"])
        return Group(
            id=fresh_id("grp", self.taken), name=name, entity_ids=members, color=group["color"], comment=group["note"]
        )


def _label(table: dict) -> str:
    return f"{table['schema']}.{table['name']}" if namespace_of(table["schema"]) else table["name"]


def _default(value: list | None) -> Default | None:
    if value is None:
        return None
    kind, text = value
    if kind == "expression":
        return Default(DefaultKind.EXPRESSION, text)
    if kind == "string":
        return Default(DefaultKind.LITERAL, "'" + text.replace("'", "''") + "'")
    return Default(DefaultKind.LITERAL, text)  # number, or boolean: true, false, null
