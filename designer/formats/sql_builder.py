"""Collects what SQL DDL (or a database catalog) says, statement by statement, and builds
the schema once everything is known.

DDL spreads a table over many statements (pg_dump adds keys, defaults and identities with
ALTER TABLE after the CREATE TABLE; comments come last), so the dialect readers
(``sql_postgresql``, ``sql_mysql``) and the catalog reader (``catalog``) record facts
here by table and column *name*; ``build`` then mints ids in file order and resolves
foreign keys. What cannot become part of a schema is a notice with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from designer.db_objects import ObjectDraft, resolve_objects
from designer.problems import Problem, SchemaError, Severity
from designer.schema import (
    Cardinality,
    Check,
    Default,
    Domain,
    DomainCheck,
    Entity,
    Enum,
    EnumValue,
    Exclusion,
    Extension,
    Field,
    FieldType,
    Index,
    IndexColumn,
    IndexMethod,
    NullsOrder,
    Partition,
    Partitioning,
    PartitionStrategy,
    RefAction,
    Relationship,
    Schema,
    SortOrder,
    StorageParameter,
    TypeKind,
    fresh_id,
    replace,
)
from designer.types import SERIAL_NAMES, read_type
from designer.validate.fragments import entity_fragments

TableKey = tuple[str | None, str]  # (namespace, name); None = the default schema


@dataclass
class ColumnDraft:
    name: str
    type_text: str
    nullable: bool = True
    default: Default | None = None
    identity: bool = False
    identity_always: bool = False
    sequence: str | None = None  # a serial's sequence, when not <table>_<column>_seq
    generated: str | None = None
    generated_virtual: bool = False
    on_update: str | None = None
    unique: bool = False
    checks: list[str] = field(default_factory=list)
    check_name: str | None = None  # the first check's name
    comment: str | None = None
    enum: TableKey | None = None  # an inline enum (MySQL enum('a','b')) made into a named one


@dataclass
class KeyOptions:
    """What an index key says beyond its column and order (see IndexColumn)."""

    nulls: NullsOrder | None = None
    opclass: str | None = None
    collation: str | None = None
    length: int | None = None


@dataclass
class IndexDraft:
    keys: list[tuple[str | None, str | None, SortOrder]]  # (column, expression, order)
    name: str | None = None
    unique: bool = False
    method: str | None = None
    predicate: str | None = None
    include: list[str] = field(default_factory=list)
    line: int | None = None
    options: list[KeyOptions] = field(default_factory=list)  # per key, when any is said
    nulls_not_distinct: bool = False
    storage: list[tuple[str, str]] = field(default_factory=list)  # WITH (name = value)


@dataclass
class ForeignKeyDraft:
    columns: list[str]
    target: TableKey
    target_columns: list[str]
    name: str | None = None
    on_delete: RefAction | None = None
    on_update: RefAction | None = None
    line: int | None = None
    deferrable: bool = False
    initially_deferred: bool = False
    not_valid: bool = False
    match_full: bool = False


@dataclass
class TableDraft:
    namespace: str | None
    name: str
    line: int | None = None
    columns: dict[str, ColumnDraft] = field(default_factory=dict)
    primary_key: list[str] = field(default_factory=list)
    primary_key_name: str | None = None
    uniques: list[tuple[list[str], str | None]] = field(default_factory=list)  # UNIQUE constraints
    indexes: list[IndexDraft] = field(default_factory=list)
    checks: list[tuple[str, str | None]] = field(default_factory=list)
    foreign_keys: list[ForeignKeyDraft] = field(default_factory=list)
    comment: str | None = None
    partition_strategy: PartitionStrategy | None = None
    partition_key: str | None = None
    partitions: list[Partition] = field(default_factory=list)
    charset: str | None = None
    collation: str | None = None
    storage: list[tuple[str, str]] = field(default_factory=list)  # PostgreSQL WITH (name = value)
    unlogged: bool = False
    not_valid_checks: set[str] = field(default_factory=set)  # expressions of checks added NOT VALID
    exclusions: list[tuple[str, str | None]] = field(default_factory=list)  # (definition after EXCLUDE, name)

    def column(self, name: str) -> ColumnDraft | None:
        return self.columns.get(name)


@dataclass
class DomainDraft:
    namespace: str | None
    name: str
    type_text: str
    nullable: bool = True
    default: Default | None = None
    checks: list[tuple[str, str | None]] = field(default_factory=list)  # (expression, name)
    comment: str | None = None
    line: int | None = None


ACTIONS = {
    "cascade": RefAction.CASCADE,
    "restrict": RefAction.RESTRICT,
    "set null": RefAction.SET_NULL,
    "set default": RefAction.SET_DEFAULT,
    "no action": RefAction.NO_ACTION,
}


class SchemaBuilder:
    def __init__(self, *, dialect: str, database_type: str):
        self.dialect = dialect
        self.database_type = database_type
        self.tables: dict[TableKey, TableDraft] = {}
        self.enums: dict[TableKey, tuple[list[str], str | None]] = {}
        self.enum_comments: dict[TableKey, str] = {}
        self.partition_parent: dict[TableKey, tuple[TableKey, str]] = {}  # child → (parent, bound)
        self.domains: dict[TableKey, DomainDraft] = {}
        self.extensions: dict[str, str | None] = {}  # name → schema (None: the default)
        self.notices: list[Problem] = []
        self.errors: list[Problem] = []
        self.objects: list[ObjectDraft] = []  # views, functions, triggers… (designer.db_objects)
        self.serial_sequences: set[TableKey] = set()  # sequences a serial column draws from

    # --- recording ----------------------------------------------------------------------

    def table(self, key: TableKey, *, line: int | None = None) -> TableDraft:
        if key not in self.tables:
            self.tables[key] = TableDraft(namespace=key[0], name=key[1], line=line)
        return self.tables[key]

    def known_table(self, key: TableKey, *, line: int | None, what: str) -> TableDraft | None:
        found = self.tables.get(key)
        if found is None:
            self.notice("sql-unknown-table", f"{what}: no table {_label(key)} was created before; left out", line)
        return found

    def enum(self, key: TableKey, values: list[str], *, comment: str | None = None) -> None:
        self.enums[key] = (values, comment)

    def partition(self, *, child: TableKey, parent: TableKey, bound: str) -> None:
        self.partition_parent[child] = (parent, bound)

    def database_object(self, draft: ObjectDraft) -> None:
        self.objects.append(draft)

    def skipped(self, what: str, line: int | None) -> None:
        self.notice("sql-skipped", f"skipped {what} (not part of a schema)", line)

    def notice(self, code: str, message: str, line: int | None) -> None:
        self.notices.append(Problem(code=code, message=message, line=line, severity=Severity.WARNING))

    def error(self, code: str, message: str, line: int | None) -> None:
        self.errors.append(Problem(code=code, message=message, line=line))

    # --- building -----------------------------------------------------------------------

    def build(self) -> tuple[Schema, tuple[Problem, ...]]:
        if self.errors:
            raise SchemaError(self.errors)
        self._fold_partitions()
        taken: set[str] = set()
        enums, enum_ids = self._build_enums(taken)
        entities, field_ids = [], {}
        for key, table in self.tables.items():
            entity, ids = self._build_entity(table, enum_ids, taken)
            for problem in entity_fragments(entity, dialect=self.dialect):  # refused here with the table's line
                report = self.error if problem.severity is Severity.ERROR else self.notice
                report(problem.code, problem.message, table.line)
            entities.append(entity)
            field_ids[key] = ids
        if self.errors:
            raise SchemaError(self.errors)
        relationships = self._build_relationships(entities, field_ids, taken)
        by_key = {_folded(key): entity for key, entity in zip(self.tables, entities, strict=True)}
        objects = resolve_objects(self.objects, by_key, taken, serial_sequences=self.serial_sequences)
        domains = self._build_domains(taken)  # last: every other id stays what it was before domains
        schema = Schema(
            objects=objects,
            entities=tuple(entities),
            relationships=tuple(relationships),
            enums=tuple(enums),
            database_type=self.database_type,
            domains=tuple(domains),
            extensions=tuple(Extension(name=n, namespace=ns) for n, ns in self.extensions.items()),
        )
        return schema, tuple(self.notices)

    def _fold_partitions(self) -> None:
        """A partitioned table is one entity; its partitions (sub-partitions too) are one
        list on it, in the order the DDL declared them."""
        for child, (parent, bound) in self.partition_parent.items():
            root = parent
            while root in self.partition_parent:
                root = self.partition_parent[root][0]
            if child not in self.tables or root not in self.tables:
                continue
            draft = self.tables.pop(child)
            self.tables[root].partitions.append(
                Partition(
                    name=child[1],
                    namespace=child[0],
                    bound=bound,
                    partitioned_by=_partition_clause(draft),
                    parent=None if parent == root else parent[1],
                )
            )

    def _partitioning(self, table: TableDraft) -> Partitioning | None:
        if table.partition_strategy is None:
            return None
        return Partitioning(
            strategy=table.partition_strategy, key=table.partition_key or "", partitions=tuple(table.partitions)
        )

    def _build_domains(self, taken: set[str]) -> list[Domain]:
        domains = []
        for key, draft in self.domains.items():
            base, _ = read_type(draft.type_text, dialect=self.dialect)
            domains.append(
                Domain(
                    id=fresh_id("dom", taken),
                    name=key[1],
                    namespace=key[0],
                    base=base,
                    nullable=draft.nullable,
                    default=draft.default,
                    checks=tuple(DomainCheck(expression=e, name=n) for e, n in draft.checks),
                    comment=draft.comment,
                )
            )
        return domains

    def _build_enums(self, taken: set[str]) -> tuple[list[Enum], dict[TableKey, str]]:
        enums, ids = [], {}
        for key, (values, comment) in self.enums.items():
            enum_id = fresh_id("enum", taken)
            ids[key] = enum_id
            enums.append(
                Enum(
                    id=enum_id,
                    name=key[1],
                    namespace=key[0],
                    values=tuple(EnumValue(name=v) for v in values),
                    comment=comment,
                )
            )
        return enums, ids

    def _build_entity(self, table: TableDraft, enum_ids: dict, taken: set[str]) -> tuple[Entity, dict[str, str]]:
        entity_id = fresh_id("ent", taken)
        fields, ids = [], {}
        for column in table.columns.values():
            field_id = fresh_id("fld", taken)
            ids[column.name] = field_id
            fields.append(self._build_field(field_id, column, enum_ids, table_name=table.name))
        # A one-column unique constraint under the name PostgreSQL would give it is the
        # column's own "unique"; any other name is kept on a unique index.
        single_uniques = {tuple(cols) for cols, name in table.uniques if _plain_unique(table, cols, name)}
        fields = [_with(f, unique=True) if (f.name,) in single_uniques and not f.unique else f for f in fields]
        indexes = []
        for columns, name in table.uniques:
            if not _plain_unique(table, columns, name):
                indexes.append(self._unique_constraint(table, columns, name, ids, taken))
        indexes += [self._build_index(table, draft, ids, taken) for draft in table.indexes]
        # Field.check holds a column's first check; further ones are checks tied to the field.
        checks = [(expression, name, None) for expression, name in table.checks]
        checks += [(c, None, ids[column.name]) for column in table.columns.values() for c in column.checks[1:]]
        checks = tuple(
            Check(
                id=fresh_id("chk", taken),
                expression=expression,
                name=name,
                field_id=field_id,
                not_valid=expression in table.not_valid_checks,
            )
            for expression, name, field_id in checks
        )
        primary_key = tuple(ids[c] for c in table.primary_key if c in ids)
        entity = Entity(
            id=entity_id,
            name=table.name,
            namespace=table.namespace,
            fields=tuple(fields),
            primary_key=primary_key,
            indexes=tuple(i for i in indexes if i is not None),
            checks=checks,
            comment=table.comment,
            primary_key_name=_given_name(table.primary_key_name, f"{table.name}_pkey"),
            charset=table.charset,
            collation=table.collation,
            exclusions=tuple(
                Exclusion(id=fresh_id("exc", taken), definition=definition, name=name)
                for definition, name in table.exclusions
            ),
            partitioning=self._partitioning(table),
            storage=tuple(StorageParameter(name, value) for name, value in table.storage),
            unlogged=table.unlogged,
        )
        return entity, ids

    def _unique_constraint(self, table: TableDraft, columns: list[str], name, ids, taken) -> Index | None:
        """A UNIQUE constraint stays one (not a CREATE UNIQUE INDEX), under its own name."""
        keys = [(c, None, SortOrder.ASC) for c in columns]
        index = self._build_index(table, IndexDraft(keys=keys, name=name, unique=True), ids, taken)
        return replace(index, constraint=True) if index is not None else None

    def _build_field(self, field_id: str, column: ColumnDraft, enum_ids: dict, *, table_name: str) -> Field:
        field_type = self._field_type(column, enum_ids)
        # A written serial generates its key as an identity does (AUTO_INCREMENT elsewhere).
        serial = field_type.written is not None and field_type.written.strip().lower() in SERIAL_NAMES
        return Field(
            id=field_id,
            name=column.name,
            type=field_type,
            nullable=column.nullable and not serial,
            default=column.default,
            unique=column.unique,
            identity=column.identity or serial,
            check=column.checks[0] if column.checks else None,
            comment=column.comment,
            generated=column.generated,
            identity_always=column.identity_always,
            sequence=column.sequence,
            generated_virtual=column.generated_virtual,
            check_name=_given_name(column.check_name, f"{table_name}_{column.name}_check"),
            on_update=column.on_update,
        )

    def _field_type(self, column: ColumnDraft, enum_ids: dict) -> FieldType:
        if column.enum is not None and column.enum in enum_ids:
            return FieldType(TypeKind.ENUM, enum_id=enum_ids[column.enum])
        text = column.type_text
        array = text.endswith("]")
        bare = text.split("[", 1)[0].strip() if array else text
        for key, enum_id in enum_ids.items():
            if bare in (_label(key), _quoted_label(key)) or (key[0] is None and bare in (f"public.{key[1]}",)):
                return FieldType(TypeKind.ENUM, enum_id=enum_id, array=array)
        field_type, serial = read_type(text, dialect=self.dialect)
        # A written `serial` stays written: it says "integer with a sequence default", which
        # the DDL writers spell back as serial (a dump's nextval default is identity instead).
        return replace(field_type, written=text) if serial else field_type

    def _build_index(self, table: TableDraft, draft: IndexDraft, ids: dict[str, str], taken: set[str]) -> Index | None:
        columns = []
        for position, (column, expression, order) in enumerate(draft.keys):
            if column is not None and column not in ids:
                self.notice(
                    "sql-unknown-column",
                    f"index on {_label((table.namespace, table.name))}: no column {column!r}; left out",
                    draft.line,
                )
                return None
            said = draft.options[position] if position < len(draft.options) else KeyOptions()
            columns.append(
                IndexColumn(
                    field_id=ids[column] if column else None,
                    expression=expression,
                    order=order,
                    nulls=said.nulls,
                    opclass=said.opclass,
                    collation=said.collation,
                    length=said.length,
                )
            )
        method_text = (draft.method or "").lower()
        method = IndexMethod(method_text) if method_text in set(IndexMethod) else IndexMethod.BTREE
        return Index(
            id=fresh_id("idx", taken),
            columns=tuple(columns),
            name=draft.name,
            unique=draft.unique,
            method=method,
            predicate=draft.predicate,
            include=tuple(ids[c] for c in draft.include if c in ids),
            method_written=draft.method if draft.method and method_text not in set(IndexMethod) else None,
            nulls_not_distinct=draft.nulls_not_distinct,
            storage=tuple(StorageParameter(name, value) for name, value in draft.storage),
        )

    def _build_relationships(self, entities: list[Entity], field_ids: dict, taken: set[str]) -> list[Relationship]:
        by_key = {(e.namespace, e.name): e for e in entities}
        relationships = []
        # In the order the file declared them (stable within a statement), not by table.
        declared = sorted(
            ((key, fk) for key, table in self.tables.items() for fk in table.foreign_keys),
            key=lambda pair: pair[1].line or 0,
        )
        for key, fk in declared:
            source = by_key[key]
            target = by_key.get(fk.target)
            if target is None:
                self.notice(
                    "sql-unknown-table",
                    f"foreign key {fk.name or ''} of {_label(key)} references {_label(fk.target)}, "
                    "which is not in the import; left out",
                    fk.line,
                )
                continue
            target_columns = fk.target_columns or [target.field(i).name for i in target.primary_key]
            from_ids = [field_ids[key].get(c) for c in fk.columns]
            to_ids = [field_ids[fk.target].get(c) for c in target_columns]
            if None in from_ids or None in to_ids or len(from_ids) != len(to_ids):
                self.notice(
                    "sql-unknown-column",
                    f"foreign key {fk.name or ''} of {_label(key)} names columns that do not exist; left out",
                    fk.line,
                )
                continue
            relationships.append(
                Relationship(
                    id=fresh_id("rel", taken),
                    cardinality=_cardinality(source, tuple(from_ids)),
                    from_entity_id=source.id,
                    from_field_ids=tuple(from_ids),
                    to_entity_id=target.id,
                    to_field_ids=tuple(to_ids),
                    name=fk.name,
                    on_delete=fk.on_delete,
                    on_update=fk.on_update,
                    deferrable=fk.deferrable or fk.initially_deferred,
                    initially_deferred=fk.initially_deferred,
                    not_valid=fk.not_valid,
                    match_full=fk.match_full,
                )
            )
        return relationships


def _partition_clause(draft: TableDraft) -> str | None:
    if draft.partition_strategy is None:
        return None
    return f"{draft.partition_strategy.value.upper()} ({draft.partition_key})"


def _plain_unique(table: TableDraft, columns: list[str], name: str | None) -> bool:
    return len(columns) == 1 and name in (None, f"{table.name}_{columns[0]}_key")


def _given_name(name: str | None, default: str) -> str | None:
    """A constraint's name as written, None when it is the one PostgreSQL would give anyway."""
    return None if name in (None, default) else name


def _cardinality(entity: Entity, from_ids: tuple[str, ...]) -> Cardinality:
    """One-to-one when the referencing columns are themselves unique (the key, a unique
    column, or a unique index on exactly them)."""
    if from_ids == entity.primary_key:
        return Cardinality.ONE_TO_ONE
    if len(from_ids) == 1 and entity.field(from_ids[0]).unique:
        return Cardinality.ONE_TO_ONE
    for index in entity.indexes:
        if index.unique and not index.predicate and tuple(c.field_id for c in index.columns) == from_ids:
            return Cardinality.ONE_TO_ONE
    return Cardinality.ONE_TO_MANY


def _with(field_: Field, **changes) -> Field:
    return replace(field_, **changes)


def _folded(key: TableKey) -> TableKey:
    return (key[0].lower() if key[0] else None, key[1].lower())


def _label(key: TableKey) -> str:
    return f"{key[0]}.{key[1]}" if key[0] else key[1]


def _quoted_label(key: TableKey) -> str:
    return f'"{key[0]}"."{key[1]}"' if key[0] else f'"{key[1]}"'
