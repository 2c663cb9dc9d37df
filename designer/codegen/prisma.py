"""Prisma schema (``schema.prisma``) for Prisma 7.

Models are PascalCase and fields camelCase, as Prisma's documentation writes them;
the real table and column names stay in ``@@map`` / ``@map``, so a reserved word, a
space, unicode or a leading digit is mapped, never lost. Column types follow our own
DDL (``@db.*`` native types, ``Unsupported("...")`` for types Prisma has no scalar for).
Referential actions are always written: Prisma's defaults (Restrict / SetNull,
onUpdate Cascade) differ from SQL's NO ACTION, and the model must say what the
database does. The output is laid out exactly as ``prisma format`` lays it out.
"""

from __future__ import annotations

import re

from designer.codegen.names import Scope, camel, comment_text, model_name, pascal, string_literal
from designer.codegen.plan import Join, Link, Plan, array_items, unquoted
from designer.formats.prisma_types import prisma_of, prisma_operator_class
from designer.schema import (
    DefaultKind,
    Entity,
    Enum,
    Field,
    Index,
    IndexColumn,
    IndexMethod,
    RefAction,
    SortOrder,
    TypeKind,
    replace,
)
from designer.types import MYSQL, POSTGRESQL, SQLITE

# Words Prisma refuses as model/enum names (its scalar types and keywords) or field names.
_RESERVED_TYPES = frozenset(
    {
        "String",
        "Boolean",
        "Int",
        "BigInt",
        "Float",
        "Decimal",
        "DateTime",
        "Json",
        "Bytes",
        "Unsupported",
        "model",
        "enum",
        "type",
        "view",
        "datasource",
        "generator",
        "PrismaClient",
        "Prisma",
    }
)
_RESERVED_FIELDS = frozenset({"AND", "OR", "NOT"})
_ACTIONS = {
    RefAction.NO_ACTION: "NoAction",
    RefAction.RESTRICT: "Restrict",
    RefAction.CASCADE: "Cascade",
    RefAction.SET_NULL: "SetNull",
    RefAction.SET_DEFAULT: "SetDefault",
}
_NOW = frozenset({"now()", "current_timestamp", "current_timestamp()", "localtimestamp", "transaction_timestamp()"})
_ARRAY_DIMS = re.compile(r"(\s*\[\d*\])+\s*$")
_INTEGER_KINDS = (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT)
_SCALARS = {
    TypeKind.SMALLINT: "Int",
    TypeKind.INTEGER: "Int",
    TypeKind.BIGINT: "BigInt",
    TypeKind.DECIMAL: "Decimal",
    TypeKind.REAL: "Float",
    TypeKind.DOUBLE: "Float",
    TypeKind.TEXT: "String",
    TypeKind.VARCHAR: "String",
    TypeKind.CHAR: "String",
    TypeKind.BOOLEAN: "Boolean",
    TypeKind.DATE: "DateTime",
    TypeKind.TIME: "DateTime",
    TypeKind.TIMESTAMP: "DateTime",
    TypeKind.TIMESTAMPTZ: "DateTime",
    TypeKind.UUID: "String",
    TypeKind.JSON: "Json",
    TypeKind.BYTES: "Bytes",
}

# The index types Prisma's schema language has (PostgreSQL); others are left to a migration.
_PRISMA_INDEX_TYPES = {
    IndexMethod.HASH: "Hash",
    IndexMethod.GIN: "Gin",
    IndexMethod.GIST: "Gist",
    IndexMethod.BRIN: "Brin",
    IndexMethod.SPGIST: "SpGist",
}


def generate(plan: Plan) -> dict[str, str]:
    return {"schema.prisma": PrismaWriter(plan).write()}


class PrismaWriter:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.schema = plan.schema
        types = Scope(reserved=_RESERVED_TYPES, fallback="Table")
        # Enum names first: they appear inside models.
        self.enum_names = {e.id: types.take(pascal(e.name)) for e in self.schema.enums}
        # Models are singular (User for table "users"), as Prisma names them; @@map keeps the table.
        self.model_names = {e.id: types.take(model_name(e.name)) for e in self.schema.entities}
        self.field_names: dict[str, str] = {}
        self.relation_names: dict[tuple[str, str], str] = {}  # (relationship id, side) → field name
        for entity in self.schema.entities:
            self._name_members(entity)
        self.schemas = sorted({e.namespace or "public" for e in (*self.schema.entities, *self.schema.enums)})
        self.multi_schema = plan.dialect == POSTGRESQL and self.schemas != ["public"]

    def _name_members(self, entity: Entity) -> None:
        scope = Scope(reserved=_RESERVED_FIELDS, fallback="field")
        for field in entity.fields:
            self.field_names[field.id] = scope.take(camel(field.name))
        for link in self.plan.links_from(entity):
            self.relation_names[(link.relationship.id, "forward")] = scope.take(camel(link.forward))
        for link in self.plan.links_to(entity):
            backward = camel(link.backward) or camel(self.model_names[link.source.id])
            self.relation_names[(link.relationship.id, "backward")] = scope.take(backward)
        for join in self.plan.joins:
            if join.left.id == entity.id:
                self.relation_names[(join.relationship.id, "left")] = scope.take(camel(join.left_name))
            if join.right.id == entity.id:
                self.relation_names[(join.relationship.id, "right")] = scope.take(camel(join.right_name))

    # --- the file -------------------------------------------------------------------------

    def write(self) -> str:
        blocks = [self._header(), *map(self._enum, self.schema.enums), *map(self._model, self.schema.entities)]
        return "\n\n".join(blocks) + "\n"

    def _header(self) -> str:
        provider = {POSTGRESQL: "postgresql", MYSQL: "mysql", SQLITE: "sqlite"}[self.plan.dialect]
        source = [("provider", string_literal(provider, prisma=True))]
        if self.multi_schema:
            source.append(("schemas", "[" + ", ".join(string_literal(s, prisma=True) for s in self.schemas) + "]"))
        generator = [("provider", '"prisma-client"'), ("output", '"../generated/prisma"')]
        title = f"// Generated by Schema Designer from {comment_text(self.schema.name or 'a schema')}."
        return "\n\n".join(
            [
                f"{title}\n{_block('generator client', _assignments(generator))}",
                _block("datasource db", _assignments(source)),
            ]
        )

    def _enum(self, enum: Enum) -> str:
        scope = Scope(fallback="value")
        rows = []
        for value in enum.values:
            name = scope.take(_enum_identifier(value.name))
            rows.append([name, f"@map({string_literal(value.name, prisma=True)})" if name != value.name else ""])
        attributes = self._block_attributes(enum.name, self.enum_names[enum.id], enum.namespace)
        comment = _doc_lines(enum.comment)
        return (
            "\n".join(comment)
            + ("\n" if comment else "")
            + _block(f"enum {self.enum_names[enum.id]}", _table(rows), attributes)
        )

    def _table_name(self, entity: Entity) -> str:
        """Prisma on MySQL reaches one database: a table our DDL puts in database
        <namespace> is mapped to "<namespace>_<name>" there (said in a comment)."""
        if entity.namespace and self.plan.dialect == MYSQL:
            return f"{entity.namespace}_{entity.name}"
        return self.plan.table_name(entity)

    def _block_attributes(self, real: str, name: str, namespace: str | None) -> list[str]:
        attributes = []
        if real != name:
            attributes.append(f"@@map({string_literal(real, prisma=True)})")
        if self.multi_schema:
            attributes.append(f"@@schema({string_literal(namespace or 'public', prisma=True)})")
        return attributes

    def _model(self, entity: Entity) -> str:
        rows = []
        for field in entity.fields:
            if field.comment and "\n" in _doc_text(field.comment):
                rows += _doc_lines(field.comment, indent="  ")  # several lines: above the field, as Prisma writes them
            rows.append(self._field_row(entity, field))
        rows += [self._forward_row(link) for link in self.plan.links_from(entity) if self._relatable(link)]
        rows += [self._backward_row(link) for link in self.plan.links_to(entity) if self._relatable(link)]
        rows += self._join_rows(entity)
        attributes = []
        key = self._key(entity)
        if len(key) > 1:
            attributes.append(f"@@id([{self._field_list(key)}])")
        notes = [
            f"{comment_text(link.label)}: "
            + (
                "the key types differ or are Unsupported, which Prisma cannot relate;"
                if link.references_unique
                else "it references columns that are not a key of the target, which Prisma cannot relate;"
            )
            + " the foreign key is in the SQL."
            for link in self.plan.links_from(entity)
            if not self._relatable(link)
        ]
        if entity.primary_key and not key:
            notes.append("the primary key has a column of a type Prisma does not support; it is in the SQL.")
        notes += [
            f"{comment_text(join.label)}: many-to-many with a key Prisma cannot join on (not a single "
            "@id); the join table is in the SQL."
            for join in self.plan.joins
            if join.left.id == entity.id and not _implicit_join_possible(join)
        ]
        if entity.namespace and self.plan.dialect == MYSQL:
            notes.append(
                f"{comment_text(entity.qualified_name)}: Prisma on MySQL reaches one database; "
                f"our DDL puts this table in database {comment_text(entity.namespace)}."
            )
        # prisma format writes @@unique before @@index
        for index in sorted(entity.indexes, key=lambda i: not i.unique):
            line, note = self._index(entity, index)
            attributes += [line] if line else []
            notes += [note] if note else []
        attributes += self._block_attributes(self._table_name(entity), self.model_names[entity.id], entity.namespace)
        if self._ignored(entity):
            # Prisma needs a unique criterion to address a row; without one the model is
            # kept (so the table is known) but left out of the client.
            # prisma format writes @@ignore before @@schema
            at = next((i for i, a in enumerate(attributes) if a.startswith("@@schema(")), len(attributes))
            attributes.insert(at, "@@ignore")
            notes.append(
                f"{comment_text(entity.qualified_name)} has no primary key and no unique key: Prisma "
                "cannot address its rows, so @@ignore keeps it out of the client."
            )
        comment = _doc_lines(entity.comment)
        body = _table(rows)
        if notes:
            body += ["", *(f"// {n}" for n in notes)]
        return "\n".join([*comment, _block(f"model {self.model_names[entity.id]}", body, attributes)])

    # --- fields ---------------------------------------------------------------------------

    def _field_row(self, entity: Entity, field: Field) -> list[str]:
        name = self.field_names[field.id]
        type_text, native = self._type(field)
        optional = field.nullable and field.id not in entity.primary_key and not field.type.array
        attributes = []
        if self._key(entity) == (field.id,):
            attributes.append("@id")
        if field.unique and not self._unsupported(field):
            attributes.append("@unique(length: 255)" if self._prefix_only(field) else "@unique")
        default = self._default(entity, field)
        if default:
            attributes.append(f"@default({default})")
        if _is_updated_at(field):
            attributes.append("@updatedAt")
        if name != field.name:
            attributes.append(f"@map({string_literal(field.name, prisma=True)})")
        if native:
            attributes.append(native)
        row = [name, type_text + ("?" if optional else ""), " ".join(attributes)]
        if field.comment and field.comment.strip() and "\n" not in _doc_text(field.comment):
            row.append(f"/// {field.comment}")  # trailing: aligns nothing
        return row

    def _type(self, field: Field) -> tuple[str, str]:
        """(Prisma type, native type attribute), from the column type our DDL writes: the
        attribute is left out where it is the scalar's default (as ``prisma db pull`` does)."""
        field_type = field.type
        if field_type.kind is TypeKind.ENUM:
            enum_ok = self.plan.dialect != SQLITE and field_type.enum_id in self.enum_names
            base, native = (self.enum_names[field_type.enum_id], "") if enum_ok else ("String", "")
        else:
            sql = self.plan.native(field)
            # our DDL may qualify a built-in (pg_catalog.json); Prisma's types are the bare names
            mapped = prisma_of(_ARRAY_DIMS.sub("", sql).removeprefix("pg_catalog."), provider=self.plan.dialect)
            if mapped is None and field_type.kind is TypeKind.OTHER:
                return f"Unsupported({string_literal(sql, prisma=True)})", ""
            base, native = mapped or (_SCALARS[field_type.kind], "")
            if field_type.kind is not TypeKind.OTHER and base != _SCALARS[field_type.kind]:
                base, native = _SCALARS[field_type.kind], ""  # boolean as tinyint: still Boolean
        if field_type.array:
            if self.plan.dialect == POSTGRESQL:
                return f"{base}[]", native
            return "Json", ""  # lists live in JSON outside PostgreSQL, as in our DDL
        return base, native

    def _default(self, entity: Entity, field: Field) -> str:
        if field.identity and field.type.kind in _INTEGER_KINDS:
            # SQLite numbers only its INTEGER PRIMARY KEY; Prisma refuses autoincrement() elsewhere there
            return "" if self.plan.dialect == SQLITE and self._key(entity) != (field.id,) else "autoincrement()"
        default = field.default
        if default is None and field.filled_by_database and self.plan.dialect != SQLITE:
            return "dbgenerated()"  # set by the database (a trigger): the client may leave it out
        if default is None or default.value.strip().lower() == "null":  # DEFAULT NULL: no default
            return ""
        if default.kind is DefaultKind.EXPRESSION:
            if default.value.strip().lower() in _NOW and field.type.kind in (TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ):
                return "now()"
            if self.plan.dialect == SQLITE:
                return ""  # Prisma has no dbgenerated() for SQLite; the DDL keeps the default
            printed = self.plan.sql_expression(default.value, owner=field.name)
            return f"dbgenerated({string_literal(printed, prisma=True)})"
        if field.type.array:
            return self._list_default(field, default.value)
        return _literal(field, default.value, enum_value=self._enum_member(field, unquoted(default.value)))

    def _list_default(self, field: Field, value: str) -> str:
        """A PostgreSQL array literal (``'{}'``, ``'{a,b}'``) as Prisma's list (``[]``,
        ``["a", "b"]``); anything else stays the database's expression."""
        items = array_items(value)
        if items is None or self.plan.dialect != POSTGRESQL:
            return f"dbgenerated({string_literal(value, prisma=True)})" if self.plan.dialect == POSTGRESQL else ""
        scalar = replace(field, type=replace(field.type, array=False))
        quoted = scalar.type.kind in (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.UUID, TypeKind.ENUM)
        literals = [
            _literal(scalar, _sql_quoted(item) if quoted else item, enum_value=self._enum_member(scalar, item))
            for item in items
        ]
        if any(literal.startswith("dbgenerated(") for literal in literals):
            return f"dbgenerated({string_literal(value, prisma=True)})"
        return f"[{', '.join(literals)}]"

    def _enum_member(self, field: Field, value: str) -> str | None:
        if field.type.kind is not TypeKind.ENUM or self.plan.dialect == SQLITE:
            return None
        enum = self.schema.enum(field.type.enum_id)
        scope = Scope(fallback="value")
        members = {v.name: scope.take(_enum_identifier(v.name)) for v in enum.values} if enum else {}
        return members.get(value)

    # --- relations ------------------------------------------------------------------------

    def _forward_row(self, link: Link) -> list[str]:
        name = self.relation_names[(link.relationship.id, "forward")]
        parts = []
        if link.ambiguous:
            parts.append(string_literal(link.label, prisma=True))
        parts.append(f"fields: [{self._field_list(f.id for f in link.source_fields)}]")
        parts.append(f"references: [{self._field_list(f.id for f in link.target_fields)}]")
        relationship = link.relationship
        on_delete = relationship.on_delete or RefAction.NO_ACTION
        if on_delete is RefAction.SET_NULL and not link.optional:
            # Prisma refuses SET NULL on a required key (the database would fail the delete
            # anyway); NO ACTION is what happens in effect. Our SQL keeps what was designed.
            on_delete = RefAction.NO_ACTION
        parts.append(f"onDelete: {_ACTIONS[on_delete]}")
        parts.append(f"onUpdate: {_ACTIONS[relationship.on_update or RefAction.NO_ACTION]}")
        if relationship.name and self.plan.dialect != SQLITE:  # SQLite's foreign keys have no names
            parts.append(f"map: {string_literal(relationship.name, prisma=True)}")
        optional = "?" if link.optional else ""
        ignore = " @ignore" if self._ignored(link.target) and link.target.id != link.source.id else ""
        return [name, self.model_names[link.target.id] + optional, f"@relation({', '.join(parts)}){ignore}"]

    def _backward_row(self, link: Link) -> list[str]:
        name = self.relation_names[(link.relationship.id, "backward")]
        many = "?" if link.one_to_one else "[]"
        attribute = f"@relation({string_literal(link.label, prisma=True)})" if link.ambiguous else ""
        if self._ignored(link.source) and link.target.id != link.source.id:
            attribute = f"{attribute} @ignore".strip()  # Prisma: a field pointing at an ignored model is ignored
        return [name, self.model_names[link.source.id] + many, attribute]

    def _join_rows(self, entity: Entity) -> list[list[str]]:
        """Implicit many-to-many (Prisma makes the join table): a list on each side."""
        rows = []
        for join in filter(_implicit_join_possible, self.plan.joins):
            # Prisma names the join table "_" + the relation name: a kept name keeps the table.
            label = f"@relation({string_literal(join.relationship.name or join.label, prisma=True)})"
            if join.left.id == entity.id:
                rows.append(
                    [self.relation_names[(join.relationship.id, "left")], self.model_names[join.right.id] + "[]", label]
                )
            if join.right.id == entity.id and join.left.id != join.right.id:
                rows.append(
                    [self.relation_names[(join.relationship.id, "right")], self.model_names[join.left.id] + "[]", label]
                )
        return rows

    # --- indexes --------------------------------------------------------------------------

    def _index(self, entity: Entity, index: Index) -> tuple[str, str]:
        """(``@@index``/``@@unique`` line, or a note saying why the index is not in the model)."""
        label = index.name or "an index"
        if any(c.field_id is None for c in index.columns):
            return "", f"{comment_text(label)}: on an expression, which Prisma cannot express; it is in the SQL."
        if index.predicate:
            return "", f"{comment_text(label)}: partial (WHERE {comment_text(index.predicate)}); it is in the SQL."
        if index.unique and any(self._unsupported(entity.field(c.field_id)) for c in index.columns):
            return "", f"{comment_text(label)}: unique on a type Prisma does not support; it is in the SQL."
        if not self._has_operator_class(entity, index):
            return "", (
                f"{comment_text(label)}: {index.method.value} on a type Prisma knows no operator class for; "
                "it is in the SQL."
            )
        if index.unique and entity.primary_key == tuple(c.field_id for c in index.columns):
            return "", ""
        if len(index.columns) == 1 and index.unique and not index.name:
            field = entity.field(index.columns[0].field_id)
            if field is not None and field.unique:
                return "", ""  # the field's @unique is this key (a second one would take its name)
        prisma_type = _PRISMA_INDEX_TYPES.get(index.method) if self.plan.dialect == POSTGRESQL else None
        keys = [self._index_key(entity, index, column, prisma_type or "BTree") for column in index.columns]
        arguments = [f"[{', '.join(keys)}]"]
        if index.name:
            arguments.append(f"map: {string_literal(index.name, prisma=True)}")
        if prisma_type and not index.unique:
            arguments.append(f"type: {prisma_type}")
        note = ""
        if index.unique and self.plan.dialect == POSTGRESQL and any(c.opclass for c in index.columns):
            note = f"{comment_text(label)}: Prisma has no operator classes in @@unique; they are in the SQL."
        return f"@@{'unique' if index.unique else 'index'}({', '.join(arguments)})", note

    def _index_key(self, entity: Entity, index: Index, column: IndexColumn, prisma_type: str) -> str:
        """One key of an index: the field, with its prefix length (MySQL), order and operator
        class (PostgreSQL, ``@@index`` only: named where Prisma has a name, else raw)."""
        length = column.length or (255 if self._prefix_only(entity.field(column.field_id)) else None)
        options = [f"length: {length}"] if length and self.plan.dialect == MYSQL else []
        if column.order is SortOrder.DESC:
            options.append("sort: Desc")
        if column.opclass and self.plan.dialect == POSTGRESQL and not index.unique:
            named = prisma_operator_class(column.opclass, index_type=prisma_type)
            options.append(f"ops: {named or f'raw({string_literal(column.opclass, prisma=True)})'}")
        key = self.field_names[column.field_id]
        return f"{key}({', '.join(options)})" if options else key

    def _has_operator_class(self, entity: Entity, index: Index) -> bool:
        """Prisma writes GIN and GiST indexes only with an operator class named on each key, or
        on types it knows a default one for (GIN: lists and jsonb; GiST: inet)."""
        if self.plan.dialect != POSTGRESQL or index.method not in (IndexMethod.GIN, IndexMethod.GIST):
            return True
        if all(c.opclass for c in index.columns):
            return True  # named by the index itself
        fields = [entity.field(c.field_id) for c in index.columns]
        if index.method is IndexMethod.GIN:
            return all(f.type.array or self._type(f) == ("Json", "") for f in fields)  # jsonb, not json
        return all(self._type(f)[1] == "@db.Inet" for f in fields)

    # --- what Prisma can use as a key or relate -----------------------------------------------

    def _unsupported(self, field: Field) -> bool:
        return self._type(field)[0].startswith("Unsupported(")

    def _key(self, entity: Entity) -> tuple[str, ...]:
        """The primary key, unless it has an Unsupported column (Prisma refuses those in @id)."""
        key = entity.primary_key
        return () if any(self._unsupported(entity.field(i)) for i in key) else key

    def _ignored(self, entity: Entity) -> bool:
        """No key and no unique criterion: Prisma cannot address its rows (@@ignore)."""
        return not self._key(entity) and not self._has_unique(entity)

    def _has_unique(self, entity: Entity) -> bool:
        """A unique criterion Prisma accepts: on required, supported columns, not partial."""
        if any(f.unique and not f.nullable and not self._unsupported(f) for f in entity.fields):
            return True
        for index in entity.indexes:
            fields = [entity.field(c.field_id) for c in index.columns if c.field_id]
            if (
                index.unique
                and not index.predicate
                and len(fields) == len(index.columns)
                and not any(f.nullable or self._unsupported(f) for f in fields)
            ):
                return True
        return False

    def _relatable(self, link: Link) -> bool:
        """Prisma relates fields of the same type only, never Unsupported ones, and only to a
        unique criterion of the target."""
        if not link.references_unique or any(map(self._unsupported, (*link.source_fields, *link.target_fields))):
            return False
        return all(
            (a.type.kind, a.type.enum_id) == (b.type.kind, b.type.enum_id)
            for a, b in zip(link.source_fields, link.target_fields, strict=True)
        )

    def _prefix_only(self, field: Field) -> bool:
        """MySQL indexes a TEXT column only by a prefix: 255 characters, as in our DDL."""
        return self.plan.dialect == MYSQL and self._type(field)[1].endswith("Text")

    def _field_list(self, field_ids) -> str:
        return ", ".join(self.field_names[i] for i in field_ids)


def _sql_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _implicit_join_possible(join: Join) -> bool:
    """Prisma's implicit many-to-many joins two models on their single-field @id."""
    return (
        len(join.left.primary_key) == 1
        and len(join.right.primary_key) == 1
        and join.relationship.from_field_ids == join.left.primary_key
        and join.relationship.to_field_ids == join.right.primary_key
    )


def _is_updated_at(field: Field) -> bool:
    return field.type.kind in (TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ) and camel(field.name) in (
        "updatedAt",
        "modifiedAt",
    )


def _enum_identifier(value: str) -> str:
    if value.isidentifier() and value.isascii():
        return value
    return camel(value)


def _literal(field: Field, value: str, *, enum_value: str | None) -> str:
    kind = field.type.kind
    if enum_value is not None:
        return enum_value
    if kind is TypeKind.BOOLEAN:
        return "true" if value.strip().lower() in ("true", "1", "t", "yes") else "false"
    if kind in (*_INTEGER_KINDS, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE):
        number = unquoted(value).strip()  # '0' on a bigint (as Prisma's DMMF gives it) is the number 0
        return number if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", number) else value.strip()
    if kind in (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.UUID, TypeKind.ENUM, TypeKind.JSON):
        return string_literal(unquoted(value), prisma=True)
    return f"dbgenerated({string_literal(value, prisma=True)})"


# --- layout, as prisma format does it --------------------------------------------------------


def _doc_lines(text: str | None, *, indent: str = "") -> list[str]:
    """A documentation comment Prisma reads back as ``text``: one ``///`` line per line (Prisma
    drops what leads a ``///`` line, so a line's own indentation is lost there), or the
    ``/** … */`` block it came from, whose lines Prisma keeps whole, the block's ``indent``
    (a field's: two spaces) included. ``prisma format`` leaves a block alone only when every
    line is `` * `` and trimmed text: other blocks are written as ``///`` lines."""
    if not text or not text.strip():
        return []
    lines = _doc_text(text).split("\n")
    inner = [line.removeprefix(indent + " * ") for line in lines[1:]]
    block = (
        len(lines) > 1
        and lines[0] == "*"
        and all(line.startswith(indent + " * ") for line in lines[1:])
        and all(part and part == part.strip() and "*/" not in part for part in inner)
    )
    if block:
        return ["/**", *(f" * {part}" for part in inner), " */"]
    return ["///" + (f" {line}" if line.strip() else "") for line in lines]


def _doc_text(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _table(rows: list[list[str] | str]) -> list[str]:
    """Columns padded to the widest cell, as ``prisma format`` aligns a block's members;
    a row that is a string (a documentation line) is kept as it is, and a trailing ``///``
    comment follows its row's last non-empty cell: neither aligns anything."""
    split = [
        (row[:-1], row[-1]) if row[-1].startswith("///") else (row, "") for row in rows if not isinstance(row, str)
    ]
    width = max((len(cells) for cells, _ in split), default=0)
    widths = [max(len(cells[i]) for cells, _ in split if i < len(cells)) for i in range(width)]
    lines = []
    for row in rows:
        if isinstance(row, str):
            lines.append(row)
            continue
        cells, trailing = (row[:-1], row[-1]) if row[-1].startswith("///") else (row, "")
        padded = [cell.ljust(widths[i]) if i < len(cells) - 1 else cell for i, cell in enumerate(cells)]
        lines.append(" ".join([" ".join(padded).rstrip(), trailing]).rstrip())
    return lines


def _assignments(pairs: list[tuple[str, str]]) -> list[str]:
    width = max(len(key) for key, _ in pairs)
    return [f"{key.ljust(width)} = {value}" for key, value in pairs]


def _block(head: str, body: list[str], attributes: list[str] = ()) -> str:
    lines = [f"{head} {{", *(f"  {line}" if line else "" for line in body)]
    if attributes:
        lines += ([""] if body else []) + [f"  {a}" for a in attributes]
    return "\n".join([*lines, "}"])
