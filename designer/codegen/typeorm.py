"""TypeORM entities (``entities.ts``): one decorated class per entity, in one module so
the classes can refer to each other without import cycles.

Relations use ``Relation<T>`` (TypeORM's wrapper for ES modules) so decorator metadata
never reads a class before it is defined. Each foreign-key column is also a plain
``@Column`` next to its relation, so the key is readable without a join. What TypeORM
cannot declare (an index on an expression, per-column sort order) is said in a comment
above the class and stays in the SQL migrations.
"""

from __future__ import annotations

import re

from designer.codegen.names import (
    JS_RESERVED,
    Scope,
    camel,
    comment_text,
    is_number,
    js_key,
    model_name,
    string_literal,
)
from designer.codegen.plan import Join, Link, Plan, key_of, serial_of, unquoted
from designer.schema import DefaultKind, Entity, Field, Index, IndexMethod, RefAction, SortOrder, TypeKind
from designer.types import MYSQL, POSTGRESQL, SQLITE

_IMPORTS = (
    "Column",
    "Entity",
    "Index",
    "JoinColumn",
    "JoinTable",
    "ManyToMany",
    "ManyToOne",
    "OneToMany",
    "OneToOne",
    "PrimaryColumn",
    "PrimaryGeneratedColumn",
    "Relation",
    "Unique",
)
_ACTIONS = {
    RefAction.NO_ACTION: "NO ACTION",
    RefAction.RESTRICT: "RESTRICT",
    RefAction.CASCADE: "CASCADE",
    RefAction.SET_NULL: "SET NULL",
    RefAction.SET_DEFAULT: "DEFAULT",
}
_INTEGERS = (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT)
_NOW = frozenset({"now()", "current_timestamp", "current_timestamp()", "localtimestamp"})
# Index methods TypeORM's @Index({ type }) takes (TableIndexTypes), PostgreSQL only.
_INDEX_TYPES = frozenset({"btree", "hash", "gist", "spgist", "gin", "brin"})

# kind → (TypeORM column type, TypeScript type) per dialect.
_PG = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "integer",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "numeric",
    TypeKind.REAL: "real",
    TypeKind.DOUBLE: "double precision",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time",
    TypeKind.TIMESTAMP: "timestamp",
    TypeKind.TIMESTAMPTZ: "timestamptz",
    TypeKind.UUID: "uuid",
    TypeKind.JSON: "jsonb",
    TypeKind.BYTES: "bytea",
    TypeKind.ENUM: "enum",
}
_MYSQL = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "int",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "decimal",
    TypeKind.REAL: "float",
    TypeKind.DOUBLE: "double",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time",
    TypeKind.TIMESTAMP: "datetime",
    TypeKind.TIMESTAMPTZ: "datetime",
    TypeKind.UUID: "char",
    TypeKind.JSON: "json",
    TypeKind.BYTES: "longblob",
    TypeKind.ENUM: "enum",
}
_SQLITE = {
    TypeKind.SMALLINT: "smallint",
    TypeKind.INTEGER: "integer",
    TypeKind.BIGINT: "bigint",
    TypeKind.DECIMAL: "numeric",
    TypeKind.REAL: "real",
    TypeKind.DOUBLE: "real",
    TypeKind.TEXT: "text",
    TypeKind.VARCHAR: "varchar",
    TypeKind.CHAR: "char",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "date",
    TypeKind.TIME: "time",
    TypeKind.TIMESTAMP: "datetime",
    TypeKind.TIMESTAMPTZ: "datetime",
    TypeKind.UUID: "varchar",
    TypeKind.JSON: "json",
    TypeKind.BYTES: "blob",
    TypeKind.ENUM: "simple-enum",
}
_COLUMN_TYPES = {POSTGRESQL: _PG, MYSQL: _MYSQL, SQLITE: _SQLITE}
# What the driver hands back: bigint and numeric as strings (they overflow a JS number).
_TS = {
    TypeKind.SMALLINT: "number",
    TypeKind.INTEGER: "number",
    TypeKind.BIGINT: "string",
    TypeKind.DECIMAL: "string",
    TypeKind.REAL: "number",
    TypeKind.DOUBLE: "number",
    TypeKind.TEXT: "string",
    TypeKind.VARCHAR: "string",
    TypeKind.CHAR: "string",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.DATE: "string",
    TypeKind.TIME: "string",
    TypeKind.TIMESTAMP: "Date",
    TypeKind.TIMESTAMPTZ: "Date",
    TypeKind.UUID: "string",
    TypeKind.JSON: "unknown",
    TypeKind.BYTES: "Buffer",
    TypeKind.OTHER: "unknown",
}


def generate(plan: Plan) -> dict[str, str]:
    return {"entities.ts": TypeOrmWriter(plan).write()}


class TypeOrmWriter:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.schema = plan.schema
        classes = Scope(reserved=JS_RESERVED | frozenset(_IMPORTS), fallback="Entity")
        self.class_names = {e.id: classes.take(model_name(e.name)) for e in self.schema.entities}
        self.props: dict[str, str] = {}
        self.relation_props: dict[tuple[str, str], str] = {}
        for entity in self.schema.entities:
            self._name_members(entity)
        self.used: set[str] = set()

    def _name_members(self, entity: Entity) -> None:
        # a class member cannot be called constructor; prototype would shadow the class's own
        scope = Scope(reserved=frozenset({"constructor", "prototype"}), fallback="column")
        for f in entity.fields:
            self.props[f.id] = js_key(f.name, scope)
        for link in self.plan.links_from(entity):
            self.relation_props[(link.relationship.id, "forward")] = js_key(link.forward, scope)
        for link in self.plan.links_to(entity):
            backward = link.backward if camel(link.backward) else self.class_names[link.source.id] + "s"
            self.relation_props[(link.relationship.id, "backward")] = js_key(backward, scope)
        for join in self.plan.joins:
            for side, end, other in (("left", join.left, join.right), ("right", join.right, join.left)):
                if end.id == entity.id:
                    name = other.name if camel(other.name) else self.class_names[other.id] + "s"
                    self.relation_props[(join.relationship.id, side)] = js_key(name, scope)

    def write(self) -> str:
        classes = [self._class(entity) for entity in self.schema.entities]
        title = f"// Generated by Schema Designer from {comment_text(self.schema.name or 'a schema')}."
        names = sorted(self.used - {"Relation"})
        imports = f'import {{ {", ".join(names)}, type Relation }} from "typeorm";'
        return "\n\n".join([f"{title}\n{imports}", *classes]) + "\n"

    @property
    def _names(self) -> dict[str, str]:
        return self.plan.constraint_names

    def _prop_name(self, field_id: str) -> str:
        """The property's name as TypeORM looks it up (a quoted key is the field's name)."""
        key = self.props[field_id]
        return self.schema.find_field(field_id)[1].name if key.startswith('"') else key

    def _d(self, name: str) -> str:
        self.used.add(name)
        return name

    # --- classes ----------------------------------------------------------------------------

    def _class(self, entity: Entity) -> str:
        options = [f"name: {string_literal(self.plan.table_name(entity))}"]
        if self.plan.namespace(entity):  # a schema in PostgreSQL, a database in MySQL
            option = "schema" if self.plan.dialect == POSTGRESQL else "database"
            options.append(f"{option}: {string_literal(entity.namespace)}")
        lines = [f"/** {comment_text(entity.comment)} */"] if entity.comment else []
        lines += _key_note(entity, "TypeORM needs a primary column")
        lines += self._index_lines(entity)
        lines += self._check_lines(entity)
        if not key_of(entity):
            options.append("synchronize: false")  # see _typeorm_key: the SQL migrations make this table
        lines.append(f"@{self._d('Entity')}({{ {', '.join(options)} }})")
        lines.append(f"export class {self.class_names[entity.id]} {{")
        members = [self._column(entity, f) for f in _key_in_order(entity)]
        members += [self._forward(link) for link in self.plan.links_from(entity)]
        members += [self._backward(link) for link in self.plan.links_to(entity)]
        members += [self._join(join, entity) for join in self.plan.joins if entity.id in (join.left.id, join.right.id)]
        lines.append("\n\n".join(m for m in members if m))
        lines.append("}")
        return "\n".join(lines)

    def _column(self, entity: Entity, f: Field) -> str:
        column_type, ts_type = self._types(f)
        options = [f"name: {string_literal(f.name)}", f"type: {column_type}", *self._type_options(f)]
        single_key = _typeorm_key(entity) == (f.id,)
        serial = serial_of(f, self.plan.dialect)
        if single_key and serial:  # TypeORM's "increment" on PostgreSQL is serial, bigserial, smallserial
            pkey = f", primaryKeyConstraintName: {string_literal(self._key_name(entity))}"
            decorator = f'@{self._d("PrimaryGeneratedColumn")}("increment", {{ {", ".join(options[:2])}{pkey} }})'
            return f"  {decorator}\n  {self.props[f.id]}!: {ts_type};"
        if f.id in _typeorm_key(entity) and f.identity and f.type.kind in _INTEGERS and single_key:
            strategy = "identity" if self.plan.dialect == POSTGRESQL else "increment"
            extra = ', generatedIdentity: "BY DEFAULT"' if strategy == "identity" else ""
            pkey = f", primaryKeyConstraintName: {string_literal(self._key_name(entity))}"
            decorator = (
                f'@{self._d("PrimaryGeneratedColumn")}("{strategy}", {{ {", ".join(options[:2])}{extra}{pkey} }})'
            )
            return f"  {decorator}\n  {self.props[f.id]}!: {ts_type};"
        if f.nullable and f.id not in _typeorm_key(entity):  # PrimaryColumn takes no nullable
            options.append("nullable: true")
        if serial:  # a serial inside a composite key: "increment" is TypeORM's serial, sequence and all
            options.append('generated: "increment"')
        elif f.identity and f.type.kind in _INTEGERS and self.plan.dialect == POSTGRESQL:
            options += ['generated: "identity"', 'generatedIdentity: "BY DEFAULT"']  # as our DDL makes it
        if f.id in _typeorm_key(entity) and self._key_name(entity):
            options.append(f"primaryKeyConstraintName: {string_literal(self._key_name(entity))}")
        default = self._default(f)
        if default:
            options.append(f"default: {default}")
        if f.comment:
            options.append(f"comment: {string_literal(f.comment)}")
        decorator = self._d("PrimaryColumn" if f.id in _typeorm_key(entity) else "Column")
        nullable = " | null" if f.nullable and f.id not in key_of(entity) else ""
        return f"  @{decorator}({{ {', '.join(options)} }})\n  {self.props[f.id]}!: {ts_type}{nullable};"

    def _types(self, f: Field) -> tuple[str, str]:
        kind = f.type.kind
        if kind is TypeKind.OTHER:
            # TypeORM types its column types as a closed list; a type it does not list is
            # passed through as written (it is our DDL's type).
            native = self.plan.native(f)
            if self.plan.dialect == POSTGRESQL:  # TypeORM knows citext and hstore, not public.citext
                native = native.removeprefix("public.")
            return f'{string_literal(native)} as unknown as "text"', "unknown"
        if f.type.array and self.plan.dialect != POSTGRESQL:
            return string_literal("json" if self.plan.dialect != SQLITE else "simple-json"), "unknown"
        column_type = _COLUMN_TYPES[self.plan.dialect][kind]
        if kind is TypeKind.VARCHAR and f.type.length is None and self.plan.dialect == MYSQL:
            column_type = "text"
        if kind is TypeKind.JSON and (f.type.written or "").lower() == "json" and self.plan.dialect == POSTGRESQL:
            column_type = "json"
        if kind is TypeKind.ENUM:
            values = self.plan.enum_values(f.type.enum_id)
            ts_type = " | ".join(string_literal(v) for v in values) or "string"
        else:
            ts_type = _TS[kind]
        if f.type.array:
            ts_type = f"({ts_type})[]"
        return string_literal(column_type), ts_type

    def _type_options(self, f: Field) -> list[str]:
        t, dialect, options = f.type, self.plan.dialect, []
        if t.array and dialect == POSTGRESQL:
            options.append("array: true")
        if t.kind in (TypeKind.VARCHAR, TypeKind.CHAR) and t.length is not None:
            options.append(f"length: {t.length}")
        if t.kind is TypeKind.UUID and dialect == MYSQL:
            options.append("length: 36")
        if t.kind is TypeKind.DECIMAL and t.precision is not None:
            options.append(f"precision: {t.precision}")
            options += [f"scale: {t.scale}"] if t.scale is not None else []
        if t.kind in (TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ) and dialect == MYSQL:
            options.append("precision: 6")
        elif t.kind in (TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ) and not t.array:
            fraction = re.search(r"\((\d+)\)", self.plan.native(f))  # timestamp(0) as our DDL writes it
            options += [f"precision: {fraction.group(1)}"] if fraction else []
        if t.kind is TypeKind.ENUM:
            values = self.plan.enum_values(t.enum_id)
            options.append(f"enum: [{', '.join(string_literal(v) for v in values)}]")
            enum = self.schema.enum(t.enum_id)
            if enum and dialect == POSTGRESQL:
                qualified = f"{enum.namespace}.{enum.name}" if enum.namespace else enum.name
                options.append(f"enumName: {string_literal(qualified if enum.namespace else enum.name)}")
        return options

    def _check_lines(self, entity: Entity) -> list[str]:
        """``@Check`` per check, named as our DDL names it, so synchronize makes the same ones.
        MySQL before 8.0.16 and TypeORM on it ignore checks; they are written all the same."""
        checks = [(f"{f.id}#check", f.check) for f in entity.fields if f.check]
        checks += [(c.id, c.expression) for c in entity.checks]
        return [
            f"@{self._d('Check')}({string_literal(self._names[check_id])}, {string_literal(expression)})"
            for check_id, expression in checks
        ]

    def _key_name(self, entity: Entity) -> str:
        """The key's constraint name in our DDL: the primary key's, or that of the unique
        constraint or index standing in for it."""
        if entity.primary_key:
            return self._names[f"{entity.id}#pkey"]
        key = key_of(entity)
        index = next((i for i in entity.indexes if tuple(c.field_id for c in i.columns) == key), None)
        if not key_of(entity):
            return ""  # every column stands in (_typeorm_key): no constraint of ours to name
        return self._names.get(f"{key[0]}#unique") if index is None else self._names.get(index.id, index.name or "")

    def _default(self, f: Field) -> str:
        default = f.default
        if default is None:
            return ""
        if default.value.strip().lower() == "null":
            # No default: the same as DEFAULT NULL. Spelled `() => "NULL"` it never matches
            # what TypeORM reads back, so every synchronize would re-set it and re-create
            # the column's indexes.
            return ""
        if default.kind is DefaultKind.EXPRESSION:
            if self.plan.dialect != POSTGRESQL:
                now = default.value.strip().lower() in _NOW
                text = "CURRENT_TIMESTAMP" if now else self.plan.sql_expression(default.value, owner=f.name)
                return f"() => {string_literal(text)}"
            # TypeORM's postgres driver writes a bare CURRENT_TIMESTAMP as now(), the same
            # function, on both sides of its comparison; in parentheses it would be kept as
            # written but never compare equal again (each synchronize re-sets it).
            text = self.plan.sql_expression(default.value, owner=f.name)
            return f"() => {string_literal(text)}"
        if f.type.array:  # an array literal is SQL ('{}'): TypeORM writes it as given
            return f"() => {string_literal(default.value)}"
        value = unquoted(default.value)
        if f.type.kind is TypeKind.BOOLEAN:
            return "true" if value.strip().lower() in ("true", "1", "t") else "false"
        if f.type.kind in (*_INTEGERS, TypeKind.REAL, TypeKind.DOUBLE) and is_number(value):
            # TypeORM quotes a JS number on PostgreSQL ('0'::bigint); as SQL it is our DDL's
            # spelling, quoted or not (a bigint keeps '-1'::bigint only if written '-1')
            return (
                f"() => {string_literal(default.value.strip())}" if self.plan.dialect == POSTGRESQL else value.strip()
            )
        if f.type.kind in (
            TypeKind.TEXT,
            TypeKind.VARCHAR,
            TypeKind.CHAR,
            TypeKind.ENUM,
            TypeKind.UUID,
            TypeKind.DECIMAL,
        ):
            return string_literal(value)
        return f"() => {string_literal(default.value)}"

    # --- indexes ----------------------------------------------------------------------------

    def _index_lines(self, entity: Entity) -> list[str]:
        # unique fields as named class-level constraints, so the names are our DDL's
        lines = [
            f"@{self._d('Unique')}({string_literal(self._names[f'{f.id}#unique'])}, "
            f"[{string_literal(self._prop_name(f.id))}])"
            for f in entity.fields
            if f.unique and key_of(entity) != (f.id,)
        ]
        for index in entity.indexes:
            if index.unique and tuple(c.field_id for c in index.columns) == _typeorm_key(entity):
                continue
            lines += self._index(entity, index)
        return lines

    def _index(self, entity: Entity, index: Index) -> list[str]:
        name = self._names[index.id]
        if any(c.field_id is None for c in index.columns):
            return [
                f"// index {comment_text(name)} is on an expression, which TypeORM cannot declare: it is in the SQL."
            ]
        props = ", ".join(string_literal(self._prop_name(c.field_id)) for c in index.columns)
        if index.constraint:  # a UNIQUE constraint, as the source wrote it: @Unique is one on PostgreSQL
            return [f"@{self._d('Unique')}({string_literal(name)}, [{props}])"]
        notes = []
        if any(c.order is SortOrder.DESC for c in index.columns):
            notes.append(f"// index {comment_text(name)}: TypeORM has no per-column order; the SQL sorts descending.")
        if any(c.opclass for c in index.columns):
            notes.append(f"// index {comment_text(name)}: TypeORM has no operator classes; the SQL names them.")
        options = []
        if index.unique:
            options.append("unique: true")
        if self.plan.dialect == POSTGRESQL and index.method is not IndexMethod.BTREE:
            if index.method.value in _INDEX_TYPES:
                options.append(f'type: "{index.method.value}"')
            else:
                notes.append(f"// index {comment_text(name)}: TypeORM has no {index.method.value}; the SQL uses it.")
        if index.predicate and self.plan.dialect != MYSQL:
            options.append(f"where: {string_literal(self.plan.sql_expression(index.predicate, owner=name))}")
        tail = f", {{ {', '.join(options)} }}" if options else ""
        return [*notes, f"@{self._d('Index')}({string_literal(name)}, [{props}]{tail})"]

    # --- relations ----------------------------------------------------------------------------

    def _forward(self, link: Link) -> str:
        target = self.class_names[link.target.id]
        back = self.relation_props[(link.relationship.id, "backward")]
        decorator = self._d("OneToOne" if link.one_to_one else "ManyToOne")
        relationship = link.relationship
        options = [
            f"nullable: {'true' if link.optional else 'false'}",
            f'onDelete: "{_ACTIONS[relationship.on_delete or RefAction.NO_ACTION]}"',
            f'onUpdate: "{_ACTIONS[relationship.on_update or RefAction.NO_ACTION]}"',
        ]
        columns = []
        for source_field, target_field in zip(link.source_fields, link.target_fields, strict=True):
            parts = [
                f"name: {string_literal(source_field.name)}",
                f"referencedColumnName: {string_literal(self._prop_name(target_field.id))}",
            ]
            parts.append(f"foreignKeyConstraintName: {string_literal(self._names[relationship.id])}")
            columns.append(f"{{ {', '.join(parts)} }}")
        prop = self.relation_props[(link.relationship.id, "forward")]
        optional = " | null" if link.optional else ""
        return (
            f"  @{decorator}(() => {target}, (other) => other{_member(back)}, {{ {', '.join(options)} }})\n"
            f"  @{self._d('JoinColumn')}([{', '.join(columns)}])\n"
            f"  {prop}!: {self._d('Relation')}<{target}>{optional};"
        )

    def _backward(self, link: Link) -> str:
        source = self.class_names[link.source.id]
        forward = self.relation_props[(link.relationship.id, "forward")]
        prop = self.relation_props[(link.relationship.id, "backward")]
        if link.one_to_one:
            return (
                f"  @{self._d('OneToOne')}(() => {source}, (other) => other{_member(forward)})\n"
                f"  {prop}!: {self._d('Relation')}<{source}> | null;"
            )
        return (
            f"  @{self._d('OneToMany')}(() => {source}, (other) => other{_member(forward)})\n"
            f"  {prop}!: {self._d('Relation')}<{source}[]>;"
        )

    def _join(self, join: Join, entity: Entity) -> str:
        """A many-to-many with no join entity: TypeORM owns the join table (same name and
        columns as our DDL's: ``<left>_<right>``, ``<entity>_<key>``)."""
        left = join.left.id == entity.id
        side, other = ("left", join.right) if left else ("right", join.left)
        prop = self.relation_props[(join.relationship.id, side)]
        inverse = self.relation_props[(join.relationship.id, "right" if left else "left")]
        text = f"  @{self._d('ManyToMany')}(() => {self.class_names[other.id]}, (other) => other{_member(inverse)})\n"
        if left:

            def columns(end: Entity) -> str:
                return ", ".join(
                    f"{{ name: {string_literal(f'{end.name}_{end.field(i).name}')}, "
                    f"referencedColumnName: {string_literal(self._prop_name(i))} }}"
                    for i in _typeorm_key(end)
                )

            text += (
                f"  @{self._d('JoinTable')}({{ name: {string_literal(join.table)}, "
                f"joinColumns: [{columns(join.left)}], inverseJoinColumns: [{columns(join.right)}] }})\n"
            )
        return text + f"  {prop}!: {self._d('Relation')}<{self.class_names[other.id]}[]>;"


def _member(key: str) -> str:
    return f"[{key}]" if key.startswith('"') else f".{key}"


def _typeorm_key(entity: Entity) -> tuple[str, ...]:
    """TypeORM refuses an entity without a primary column (MissingPrimaryColumnError, even with
    synchronize off): a table with no key nor unique not-null columns gets all its columns."""
    return key_of(entity) or tuple(f.id for f in entity.fields)


def _key_note(entity: Entity, need: str) -> list[str]:
    """A table without a primary key: say which unique columns stand in for it, or that none can."""
    if entity.primary_key:
        return []
    columns = [entity.field(i).name for i in key_of(entity)]
    if columns:
        return [
            f"// {comment_text(entity.qualified_name)} has no primary key; {need}: its unique, not-null "
            f"{comment_text(', '.join(columns))} stands in for it."
        ]
    return [
        f"// {comment_text(entity.qualified_name)} has no primary key and no unique not-null columns; {need}: "
        "every column stands in for one (a row is told apart by all its values), and synchronize leaves "
        "the table to the SQL migrations."
    ]


def _key_in_order(entity: Entity) -> list[Field]:
    """The fields with the key's columns, where they stand, put in key order: TypeORM makes a
    composite primary key in the order its columns are declared."""
    key = _typeorm_key(entity)
    in_key = iter(entity.field(i) for i in key)
    return [next(in_key) if f.id in key else f for f in entity.fields]
