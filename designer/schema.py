"""The schema document: frozen dataclasses, the one model every part of the product reads.

Every object a user can rename carries a stable ``id`` (opaque, unique across the whole
document) so that renames, history, diffs and migrations can tell "renamed" from
"dropped and re-added". Names are what users see; ids are never shown.

Objects are immutable: edits build new objects (``dataclasses.replace``) through
``designer.ops``. Collections are tuples so a schema is hashable and safe to share.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

FORMAT_VERSION = 2  # 2: types as written (FieldType.written, kind "other")


class TypeKind(StrEnum):
    """The portable type system. Dialects and ORMs map these; nothing else exists."""

    SMALLINT = "smallint"
    INTEGER = "integer"
    BIGINT = "bigint"
    DECIMAL = "decimal"  # precision, scale
    REAL = "real"  # 4-byte float
    DOUBLE = "double"  # 8-byte float
    TEXT = "text"
    VARCHAR = "varchar"  # length
    CHAR = "char"  # length
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    TIMESTAMP = "timestamp"  # without time zone
    TIMESTAMPTZ = "timestamptz"  # with time zone
    UUID = "uuid"
    JSON = "json"
    BYTES = "bytes"
    ENUM = "enum"  # enum_id
    OTHER = "other"  # no portable kind (geometry, inet, citext, a domain): FieldType.written says what


class Cardinality(StrEnum):
    ONE_TO_ONE = "one_to_one"
    ONE_TO_MANY = "one_to_many"
    MANY_TO_MANY = "many_to_many"


class RefAction(StrEnum):
    NO_ACTION = "no_action"
    RESTRICT = "restrict"
    CASCADE = "cascade"
    SET_NULL = "set_null"
    SET_DEFAULT = "set_default"


class IndexMethod(StrEnum):
    BTREE = "btree"
    HASH = "hash"
    GIN = "gin"
    GIST = "gist"
    BRIN = "brin"
    SPGIST = "spgist"
    HNSW = "hnsw"  # pgvector
    IVFFLAT = "ivfflat"  # pgvector
    FULLTEXT = "fulltext"  # MySQL FULLTEXT KEY
    SPATIAL = "spatial"  # MySQL SPATIAL KEY


class NullsOrder(StrEnum):
    FIRST = "first"
    LAST = "last"


class SortOrder(StrEnum):
    ASC = "asc"
    DESC = "desc"


class DefaultKind(StrEnum):
    LITERAL = "literal"  # a value: 'draft', 0, true (stored as text, typed by the field)
    EXPRESSION = "expression"  # SQL expression: now(), gen_random_uuid()


# --- access patterns and volumes (the declared workload) -------------------------------


class PatternKind(StrEnum):
    READ = "read"
    WRITE = "write"


class Operation(StrEnum):
    # reads
    POINT_LOOKUP = "point_lookup"
    LIST = "list"
    SEARCH = "search"
    AGGREGATE = "aggregate"
    COUNT = "count"  # count / exists
    # writes
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    UPSERT = "upsert"
    BULK = "bulk"


READ_OPERATIONS = frozenset(
    {Operation.POINT_LOOKUP, Operation.LIST, Operation.SEARCH, Operation.AGGREGATE, Operation.COUNT}
)


class FilterOp(StrEnum):
    EQ = "="
    IN = "in"
    LT = "<"
    LTE = "<="
    GT = ">"
    GTE = ">="
    BETWEEN = "between"
    PREFIX = "prefix"  # LIKE 'x%'
    CONTAINS = "contains"  # LIKE '%x%'
    IS_NULL = "is_null"
    IS_NOT_NULL = "is_not_null"
    ARRAY_CONTAINS = "array_contains"
    JSON_PATH = "json_path"
    FULL_TEXT = "full_text"


class ValueKind(StrEnum):
    PARAMETER = "parameter"  # bound at run time ($1, ?)
    CONSTANT = "constant"  # fixed in the query: status = 'published'


class Pagination(StrEnum):
    NONE = "none"
    OFFSET = "offset"
    KEYSET = "keyset"


class Per(StrEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"


SECONDS_PER = {Per.SECOND: 1, Per.MINUTE: 60, Per.HOUR: 3600, Per.DAY: 86400}


class Consistency(StrEnum):
    STRONG = "strong"
    EVENTUAL = "eventual"


class Direction(StrEnum):
    LEFT_RIGHT = "LR"
    TOP_BOTTOM = "TB"


# --- the objects ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldType:
    kind: TypeKind
    length: int | None = None  # varchar(n), char(n)
    precision: int | None = None  # decimal(p, s)
    scale: int | None = None
    enum_id: str | None = None  # kind == ENUM
    array: bool = False  # text[] and friends (PostgreSQL arrays, JSON arrays in documents)
    # The type exactly as the person wrote it in the schema's dialect (Schema.database_type):
    # "jsonb", "int(11)", "timestamp(3)", "geometry(Point,4326)", "text[][]". None: spelled
    # from the kind. See designer/types.py.
    written: str | None = None


@dataclass(frozen=True)
class Default:
    kind: DefaultKind
    value: str


@dataclass(frozen=True)
class Field:
    id: str
    name: str
    type: FieldType
    nullable: bool = True
    default: Default | None = None
    unique: bool = False
    identity: bool = False  # generated key (DBML `increment`, SQL identity/serial)
    check: str | None = None  # column CHECK expression, SQL text
    comment: str | None = None
    generated: str | None = None  # GENERATED ALWAYS AS (expression) STORED: the expression, SQL text
    # How the key is generated, as written (identity=True): GENERATED ALWAYS AS IDENTITY
    # (PostgreSQL refuses explicit values) rather than BY DEFAULT / AUTO_INCREMENT.
    identity_always: bool = False
    # A serial's sequence (type written serial/bigserial) when it is not the one PostgreSQL
    # names <table>_<column>_seq (a renamed table, a dump's own CREATE SEQUENCE).
    sequence: str | None = None
    generated_virtual: bool = False  # MySQL/MariaDB VIRTUAL: computed on read (PostgreSQL: STORED)
    check_name: str | None = None  # the name of ``check``'s constraint; None: <table>_<column>_check
    on_update: str | None = None  # MySQL ON UPDATE CURRENT_TIMESTAMP: the expression, SQL text
    # Set by the database with no DEFAULT (a trigger the design does not hold): a client may
    # leave it out of an insert. Prisma's @default(dbgenerated()); nothing in the DDL.
    filled_by_database: bool = False


@dataclass(frozen=True)
class IndexColumn:
    """One key of an index: a field, or an SQL expression such as ``lower(email)``."""

    field_id: str | None = None
    expression: str | None = None
    order: SortOrder = SortOrder.ASC
    nulls: NullsOrder | None = None  # NULLS FIRST / LAST as written; None: the order's default
    opclass: str | None = None  # operator class (gin_trgm_ops, text_pattern_ops), an identifier
    collation: str | None = None  # COLLATE "C", an identifier
    length: int | None = None  # MySQL prefix length: KEY (name(191))


@dataclass(frozen=True)
class StorageParameter:
    """One ``WITH (name = value)`` storage parameter of an index (fillfactor, hnsw's m) or a
    PostgreSQL table (fillfactor, autovacuum_enabled)."""

    name: str
    value: str


@dataclass(frozen=True)
class Index:
    id: str
    columns: tuple[IndexColumn, ...]
    name: str | None = None  # None: generated by the dialect (<= 63 bytes)
    unique: bool = False
    method: IndexMethod = IndexMethod.BTREE
    predicate: str | None = None  # partial index WHERE clause, SQL text
    include: tuple[str, ...] = ()  # covering columns (field ids)
    comment: str | None = None
    # The index type exactly as an import said it (DBML ``type: btree``, ``nonclustered``,
    # ``bitmap``), kept so the export says the same; None: ``method`` says it all.
    method_written: str | None = None
    # A UNIQUE constraint (``CONSTRAINT name UNIQUE (…)`` in the table) rather than a
    # ``CREATE UNIQUE INDEX``: unique, on columns only. Other objects can reference it.
    constraint: bool = False
    nulls_not_distinct: bool = False  # PostgreSQL 15: UNIQUE NULLS NOT DISTINCT
    storage: tuple[StorageParameter, ...] = ()  # WITH (fillfactor = 70)


@dataclass(frozen=True)
class Check:
    id: str
    expression: str
    name: str | None = None
    # A further check on one column (Field.check holds the first): DBML allows several.
    field_id: str | None = None
    not_valid: bool = False  # PostgreSQL NOT VALID: existing rows are not checked


@dataclass(frozen=True)
class Exclusion:
    """A PostgreSQL EXCLUDE constraint: ``definition`` is everything after EXCLUDE
    (``USING gist (room WITH =, during WITH &&)``), SQL text passed through the fragment
    door like every expression."""

    id: str
    definition: str
    name: str | None = None


class PartitionStrategy(StrEnum):
    RANGE = "range"
    LIST = "list"
    HASH = "hash"
    KEY = "key"  # MySQL's hash on the server's own function
    RANGE_COLUMNS = "range columns"  # MySQL: ranges over column values (several columns, any type)
    LIST_COLUMNS = "list columns"
    LINEAR_HASH = "linear hash"
    LINEAR_KEY = "linear key"


@dataclass(frozen=True)
class Partition:
    """One partition of a partitioned table, kept as written: ``bound`` is the clause after
    its name in the schema's dialect (PostgreSQL ``FOR VALUES FROM ('2024-01-01') TO
    ('2025-01-01')`` or ``DEFAULT``; MySQL ``VALUES LESS THAN (2024)``)."""

    name: str
    bound: str
    namespace: str | None = None
    # A partition partitioned again: its own key ("RANGE (created_at)"); its partitions name it in ``parent``.
    partitioned_by: str | None = None
    parent: str | None = None  # the partition this one belongs to (sub-partitions); None: the table itself


@dataclass(frozen=True)
class Partitioning:
    """Declarative partitioning: the table is one entity, its partitions one list on it (a
    dump with 400 partitions is still one table in the design)."""

    strategy: PartitionStrategy
    key: str  # inside PARTITION BY …( ), as written: "created_at", "lower(name)", "tenant_id, created_at"
    partitions: tuple[Partition, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    fields: tuple[Field, ...] = ()
    namespace: str | None = None  # PostgreSQL schema; None = default (public)
    primary_key: tuple[str, ...] = ()  # field ids, in key order (composite allowed)
    indexes: tuple[Index, ...] = ()
    checks: tuple[Check, ...] = ()
    comment: str | None = None
    color: str | None = None  # "#rrggbb" header colour
    primary_key_name: str | None = None  # the primary key constraint's name; None: <table>_pkey
    # MySQL/MariaDB table options as written (DEFAULT CHARSET=…, COLLATE=…); None: the server's
    charset: str | None = None
    collation: str | None = None
    exclusions: tuple[Exclusion, ...] = ()  # PostgreSQL EXCLUDE constraints
    partitioning: Partitioning | None = None
    # PostgreSQL table options as written: CREATE UNLOGGED TABLE … WITH (fillfactor = 90)
    storage: tuple[StorageParameter, ...] = ()
    unlogged: bool = False

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def field_by_name(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Relationship:
    """A reference between two entities.

    For one-to-many and one-to-one, ``from_*`` is the referencing side (the entity
    holding the foreign key) and ``to_*`` the referenced key. For many-to-many the
    two sides are symmetric; ``join_entity_id`` names the join table when the
    editor maintains one.
    """

    id: str
    cardinality: Cardinality
    from_entity_id: str
    from_field_ids: tuple[str, ...]
    to_entity_id: str
    to_field_ids: tuple[str, ...]
    name: str | None = None  # constraint name
    on_delete: RefAction | None = None  # None: the database default (no action)
    on_update: RefAction | None = None
    join_entity_id: str | None = None
    comment: str | None = None
    color: str | None = None  # "#rrggbb" line colour (DBML ref colour)
    deferrable: bool = False  # DEFERRABLE
    initially_deferred: bool = False  # INITIALLY DEFERRED (implies deferrable)
    not_valid: bool = False  # PostgreSQL NOT VALID: existing rows are not checked
    match_full: bool = False  # MATCH FULL (default: MATCH SIMPLE)


@dataclass(frozen=True)
class EnumValue:
    name: str
    comment: str | None = None


@dataclass(frozen=True)
class Enum:
    id: str
    name: str
    values: tuple[EnumValue, ...] = ()
    namespace: str | None = None
    comment: str | None = None

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class DomainCheck:
    expression: str  # SQL text, VALUE standing for the value checked
    name: str | None = None


@dataclass(frozen=True)
class Domain:
    """A named type over a base type (PostgreSQL ``CREATE DOMAIN``): fields use it by its
    name as their written type; other databases get the base type and the checks."""

    id: str
    name: str
    base: FieldType
    namespace: str | None = None
    nullable: bool = True
    default: Default | None = None
    checks: tuple[DomainCheck, ...] = ()
    comment: str | None = None

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Extension:
    """A PostgreSQL extension the schema needs (``CREATE EXTENSION pg_trgm``)."""

    name: str
    namespace: str | None = None  # WITH SCHEMA; None: the default


@dataclass(frozen=True)
class Group:
    """A table group: drawn as a cluster, exported as a DBML TableGroup."""

    id: str
    name: str
    entity_ids: tuple[str, ...] = ()
    color: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class Note:
    """A sticky note on the diagram (DBML ``Note name { ... }``)."""

    id: str
    name: str
    content: str


@dataclass(frozen=True)
class Filter:
    field_id: str
    op: FilterOp
    value_kind: ValueKind = ValueKind.PARAMETER
    value: str | None = None  # the constant (SQL literal text) or the JSON path


@dataclass(frozen=True)
class SortKey:
    field_id: str
    order: SortOrder = SortOrder.ASC


@dataclass(frozen=True)
class Frequency:
    average: float
    peak: float | None = None
    per: Per = Per.SECOND

    @property
    def average_per_second(self) -> float:
        return self.average / SECONDS_PER[self.per]

    @property
    def peak_per_second(self) -> float:
        return (self.peak if self.peak is not None else self.average) / SECONDS_PER[self.per]


@dataclass(frozen=True)
class AccessPattern:
    id: str
    name: str
    kind: PatternKind
    operation: Operation
    entity_id: str
    description: str | None = None
    filters: tuple[Filter, ...] = ()
    sort: tuple[SortKey, ...] = ()
    limit: int | None = None
    pagination: Pagination = Pagination.NONE
    returns: tuple[str, ...] = ()  # field ids; empty = all fields
    joins: tuple[str, ...] = ()  # relationship ids followed from the target entity
    frequency: Frequency = Frequency(average=1.0)
    latency_ms: int | None = None  # target, at p95
    consistency: Consistency = Consistency.STRONG
    changes: tuple[str, ...] = ()  # writes: field ids written


@dataclass(frozen=True)
class Volume:
    entity_id: str
    rows: int = 0  # today
    growth_per_month: int = 0  # rows added per month
    retention_days: int | None = None  # None = kept forever
    avg_row_bytes: int | None = None  # None = estimated from the field types


@dataclass(frozen=True)
class Position:
    """Where the diagram draws an object (an entity, enum or note, by id): the centre
    of its box in points (1/72 inch), y growing downwards as on a screen."""

    id: str
    x: float
    y: float


@dataclass(frozen=True)
class SubjectArea:
    """A named view of some tables with its own arrangement (``positions``, like the
    whole diagram's): a large schema is read one subject at a time."""

    id: str
    name: str
    entity_ids: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True)
class DiagramSettings:
    direction: Direction = Direction.LEFT_RIGHT
    show_columns: str = "all"  # "all" | "keys" | "none"
    # Empty: laid out automatically. Once arranged, every render keeps these places;
    # positions of objects that no longer exist are ignored (undo brings them back).
    positions: tuple[Position, ...] = ()
    areas: tuple[SubjectArea, ...] = ()

    def position(self, object_id: str) -> Position | None:
        return self.position_index.get(object_id)

    @functools.cached_property
    def position_index(self) -> dict[str, Position]:
        return {p.id: p for p in self.positions}

    def area(self, area_id: str) -> SubjectArea | None:
        return next((a for a in self.areas if a.id == area_id), None)


class ObjectKind(StrEnum):
    """What a database object is. None of them is design; migrations and the full DDL need them."""

    VIEW = "view"
    MATERIALIZED_VIEW = "materialized_view"
    FUNCTION = "function"
    TRIGGER = "trigger"
    SEQUENCE = "sequence"
    VIRTUAL_TABLE = "virtual_table"  # SQLite FTS4/FTS5, R*Tree …

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class DatabaseObject:
    """A view, function, trigger, sequence or virtual table, kept as the SQL that creates it
    (``designer/db_objects.py``). ``depends_on``: the ids of the entities, fields and other
    objects its SQL uses, so a migration that changes one of them drops and recreates it."""

    id: str
    kind: ObjectKind
    name: str
    sql: str  # the whole CREATE statement, as written, with its final ";"
    dialect: str  # "postgresql" | "mysql" | "sqlite": the only dialect it is emitted for
    namespace: str | None = None
    depends_on: tuple[str, ...] = ()

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(frozen=True)
class Schema:
    entities: tuple[Entity, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    enums: tuple[Enum, ...] = ()
    groups: tuple[Group, ...] = ()
    notes: tuple[Note, ...] = ()
    patterns: tuple[AccessPattern, ...] = ()
    volumes: tuple[Volume, ...] = ()
    diagram: DiagramSettings = field(default_factory=DiagramSettings)
    name: str | None = None  # DBML Project name
    database_type: str | None = None  # DBML Project database_type
    comment: str | None = None  # DBML Project note
    objects: tuple[DatabaseObject, ...] = ()  # views, functions, triggers… in creation order
    domains: tuple[Domain, ...] = ()
    extensions: tuple[Extension, ...] = ()

    # --- lookups, by id through indexes built on first use ----------------------------
    # A Schema never changes, so an index stays right for the object's life; edits make
    # new Schema objects, which build their own. (cached_property writes the instance
    # __dict__ directly, which a frozen dataclass allows; equality ignores it.)

    @functools.cached_property
    def _index(self) -> dict[type, dict[str, Any]]:
        kinds = (
            (Entity, self.entities),
            (Relationship, self.relationships),
            (Enum, self.enums),
            (Group, self.groups),
            (AccessPattern, self.patterns),
        )
        # reversed: with a (refused) duplicate id, the first one wins, as a scan would
        return {kind: {item.id: item for item in reversed(items)} for kind, items in kinds}

    @functools.cached_property
    def _field_index(self) -> dict[str, tuple[Entity, Field]]:
        pairs = [(f.id, (entity, f)) for entity in self.entities for f in entity.fields]
        return dict(reversed(pairs))

    def _lookup(self, item_id: str, kind: type):
        return self._index[kind].get(item_id)

    def entity(self, entity_id: str) -> Entity | None:
        return self._lookup(entity_id, Entity)

    @property
    def entities_by_id(self) -> Mapping[str, Entity]:
        """id → entity (read only), for code that looks up thousands of ids at once."""
        return MappingProxyType(self._index[Entity])

    def entity_by_name(self, name: str, namespace: str | None = None) -> Entity | None:
        return next((e for e in self.entities if e.name == name and e.namespace == namespace), None)

    def find_field(self, field_id: str) -> tuple[Entity, Field] | None:
        return self._field_index.get(field_id)

    def relationship(self, relationship_id: str) -> Relationship | None:
        return self._lookup(relationship_id, Relationship)

    def enum(self, enum_id: str) -> Enum | None:
        return self._lookup(enum_id, Enum)

    def group(self, group_id: str) -> Group | None:
        return self._lookup(group_id, Group)

    def pattern(self, pattern_id: str) -> AccessPattern | None:
        return self._lookup(pattern_id, AccessPattern)

    def volume(self, entity_id: str) -> Volume | None:
        return self._volume_index.get(entity_id)

    @functools.cached_property
    def _volume_index(self) -> dict[str, Volume]:
        return dict(reversed([(v.entity_id, v) for v in self.volumes]))

    def relationships_of(self, entity_id: str) -> tuple[Relationship, ...]:
        return tuple(r for r in self.relationships if entity_id in (r.from_entity_id, r.to_entity_id, r.join_entity_id))

    def all_ids(self) -> set[str]:
        """Every id in use, so new ids never collide (see ``fresh_id``)."""
        ids: set[str] = set()
        for entity in self.entities:
            ids.add(entity.id)
            ids.update(f.id for f in entity.fields)
            ids.update(i.id for i in entity.indexes)
            ids.update(c.id for c in entity.checks)
        for collection in (
            self.relationships,
            self.enums,
            self.groups,
            self.notes,
            self.patterns,
            self.objects,
            self.domains,
        ):
            ids.update(obj.id for obj in collection)
        return ids


def fresh_id(prefix: str, taken: set[str]) -> str:
    """The first ``prefix_N`` not in ``taken``: deterministic, so imports, examples and the
    advisor are reproducible. Not for what people create in the editor: see ``minted_id``."""
    n = len(taken) + 1
    while f"{prefix}_{n}" in taken:
        n += 1
    new = f"{prefix}_{n}"
    taken.add(new)
    return new


def minted_id(prefix: str, taken: set[str]) -> str:
    """A new id for an object a person creates: ``prefix_`` and 16 random base32 characters
    (80 bits). Two editors working on the same revision mint ids without seeing each
    other's; sequential ids gave both the same ``fld_N``, and a rebase cannot always tell
    the two objects apart (same name, same type, different tables). Random ids never meet."""
    while True:
        new = f"{prefix}_{base64.b32encode(secrets.token_bytes(10)).decode().lower()}"
        if new not in taken:
            taken.add(new)
            return new


replace = dataclasses.replace
