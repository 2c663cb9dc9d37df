"""PostgreSQL: extensions, domains and declarative partitions.

Extensions come first (a type or an operator class may come from one), domains before
the tables whose columns use them. A partitioned table is created with its PARTITION BY
clause and then each partition (``CREATE TABLE … PARTITION OF … FOR VALUES …``), parents
before their sub-partitions; partitioning written for another database (MySQL's
``VALUES LESS THAN``) is not translated: the table is created plain, with a warning.
"""

from __future__ import annotations

from designer.migrate.base import Context, MigrationError, Stmt
from designer.migrate.model import Table
from designer.migrate.pg_sql import table_sql
from designer.migrate.steps import Step
from designer.schema import DefaultKind, Domain, Partition
from designer.sql import FragmentError, expression_sql, literal_sql
from designer.types import POSTGRESQL, UnportableType, sql_type


def create_extension(step: Step, ctx: Context) -> list[Stmt]:
    where = f" WITH SCHEMA {ctx.quote(step.new.namespace)}" if step.new.namespace else ""
    return [Stmt(f"CREATE EXTENSION IF NOT EXISTS {ctx.quote(step.new.name)}{where};")]


def drop_extension(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-extension", f"extension {step.old.name} is dropped with what it provides")
    return [Stmt(f"DROP EXTENSION IF EXISTS {ctx.quote(step.old.name)};")]


def create_domain(step: Step, ctx: Context) -> list[Stmt]:
    domain: Domain = step.new
    source = ctx.new.source_dialect or ctx.old.source_dialect
    try:
        base = sql_type(domain.base, dialect=POSTGRESQL, source_dialect=source)
    except UnportableType as error:
        raise MigrationError(f"domain {domain.qualified_name}: {error}") from None
    parts = [f"CREATE DOMAIN {ctx.qualified(domain.name, domain.namespace)} AS {base}"]
    if domain.default is not None:
        parts.append(f"DEFAULT {_default_sql(domain)}")
    if not domain.nullable:
        parts.append("NOT NULL")
    for check in domain.checks:
        named = f"CONSTRAINT {ctx.quote(check.name)} " if check.name else ""
        parts.append(f"{named}CHECK ({_expression(check.expression, domain)})")
    return [Stmt(" ".join(parts) + ";")]


def alter_domain(step: Step, ctx: Context) -> list[Stmt]:
    """A domain changed in place: default, NOT NULL and checks (a check is dropped by its
    name, PostgreSQL's ``<domain>_check`` when it had none); a new base type cannot be."""
    old, new = step.old, step.new
    name = ctx.qualified(new.name, new.namespace)
    statements = []
    if old.base != new.base:
        ctx.warn("changing-column-type", f"domain {new.qualified_name}: PostgreSQL cannot change a domain's base type")
    if old.default != new.default:
        change = f"SET DEFAULT {_default_sql(new)}" if new.default is not None else "DROP DEFAULT"
        statements.append(Stmt(f"ALTER DOMAIN {name} {change};"))
    if old.nullable != new.nullable:
        statements.append(Stmt(f"ALTER DOMAIN {name} {'DROP' if new.nullable else 'SET'} NOT NULL;"))
    for check in old.checks:
        if check not in new.checks:
            dropped = ctx.quote(check.name or f"{old.name}_check")
            statements.append(Stmt(f"ALTER DOMAIN {name} DROP CONSTRAINT IF EXISTS {dropped};"))
    for check in new.checks:
        if check not in old.checks:
            named = f"CONSTRAINT {ctx.quote(check.name)} " if check.name else ""
            statements.append(Stmt(f"ALTER DOMAIN {name} ADD {named}CHECK ({_expression(check.expression, new)});"))
    return statements


def drop_domain(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-type", f"domain {step.old.qualified_name} is dropped")
    return [Stmt(f"DROP DOMAIN IF EXISTS {ctx.qualified(step.old.name, step.old.namespace)};")]


def partition_by(ctx: Context, table: Table) -> str:
    """`` PARTITION BY RANGE (key)`` after a new table's columns, or "" (not partitioned, or
    partitioned in another database's words: warned once here)."""
    partitioning = table.partitioning
    if partitioning is None:
        return ""
    if not _written_for_postgresql(ctx):
        ctx.warn(
            "partitioning-not-translated",
            f"{table.label} is partitioned in {ctx.new.source_dialect} terms: created as one plain table",
        )
        return ""
    return f" PARTITION BY {partitioning.strategy.value.upper()} ({partitioning.key})"


def partitions_sql(ctx: Context, table: Table) -> list[Stmt]:
    """A new partitioned table's partitions, each parent before its own partitions."""
    if table.partitioning is None or not _written_for_postgresql(ctx):
        return []
    return [_partition_stmt(ctx, table, p) for p in _parents_first(table.partitioning.partitions)]


def add_partition(step: Step, ctx: Context) -> list[Stmt]:
    if not _written_for_postgresql(ctx):
        return []
    return [_partition_stmt(ctx, step.table, step.new)]


def drop_partition(step: Step, ctx: Context) -> list[Stmt]:
    if not _written_for_postgresql(ctx):
        return []
    ctx.warn("ban-drop-table", f"partition {step.old.name} of {step.table.label} is dropped with its rows")
    return [Stmt(f"DROP TABLE IF EXISTS {ctx.qualified(step.old.name, step.old.namespace)};")]


def partitioned(ctx: Context, table: Table, what: str) -> bool:
    """A partitioned table takes no CONCURRENTLY index build or drop (PostgreSQL refuses it):
    True, with the warning, when ``table`` is one."""
    if table.partitioning is None or not _written_for_postgresql(ctx):
        return False
    ctx.warn(
        "require-concurrent-index-creation",
        f"{what} on the partitioned table {table.label} without CONCURRENTLY (PostgreSQL cannot on a "
        "partitioned table): writes to every partition wait until it is done",
    )
    return True


def partitioned_foreign_key(ctx: Context, table: Table, name: str) -> bool:
    """PostgreSQL takes no NOT VALID foreign key on a partitioned table: True, with the
    warning, when the key is checked against every row at once instead."""
    if table.partitioning is None or not _written_for_postgresql(ctx):
        return False
    ctx.warn(
        "constraint-missing-not-valid",
        f"foreign key {name} on the partitioned table {table.label} is checked at once (PostgreSQL has no NOT "
        "VALID foreign key on a partitioned table): writes wait while every row is checked",
    )
    return True


def _partition_stmt(ctx: Context, table: Table, partition: Partition) -> Stmt:
    parent = table_sql(ctx, table)
    if partition.parent is not None:
        owner = next((p for p in table.partitioning.partitions if p.name == partition.parent), None)
        parent = ctx.qualified(partition.parent, owner.namespace if owner else table.namespace)
    sub = f" PARTITION BY {partition.partitioned_by}" if partition.partitioned_by else ""
    name = ctx.qualified(partition.name, partition.namespace)
    return Stmt(f"CREATE TABLE {name} PARTITION OF {parent} {partition.bound}{sub};")


def _parents_first(partitions: tuple[Partition, ...]) -> list[Partition]:
    placed: list[Partition] = []
    names: set[str] = set()
    waiting = list(partitions)
    while waiting:
        ready = [p for p in waiting if p.parent is None or p.parent in names]
        if not ready:  # a parent that is not in the list: keep the rest in the order given
            ready = waiting
        placed += ready
        names.update(p.name for p in ready)
        waiting = [p for p in waiting if p not in ready]
    return placed


def _written_for_postgresql(ctx: Context) -> bool:
    return (ctx.new.source_dialect or ctx.old.source_dialect or POSTGRESQL) == POSTGRESQL


def _default_sql(domain: Domain) -> str:
    if domain.default.kind is DefaultKind.LITERAL:
        return literal_sql(domain.default.value, dialect=POSTGRESQL)
    return f"({_expression(domain.default.value, domain)})"


def _expression(text: str, domain: Domain) -> str:
    try:
        return expression_sql(text, dialect=POSTGRESQL, source=POSTGRESQL)
    except FragmentError as error:
        raise MigrationError(f"domain {domain.qualified_name}: the expression {text!r} {error}") from None


def change_partitioning(step: Step, ctx: Context) -> list[Stmt]:
    """PostgreSQL cannot partition, unpartition or re-key a table in place: said, not done."""
    ctx.warn(
        "partitioning-changed",
        f"{step.table.label}: its partitioning changed, which PostgreSQL cannot do in place: create the new "
        "table beside it, copy the rows, and swap the names (this migration leaves the table as it is)",
    )
    return []
