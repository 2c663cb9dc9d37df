"""PostgreSQL column steps, zero-downtime: adding a column (a volatile default
backfilled in batches, NOT NULL through a validated check) and altering one (type,
default, identity, nullability)."""

from __future__ import annotations

from designer.migrate import expand
from designer.migrate.base import Context, Stmt
from designer.migrate.model import Column, Table
from designer.migrate.pg_sql import (
    alterable_type,
    column_comment,
    column_sql,
    dollar_quoted,
    existing,
    is_serial,
    literal,
    sequence_renames,
    table_sql,
    type_warnings,
)
from designer.migrate.steps import Step
from designer.naming import fit_identifier
from designer.schema import DefaultKind, FieldType, TypeKind
from designer.sql import called_functions

BATCH_ROWS = 5000
_VOLATILE = frozenset(
    {
        "random",
        "gen_random_uuid",
        "uuid_generate_v1",
        "uuid_generate_v4",
        "clock_timestamp",
        "timeofday",
        "nextval",
        "txid_current",
    }
)


def _volatile_default(column: Column) -> bool:
    # The default was printed from its parse (migrate/fragments): its calls are read from a parse
    # too, so a function's name inside a string is not a call.
    default = column.default
    return (
        default is not None
        and default.kind is DefaultKind.EXPRESSION
        and bool(called_functions(default.value) & _VOLATILE)
    )


def add_column(step: Step, ctx: Context) -> list[Stmt]:
    table, column = step.table, step.new
    alter = f"ALTER TABLE {table_sql(ctx, table)}"
    comment = [column_comment(ctx, table, column)] if column.comment else []
    renames = sequence_renames(ctx, table, [column])
    if not ctx.zero_downtime:
        return [Stmt(f"{alter} ADD COLUMN {column_sql(ctx, column)};"), *renames, *comment]
    volatile = _volatile_default(column)
    computed = column.identity or column.generated is not None
    # Without a default, a required column can only be added to a table with no rows (the
    # file's guard, designer.migrate.data_risks, stops it otherwise): NOT NULL at once.
    needs_check = not column.nullable and volatile and not computed
    if column.identity:
        ctx.warn("adding-field-with-default", f"{column.label} is an identity column: adding it rewrites {table.label}")
    statements = [
        Stmt(
            f"{alter} ADD COLUMN {column_sql(ctx, column, with_default=not volatile, with_not_null=not needs_check)};"
        ),
        *renames,
    ]
    if volatile:
        ctx.warn(
            "adding-field-with-default",
            f"{column.label} has a volatile default ({column.default.value}): added "
            "without it, then the default is set and existing rows are filled in batches",
        )
        quoted = ctx.quote(column.name)
        statements.append(Stmt(f"{alter} ALTER COLUMN {quoted} SET DEFAULT {column.default.value};"))
        statements.append(Stmt(_backfill(ctx, table, column), "bare"))
    statements += comment
    if not column.nullable and column.default is None and not column.identity:
        ctx.warn(
            "adding-not-nullable-field",
            f"{column.label} is required and has no default: existing rows have no value for it, "
            "so it is added only to an empty table",
        )
    if needs_check:
        statements += set_not_null(ctx, table, column)
    return statements


def _backfill(ctx: Context, table: Table, column: Column) -> str:
    """Fill existing rows in batches, committing between them: short row locks, no long transaction."""
    name, quoted = table_sql(ctx, table), ctx.quote(column.name)
    # Identifiers are quoted, the default printed from its parse, the tag absent from the body.
    body = (
        "\nDECLARE filled bigint;\nBEGIN\n  LOOP\n"  # noqa: S608
        f"    UPDATE {name} SET {quoted} = {column.default.value}\n"
        f"      WHERE ctid IN (SELECT ctid FROM {name} WHERE {quoted} IS NULL LIMIT {BATCH_ROWS});\n"
        "    GET DIAGNOSTICS filled = ROW_COUNT;\n    EXIT WHEN filled = 0;\n    COMMIT;\n  END LOOP;\nEND\n"
    )
    return f"DO {dollar_quoted('backfill', body)};"


def set_not_null(ctx: Context, table: Table, column: Column) -> list[Stmt]:
    """NOT NULL without a long ACCESS EXCLUSIVE scan: a NOT VALID check, validated under a
    weaker lock, lets SET NOT NULL skip its scan (PostgreSQL 12+); then the check goes."""
    alter = f"ALTER TABLE {table_sql(ctx, table)}"
    check = ctx.quote(fit_identifier(f"{table.name}_{column.name}_not_null"))
    quoted = ctx.quote(column.name)
    ctx.warn(
        "ban-drop-constraint",
        f"the temporary check {check} for NOT NULL on {column.label} is dropped once NOT NULL is set",
    )
    return [
        Stmt(f"{alter} ADD CONSTRAINT {check} CHECK ({quoted} IS NOT NULL) NOT VALID;", "own"),
        Stmt(f"{alter} VALIDATE CONSTRAINT {check};", "own"),
        Stmt(f"{alter} ALTER COLUMN {quoted} SET NOT NULL;", "own"),
        Stmt(f"{alter} DROP CONSTRAINT {check};"),
    ]


def alter_column(step: Step, ctx: Context) -> list[Stmt]:
    table, old, new, changes = step.table, step.old, step.new, step.detail
    if new.id in expand.planned(ctx):
        return expand.expand_column(step, ctx) if old.name == new.name else []  # a rename already expanded it
    target = f"ALTER TABLE {table_sql(ctx, table)} ALTER COLUMN {ctx.quote(new.name)}"
    if changes.get("generated"):
        return _change_generated(step, ctx)
    statements = []
    old_serial, new_serial = is_serial(ctx.column_type(old, ctx.old)), is_serial(ctx.column_type(new))
    if changes.get("identity") and old.identity and not old_serial:
        statements.append(Stmt(f"{target} DROP IDENTITY IF EXISTS;"))
    kinds_differ = old.type.kind != new.type.kind or old.type.enum_id != new.type.enum_id
    reset_default = bool(changes.get("type")) and kinds_differ and old.default is not None
    if changes.get("type"):
        statements += _change_type(ctx, step, reset_default=reset_default, kinds_differ=kinds_differ)
    if new.default is not None and not new.identity and (changes.get("default") or reset_default):
        statements.append(Stmt(f"{target} SET DEFAULT {ctx.default_sql(new)};"))
    elif changes.get("default") and new.default is None and not reset_default:
        ctx.warn("ban-drop-default", f"the default of {table.label}.{new.name} is dropped")
        statements.append(Stmt(f"{target} DROP DEFAULT;"))
    if changes.get("identity") and new.identity and not new_serial:
        statements.append(Stmt(f"{target} ADD GENERATED {_generated_as(new)} AS IDENTITY;"))
    elif changes.get("identity_always") and new.identity and not new_serial:
        statements.append(Stmt(f"{target} SET GENERATED {_generated_as(new)};"))
    if changes.get("nullable"):
        if new.nullable:
            ctx.warn("ban-drop-not-null", f"{table.label}.{new.name} becomes nullable: readers must handle NULL")
            statements.append(Stmt(f"{target} DROP NOT NULL;"))
        elif ctx.zero_downtime and existing(step):
            statements += set_not_null(ctx, table, new)
        else:
            statements.append(Stmt(f"{target} SET NOT NULL;"))
    return statements


def _change_type(ctx: Context, step: Step, *, reset_default: bool, kinds_differ: bool) -> list[Stmt]:
    table, old, new = step.table, step.old, step.new
    target = f"ALTER TABLE {table_sql(ctx, table)} ALTER COLUMN {ctx.quote(new.name)}"
    before, after = ctx.column_type(old, ctx.old), ctx.column_type(new)
    type_warnings(ctx, new, after)
    after = alterable_type(after)  # serial is not a type: its integer type is, the sequence stays
    label = f"{table.label}.{new.name}"
    if _binary_coercible(old.type, new.type):
        effect = "no rewrite (binary coercible), a brief ACCESS EXCLUSIVE lock"
    else:
        effect = (
            "rewrites the table under an ACCESS EXCLUSIVE lock; for a big table use expand/contract "
            "(new column, backfill, switch, drop)"
        )
    ctx.warn("changing-column-type", f"{label} changes type from {before} to {after}: {effect}")
    statements = []
    if reset_default:
        ctx.warn("ban-drop-default", f"the default of {label} is dropped for the type change and set again")
        statements.append(Stmt(f"{target} DROP DEFAULT;"))
    using = ""
    if kinds_differ:  # an enum converts only through text
        through_text = TypeKind.ENUM in (old.type.kind, new.type.kind)
        using = f" USING {ctx.quote(new.name)}{'::text' if through_text else ''}::{after}"
    statements.append(Stmt(f"{target} TYPE {after}{using};"))
    if is_serial(ctx.column_type(new)):  # its sequence counts in the new type too (or stops at 2^31)
        owner, column = literal(table_sql(ctx, table)), literal(new.name)
        body = (
            f"\nBEGIN\n  EXECUTE format('ALTER SEQUENCE %s AS {after}', "
            f"pg_get_serial_sequence({owner}, {column}));\nEND\n"
        )
        statements.append(Stmt(f"DO {dollar_quoted('sequence', body)};"))
    return statements


def _generated_as(column: Column) -> str:
    return "ALWAYS" if column.identity_always else "BY DEFAULT"


def _change_generated(step: Step, ctx: Context) -> list[Stmt]:
    """A generated column's expression cannot be altered in PostgreSQL 15: it stops being
    generated (DROP EXPRESSION keeps the values), or it is dropped and added again (its
    values are computed, nothing is lost)."""
    table, old, new = step.table, step.old, step.new
    alter = f"ALTER TABLE {table_sql(ctx, table)}"
    if new.generated is None:
        return [Stmt(f"{alter} ALTER COLUMN {ctx.quote(new.name)} DROP EXPRESSION;")]
    ctx.warn("ban-drop-column", f"{table.label}.{new.name} is dropped and added again to change how it is generated")
    drop = Stmt(f"{alter} DROP COLUMN IF EXISTS {ctx.quote(old.name)};")
    return [drop, Stmt(f"{alter} ADD COLUMN {column_sql(ctx, new)};")]


def _binary_coercible(old: FieldType, new: FieldType) -> bool:
    """The changes PostgreSQL makes without rewriting the table (rules.md: varchar → text,
    a longer varchar, more numeric precision at the same scale)."""
    if old.written or new.written or old.array != new.array:
        return False
    textual = (TypeKind.VARCHAR, TypeKind.TEXT)
    if old.kind in textual and new.kind is TypeKind.TEXT:
        return True
    if old.kind is TypeKind.VARCHAR and new.kind is TypeKind.VARCHAR:
        return new.length is None or (old.length is not None and new.length >= old.length)
    if old.kind is TypeKind.DECIMAL and new.kind is TypeKind.DECIMAL:
        same_scale = (old.scale or 0) == (new.scale or 0)
        return new.precision is None or (old.precision is not None and same_scale and new.precision >= old.precision)
    return False
