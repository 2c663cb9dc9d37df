"""Steps → SQL text for one dialect: the Migration (up, down, warnings, irreversible).

The renderers (``postgresql``, ``mysql``, ``sqlite``) turn one step into statements with
the shared types of ``designer.migrate.base``; this module dispatches to them, checks
names, announces what cannot be undone and lays the statements out in transactions the
way each client applies them (``psql -v ON_ERROR_STOP=1 -f``, ``mariadb``, ``sqlite3``).
"""

from __future__ import annotations

from designer.migrate import mysql, postgresql, sqlite
from designer.migrate.base import (  # the shared types, re-exported for designer.migrate
    LOCK_TIMEOUT,
    MAX_NAME,
    STATEMENT_TIMEOUT,
    Context,
    Migration,
    MigrationError,
    _comment,
)
from designer.migrate.data_risks import announce
from designer.migrate.diff import diff_models
from designer.migrate.fragments import for_dialect
from designer.migrate.model import Model, build_model
from designer.migrate.objects import other_dialects, with_object_steps
from designer.schema import Schema
from designer.types import MYSQL, POSTGRESQL, SQLITE


def render(
    steps, *, dialect: str, old: Schema, new: Schema, zero_downtime: bool = True, expand_contract: bool = False
) -> Migration:
    """The migration from ``old`` to ``new`` made of ``steps`` (``diff(old, new)``); its
    down is the migration back, from the reverse diff. ``expand_contract`` (PostgreSQL,
    zero-downtime): renamed or retyped columns are expanded now and contracted later."""
    old_model, new_model = build_model(old), build_model(new)
    up, context = _render_models(steps, dialect, old_model, new_model, zero_downtime, expand_contract)
    back = diff_models(new_model, old_model)
    down, down_context = _render_models(back, dialect, new_model, old_model, zero_downtime, False)
    contract = ""
    if context.contract:
        contract = _contract_sql(context)
    return Migration(
        dialect,
        up,
        down,
        context.warnings,
        context.irreversible,
        down_context.warnings,
        contract,
        context.contract_warnings,
    )


def _contract_sql(context: Context) -> str:
    lines = ["-- postgresql, contract: run once no deployed code reads or writes the old columns"]
    lines += [f"-- WARNING [{w.code}] {_comment(w.message)}" for w in context.contract_warnings]
    lines += [f"SET lock_timeout = '{LOCK_TIMEOUT}';", f"SET statement_timeout = '{STATEMENT_TIMEOUT}';", "BEGIN;"]
    for stmt in context.contract:
        if stmt.mode == "own":
            lines += ["COMMIT;", "BEGIN;"]
        lines.append(stmt.sql)
    return "\n".join([*lines, "COMMIT;"]) + "\n"


def _render_models(
    steps, dialect: str, old: Model, new: Model, zero_downtime: bool, expand_contract: bool
) -> tuple[str, Context]:
    if dialect not in (POSTGRESQL, MYSQL, SQLITE):
        raise MigrationError(f"unknown dialect {dialect!r}: postgresql, mysql or sqlite")
    _check_names(new, dialect)
    _check_shape(new, dialect)
    steps, old, new = for_dialect(steps, old, new, dialect=dialect, fail=MigrationError)
    steps = with_object_steps(steps, old, new, dialect=dialect)
    zero_downtime = zero_downtime and dialect == POSTGRESQL
    context = Context(
        dialect,
        old,
        new,
        zero_downtime=zero_downtime,
        steps=list(steps),
        expand_contract=expand_contract and zero_downtime,
    )
    for message in other_dialects(new, dialect):
        context.warn("object-other-dialect", message)
    renderer = _renderer(dialect)
    blocks = []
    for number, step in enumerate(steps):
        context.step_number = number
        blocks.append((step, renderer.render_step(step, context)))
        if step.loses_data:
            context.irreversible.append(_loss(step))
    announce(steps, context)
    body = renderer.assemble(blocks, context)
    return _header(context, len(steps)) + body, context


def _loss(step) -> str:
    if step.action == "drop_table":
        return f"table {step.old.label} is dropped with its rows; the down migration recreates it empty"
    if step.action == "drop_column":
        return f"column {step.table.label}.{step.old.name} is dropped; the down migration brings it back empty"
    if step.action == "drop_partition":
        return f"partition {step.old.name} of {step.table.label} is dropped with its rows; down recreates it empty"
    return (
        f"column {step.table.label}.{step.new.name} is narrowed: values that do not fit make it fail "
        "or are cut, and the down migration cannot bring them back"
    )


def _renderer(dialect: str):
    return {POSTGRESQL: postgresql, MYSQL: mysql, SQLITE: sqlite}[dialect]


def _header(context: Context, count: int) -> str:
    mode = ", zero-downtime" if context.zero_downtime else ""
    lines = [f"-- {context.dialect}{mode}: {count} step{'s' if count != 1 else ''}"]
    lines += [f"-- IRREVERSIBLE: {_comment(sentence)}" for sentence in context.irreversible]
    lines += [f"-- WARNING [{w.code}] step {w.step}: {_comment(w.message)}" for w in context.warnings]
    return "\n".join(lines) + "\n"


def _check_names(model: Model, dialect: str) -> None:
    limit = MAX_NAME.get(dialect)
    if limit is None:
        return
    measure = (lambda s: len(s.encode())) if dialect == POSTGRESQL else len
    unit = "bytes" if dialect == POSTGRESQL else "characters"

    def check(kind: str, name: str, where: str = "") -> None:
        if measure(name) > limit:
            raise MigrationError(
                f"{kind} name {name!r}{where} is {measure(name)} {unit}; {dialect} allows at most {limit}: shorten it"
            )

    for namespace in model.namespaces:
        check("schema", namespace)
    for enum in model.enums:
        check("enum", enum.name)
    for table in model.tables:
        check("table", table.name)
        for column in table.columns:
            check("field", column.name, f" in {table.label}")
        for item in (*table.constraints, *table.indexes):
            check("constraint" if item in table.constraints else "index", item.name, f" on {table.label}")
    for table_id, key in model.foreign_keys:
        check("foreign key", key.name, f" on {model.table(table_id).label}")


def _check_shape(model: Model, dialect: str) -> None:
    """What every database would refuse when the migration runs, said before it is written."""
    for table in model.tables:
        if not table.columns and dialect != POSTGRESQL:
            raise MigrationError(f"table {table.label} has no fields; {dialect} needs at least one")
    for table_id, key in model.foreign_keys:
        ref = model.table(key.ref_table)
        keys = [set(c.columns) for c in ref.constraints if c.kind in ("primary", "unique")]
        keys += [{k.field_id for k in i.columns} for i in ref.indexes if i.unique and not i.predicate]
        if set(key.ref_columns) not in keys:
            names = ", ".join(ref.column(i).name for i in key.ref_columns)
            raise MigrationError(
                f"foreign key {key.name} on {model.table(table_id).label} refers to {ref.label} ({names}), "
                "which is not its primary key or a unique key: make those fields unique or point at the key"
            )
