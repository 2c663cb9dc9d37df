"""The physical model a migration works on: tables, columns, constraints and indexes,
each with a stable id and the name it has in the database.

A ``Schema`` says what the person designed; this says what exists in the database:
a field's ``unique`` and ``check`` become named constraints, a many-to-many without a
join entity becomes a join table, and every unnamed constraint or index gets the
name PostgreSQL would give it. Names derived from other names move with them: when a
table is renamed its ``users_pkey`` becomes ``people_pkey``, so the diff sees a
constraint rename and the migrated database matches one built from scratch.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from designer.naming import fit_identifier, postgresql_name
from designer.schema import (
    Cardinality,
    DatabaseObject,
    Default,
    Domain,
    Entity,
    Extension,
    Field,
    FieldType,
    IndexColumn,
    IndexMethod,
    Partitioning,
    RefAction,
    Relationship,
    Schema,
    SortOrder,
    StorageParameter,
    TypeKind,
)
from designer.type_catalog import needed_extensions, needs_extension
from designer.types import POSTGRESQL, UnportableType, dialect_of, reference_type, sql_type


@dataclass(frozen=True)
class Column:
    id: str
    name: str
    type: FieldType
    nullable: bool = True
    default: Default | None = None
    identity: bool = False
    label: str = ""  # "entity.field", for messages
    comment: str | None = None
    identity_always: bool = False  # GENERATED ALWAYS AS IDENTITY
    sequence: str | None = None  # a serial's sequence under a name of its own
    generated: str | None = None  # GENERATED ALWAYS AS (expression)
    generated_virtual: bool = False
    on_update: str | None = None  # MySQL ON UPDATE expression


@dataclass(frozen=True)
class Constraint:
    """A primary key, unique, check or foreign key. Foreign keys live in ``Model.foreign_keys``."""

    id: str
    name: str
    kind: str  # "primary" | "unique" | "check" | "foreign" | "exclude" (PostgreSQL)
    columns: tuple[str, ...] = ()  # column ids
    expression: str | None = None  # check; exclude: what follows EXCLUDE
    ref_table: str | None = None  # foreign: table id
    ref_columns: tuple[str, ...] = ()
    on_delete: RefAction | None = None
    on_update: RefAction | None = None
    given_name: bool = False  # the person named it (a too-long name is an error, not shortened)
    deferrable: bool = False  # foreign
    initially_deferred: bool = False  # foreign
    not_valid: bool = False  # foreign, check (PostgreSQL: existing rows are not checked)
    match_full: bool = False  # foreign

    def shape(self) -> tuple:
        """Everything but the name: two constraints with the same shape differ by a rename."""
        return (
            self.kind,
            self.columns,
            self.expression,
            self.ref_table,
            self.ref_columns,
            self.on_delete,
            self.on_update,
            self.deferrable,
            self.initially_deferred,
            self.not_valid,
            self.match_full,
        )


@dataclass(frozen=True)
class IndexDef:
    id: str
    name: str
    columns: tuple[IndexColumn, ...]
    unique: bool = False
    method: IndexMethod = IndexMethod.BTREE
    predicate: str | None = None
    include: tuple[str, ...] = ()
    given_name: bool = False
    nulls_not_distinct: bool = False
    storage: tuple[StorageParameter, ...] = ()

    def shape(self) -> tuple:
        return (
            self.columns,
            self.unique,
            self.method,
            self.predicate,
            self.include,
            self.nulls_not_distinct,
            self.storage,
        )


@dataclass(frozen=True)
class Table:
    id: str
    name: str
    namespace: str | None
    columns: tuple[Column, ...]
    constraints: tuple[Constraint, ...] = ()  # primary, unique, check
    indexes: tuple[IndexDef, ...] = ()
    comment: str | None = None
    charset: str | None = None  # MySQL table options
    collation: str | None = None
    partitioning: Partitioning | None = None
    storage: tuple[StorageParameter, ...] = ()  # PostgreSQL table options
    unlogged: bool = False

    def column(self, column_id: str) -> Column | None:
        return self._columns.get(column_id)

    @functools.cached_property
    def _columns(self) -> dict[str, Column]:  # frozen, so the lookup stays right for the table's life
        return {c.id: c for c in self.columns}

    @property
    def primary_key(self) -> Constraint | None:
        return next((c for c in self.constraints if c.kind == "primary"), None)

    @property
    def label(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class EnumType:
    id: str
    name: str
    namespace: str | None
    values: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Model:
    namespaces: tuple[str, ...] = ()
    enums: tuple[EnumType, ...] = ()
    tables: tuple[Table, ...] = ()
    foreign_keys: tuple[tuple[str, Constraint], ...] = ()  # (table id, constraint)
    source_dialect: str | None = None
    objects: tuple[DatabaseObject, ...] = ()  # views, functions… (designer.migrate.objects)
    domains: tuple[Domain, ...] = ()
    extensions: tuple[Extension, ...] = ()
    # Extensions the column and domain types come from that ``extensions`` does not list
    # (a citext column in a file that names no extension): created, never dropped.
    needed_extensions: tuple[Extension, ...] = ()

    def table(self, table_id: str) -> Table | None:
        return self._tables.get(table_id)

    def enum(self, enum_id: str) -> EnumType | None:
        return self._enums.get(enum_id)

    @functools.cached_property
    def _tables(self) -> dict[str, Table]:
        return {t.id: t for t in self.tables}

    @functools.cached_property
    def _enums(self) -> dict[str, EnumType]:
        return {e.id: e for e in self.enums}


def build_model(schema: Schema) -> Model:
    """The schema's physical model, built once per schema object: diff() and render() of a
    migration, and of its neighbours in a history, read the same schemas again. Kept in
    the instance's ``__dict__`` as ``Schema``'s own cached lookups are (frozen dataclasses
    allow it; equality ignores it)."""
    model = schema.__dict__.get("_migration_model")
    if model is None:
        model = schema.__dict__["_migration_model"] = _build(schema)
    return model


def _build(schema: Schema) -> Model:
    names = _Names()
    tables = [_table(entity, names) for entity in schema.entities]
    foreign_keys: list[tuple[str, Constraint]] = []
    for relationship in schema.relationships:
        if relationship.cardinality is Cardinality.MANY_TO_MANY:
            if relationship.join_entity_id is None:  # a join entity already carries its two foreign keys
                join, keys = _join_table(schema, relationship, names, taken={(t.namespace, t.name) for t in tables})
                if join is not None:
                    tables.append(join)
                    foreign_keys.extend(keys)
            continue
        key = _foreign_key(schema, relationship, names)
        if key is not None:
            foreign_keys.append(key)
    namespaces = sorted(
        {t.namespace for t in tables if t.namespace}
        | {e.namespace for e in (*schema.enums, *schema.domains, *schema.extensions) if e.namespace}
        | {o.namespace for o in schema.objects if o.namespace}
    )
    enums = tuple(EnumType(e.id, e.name, e.namespace, tuple(v.name for v in e.values)) for e in schema.enums)
    return Model(
        tuple(namespaces),
        enums,
        tuple(tables),
        tuple(foreign_keys),
        dialect_of(schema.database_type),
        objects=schema.objects,
        domains=schema.domains,
        extensions=schema.extensions,
        needed_extensions=_needed_extensions(schema),
    )


def _needed_extensions(schema: Schema) -> tuple[Extension, ...]:
    """What PostgreSQL needs for the types as its DDL spells them (a type another dialect
    wrote that has no PostgreSQL spelling asks for nothing: the DDL refuses it anyway)."""
    source = dialect_of(schema.database_type)
    spelled = []
    for field_type in [*(d.base for d in schema.domains), *(f.type for e in schema.entities for f in e.fields)]:
        if field_type.written and field_type.kind is not TypeKind.ENUM and needs_extension(field_type.written):
            try:  # the check above is the cheap one: most types come from no extension
                spelled.append(sql_type(field_type, dialect=POSTGRESQL, source_dialect=source))
            except UnportableType:
                continue
    listed = {e.name for e in schema.extensions}
    names = needed_extensions(spelled)
    return tuple(Extension(name=name) for name in names if name not in listed)


class _Names:
    """Derived names, unique per namespace like PostgreSQL's relation names (which also
    keeps them unique per table for MySQL and per database for SQLite)."""

    def __init__(self) -> None:
        self.used: set[tuple[str | None, str]] = set()

    def take(self, namespace: str | None, given: str | None, *parts: str) -> tuple[str, bool]:
        if given:
            self.used.add((namespace, given))
            return given, True
        base = postgresql_name(parts[0], list(parts[1:-1]), parts[-1]) if len(parts) > 1 else fit_identifier(parts[0])
        name, n = base, 0
        while (namespace, name) in self.used:
            n += 1
            name = fit_identifier(f"{'_'.join(parts[:-1])}{n}_{parts[-1]}" if len(parts) > 1 else f"{base}{n}")
        self.used.add((namespace, name))
        return name, False


def _column(entity: Entity, field: Field) -> Column:
    return Column(
        field.id,
        field.name,
        field.type,
        nullable=field.nullable and field.id not in entity.primary_key,
        default=field.default,
        identity=field.identity,
        label=f"{entity.name}.{field.name}",
        comment=field.comment or None,
        identity_always=field.identity_always and field.identity,
        sequence=field.sequence,
        generated=field.generated,
        generated_virtual=field.generated_virtual,
        on_update=field.on_update,
    )


def _table(entity: Entity, names: _Names) -> Table:
    ns, table = entity.namespace, entity.name
    constraints: list[Constraint] = []
    if entity.primary_key:
        name, given = names.take(ns, entity.primary_key_name, table, "pkey")
        constraints.append(
            Constraint(f"{entity.id}#pkey", name, "primary", tuple(entity.primary_key), given_name=given)
        )
    for field in entity.fields:
        if field.unique and (field.id,) != tuple(entity.primary_key):
            name, _ = names.take(ns, None, table, field.name, "key")
            constraints.append(Constraint(f"{field.id}#unique", name, "unique", (field.id,)))
        if field.check:
            name, given = names.take(ns, field.check_name, table, field.name, "check")
            constraints.append(
                Constraint(f"{field.id}#check", name, "check", (field.id,), expression=field.check, given_name=given)
            )
    for check in entity.checks:
        name, given = names.take(ns, check.name, table, "check")
        constraints.append(
            Constraint(
                check.id, name, "check", expression=check.expression, given_name=given, not_valid=check.not_valid
            )
        )
    constraints += _exclusions(entity, names)
    indexes = []
    for index in entity.indexes:
        parts = [
            entity.field(c.field_id).name if c.field_id and entity.field(c.field_id) else "expr" for c in index.columns
        ]
        name, given = names.take(ns, index.name, table, *parts, "key" if index.unique else "idx")
        if _is_unique_constraint(index):
            columns = tuple(c.field_id for c in index.columns)
            constraints.append(Constraint(index.id, name, "unique", columns, given_name=given))
            continue
        indexes.append(
            IndexDef(
                index.id,
                name,
                index.columns,
                index.unique,
                index.method,
                index.predicate,
                index.include,
                given_name=given,
                nulls_not_distinct=index.nulls_not_distinct,
                storage=index.storage,
            )
        )
    columns = tuple(_column(entity, f) for f in entity.fields)
    return Table(
        entity.id,
        table,
        ns,
        columns,
        tuple(constraints),
        tuple(indexes),
        comment=entity.comment or None,
        partitioning=entity.partitioning,
        charset=entity.charset,
        collation=entity.collation,
        storage=entity.storage,
        unlogged=entity.unlogged,
    )


def mysql_options_changed(before: Table, after: Table) -> bool:
    """A MySQL table option (character set, collation) the new design says differently."""
    return any(
        new is not None and new != old
        for old, new in ((before.charset, after.charset), (before.collation, after.collation))
    )


def _is_unique_constraint(index) -> bool:
    """A UNIQUE constraint as written: unique, plain columns in ascending order, nothing else."""
    plain = all(c.field_id and c.expression is None and c.order is SortOrder.ASC for c in index.columns)
    return index.constraint and index.unique and plain and not index.predicate and not index.include


def _foreign_key(schema: Schema, relationship: Relationship, names: _Names) -> tuple[str, Constraint] | None:
    source, target = schema.entity(relationship.from_entity_id), schema.entity(relationship.to_entity_id)
    if source is None or target is None or not relationship.from_field_ids:
        return None
    fields = [source.field(i) for i in relationship.from_field_ids]
    if any(f is None for f in fields) or any(target.field(i) is None for i in relationship.to_field_ids):
        return None
    name, given = names.take(source.namespace, relationship.name, source.name, *(f.name for f in fields), "fkey")
    return source.id, Constraint(
        relationship.id,
        name,
        "foreign",
        tuple(relationship.from_field_ids),
        ref_table=target.id,
        ref_columns=tuple(relationship.to_field_ids),
        on_delete=relationship.on_delete,
        on_update=relationship.on_update,
        given_name=given,
        deferrable=relationship.deferrable or relationship.initially_deferred,
        initially_deferred=relationship.initially_deferred,
        not_valid=relationship.not_valid,
        match_full=relationship.match_full,
    )


def _exclusions(entity: Entity, names: _Names) -> list[Constraint]:
    found = []
    for exclusion in entity.exclusions:
        name, given = names.take(entity.namespace, exclusion.name, entity.name, "excl")
        found.append(Constraint(exclusion.id, name, "exclude", expression=exclusion.definition, given_name=given))
    return found


def _join_table(schema: Schema, relationship: Relationship, names: _Names, *, taken) -> tuple:
    """A many-to-many drawn without a join entity: the join table the database needs,
    with ids derived from the relationship's so renaming either end renames it."""
    left, right = schema.entity(relationship.from_entity_id), schema.entity(relationship.to_entity_id)
    if left is None or right is None or not left.primary_key or not right.primary_key:
        return None, []
    name = f"{left.name}_{right.name}"
    while (left.namespace, name) in taken:
        name += "_link"
    rid = relationship.id
    columns, keys = [], []
    for side, entity in (("from", left), ("to", right)):
        ids = []
        for key_id in entity.primary_key:
            key = entity.field(key_id)
            column_name = f"{entity.name}_{key.name}"
            if any(c.name == column_name for c in columns):
                column_name += "_2"  # a self many-to-many: both sides come from the same table
            column = Column(
                f"{rid}#{side}#{key_id}",
                column_name,
                reference_type(key.type),
                nullable=False,
                label=f"{name}.{column_name}",
            )
            columns.append(column)
            ids.append(column.id)
        fk_name, _ = names.take(left.namespace, None, name, *(c.name for c in columns if c.id in ids), "fkey")
        keys.append(
            (
                f"{rid}#join",
                Constraint(
                    f"{rid}#{side}#fkey",
                    fk_name,
                    "foreign",
                    tuple(ids),
                    ref_table=entity.id,
                    ref_columns=tuple(entity.primary_key),
                    on_delete=RefAction.CASCADE,
                ),
            )
        )
    pkey, _ = names.take(left.namespace, None, name, "pkey")
    primary = Constraint(f"{rid}#pkey", pkey, "primary", tuple(c.id for c in columns))
    return Table(f"{rid}#join", name, left.namespace, tuple(columns), (primary,)), keys
