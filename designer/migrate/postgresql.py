"""PostgreSQL: the first-class renderer.

Zero-downtime mode (the default) writes what squawk and strong_migrations ask for:
timeouts first; indexes on existing tables built and dropped CONCURRENTLY outside any
transaction; foreign keys and checks added NOT VALID and validated in a later
transaction; NOT NULL through a validated check; unique and primary keys on existing
tables through a concurrent unique index; a volatile default added empty, then set,
then backfilled in batches. Every risky statement carries a warning named after the
squawk rule that flags it.
"""

from __future__ import annotations

from designer.migrate import expand, objects, pg_objects
from designer.migrate.base import LOCK_TIMEOUT, STATEMENT_TIMEOUT, Context, Stmt, handler_for, step_comment
from designer.migrate.data_risks import guard_lines
from designer.migrate.model import IndexDef, Table
from designer.migrate.pg_columns import add_column, alter_column
from designer.migrate.pg_sql import (
    column_comment,
    column_sql,
    constraint_sql,
    existing,
    foreign_key_sql,
    index_ref,
    index_sql,
    literal,
    sequence_renames,
    storage_sql,
    table_sql,
)
from designer.migrate.steps import Step
from designer.naming import fit_identifier
from designer.schema import IndexColumn


def render_step(step: Step, ctx: Context) -> list[Stmt]:
    return handler_for(_HANDLERS, step, "PostgreSQL")(step, ctx)


def assemble(blocks: list[tuple[Step, list[Stmt]]], ctx: Context) -> str:
    lines: list[str] = []
    if ctx.zero_downtime:
        lines += [
            "-- A step that times out waiting for a lock changed nothing: run the file again from that step.",
            "-- A failed CREATE INDEX CONCURRENTLY leaves an INVALID index: DROP INDEX CONCURRENTLY it first.",
            f"SET lock_timeout = '{LOCK_TIMEOUT}';",
            f"SET statement_timeout = '{STATEMENT_TIMEOUT}';",
        ]
    lines += commit_points(blocks) + guard_lines(ctx)
    open_tx = False

    def close() -> None:
        nonlocal open_tx
        if open_tx:
            lines.append("COMMIT;")
            open_tx = False

    # One transaction for the file, so a failure commits nothing: only what PostgreSQL runs
    # outside a transaction (CONCURRENTLY, ADD VALUE, a batched backfill) or after a commit
    # (VALIDATE under its weaker lock) ends it; the header lists those commit points.
    for number, (step, statements) in enumerate(blocks):
        if statements:
            lines.append(step_comment(number, step))
        for stmt in statements:
            if stmt.mode == "bare":
                close()
                lines.append(stmt.sql)
                continue
            if stmt.mode == "own":
                close()
            if not open_tx:
                lines.append("BEGIN;")
                open_tx = True
            lines.append(stmt.sql)
    close()
    return "\n".join(lines) + "\n"


def commit_points(blocks: list[tuple[Step, list[Stmt]]]) -> list[str]:
    """Where the file commits before its end, said first: a failure after one of those
    leaves the steps before it applied (run the file again from the failed step)."""
    steps = [number for number, (_, statements) in enumerate(blocks) if any(s.mode != "tx" for s in statements)]
    if not steps:
        return ["-- One transaction: a failure anywhere commits nothing."]
    listed = ", ".join(str(n) for n in steps)
    which = f"steps {listed} run" if len(steps) > 1 else f"step {listed} runs"
    return [
        f"-- NOT ONE TRANSACTION: {which} partly outside a transaction or after a commit (CONCURRENTLY, "
        "ADD VALUE, batched backfill, VALIDATE): a failure after one leaves the steps before it committed."
    ]


# --- pieces ------------------------------------------------------------------------------


# --- one function per action -------------------------------------------------------------


def _drop_foreign_key(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-constraint", f"foreign key {step.old.name} on {step.table.label} is dropped")
    return [Stmt(f"ALTER TABLE {table_sql(ctx, step.table)} DROP CONSTRAINT IF EXISTS {ctx.quote(step.old.name)};")]


def _drop_index(step: Step, ctx: Context) -> list[Stmt]:
    name = index_ref(ctx, step.table, step.old.name)
    if ctx.zero_downtime and not pg_objects.partitioned(ctx, step.table, f"index {step.old.name} is dropped"):
        return [Stmt(f"DROP INDEX CONCURRENTLY IF EXISTS {name};", "bare")]
    return [Stmt(f"DROP INDEX IF EXISTS {name};")]


def _drop_constraint(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-constraint", f"{step.old.kind} constraint {step.old.name} on {step.table.label} is dropped")
    return [Stmt(f"ALTER TABLE {table_sql(ctx, step.table)} DROP CONSTRAINT IF EXISTS {ctx.quote(step.old.name)};")]


def _drop_column(step: Step, ctx: Context) -> list[Stmt]:
    label = f"{step.table.label}.{step.old.name}"
    ctx.warn("ban-drop-column", f"column {label} is dropped: deploy code that no longer uses it first")
    return [Stmt(f"ALTER TABLE {table_sql(ctx, step.table)} DROP COLUMN IF EXISTS {ctx.quote(step.old.name)};")]


def _drop_table(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-table", f"table {step.old.label} is dropped: deploy code that no longer uses it first")
    return [Stmt(f"DROP TABLE IF EXISTS {table_sql(ctx, step.old)};")]


def _create_schema(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"CREATE SCHEMA IF NOT EXISTS {ctx.quote(step.new)};")]


def _drop_schema(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-schema", f"schema {step.old} is dropped")
    return [Stmt(f"DROP SCHEMA IF EXISTS {ctx.quote(step.old)};")]


def _enum_name(ctx: Context, enum) -> str:
    return ctx.qualified(enum.name, enum.namespace)


def _create_enum(step: Step, ctx: Context) -> list[Stmt]:
    values = ", ".join(literal(v) for v in step.new.values)
    return [Stmt(f"CREATE TYPE {_enum_name(ctx, step.new)} AS ENUM ({values});")]


def _drop_enum(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("ban-drop-type", f"enum {step.old.label} is dropped")
    return [Stmt(f"DROP TYPE IF EXISTS {_enum_name(ctx, step.old)};")]


def _rename_enum(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("renaming-object", f"enum {step.old.label} is renamed to {step.new.label}: code naming it breaks")
    statements, current = [], step.old
    if step.old.namespace != step.new.namespace:
        ctx.warn("ban-set-schema", f"enum {step.old.label} moves to schema {step.new.namespace or 'public'}")
        statements.append(
            Stmt(f"ALTER TYPE {_enum_name(ctx, current)} SET SCHEMA {ctx.quote(step.new.namespace or 'public')};")
        )
        current = step.new.__class__(current.id, current.name, step.new.namespace, current.values)
    if current.name != step.new.name:
        statements.append(Stmt(f"ALTER TYPE {_enum_name(ctx, current)} RENAME TO {ctx.quote(step.new.name)};"))
    return statements


def _add_enum_value(step: Step, ctx: Context) -> list[Stmt]:
    value, after, first = step.detail
    where = f" AFTER {literal(after)}" if after else ""
    if after is None and first is not None:
        where = f" BEFORE {literal(first)}"
    # Outside a transaction: a value added in a transaction cannot be used before it commits.
    return [Stmt(f"ALTER TYPE {_enum_name(ctx, step.new)} ADD VALUE IF NOT EXISTS {literal(value)}{where};", "bare")]


def _rename_enum_value(step: Step, ctx: Context) -> list[Stmt]:
    old, new = step.detail
    ctx.warn("renaming-object", f"enum value {old!r} of {step.new.label} is renamed to {new!r}")
    return [Stmt(f"ALTER TYPE {_enum_name(ctx, step.new)} RENAME VALUE {literal(old)} TO {literal(new)};")]


def _replace_enum(step: Step, ctx: Context) -> list[Stmt]:
    """PostgreSQL cannot remove an enum value: build the new type and move every column to it."""
    old, new = step.old, step.new
    removed = ", ".join(repr(v) for v in step.detail) or "none"
    ctx.warn(
        "changing-column-type",
        f"enum {new.label} loses values ({removed}): its columns move to a rebuilt type; "
        "rows holding a removed value make this step fail, change them first",
    )
    ctx.warn("renaming-object", f"enum {new.label} is rebuilt under a temporary name")
    ctx.warn("ban-drop-type", f"the old enum {new.label} is dropped once no column uses it")
    retired = fit_identifier(f"{old.name}__retired")
    statements = [
        Stmt(f"ALTER TYPE {_enum_name(ctx, step.new)} RENAME TO {ctx.quote(retired)};"),
        Stmt(f"CREATE TYPE {_enum_name(ctx, new)} AS ENUM ({', '.join(literal(v) for v in new.values)});"),
    ]
    for table in ctx.new.tables:
        for column in table.columns:
            if column.type.enum_id != new.id:
                continue
            target = f"ALTER TABLE {table_sql(ctx, table)} ALTER COLUMN {ctx.quote(column.name)}"
            if column.default is not None:
                ctx.warn("ban-drop-default", f"the default of {column.label} is set again after the type change")
                statements.append(Stmt(f"{target} DROP DEFAULT;"))
            statements.append(
                Stmt(
                    f"{target} TYPE {_enum_name(ctx, new)} USING {ctx.quote(column.name)}::text::{_enum_name(ctx, new)};"
                )
            )
            if column.default is not None:
                statements.append(Stmt(f"{target} SET DEFAULT {ctx.default_sql(column)};"))
    statements.append(Stmt(f"DROP TYPE {ctx.qualified(retired, new.namespace)};"))
    return statements


def _rename_table(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("renaming-table", f"table {step.old.label} is renamed to {step.new.label}: code naming it breaks")
    statements, current = [], step.old
    if step.old.namespace != step.new.namespace:
        ctx.warn("ban-set-schema", f"table {step.old.label} moves to schema {step.new.namespace or 'public'}")
        statements.append(
            Stmt(f"ALTER TABLE {table_sql(ctx, current)} SET SCHEMA {ctx.quote(step.new.namespace or 'public')};")
        )
        current = Table(current.id, current.name, step.new.namespace, current.columns)
    if current.name != step.new.name:
        statements.append(Stmt(f"ALTER TABLE {table_sql(ctx, current)} RENAME TO {ctx.quote(step.new.name)};"))
        for column in step.old_table.columns:
            if column.identity:
                statements += _rename_sequence(
                    ctx, step.new.namespace, (step.old.name, column.name), (step.new.name, column.name)
                )
    return statements


def _rename_sequence(ctx: Context, namespace: str | None, old: tuple[str, str], new: tuple[str, str]) -> list[Stmt]:
    """An identity column's sequence is named after its table and column when created
    (``users_id_seq``); renaming them leaves it behind, so it follows. A name PostgreSQL
    had to shorten or number is left as it is (IF EXISTS: nothing to rename then)."""
    before, after = f"{old[0]}_{old[1]}_seq", f"{new[0]}_{new[1]}_seq"
    if max(len(before.encode()), len(after.encode())) > 63:
        return []
    ctx.warn("renaming-object", f"the identity sequence {before} follows its column as {after}")
    return [Stmt(f"ALTER SEQUENCE IF EXISTS {ctx.qualified(before, namespace)} RENAME TO {ctx.quote(after)};")]


def _rename_column(step: Step, ctx: Context) -> list[Stmt]:
    if step.new.id in expand.planned(ctx):
        return expand.expand_column(step, ctx)
    ctx.warn("renaming-column", f"column {step.table.label}.{step.old.name} is renamed to {step.new.name}")
    rename = f"ALTER TABLE {table_sql(ctx, step.table)} RENAME COLUMN {ctx.quote(step.old.name)} TO {ctx.quote(step.new.name)};"
    statements = [Stmt(rename)]
    if step.old.identity and step.new.identity:
        names = step.table.name
        statements += _rename_sequence(ctx, step.table.namespace, (names, step.old.name), (names, step.new.name))
    return statements


def _rename_constraint(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("renaming-object", f"constraint {step.old.name} on {step.table.label} is renamed to {step.new.name}")
    return [
        Stmt(
            f"ALTER TABLE {table_sql(ctx, step.table)} RENAME CONSTRAINT {ctx.quote(step.old.name)} TO {ctx.quote(step.new.name)};"
        )
    ]


def _rename_index(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("renaming-object", f"index {step.old.name} on {step.table.label} is renamed to {step.new.name}")
    return [Stmt(f"ALTER INDEX {index_ref(ctx, step.table, step.old.name)} RENAME TO {ctx.quote(step.new.name)};")]


def _create_table(step: Step, ctx: Context) -> list[Stmt]:
    """The table with its keys, uniques and checks, and its indexes in the same
    transaction: building an index on a table nobody can see yet blocks no one."""
    table = step.new
    parts = [column_sql(ctx, c) for c in table.columns]
    parts += [constraint_sql(ctx, table, c) for c in table.constraints if not c.not_valid]
    body = ",\n  ".join(parts)
    create = "CREATE UNLOGGED TABLE" if table.unlogged else "CREATE TABLE"
    storage = f" WITH ({storage_sql(table)})" if table.storage else ""
    statements = [
        Stmt(f"{create} {table_sql(ctx, table)} (\n  {body}\n){pg_objects.partition_by(ctx, table)}{storage};")
    ]
    statements += pg_objects.partitions_sql(ctx, table)
    statements += sequence_renames(ctx, table, table.columns)
    # NOT VALID means something only when added to a table: CREATE TABLE would validate it.
    statements += [
        Stmt(f"ALTER TABLE {table_sql(ctx, table)} ADD {constraint_sql(ctx, table, c)} NOT VALID;")
        for c in table.constraints
        if c.not_valid
    ]
    statements += [Stmt(index_sql(ctx, table, index, concurrently=False)) for index in table.indexes]
    if table.comment:
        statements.append(Stmt(f"COMMENT ON TABLE {table_sql(ctx, table)} IS {literal(table.comment)};"))
    return statements + [column_comment(ctx, table, c) for c in table.columns if c.comment]


def _set_comment(step: Step, ctx: Context) -> list[Stmt]:
    if isinstance(step.new, Table):
        text = literal(step.new.comment) if step.new.comment else "NULL"
        return [Stmt(f"COMMENT ON TABLE {table_sql(ctx, step.table)} IS {text};")]
    if step.new.id in expand.planned(ctx):
        return []  # the contract writes it on the column's final form
    return [column_comment(ctx, step.table, step.new)]


def _add_constraint(step: Step, ctx: Context) -> list[Stmt]:
    table, constraint = step.table, step.new
    alter = f"ALTER TABLE {table_sql(ctx, table)}"
    name = ctx.quote(constraint.name)
    if constraint.not_valid:  # as the design says: existing rows stay unchecked
        return [Stmt(f"{alter} ADD {constraint_sql(ctx, table, constraint)} NOT VALID;")]
    if not ctx.zero_downtime or constraint.kind == "exclude":  # an exclusion has no NOT VALID
        return [Stmt(f"{alter} ADD {constraint_sql(ctx, table, constraint)};")]
    keyed = constraint.kind in ("primary", "unique")
    if keyed and pg_objects.partitioned(ctx, table, f"the {constraint.kind} key {constraint.name} is built"):
        return [Stmt(f"{alter} ADD {constraint_sql(ctx, table, constraint)};")]
    if keyed:
        # Build the index without blocking writes, then attach it: the constraint takes a brief lock only.
        index = IndexDef(constraint.id, constraint.name, tuple(_key(c) for c in constraint.columns), unique=True)
        kind = "PRIMARY KEY" if constraint.kind == "primary" else "UNIQUE"
        return [
            Stmt(index_sql(ctx, table, index, concurrently=True), "bare"),
            Stmt(f"{alter} ADD CONSTRAINT {name} {kind} USING INDEX {name};"),
        ]
    return [
        Stmt(f"{alter} ADD CONSTRAINT {name} CHECK ({constraint.expression}) NOT VALID;"),
        Stmt(f"{alter} VALIDATE CONSTRAINT {name};", "own"),
    ]


def _key(column_id: str) -> IndexColumn:
    return IndexColumn(field_id=column_id)


def _create_index(step: Step, ctx: Context) -> list[Stmt]:
    if not existing(step):
        return []  # written with its new table
    if ctx.zero_downtime and not pg_objects.partitioned(ctx, step.table, f"index {step.new.name} is built"):
        return [Stmt(index_sql(ctx, step.table, step.new, concurrently=True), "bare")]
    return [Stmt(index_sql(ctx, step.table, step.new, concurrently=False))]


def _add_foreign_key(step: Step, ctx: Context) -> list[Stmt]:
    alter = f"ALTER TABLE {table_sql(ctx, step.table)}"
    sql = f"{alter} ADD {foreign_key_sql(ctx, step.table, step.new, step.ref_table)}"
    if step.new.not_valid:  # as the design says: existing rows stay unchecked
        return [Stmt(sql + " NOT VALID;")]
    if not ctx.zero_downtime or pg_objects.partitioned_foreign_key(ctx, step.table, step.new.name):
        return [Stmt(sql + ";")]
    return [Stmt(sql + " NOT VALID;"), Stmt(f"{alter} VALIDATE CONSTRAINT {ctx.quote(step.new.name)};", "own")]


def _set_table_options(step: Step, ctx: Context) -> list[Stmt]:
    """Storage parameters and UNLOGGED as the new design says them (MySQL's character set
    and collation: PostgreSQL tables have none)."""
    before, after = step.old, step.new
    alter = f"ALTER TABLE {table_sql(ctx, step.table)}"
    statements = []
    gone = [p.name for p in before.storage if p.name not in {q.name for q in after.storage}]
    if gone:
        statements.append(Stmt(f"{alter} RESET ({', '.join(gone)});"))
    if after.storage and after.storage != before.storage:
        statements.append(Stmt(f"{alter} SET ({storage_sql(after)});"))
    if after.unlogged != before.unlogged:
        ctx.warn(
            "table-rewrite",
            f"table {step.table.label} is rewritten to become {'unlogged' if after.unlogged else 'logged'}, "
            "under an ACCESS EXCLUSIVE lock",
        )
        statements.append(Stmt(f"{alter} SET {'UNLOGGED' if after.unlogged else 'LOGGED'};"))
    return statements


# Every step action, by name (designer.migrate.steps.ACTIONS): a new action without a
# renderer here is a clear MigrationError, not a KeyError.
_HANDLERS = {
    "drop_object": objects.drop_object,
    "alter_object": objects.alter_object,
    "create_object": objects.create_object,
    "drop_foreign_key": _drop_foreign_key,
    "drop_index": _drop_index,
    "drop_constraint": _drop_constraint,
    "drop_column": _drop_column,
    "drop_partition": pg_objects.drop_partition,
    "drop_table": _drop_table,
    "create_schema": _create_schema,
    "create_extension": pg_objects.create_extension,
    "create_enum": _create_enum,
    "create_domain": pg_objects.create_domain,
    "alter_domain": pg_objects.alter_domain,
    "rename_enum": _rename_enum,
    "rename_enum_value": _rename_enum_value,
    "add_enum_value": _add_enum_value,
    "rename_table": _rename_table,
    "rename_column": _rename_column,
    "rename_constraint": _rename_constraint,
    "rename_index": _rename_index,
    "create_table": _create_table,
    "change_partitioning": pg_objects.change_partitioning,
    "add_partition": pg_objects.add_partition,
    "add_column": add_column,
    "alter_column": alter_column,
    "replace_enum": _replace_enum,
    "set_comment": _set_comment,
    "set_table_options": _set_table_options,
    "drop_domain": pg_objects.drop_domain,
    "drop_enum": _drop_enum,
    "drop_extension": pg_objects.drop_extension,
    "drop_schema": _drop_schema,
    "add_constraint": _add_constraint,
    "create_index": _create_index,
    "add_foreign_key": _add_foreign_key,
}
