"""Expand → migrate → contract for PostgreSQL (``render(..., expand_contract=True)``).

A renamed or retyped column on an existing table is not changed in place, which
would break the code running against it or rewrite the table under a lock. The up
migration *expands*: it adds the new column, keeps it in step with the old one with a
trigger (both ways for a rename: old code writes the old name, new code the new one),
and backfills existing rows in batches. Deploy code that uses the new column; then run
``Migration.contract``, which drops the trigger and the old column (a retyped column
then takes its final name) and applies NOT NULL and the default.

Only plain columns are expanded: one that a key, unique, check, index or foreign key
uses (or any column of a table with a table-level check, whose expression may name
it), or an identity column, is changed in place as usual (and warned about).
"""

from __future__ import annotations

from designer.migrate.base import Context, Stmt, Warning
from designer.migrate.model import Column, Table
from designer.migrate.pg_sql import dollar_quoted, type_warnings
from designer.migrate.steps import Step
from designer.naming import fit_identifier
from designer.schema import TypeKind

BATCH_ROWS = 5000


def planned(ctx: Context) -> dict[str, Step]:
    """Columns this migration expands → the step that starts it (cached on the context)."""
    cached = ctx.plans.get("expand")
    if cached is not None:
        return cached
    plan: dict[str, Step] = {}
    if ctx.expand_contract:
        busy = _columns_in_use(ctx)
        for step in ctx.steps:
            retyped = step.action == "alter_column" and step.detail.get("type")
            candidate = (step.action == "rename_column" or retyped) and step.old_table is not None
            if candidate and step.new.id not in busy and not (step.old.identity or step.new.identity):
                plan.setdefault(step.new.id, step)
    ctx.plans["expand"] = plan
    return plan


def _columns_in_use(ctx: Context) -> set[str]:
    used: set[str] = set()
    for model in (ctx.old, ctx.new):
        for table in model.tables:
            for constraint in table.constraints:
                used.update(constraint.columns)
                if constraint.kind == "check" and not constraint.columns:
                    used.update(c.id for c in table.columns)  # a table check may name any column: leave them in place
            for index in table.indexes:
                used.update(k.field_id for k in index.columns if k.field_id)
                used.update(index.include)
        for _table_id, key in model.foreign_keys:
            used.update((*key.columns, *key.ref_columns))
        for item in model.objects:  # a view reading it: changed in place, the view dropped and created again
            used.update(item.depends_on)
    return used


def expand_column(step: Step, ctx: Context) -> list[Stmt]:
    table = ctx.new.table(step.table.id)
    old = ctx.old.table(step.table.id).column(step.new.id)
    new = table.column(step.new.id)
    renamed = old.name != new.name
    target = new.name if renamed else fit_identifier(f"{old.name}__new")
    spelled = ctx.column_type(new)
    type_warnings(ctx, new, spelled)
    same_type = old.type == new.type
    function = ctx.qualified(fit_identifier(f"{table.name}_{target}_expand"), table.namespace)
    trigger = ctx.quote(fit_identifier(f"{table.name}_{target}_expand"))
    name, source, dest = ctx.table_name(table), ctx.quote(old.name), ctx.quote(target)
    ctx.warn(
        "expand-contract",
        f"{table.label}.{old.name} → {new.name if renamed else spelled}: expanded into "
        f"{target} kept in step by a trigger; run the contract migration once no code uses {old.name}",
    )
    up = [
        Stmt(f"ALTER TABLE {name} ADD COLUMN {dest} {spelled};"),
        Stmt(_sync_function(function, source, dest, _cast(old, new, spelled), both_ways=renamed and same_type)),
        Stmt(f"CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON {name} FOR EACH ROW EXECUTE FUNCTION {function}();"),
        Stmt(_backfill(name, source, dest, _cast(old, new, spelled, row="")), "bare"),
    ]
    ctx.contract += _contract(ctx, table, new, target=target, source=source, trigger=trigger, function=function)
    return up


def _cast(old: Column, new: Column, spelled: str, *, row: str = "NEW.") -> str:
    value = f"{row}{_q(old.name)}"
    if old.type == new.type:
        return value
    through_text = TypeKind.ENUM in (old.type.kind, new.type.kind)
    return f"{value}{'::text' if through_text else ''}::{spelled}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sync_function(function: str, source: str, dest: str, cast: str, *, both_ways: bool) -> str:
    back = f"\n    ELSIF NEW.{source} IS NULL THEN\n      NEW.{source} := NEW.{dest};" if both_ways else ""
    update_back = (
        f"\n  ELSIF NEW.{dest} IS DISTINCT FROM OLD.{dest} THEN\n    NEW.{source} := NEW.{dest};" if both_ways else ""
    )
    body = (
        "\nBEGIN\n"
        f"  IF TG_OP = 'INSERT' THEN\n    IF NEW.{dest} IS NULL THEN\n      NEW.{dest} := {cast};{back}\n    END IF;\n"
        f"  ELSIF NEW.{source} IS DISTINCT FROM OLD.{source} THEN\n    NEW.{dest} := {cast};{update_back}\n"
        "  END IF;\n  RETURN NEW;\nEND\n"
    )
    return (
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS {dollar_quoted('expand', body)};"
    )


def _backfill(name: str, source: str, dest: str, cast: str) -> str:
    # Batches committed one by one: short row locks, no long transaction, resumable.
    # Identifiers are quoted and the types spelled by us; the tag is absent from the body.
    body = (
        "\nDECLARE filled bigint;\nBEGIN\n  LOOP\n"  # noqa: S608
        f"    UPDATE {name} SET {dest} = {cast}\n"
        f"      WHERE ctid IN (SELECT ctid FROM {name} WHERE {dest} IS DISTINCT FROM {cast} LIMIT {BATCH_ROWS});\n"
        "    GET DIAGNOSTICS filled = ROW_COUNT;\n    EXIT WHEN filled = 0;\n    COMMIT;\n  END LOOP;\nEND\n"
    )
    return f"DO {dollar_quoted('backfill', body)};"


def _contract(
    ctx: Context, table: Table, new: Column, *, target: str, source: str, trigger: str, function: str
) -> list[Stmt]:
    name = ctx.table_name(table)
    warn = ctx.contract_warnings.append
    warn(
        Warning(
            "ban-drop-column",
            f"{table.label}: the old column {source} is dropped (its values live on in {new.name})",
            ctx.step_number,
        )
    )
    warn(Warning("ban-drop-function", f"the expand trigger's function {function} is dropped", ctx.step_number))
    statements = [
        Stmt(f"DROP TRIGGER IF EXISTS {trigger} ON {name};"),
        Stmt(f"DROP FUNCTION IF EXISTS {function}();"),
        Stmt(f"ALTER TABLE {name} DROP COLUMN IF EXISTS {source};"),
    ]
    column = ctx.quote(new.name)
    if target != new.name:
        warn(Warning("renaming-column", f"{table.label}.{target} takes its final name {new.name}", ctx.step_number))
        statements.append(Stmt(f"ALTER TABLE {name} RENAME COLUMN {ctx.quote(target)} TO {column};"))
    if new.default is not None:
        statements.append(Stmt(f"ALTER TABLE {name} ALTER COLUMN {column} SET DEFAULT {ctx.default_sql(new)};"))
    if new.comment:
        text = "'" + new.comment.replace("'", "''") + "'"
        statements.append(Stmt(f"COMMENT ON COLUMN {name}.{column} IS {text};"))
    if not new.nullable:
        check = ctx.quote(fit_identifier(f"{table.name}_{new.name}_not_null"))
        warn(
            Warning(
                "ban-drop-constraint", f"the temporary check {check} is dropped once NOT NULL is set", ctx.step_number
            )
        )
        statements += [
            Stmt(f"ALTER TABLE {name} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;", "own"),
            Stmt(f"ALTER TABLE {name} VALIDATE CONSTRAINT {check};", "own"),
            Stmt(f"ALTER TABLE {name} ALTER COLUMN {column} SET NOT NULL;", "own"),
            Stmt(f"ALTER TABLE {name} DROP CONSTRAINT {check};"),
        ]
    return statements
