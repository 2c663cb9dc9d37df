"""Drizzle ORM schema (``schema.ts``) for ``drizzle-orm/pg-core``, ``mysql-core`` or
``sqlite-core``, with ``relations()`` for the relational query API.

Every table, column, index and foreign key is written with its real name, so
``drizzle-kit generate`` gives the tables our own DDL gives (a test compares them by
catalog introspection). Foreign keys are table-level ``foreignKey()`` entries: they
cover composite and self references alike. Expressions (defaults, partial-index
predicates) go through ``sql.raw("...")`` from a JSON-quoted string, so SQL text can
never break out of the TypeScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from designer.codegen.names import (
    JS_RESERVED,
    Scope,
    camel,
    comment_text,
    is_number,
    js_access,
    js_key,
    singular,
    string_literal,
)
from designer.codegen.plan import Join, Link, Plan, array_items, serial_of, unquoted
from designer.schema import (
    DefaultKind,
    Entity,
    Field,
    Index,
    IndexColumn,
    IndexMethod,
    NullsOrder,
    RefAction,
    SortOrder,
    TypeKind,
)
from designer.types import MYSQL, POSTGRESQL, SQLITE

_CORE = {POSTGRESQL: "pg", MYSQL: "mysql", SQLITE: "sqlite"}
# The type of a table's extra-config entries: written on the callback so that TypeScript
# never infers a table's type through the tables its foreign keys name (cycles: TS7022).
_EXTRA_CONFIG = {
    POSTGRESQL: "PgTableExtraConfigValue",
    MYSQL: "MySqlTableExtraConfigValue",
    SQLITE: "SQLiteTableExtraConfigValue",
}
_ACTIONS = {
    RefAction.NO_ACTION: "no action",
    RefAction.RESTRICT: "restrict",
    RefAction.CASCADE: "cascade",
    RefAction.SET_NULL: "set null",
    RefAction.SET_DEFAULT: "set default",
}
_NOW = frozenset({"now()", "current_timestamp", "current_timestamp()", "localtimestamp"})
_NUMBERS = (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.REAL, TypeKind.DOUBLE)

# kind → (builder, options) per dialect; None: a customType spelled by our DDL.
_PG = {
    TypeKind.SMALLINT: ("smallint", ""),
    TypeKind.INTEGER: ("integer", ""),
    TypeKind.BIGINT: ("bigint", 'mode: "number"'),
    TypeKind.DECIMAL: ("numeric", ""),
    TypeKind.REAL: ("real", ""),
    TypeKind.DOUBLE: ("doublePrecision", ""),
    TypeKind.TEXT: ("text", ""),
    TypeKind.VARCHAR: ("varchar", ""),
    TypeKind.CHAR: ("char", ""),
    TypeKind.BOOLEAN: ("boolean", ""),
    TypeKind.DATE: ("date", ""),
    TypeKind.TIME: ("time", ""),
    TypeKind.TIMESTAMP: ("timestamp", ""),
    TypeKind.TIMESTAMPTZ: ("timestamp", "withTimezone: true"),
    TypeKind.UUID: ("uuid", ""),
    TypeKind.JSON: ("jsonb", ""),
    TypeKind.BYTES: None,
}
_MYSQL = {
    TypeKind.SMALLINT: ("smallint", ""),
    TypeKind.INTEGER: ("int", ""),
    TypeKind.BIGINT: ("bigint", 'mode: "number"'),
    TypeKind.DECIMAL: ("decimal", ""),
    TypeKind.REAL: ("float", ""),
    TypeKind.DOUBLE: ("double", ""),
    TypeKind.TEXT: ("text", ""),
    TypeKind.VARCHAR: ("varchar", ""),
    TypeKind.CHAR: ("char", ""),
    TypeKind.BOOLEAN: ("boolean", ""),
    TypeKind.DATE: ("date", ""),
    TypeKind.TIME: ("time", "fsp: 6"),
    TypeKind.TIMESTAMP: ("datetime", "fsp: 6"),
    TypeKind.TIMESTAMPTZ: ("datetime", "fsp: 6"),
    TypeKind.UUID: ("char", "length: 36"),
    TypeKind.JSON: ("json", ""),
    TypeKind.BYTES: None,
}
_SQLITE = {
    TypeKind.SMALLINT: ("integer", ""),
    TypeKind.INTEGER: ("integer", ""),
    TypeKind.BIGINT: ("integer", ""),
    TypeKind.DECIMAL: ("numeric", ""),
    TypeKind.REAL: ("real", ""),
    TypeKind.DOUBLE: ("real", ""),
    TypeKind.TEXT: ("text", ""),
    TypeKind.VARCHAR: ("text", ""),
    TypeKind.CHAR: ("text", ""),
    TypeKind.BOOLEAN: ("integer", 'mode: "boolean"'),
    TypeKind.DATE: ("text", ""),
    TypeKind.TIME: ("text", ""),
    TypeKind.TIMESTAMP: ("text", ""),
    TypeKind.TIMESTAMPTZ: ("text", ""),
    TypeKind.UUID: ("text", ""),
    TypeKind.JSON: ("text", 'mode: "json"'),
    TypeKind.BYTES: ("blob", ""),
}
_BUILDERS = {POSTGRESQL: _PG, MYSQL: _MYSQL, SQLITE: _SQLITE}


def generate(plan: Plan) -> dict[str, str]:
    return {"schema.ts": DrizzleWriter(plan).write()}


@dataclass
class _Imports:
    orm: set[str] = field(default_factory=set)
    core: set[str] = field(default_factory=set)


class DrizzleWriter:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.schema = plan.schema
        self.core = _CORE[plan.dialect]
        self.imports = _Imports()
        self.exports = Scope(reserved=JS_RESERVED | self._import_names() | {"table"}, fallback="entity")
        self.custom_types: dict[str, str] = {}  # SQL type → const name
        self.namespaces = {
            ns: self.exports.take(camel(ns) + "Schema")
            for ns in sorted({plan.namespace(e) for e in self.schema.entities} - {None})
        }
        enum_entities = [] if plan.dialect != POSTGRESQL else self.schema.enums
        self.enum_consts = {e.id: self.exports.take(camel(e.name) + "Enum") for e in enum_entities}
        self.table_consts = {e.id: self.exports.take(camel(e.name)) for e in self.schema.entities}
        self.join_consts = {j.relationship.id: self.exports.take(camel(j.table)) for j in plan.joins}
        self.keys: dict[str, str] = {}
        self.relation_keys: dict[tuple[str, str], str] = {}
        for entity in self.schema.entities:
            self._name_members(entity)

    def _import_names(self) -> frozenset[str]:
        names = {
            "relations",
            "sql",
            "customType",
            "index",
            "uniqueIndex",
            "unique",
            "primaryKey",
            "foreignKey",
            "check",
            f"{_CORE[self.plan.dialect]}Table",
            "pgEnum",
            "pgSchema",
            "mysqlEnum",
            "mysqlSchema",
            _EXTRA_CONFIG[self.plan.dialect],
        }
        names |= {b[0] for b in _BUILDERS[self.plan.dialect].values() if b}
        return frozenset(names)

    def _name_members(self, entity: Entity) -> None:
        columns = Scope(fallback="column")
        for f in entity.fields:
            self.keys[f.id] = js_key(f.name, columns)
        relations = Scope(reserved=frozenset(columns.taken), fallback="related")
        for link in self.plan.links_from(entity):
            self.relation_keys[(link.relationship.id, "forward")] = js_key(link.forward, relations)
        for link in self.plan.links_to(entity):
            backward = link.backward if camel(link.backward) else self.table_consts[link.source.id]
            self.relation_keys[(link.relationship.id, "backward")] = js_key(backward, relations)
        for join in self.plan.joins:
            for side, end in (("left", join.left), ("right", join.right)):
                if end.id == entity.id:
                    self.relation_keys[(join.relationship.id, side)] = js_key(join.table, relations)

    # --- the file -------------------------------------------------------------------------

    def write(self) -> str:
        body = [*self._namespace_lines(), *self._enums()]
        body += [self._table(entity) for entity in self.schema.entities]
        body += [self._join_table(join) for join in self.plan.joins]
        body += [r for r in (self._relations(e) for e in self.schema.entities) if r]
        body += [self._join_relations(join) for join in self.plan.joins]
        customs = [self._custom_type(sql_type, name) for sql_type, name in self.custom_types.items()]
        title = f"// Generated by Schema Designer from {comment_text(self.schema.name or 'a schema')}."
        return "\n\n".join([title + "\n" + self._import_lines(), *customs, *body]) + "\n"

    def _import_lines(self) -> str:
        lines = []
        if self.imports.orm:
            lines.append(f'import {{ {", ".join(sorted(self.imports.orm))} }} from "drizzle-orm";')
        lines.append(f'import {{ {", ".join(sorted(self.imports.core))} }} from "drizzle-orm/{self.core}-core";')
        return "\n".join(lines)

    def _use(self, name: str, *, orm: bool = False) -> str:
        (self.imports.orm if orm else self.imports.core).add(name)
        return name

    def _namespace_lines(self) -> list[str]:
        if not self.namespaces:
            return []
        maker = self._use("pgSchema" if self.plan.dialect == POSTGRESQL else "mysqlSchema")
        return [f"export const {const} = {maker}({string_literal(ns)});" for ns, const in self.namespaces.items()]

    def _enums(self) -> list[str]:
        lines = []
        for enum in self.schema.enums:
            if enum.id not in self.enum_consts:
                continue
            values = ", ".join(string_literal(v.name) for v in enum.values)
            maker = f"{self.namespaces[enum.namespace]}.enum" if enum.namespace else self._use("pgEnum")
            lines.append(
                f"export const {self.enum_consts[enum.id]} = {maker}({string_literal(enum.name)}, [{values}]);"
            )
        return lines

    def _custom_type(self, sql_type: str, name: str) -> str:
        data = "Buffer" if sql_type in ("bytea", "longblob") else "unknown"
        self._use("customType")
        return (
            f"const {name} = customType<{{ data: {data} }}>({{\n"
            f"  dataType() {{\n    return {string_literal(sql_type)};\n  }},\n}});"
        )

    # --- tables ---------------------------------------------------------------------------

    def _table(self, entity: Entity) -> str:
        namespace = self.plan.namespace(entity)
        maker = f"{self.namespaces[namespace]}.table" if namespace else self._use(f"{self.core}Table")
        columns = [f"    {self.keys[f.id]}: {self._column(entity, f)}," for f in entity.fields]
        extras = self._extras(entity)
        comment = f"// {comment_text(entity.comment)}\n" if entity.comment else ""
        head = f"{comment}export const {self.table_consts[entity.id]} = {maker}(\n  {string_literal(self.plan.table_name(entity))},"
        if not extras:
            return f"{head}\n  {{\n" + "\n".join(columns) + "\n  },\n);"
        return (
            f"{head}\n  {{\n"
            + "\n".join(columns)
            + f"\n  }},\n  {self._extras_head()}\n"
            + "\n".join(f"    {e}," for e in extras)
            + "\n  ],\n);"
        )

    def _extras_head(self) -> str:
        return f"(table): {self._use(_EXTRA_CONFIG[self.plan.dialect])}[] => ["

    def _column(self, entity: Entity, f: Field) -> str:
        text = self._builder(f)
        if f.type.array and self.plan.dialect == POSTGRESQL:
            text += ".array()"
        column_key = self._column_key(entity) == (f.id,)
        if column_key:
            if f.identity and self.plan.dialect == SQLITE and f.type.kind in _NUMBERS[:3]:
                return text + ".primaryKey({ autoIncrement: true })"
            text += ".primaryKey()"
        if f.identity and f.type.kind in _NUMBERS[:3] and serial_of(f, self.plan.dialect) is None:
            # (serial() makes its own sequence: an identity on top of it is neither allowed nor meant)
            text += {POSTGRESQL: ".generatedByDefaultAsIdentity()", MYSQL: ".autoincrement()"}.get(
                self.plan.dialect, ""
            )
        elif not f.nullable and not column_key:
            text += ".notNull()"
        if f.unique and entity.primary_key != (f.id,):
            text += f".unique({string_literal(self.plan.constraint_names[f'{f.id}#unique'])})"
        default = self._default(f)
        if default:
            text += default
        return text

    def _column_key(self, entity: Entity) -> tuple[str, ...]:
        """The one-column primary key a column's .primaryKey() says; none when the key is
        composite or, on PostgreSQL, named otherwise than drizzle-kit's <table>_pkey (a
        column key takes no name): then primaryKey({ name }) says it."""
        if len(entity.primary_key) != 1:
            return ()
        name = self.plan.constraint_names[f"{entity.id}#pkey"]
        if self.plan.dialect == POSTGRESQL and name != f"{self.plan.table_name(entity)}_pkey":
            return ()
        return entity.primary_key

    def _builder(self, f: Field) -> str:
        kind, name = f.type.kind, string_literal(f.name)
        if kind is TypeKind.ENUM:
            return self._enum_column(f, name)
        if f.type.array and self.plan.dialect != POSTGRESQL:
            # lists are JSON outside PostgreSQL, as in our DDL
            return (
                self._use("json") + f"({name})"
                if self.plan.dialect == MYSQL
                else self._use("text") + f'({name}, {{ mode: "json" }})'
            )
        spec = None if kind is TypeKind.OTHER else _BUILDERS[self.plan.dialect][kind]
        serial = serial_of(f, self.plan.dialect)
        if serial:
            spec = (serial, 'mode: "number"' if serial == "bigserial" else "")
        if kind is TypeKind.JSON and self.plan.dialect == POSTGRESQL and (f.type.written or "").lower() == "json":
            spec = ("json", "")
        if spec is None:
            sql_type = self.plan.native(f).removesuffix("[]") if f.type.array else self.plan.native(f)
            if self.plan.dialect == POSTGRESQL:  # drizzle-kit quotes the name whole: "public.citext" is no type
                sql_type = sql_type.removeprefix("public.")
            const = self.custom_types.setdefault(sql_type, self.exports.take(camel(sql_type) + "Type"))
            return f"{const}({name})"
        builder, options = spec
        options = [o for o in [options, *self._size_options(f)] if o]
        return self._use(builder) + f"({name}" + (f", {{ {', '.join(options)} }}" if options else "") + ")"

    def _size_options(self, f: Field) -> list[str]:
        kind, t = f.type.kind, f.type
        if self.plan.dialect == SQLITE:
            return []
        if kind in (TypeKind.VARCHAR, TypeKind.CHAR):
            if t.length is not None:
                return [f"length: {t.length}"]
            return ["length: 1"] if self.plan.dialect == MYSQL and kind is TypeKind.CHAR else []
        if kind is TypeKind.DECIMAL and t.precision is not None:
            return [f"precision: {t.precision}"] + ([f"scale: {t.scale}"] if t.scale is not None else [])
        if kind in (TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ) and self.plan.dialect == POSTGRESQL:
            fraction = re.search(r"\((\d+)\)", self.plan.native(f))  # timestamp(0) as our DDL writes it
            return [f"precision: {fraction.group(1)}"] if fraction else []
        return []

    def _enum_column(self, f: Field, name: str) -> str:
        enum = self.schema.enum(f.type.enum_id)
        values = ", ".join(string_literal(v.name) for v in enum.values) if enum else ""
        if self.plan.dialect == POSTGRESQL and enum is not None:
            return f"{self.enum_consts[enum.id]}({name})"
        if self.plan.dialect == MYSQL and values:
            return self._use("mysqlEnum") + f"({name}, [{values}])"
        return self._use("text") + (f"({name}, {{ enum: [{values}] }})" if values else f"({name})")

    def _default(self, f: Field) -> str:
        default = f.default
        if default is None or f.identity:
            return ""
        if default.kind is DefaultKind.EXPRESSION:
            if self.plan.dialect == POSTGRESQL:  # as written: CURRENT_TIMESTAMP stays CURRENT_TIMESTAMP
                written = self.plan.sql_expression(default.value, owner=f.name)
                return ".defaultNow()" if written.strip().lower() == "now()" else f".default({self._raw(written)})"
            if default.value.strip().lower() in _NOW:
                return f".default({self._raw('CURRENT_TIMESTAMP')})"
            return f".default({self._raw(self.plan.sql_expression(default.value, owner=f.name))})"
        value = unquoted(default.value)
        kind = f.type.kind
        if default.value.strip().lower() == "null":  # written, as our DDL writes it (NULL::character varying)
            return f".default({self._raw('NULL')})"
        if f.type.array:
            return self._list_default(f, default.value)
        if kind is TypeKind.BOOLEAN:
            return f".default({'true' if value.strip().lower() in ('true', '1', 't') else 'false'})"
        if kind in _NUMBERS and is_number(value):
            if self.plan.dialect == POSTGRESQL and not re.fullmatch(r"-?\d+", default.value.strip()):
                # as written: '-1' on a bigint stays '-1'::bigint (-1 would be '-1'::integer), 0.0
                # stays 0.0 (a JS number prints 0)
                return f".default({self._raw(default.value.strip())})"
            return f".default({value.strip()})"
        if kind is TypeKind.DECIMAL and is_number(value):  # a string in Drizzle would be '0'::numeric
            return f".default({self._raw(value.strip())})"
        if kind in (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.ENUM, TypeKind.UUID, TypeKind.DECIMAL):
            return f".default({string_literal(value)})"
        return f".default({self._raw(default.value)})"

    def _list_default(self, f: Field, value: str) -> str:
        """A PostgreSQL array literal as a list (``'{}'`` → ``[]``); else the SQL itself."""
        items = array_items(value)
        if items is None or self.plan.dialect != POSTGRESQL:
            return f".default({self._raw(value)})"
        if f.type.kind in _NUMBERS and all(is_number(i) for i in items):
            return f".default([{', '.join(items)}])"
        if f.type.kind in (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.ENUM, TypeKind.UUID):
            return f".default([{', '.join(string_literal(i) for i in items)}])"
        return f".default({self._raw(value)})"

    def _raw(self, sql_text: str) -> str:
        return f"{self._use('sql', orm=True)}.raw({string_literal(sql_text)})"

    # --- keys, indexes, foreign keys ------------------------------------------------------------

    def _extras(self, entity: Entity) -> list[str]:
        extras = []
        if entity.primary_key and not self._column_key(entity):
            columns = ", ".join(js_access("table", self.keys[i]) for i in entity.primary_key)
            name = string_literal(self.plan.constraint_names[f"{entity.id}#pkey"])
            extras.append(f"{self._use('primaryKey')}({{ name: {name}, columns: [{columns}] }})")
        extras += [e for e in (self._index(entity, index) for index in entity.indexes) if e]
        checks = [(f"{f.id}#check", f.check) for f in entity.fields if f.check]
        checks += [(c.id, c.expression) for c in entity.checks]
        extras += [
            f"{self._use('check')}({string_literal(self.plan.constraint_names[check_id])}, {self._raw(expression)})"
            for check_id, expression in checks
        ]
        extras += [self._foreign_key(link) for link in self.plan.links_from(entity)]
        return extras

    def _index(self, entity: Entity, index: Index) -> str:
        if index.unique and tuple(c.field_id for c in index.columns) == entity.primary_key:
            return ""  # the primary key already is this index
        name = self.plan.constraint_names[index.id]
        keys, pg = [], self.plan.dialect == POSTGRESQL
        for column in index.columns:
            key = (
                js_access("table", self.keys[column.field_id])
                if column.field_id
                else self._expression_key(column, owner=name)
            )
            if column.opclass and column.field_id and pg:
                key += f".op({string_literal(column.opclass)})"
            if column.order is SortOrder.DESC and column.field_id:
                # pg-core has .desc(); MySQL and SQLite take the order inside the key
                key = f"{key}.desc()" if pg else f"{self._use('sql', orm=True)}`${{{key}}} desc`"
            if pg and column.field_id:
                key += _nulls(column)
            keys.append(key)
        if index.constraint and all(c.field_id for c in index.columns):
            # a UNIQUE constraint as the source wrote it (not a unique index): unique().on()
            text = f"{self._use('unique')}({string_literal(name)}).on({', '.join(keys)})"
            return text + (".nullsNotDistinct()" if index.nulls_not_distinct and pg else "")
        maker = self._use("uniqueIndex" if index.unique else "index")
        text = f"{maker}({string_literal(name)})"
        if index.method is not IndexMethod.BTREE and self.plan.dialect == POSTGRESQL:
            text += f".using({string_literal(index.method.value)}, {', '.join(keys)})"
        else:
            text += f".on({', '.join(keys)})"
        if index.predicate and self.plan.dialect != MYSQL:
            text += f".where({self._raw(self.plan.sql_expression(index.predicate, owner=name))})"
        return text

    def _expression_key(self, column: IndexColumn, *, owner: str) -> str:
        """An expression key as SQL: drizzle-kit writes it as given, so on PostgreSQL it is
        parenthesised (only a function call may stand bare) with its operator class and order."""
        expression = self.plan.sql_expression(column.expression, owner=owner)
        if self.plan.dialect != POSTGRESQL:
            return self._raw(expression)
        text = f"({expression})" + (f" {column.opclass}" if column.opclass else "")
        text += " DESC" if column.order is SortOrder.DESC else ""
        text += f" NULLS {column.nulls.value.upper()}" if column.nulls else ""
        return self._raw(text)

    def _foreign_key(self, link: Link) -> str:
        columns = ", ".join(js_access("table", self.keys[f.id]) for f in link.source_fields)
        target = "table" if link.target.id == link.source.id else self.table_consts[link.target.id]
        foreign = ", ".join(js_access(target, self.keys[f.id]) for f in link.target_fields)
        name = f"name: {string_literal(self.plan.constraint_names[link.relationship.id])}, "
        text = f"{self._use('foreignKey')}({{ {name}columns: [{columns}], foreignColumns: [{foreign}] }})"
        text += f".onDelete({string_literal(_ACTIONS[link.relationship.on_delete or RefAction.NO_ACTION])})"
        return text + f".onUpdate({string_literal(_ACTIONS[link.relationship.on_update or RefAction.NO_ACTION])})"

    # --- many-to-many without a join entity ---------------------------------------------------

    def _join_table(self, join: Join) -> str:
        """The join table our DDL makes for a many-to-many with no join entity:
        ``<left>_<right>`` holding both keys, named as designer.migrate names it."""
        maker, rid = self._use(f"{self.core}Table"), join.relationship.id
        columns, sides = [], []
        for side, end in (("from", join.left), ("to", join.right)):
            keys = []
            for key_id in end.primary_key:
                key = end.field(key_id)
                column = f"{end.name}_{key.name}"
                if any(c == column for c, _ in (k for s in sides for k in s[2])):
                    column += "_2"  # a self many-to-many, as in our DDL
                keys.append((column, key_id))
                builder = self._builder(Field(id="", name=column, type=key.type))
                columns.append(f"    {camel(column) or 'column'}: {builder}.notNull(),")
            sides.append((side, end, keys))
        every = [c for _, _, keys in sides for c, _ in keys]
        names = self.plan.constraint_names
        pk = ", ".join(f"table.{camel(c) or 'column'}" for c in every)
        extras = [f"{self._use('primaryKey')}({{ name: {string_literal(names[f'{rid}#pkey'])}, columns: [{pk}] }})"]
        for side, end, keys in sides:
            cols = ", ".join(f"table.{camel(c) or 'column'}" for c, _ in keys)
            foreign = ", ".join(js_access(self.table_consts[end.id], self.keys[i]) for _, i in keys)
            name = string_literal(names[f"{rid}#{side}#fkey"])
            extras.append(
                f"{self._use('foreignKey')}({{ name: {name}, columns: [{cols}], foreignColumns: [{foreign}] }})"
                '.onDelete("cascade")'
            )
        const = self.join_consts[rid]
        return (
            f"export const {const} = {maker}(\n  {string_literal(join.table)},\n  {{\n"
            + "\n".join(columns)
            + f"\n  }},\n  {self._extras_head()}\n"
            + "\n".join(f"    {e}," for e in extras)
            + "\n  ],\n);"
        )

    # --- relations() ----------------------------------------------------------------------------

    def _relations(self, entity: Entity) -> str:
        entries = []
        table = self.table_consts[entity.id]
        for link in self.plan.links_from(entity):
            key = self.relation_keys[(link.relationship.id, "forward")]
            fields = ", ".join(js_access(table, self.keys[f.id]) for f in link.source_fields)
            target = self.table_consts[link.target.id]
            refs = ", ".join(js_access(target, self.keys[f.id]) for f in link.target_fields)
            name = f", relationName: {string_literal(link.label)}" if link.ambiguous else ""
            entries.append(f"{key}: one({target}, {{ fields: [{fields}], references: [{refs}]{name} }}),")
        for link in self.plan.links_to(entity):
            key, source = self.relation_keys[(link.relationship.id, "backward")], self.table_consts[link.source.id]
            if link.one_to_one:  # drizzle's reverse one() takes no options: it finds the forward side itself
                entries.append(f"{key}: one({source}),")
            elif link.ambiguous:
                entries.append(f"{key}: many({source}, {{ relationName: {string_literal(link.label)} }}),")
            else:
                entries.append(f"{key}: many({source}),")
        for join in self.plan.joins:
            for side, end in (("left", join.left), ("right", join.right)):
                if end.id == entity.id:
                    key = self.relation_keys[(join.relationship.id, side)]
                    entries.append(f"{key}: many({self.join_consts[join.relationship.id]}),")
        if not entries:
            return ""
        self._use("relations", orm=True)
        helpers = ", ".join(h for h in ("one", "many") if any(f": {h}(" in e for e in entries))
        const = self.exports.take(f"{table}Relations")
        return (
            f"export const {const} = relations({table}, ({{ {helpers} }}) => ({{\n"
            + "\n".join(f"  {e}" for e in entries)
            + "\n}));"
        )

    def _join_relations(self, join: Join) -> str:
        const = self.join_consts[join.relationship.id]
        entries = []
        for end, prefix in ((join.left, join.left.name), (join.right, join.right.name)):
            fields = ", ".join(f"{const}.{camel(f'{prefix}_{end.field(i).name}') or 'column'}" for i in end.primary_key)
            refs = ", ".join(js_access(self.table_consts[end.id], self.keys[i]) for i in end.primary_key)
            key = camel(singular(end.name)) or "related"
            entries.append(
                f"  {key}: one({self.table_consts[end.id]}, {{ fields: [{fields}], references: [{refs}] }}),"
            )
        name = self.exports.take(f"{const}Relations")
        return f"export const {name} = relations({const}, ({{ one }}) => ({{\n" + "\n".join(entries) + "\n}));"


def _nulls(column: IndexColumn) -> str:
    """drizzle-kit writes every key's NULLS order, NULLS LAST unless told: a descending key
    (NULLS FIRST in PostgreSQL unless written) says its own."""
    first = column.nulls is NullsOrder.FIRST or (column.nulls is None and column.order is SortOrder.DESC)
    return ".nullsFirst()" if first else ""
