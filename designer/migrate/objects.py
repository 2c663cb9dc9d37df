"""Views, functions, triggers, sequences and virtual tables in a migration.

They are not designed, but the database holds them, and they hold on to the columns
they read: PostgreSQL refuses to change the type of a column a view uses, SQLite's
table rebuild drops the table's triggers and breaks its views. So every object that
reads something a migration changes (a view on that view too) is dropped before the
first step and created again after the last one, from its SQL in the new schema with
renamed tables and columns spelled the new way. Objects added or changed in the schema
are created (or replaced) the same way, removed ones dropped.

An object is emitted only for the dialect it was written in: a PostgreSQL view is not
MySQL (the deploy check says so, ``designer.deploy``).
"""

from __future__ import annotations

import re

from pglast import ast as pg_ast
from pglast import parse_sql
from pglast.parser import ParseError
from pglast.stream import RawStream

from designer.db_objects import EARLY_KINDS, KIND_LABELS, creation_order, dependents, renamed
from designer.migrate.base import Context, MigrationError, Stmt
from designer.migrate.model import Model
from designer.migrate.steps import ACTIONS, SQLITE_REBUILDS, Step
from designer.schema import DatabaseObject, ObjectKind
from designer.types import MYSQL, POSTGRESQL, SQLITE

# Where created functions and sequences go: before anything that may use them.
_EARLY_BEFORE = ACTIONS.index("rename_table")
_DROP = {
    ObjectKind.VIEW: "VIEW",
    ObjectKind.MATERIALIZED_VIEW: "MATERIALIZED VIEW",
    ObjectKind.FUNCTION: "FUNCTION",
    ObjectKind.TRIGGER: "TRIGGER",
    ObjectKind.SEQUENCE: "SEQUENCE",
    ObjectKind.VIRTUAL_TABLE: "TABLE",
}
_TRIGGER_TABLE = re.compile(
    r"\bON\s+((?:\"(?:[^\"]|\"\")+\"|`[^`]+`|[\w$]+)(?:\s*\.\s*(?:\"(?:[^\"]|\"\")+\"|[\w$]+))?)", re.IGNORECASE
)


def with_object_steps(steps: list[Step], old: Model, new: Model, *, dialect: str) -> list[Step]:
    """``steps`` with the drops of objects first and their creations where they belong."""
    before = {o.id: o for o in old.objects if o.dialect == dialect}
    after = {o.id: o for o in new.objects if o.dialect == dialect}
    changed = {i for i in before.keys() & after.keys() if before[i].sql != after[i].sql}
    broken = {o.id for o in dependents(list(before.values()), _touched(steps, old, dialect))}
    # A sequence is altered, never made again: a new one would start counting afresh, and
    # PostgreSQL refuses to drop it while a column's default draws from it.
    altered = [
        Step("alter_object", old=before[i], new=after[i])
        for i in sorted(changed)
        if after[i].kind is ObjectKind.SEQUENCE and dialect == POSTGRESQL
    ]
    changed -= {s.new.id for s in altered}
    dropped = (before.keys() - after.keys()) | changed | broken
    created = (after.keys() - before.keys()) | changed | (broken & after.keys())
    renames = _renames(steps)
    drops = [Step("drop_object", old=o) for o in reversed(creation_order(list(before.values()))) if o.id in dropped]
    # A removed sequence or function may still be a dropped column's default (nextval of a
    # standalone sequence): PostgreSQL refuses to drop it before that column goes.
    last = [s for s in drops if s.old.kind in EARLY_KINDS and s.old.id not in after]
    drops = [s for s in drops if not (s.old.kind in EARLY_KINDS and s.old.id not in after)]
    creates = [
        Step("create_object", new=o, detail=renames) for o in creation_order(list(after.values())) if o.id in created
    ]
    early = [s for s in creates if _early(s.new, new)]
    late = [s for s in creates if not _early(s.new, new)]
    cut = next((n for n, s in enumerate(steps) if ACTIONS.index(s.action) >= _EARLY_BEFORE), len(steps))
    return [*drops, *steps[:cut], *altered, *early, *steps[cut:], *late, *last]


def _early(item: DatabaseObject, new: Model) -> bool:
    """A function or sequence goes before the tables, unless it names one (a function
    taking or returning a table's row type)."""
    return item.kind in EARLY_KINDS and not any(new.table(i) is not None for i in item.depends_on)


def _touched(steps: list[Step], old: Model, dialect: str) -> set[str]:
    """Ids of the tables and columns whose change breaks an object reading them."""
    touched: set[str] = set()
    for step in steps:
        action = step.action
        # PostgreSQL follows a rename in the objects that read it; the others look names up.
        renames = action in ("rename_table", "rename_column") and dialect != POSTGRESQL
        retyped = action == "alter_column" and bool((step.detail or {}).get("type"))
        if action in ("drop_table", "drop_column") or renames or retyped:
            touched.add(step.old.id)
        elif action == "replace_enum":
            touched |= {c.id for t in old.tables for c in t.columns if c.type.enum_id == step.old.id}
        if dialect == SQLITE and action in SQLITE_REBUILDS and step.table is not None:
            touched.add(step.table.id)
    return touched


def _renames(steps: list[Step]) -> dict[str, str]:
    return {
        s.old.name: s.new.name
        for s in steps
        if s.action in ("rename_table", "rename_column") and s.old.name != s.new.name
    }


# --- rendering (every dialect) ----------------------------------------------------------------


def drop_object(step: Step, ctx: Context) -> list[Stmt]:
    item: DatabaseObject = step.old
    ctx.warn(
        "dependent-object-recreated" if _kept(ctx, item) else "ban-drop-object",
        f"{_label(item)} is dropped"
        + (" and created again after the change of what it reads" if _kept(ctx, item) else ""),
    )
    return [Stmt(drop_sql(item, ctx))]


def create_object(step: Step, ctx: Context) -> list[Stmt]:
    item: DatabaseObject = step.new
    sql = renamed(item.sql, step.detail or {})
    statements = []
    if ctx.dialect == MYSQL:  # no transaction there: a file run again finds the object made
        statements.append(Stmt(drop_sql(item, ctx)))
    if ctx.dialect == POSTGRESQL and item.kind is ObjectKind.FUNCTION:
        # As pg_dump does: a function's body is checked when it runs, not before the tables it reads exist.
        statements.append(Stmt("SET LOCAL check_function_bodies = false;"))
    return [*statements, Stmt(sql)]


def alter_object(step: Step, ctx: Context) -> list[Stmt]:
    """A PostgreSQL sequence's options as its new CREATE SEQUENCE says them (ALTER SEQUENCE
    takes the same ones; START WITH leaves the current value alone). Options the new text
    no longer says keep the values they have."""
    try:
        statements = parse_sql(step.new.sql)
    except ParseError:
        statements = ()
    if len(statements) != 1 or not isinstance(statements[0].stmt, pg_ast.CreateSeqStmt):
        raise MigrationError(f"{_label(step.new)}: its SQL is not one CREATE SEQUENCE")
    created = statements[0].stmt
    if not created.options:
        ctx.warn("sequence-options-kept", f"{_label(step.new)}: the options its new SQL leaves out keep their values")
        return []
    return [Stmt(RawStream()(pg_ast.AlterSeqStmt(sequence=created.sequence, options=created.options)) + ";")]


def drop_sql(item: DatabaseObject, ctx: Context) -> str:
    name = ctx.qualified(item.name, item.namespace if item.kind is not ObjectKind.TRIGGER else None)
    if item.kind is ObjectKind.TRIGGER and ctx.dialect != SQLITE:
        found = _TRIGGER_TABLE.search(item.sql)
        table = found[1] if found else ctx.quote(item.name)
        if ctx.dialect == MYSQL:
            return f"DROP TRIGGER IF EXISTS {ctx.qualified(item.name, item.namespace)};"
        return f"DROP TRIGGER IF EXISTS {name} ON {table};"
    return f"DROP {_DROP[item.kind]} IF EXISTS {name};"


def _kept(ctx: Context, item: DatabaseObject) -> bool:
    return any(o.id == item.id for o in ctx.new.objects)


def _label(item: DatabaseObject) -> str:
    return f"{KIND_LABELS[item.kind]} {item.qualified_name}"


def other_dialects(new: Model, dialect: str) -> list[str]:
    """What the schema holds that is not written for ``dialect``: not emitted, said."""
    return [
        f"{_label(o)} was written for {o.dialect}: it is not created for {dialect}"
        for o in new.objects
        if o.dialect != dialect
    ]
