"""What the target database refuses: an error only where the database the project names
(``Schema.database_type``) refuses the same DDL, a warning otherwise.

Each rule names the server's own refusal (tests/integration/test_target_refusals.py runs
the same DDL on PostgreSQL 15, MariaDB 10.11 and SQLite and checks they refuse it). A
project that names no database (or one we do not emit, such as Oracle or Snowflake) gets
warnings naming who would refuse: the person fixes them in the editor, the import goes
through. A design flaw the source database itself holds never stops an import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from designer.problems import Problem
from designer.schema import Entity, Schema, TypeKind
from designer.types import MYSQL, POSTGRESQL, SQLITE, dialect_of
from designer.validate._common import _entity_path, _error, _warning

_NAMES = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL", SQLITE: "SQLite"}
_INTEGER_KINDS = frozenset({TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT})
_LENGTH_KINDS = frozenset({TypeKind.VARCHAR, TypeKind.CHAR})

PG_MAX_LENGTH = 10_485_760  # "length for type varchar cannot exceed 10485760"
PG_MAX_COLUMNS = 1600  # "tables can have at most 1600 columns"
# MySQL: 4096 columns for any engine (the product's own bound, limits.py); InnoDB's 1017
# is not judged here, since a MyISAM table holds more and its dump must import.
SQLITE_MAX_COLUMNS = 2000  # SQLITE_MAX_COLUMN: "too many columns on t"
MYSQL_MAX_INDEXES = 64  # ERROR 1069 "Too many keys specified; max 64 keys allowed"


@dataclass(frozen=True)
class Refusal:
    """One server's refusal of a piece of DDL, in its own words."""

    dialect: str
    says: str


def target_refusals(schema: Schema) -> Iterator[Problem]:
    yield from table_refusals(schema)
    yield from shared_index_names(schema)


def table_refusals(schema: Schema) -> Iterator[Problem]:
    """What the project's database refuses in each table on its own."""
    target = dialect_of(schema.database_type)
    for entity in schema.entities:
        yield from _judge(
            target,
            "too-many-columns",
            f"{_entity_path(entity)}/fields",
            _columns(entity),
            f"{entity.name} has {len(entity.fields)} columns",
        )
        yield from _judge(
            target,
            "too-many-indexes",
            f"{_entity_path(entity)}/indexes",
            _indexes(entity),
            f"{entity.name} has {len(entity.indexes)} indexes",
        )
        for field in entity.fields:
            path, label = f"{_entity_path(entity)}/fields/{field.name}", f"{entity.name}.{field.name}"
            yield from _judge(target, "type-refused", path, _type_refusals(field), label)
            if target == MYSQL and field.type.kind is TypeKind.VARCHAR and field.type.length is None:
                yield _warning(
                    "varchar-without-length",
                    path,
                    f"{label}: varchar has no length; MySQL needs one (ERROR 1064), so the MySQL DDL writes text",
                )


def _judge(target: str | None, code: str, path: str, refusals: list[Refusal], label: str) -> Iterator[Problem]:
    """An error when the target refuses; a warning naming the refusers otherwise."""
    if not refusals:
        return
    ours = [r for r in refusals if r.dialect == target]
    if ours:
        yield _error(code, path, f"{label}: {_NAMES[target]} refuses it ({ours[0].says})")
    elif target is None:  # no database named (or one we do not emit): who would refuse
        says = "; ".join(f"{_NAMES[r.dialect]}: {r.says}" for r in refusals)
        yield _warning(code, path, f"{label}: would be refused by {says}")


def _columns(entity: Entity) -> list[Refusal]:
    count, found = len(entity.fields), []
    if count > PG_MAX_COLUMNS:
        found.append(Refusal(POSTGRESQL, f"tables can have at most {PG_MAX_COLUMNS} columns"))
    if count > SQLITE_MAX_COLUMNS:
        found.append(Refusal(SQLITE, f"too many columns on {entity.name}"))
    return found


def _indexes(entity: Entity) -> list[Refusal]:
    if len(entity.indexes) > MYSQL_MAX_INDEXES:
        return [Refusal(MYSQL, f"ERROR 1069 Too many keys specified; max {MYSQL_MAX_INDEXES} keys allowed")]
    return []


def _type_refusals(field) -> list[Refusal]:
    t, found = field.type, []
    name = t.kind.value
    if t.kind in _LENGTH_KINDS and t.length is not None:
        if t.length < 1:
            found.append(Refusal(POSTGRESQL, f"length for type {name} must be at least 1"))
        if t.length > PG_MAX_LENGTH:
            found.append(Refusal(POSTGRESQL, f"length for type {name} cannot exceed {PG_MAX_LENGTH}"))
        mysql_max = 255 if t.kind is TypeKind.CHAR else 65_535
        if t.length > mysql_max:
            found.append(Refusal(MYSQL, f"ERROR 1074 Column length too big (max {mysql_max}); use BLOB or TEXT"))
    if t.kind is TypeKind.DECIMAL:
        found += _decimal_refusals(t.precision, t.scale)
    if field.identity and t.kind not in _INTEGER_KINDS and t.kind is not TypeKind.OTHER:
        found.append(Refusal(POSTGRESQL, "identity column type must be smallint, integer, or bigint"))
        found.append(Refusal(SQLITE, "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"))
        if t.kind not in (TypeKind.REAL, TypeKind.DOUBLE):  # MySQL takes AUTO_INCREMENT on float and double
            found.append(Refusal(MYSQL, "ERROR 1063 Incorrect column specifier"))
    return found


def _decimal_refusals(precision: int | None, scale: int | None) -> list[Refusal]:
    found = []
    if precision is not None and not 1 <= precision <= 1000:
        found.append(Refusal(POSTGRESQL, f"NUMERIC precision {precision} must be between 1 and 1000"))
    if scale is not None and not -1000 <= scale <= 1000:
        found.append(Refusal(POSTGRESQL, f"NUMERIC scale {scale} must be between -1000 and 1000"))
    if precision is not None and precision > 65:
        found.append(Refusal(MYSQL, "ERROR 1426 Too big precision specified; maximum is 65"))
    if scale is not None and (scale < 0 or scale > 30 or (precision is not None and scale > precision)):
        found.append(Refusal(MYSQL, "ERROR 1427 M must be >= D (and D between 0 and 30)"))
    return found


def shared_index_names(schema: Schema) -> Iterator[Problem]:
    """One index name on several tables of a namespace: MySQL allows it (names are per
    table), PostgreSQL and SQLite do not (``relation "i" already exists``, ``index i
    already exists``). The source database held it, so it is a warning: the DDL for
    PostgreSQL/SQLite must give the copies unique names (code ``index-name-shared``).
    The same name twice on one table is refused everywhere (``duplicate-index-name``)."""
    if dialect_of(schema.database_type) == MYSQL:
        return
    tables: dict[tuple[str | None, str], set[str]] = {}
    for entity in schema.entities:
        for index in entity.indexes:
            if index.name:
                tables.setdefault((entity.namespace, index.name), set()).add(entity.qualified_name)
    for (_namespace, name), names in tables.items():
        if len(names) > 1:
            yield _warning(
                "index-name-shared",
                f"indexes/{name}",
                f"the index name {name} is used on {len(names)} tables ({', '.join(sorted(names)[:3])}"
                f"{', …' if len(names) > 3 else ''}): MySQL allows it, PostgreSQL and SQLite need one name per schema",
            )


def duplicate_index_names_per_table(schema: Schema) -> Iterator[Problem]:
    """The same index name twice on one table: MySQL ERROR 1061 Duplicate key name,
    PostgreSQL ``relation already exists``, SQLite ``index already exists``."""
    for entity in schema.entities:
        for name, count in Counter(i.name for i in entity.indexes if i.name).items():
            if count > 1:
                yield _error(
                    "duplicate-index-name",
                    f"{_entity_path(entity)}/indexes/{name}",
                    f"{entity.name} has two indexes named {name}",
                )
