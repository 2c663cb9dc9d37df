"""MySQL/MariaDB: a partitioned table's PARTITION BY clause, written after its options.

Only partitioning written in MySQL's terms is emitted (PostgreSQL's FOR VALUES bounds are
not translated: the table is created plain, with a warning). ``PARTITIONS n`` stands for
a hash or key partitioning whose partitions have no bounds of their own.
"""

from __future__ import annotations

from designer.migrate.base import Context, Stmt
from designer.migrate.model import Table
from designer.migrate.steps import Step
from designer.types import MYSQL


def partition_clause(ctx: Context, table: Table) -> str:
    partitioning = table.partitioning
    if partitioning is None:
        return ""
    if (ctx.new.source_dialect or ctx.old.source_dialect) != MYSQL:
        ctx.warn(
            "partitioning-not-translated",
            f"{table.label} is partitioned in {ctx.new.source_dialect or 'PostgreSQL'} terms: created as one plain table",
        )
        return ""
    head = f"\nPARTITION BY {partitioning.strategy.value.upper()} ({partitioning.key})"
    partitions = partitioning.partitions
    if partitions and all(not p.bound for p in partitions):
        return f"{head}\nPARTITIONS {len(partitions)}"
    listed = ",\n ".join(f"PARTITION {ctx.quote(p.name)} {p.bound}".rstrip() for p in partitions)
    return f"{head}\n({listed})" if listed else head


def add_partition(step: Step, ctx: Context) -> list[Stmt]:
    from_mysql = (ctx.new.source_dialect or ctx.old.source_dialect) == MYSQL
    if not from_mysql or not step.new.bound:  # a hash partition count changes with COALESCE/ADD PARTITIONS n
        return []
    table = ctx.qualified(step.table.name, step.table.namespace)
    return [Stmt(f"ALTER TABLE {table} ADD PARTITION (PARTITION {ctx.quote(step.new.name)} {step.new.bound});")]


def drop_partition(step: Step, ctx: Context) -> list[Stmt]:
    if (ctx.new.source_dialect or ctx.old.source_dialect) != MYSQL or not step.old.bound:
        return []
    ctx.warn("ban-drop-table", f"partition {step.old.name} of {step.table.label} is dropped with its rows")
    table = ctx.qualified(step.table.name, step.table.namespace)
    return [Stmt(f"ALTER TABLE {table} DROP PARTITION IF EXISTS {ctx.quote(step.old.name)};")]


def change_partitioning(step: Step, ctx: Context) -> list[Stmt]:
    """MySQL rebuilds the table under the new scheme (a copy of every row: warned)."""
    table = ctx.qualified(step.table.name, step.table.namespace)
    if step.new.partitioning is None:
        return [Stmt(f"ALTER TABLE {table} REMOVE PARTITIONING;")]
    clause = partition_clause(ctx, step.new)
    if not clause:
        return []
    ctx.warn("mysql-table-copy", f"{step.table.label} is repartitioned: MySQL copies every row")
    return [Stmt(f"ALTER TABLE {table}{clause};")]
