"""Steps that can fail on the rows a table holds, announced before they run.

Every such step gets a ``fails-on-data`` warning (in the file's header and wherever the
warnings are shown). The two that certainly fail on rows the migration cannot fill, a
required field added without a default (a down bringing back a dropped NOT NULL column
is one) and a field made required while it holds NULLs, get a guard at the top of the
file: it stops the file before anything commits, with the reason, and the file says
what to write instead (the backfill placeholder).
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.migrate.base import Context
from designer.migrate.pg_sql import dollar_quoted
from designer.migrate.steps import Step
from designer.types import MYSQL, POSTGRESQL, SQLITE


@dataclass(frozen=True)
class Guard:
    step: int
    reason: str  # the error the guard raises, for people
    table_sql: str  # the table as it is before the migration, quoted
    where: str  # rows matching it make the step fail ("" = any row)
    placeholder: str  # the backfill to write instead, as a comment


def announce(steps: list[Step], ctx: Context) -> None:
    """Warn for each risky step; keep the guards for the renderer (``ctx.plans["guards"]``)."""
    guards: list[Guard] = []
    for number, step in enumerate(steps):
        ctx.step_number = number
        message, guard = _risk(step, number, ctx)
        if message:
            ctx.warn("fails-on-data", message)
        if guard is not None:
            guards.append(guard)
    ctx.plans["guards"] = guards


def _risk(step: Step, number: int, ctx: Context) -> tuple[str | None, Guard | None]:
    if step.old_table is None or ctx.old.table(step.old_table.id) is None:
        return None, None  # a table this migration creates holds no rows
    before = ctx.old.table(step.old_table.id)
    table, changes = ctx.table_name(before), step.detail if isinstance(step.detail, dict) else {}
    if step.action == "add_column" and _required_without_value(step.new):
        column = ctx.quote(step.new.name)
        reason = (
            f"{step.table.label}.{step.new.name} is added NOT NULL without a default: "
            "this will fail on a populated table"
        )
        placeholder = (
            f"give it a default, or add it nullable, fill it (UPDATE {table} SET {column} = <value> "  # noqa: S608
            f"WHERE {column} IS NULL;) and make it required after"
        )
        return reason, Guard(number, reason, table, "", placeholder)
    if step.action == "alter_column" and changes.get("nullable") and not step.new.nullable:
        old_column = before.column(step.old.id)
        column = ctx.quote(old_column.name if old_column else step.old.name)
        reason = f"{step.table.label}.{step.new.name} becomes NOT NULL: this fails while a row holds NULL there"
        placeholder = f"fill the NULLs first (UPDATE {table} SET {column} = <value> WHERE {column} IS NULL;)"  # noqa: S608
        return reason, Guard(number, reason, table, f"{column} IS NULL", placeholder)
    if step.action == "alter_column" and changes.get("narrowing"):
        return f"{step.table.label}.{step.new.name} is narrowed: this fails when a value does not fit", None
    if step.action == "add_constraint" and step.new.kind in ("primary", "unique"):
        return f"{step.table.label}: the new {step.new.kind} key {step.new.name} fails when rows repeat", None
    if step.action == "add_constraint" and step.new.kind == "check":
        return f"{step.table.label}: the new check {step.new.name} fails when a row breaks it", None
    if step.action == "add_foreign_key":
        return f"{step.table.label}: the new foreign key {step.new.name} fails when a row points nowhere", None
    return None, None


def _required_without_value(column) -> bool:
    return not column.nullable and column.default is None and not column.identity


def guard_lines(ctx: Context) -> list[str]:
    """The guards as SQL for the dialect, each after the comment saying what to do instead."""
    lines = []
    for guard in ctx.plans.get("guards", []):
        lines.append(f"-- WILL FAIL ON DATA (step {guard.step}): {_one_line(guard.reason)}")
        lines.append(f"-- BACKFILL PLACEHOLDER: {_one_line(guard.placeholder)}; then delete the guard below")
        lines.append(_guard_sql(ctx, guard))
    return lines


def _guard_sql(ctx: Context, guard: Guard) -> str:
    where = f" WHERE {guard.where}" if guard.where else ""
    message = guard.reason.replace("'", "''")
    if ctx.dialect == POSTGRESQL:
        body = f" BEGIN IF EXISTS (SELECT FROM {guard.table_sql}{where}) THEN RAISE EXCEPTION '%', '{message}'; END IF; END "
        return f"DO {dollar_quoted('guard', body)};"
    if ctx.dialect == SQLITE:  # no RAISE outside a trigger: a CHECK that fails names the reason
        name = '"' + message.replace('"', '""') + '"'
        return (
            f'CREATE TEMP TABLE "_migration_guard" (n integer CONSTRAINT {name} CHECK (n = 0));\n'  # noqa: S608
            f'INSERT INTO "_migration_guard" SELECT count(*) FROM {guard.table_sql}{where};\n'
            'DROP TABLE "_migration_guard";'
        )
    if ctx.dialect == MYSQL:
        return f"-- (MySQL runs no guard: check {guard.table_sql} before running this file)"
    return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())
