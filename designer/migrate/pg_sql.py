"""PostgreSQL pieces shared by the step renderers: names, column and constraint
definitions, index and foreign-key statements, the squawk type rules."""

from __future__ import annotations

import re

from designer.migrate.base import Context, MigrationError, Stmt
from designer.migrate.model import Column, Constraint, IndexDef, Table
from designer.migrate.steps import Step
from designer.schema import IndexColumn, IndexMethod, RefAction, SortOrder
from designer.sql.base import STORAGE_NAME, STORAGE_VALUE

MYSQL_ONLY_METHODS = frozenset({IndexMethod.FULLTEXT, IndexMethod.SPATIAL})


def dollar_quoted(tag: str, body: str) -> str:
    """``$tag$body$tag$`` with a tag the body does not contain (``$tag_1$``, ``$tag_2$``...):
    a name or value holding ``$backfill$`` must not end the block early."""
    chosen, n = tag, 0
    while f"${chosen}$" in body:
        n += 1
        chosen = f"{tag}_{n}"
    return f"${chosen}${body}${chosen}$"


def table_sql(ctx: Context, table: Table) -> str:
    return ctx.table_name(table)


def columns_sql(ctx: Context, table: Table, column_ids) -> str:
    return ", ".join(ctx.quote(table.column(i).name) for i in column_ids)


def type_warnings(ctx: Context, column: Column, spelled: str) -> None:
    text = spelled.lower().strip()
    base = re.sub(r"\(.*", "", text).strip()
    if base in ("int", "integer", "int4", "serial", "serial4"):
        ctx.warn("prefer-bigint-over-int", f"{column.label} is a 32-bit integer: bigint does not run out")
    if base in ("smallint", "int2", "smallserial", "serial2"):
        ctx.warn("prefer-bigint-over-smallint", f"{column.label} is a 16-bit integer: bigint does not run out")
    if base in ("serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"):
        ctx.warn("prefer-identity", f"{column.label} is serial: identity columns are simpler to manage")
    if base in ("char", "character", "bpchar", "nchar"):
        ctx.warn(
            "ban-char-field", f"{column.label} is {spelled}: char pads with blanks; text or varchar say what they hold"
        )
    if base in ("varchar", "character varying") and "(" in text:
        ctx.warn("prefer-text-field", f"{column.label} is {spelled}: changing its limit later locks the table")
    if re.fullmatch(r"timestamp(\s*\(\d+\))?(\s+without time zone)?", text):
        ctx.warn("prefer-timestamp-tz", f"{column.label} is timestamp without time zone: timestamptz keeps the offset")


def column_sql(ctx: Context, column: Column, *, with_default: bool = True, with_not_null: bool = True) -> str:
    spelled = ctx.column_type(column)
    type_warnings(ctx, column, spelled)
    parts = [ctx.quote(column.name), spelled]
    if column.generated:
        parts.append(f"GENERATED ALWAYS AS ({column.generated}) STORED")  # PostgreSQL 15 has no VIRTUAL
    elif column.identity and not is_serial(spelled):
        parts.append(f"GENERATED {'ALWAYS' if column.identity_always else 'BY DEFAULT'} AS IDENTITY")
    elif with_default and column.default is not None and not is_serial(spelled):
        parts.append(f"DEFAULT {ctx.default_sql(column)}")
    if with_not_null and not column.nullable:
        parts.append("NOT NULL")
    return " ".join(parts)


_SERIALS = {"smallserial": "smallint", "serial2": "smallint", "serial": "integer", "serial4": "integer"}
_SERIALS |= {"bigserial": "bigint", "serial8": "bigint"}


def is_serial(spelled: str) -> bool:
    """A serial type (the column's sequence and default come with it), not a type ALTER knows."""
    return spelled.strip().lower() in _SERIALS


def alterable_type(spelled: str) -> str:
    """The type ALTER COLUMN … TYPE takes: a serial's integer type (its sequence stays)."""
    return _SERIALS.get(spelled.strip().lower(), spelled)


def sequence_renames(ctx: Context, table: Table, columns) -> list[Stmt]:
    """A serial whose sequence has a name of its own (a renamed table's, a dump's CREATE
    SEQUENCE): the sequence the serial made is renamed to it, so defaults read the same."""
    statements = []
    for column in columns:
        if not column.sequence or not is_serial(ctx.column_type(column)):
            continue
        owner = literal(table_sql(ctx, table))
        body = (
            f"\nBEGIN\n  EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', "
            f"pg_get_serial_sequence({owner}, {literal(column.name)}), {literal(column.sequence)});\nEND\n"
        )
        statements.append(Stmt(f"DO {dollar_quoted('rename', body)};"))
    return statements


def constraint_sql(ctx: Context, table: Table, constraint: Constraint) -> str:
    name = f"CONSTRAINT {ctx.quote(constraint.name)} "
    if constraint.kind == "primary":
        return name + f"PRIMARY KEY ({columns_sql(ctx, table, constraint.columns)})"
    if constraint.kind == "unique":
        return name + f"UNIQUE ({columns_sql(ctx, table, constraint.columns)})"
    if constraint.kind == "exclude":
        return name + f"EXCLUDE {constraint.expression}"
    return name + f"CHECK ({constraint.expression})"


_ACTIONS = {
    RefAction.NO_ACTION: "NO ACTION",
    RefAction.RESTRICT: "RESTRICT",
    RefAction.CASCADE: "CASCADE",
    RefAction.SET_NULL: "SET NULL",
    RefAction.SET_DEFAULT: "SET DEFAULT",
}


def foreign_key_sql(ctx: Context, table: Table, key: Constraint, ref: Table) -> str:
    sql = (
        f"CONSTRAINT {ctx.quote(key.name)} FOREIGN KEY ({columns_sql(ctx, table, key.columns)}) "
        f"REFERENCES {ctx.table_name(ref)} ({columns_sql(ctx, ref, key.ref_columns)})"
    )
    if key.match_full:
        sql += " MATCH FULL"
    if key.on_delete:
        sql += f" ON DELETE {_ACTIONS[key.on_delete]}"
    if key.on_update:
        sql += f" ON UPDATE {_ACTIONS[key.on_update]}"
    return sql + deferrability_sql(key)


def deferrability_sql(key: Constraint) -> str:
    if key.initially_deferred:
        return " DEFERRABLE INITIALLY DEFERRED"
    return " DEFERRABLE" if key.deferrable else ""


def index_key_sql(ctx: Context, table: Table, index: IndexDef, key: IndexColumn) -> str:
    """One key: column or (expression), then COLLATE, operator class, order, NULLS."""
    text = ctx.quote(table.column(key.field_id).name) if key.field_id else f"({key.expression})"
    if key.collation:
        text += f" COLLATE {ctx.quote(key.collation)}"
    if key.opclass:
        text += " " + ".".join(ctx.quote(part) for part in key.opclass.split("."))
    if key.order is SortOrder.DESC:
        text += " DESC"
    if key.nulls:
        text += f" NULLS {key.nulls.value.upper()}"
    if key.length:
        ctx.warn(
            "prefix-index-not-kept",
            f"index {index.name} on {table.label}: PostgreSQL has no prefix index; the whole column is indexed",
        )
    return text


def storage_sql(table: Table, index: IndexDef | None = None) -> str:
    """``WITH (fillfactor = 70)`` of the index, or of the table itself: names and values are
    plain words or numbers, checked here again because the model may come from a document,
    not a parse."""
    owner = table if index is None else index
    for parameter in owner.storage:
        if not (STORAGE_NAME.fullmatch(parameter.name) and STORAGE_VALUE.fullmatch(parameter.value)):
            where = f"table {table.label}" if index is None else f"index {index.name} on {table.label}"
            raise MigrationError(
                f"{where}: storage parameter {parameter.name!r} = {parameter.value!r} is not a name and a plain value"
            )
    return ", ".join(f"{p.name} = {p.value}" for p in owner.storage)


def index_sql(ctx: Context, table: Table, index: IndexDef, *, concurrently: bool) -> str:
    keys = [index_key_sql(ctx, table, index, key) for key in index.columns]
    sql = "CREATE UNIQUE INDEX" if index.unique else "CREATE INDEX"
    if concurrently:
        sql += " CONCURRENTLY IF NOT EXISTS"
    sql += f" {ctx.quote(index.name)} ON {table_sql(ctx, table)}"
    if index.method in MYSQL_ONLY_METHODS:
        ctx.warn(
            "mysql-index-method",
            f"index {index.name} on {table.label} is a MySQL {index.method.value.upper()} index, which PostgreSQL "
            "does not have: it is written as a plain btree index (gin suits full text, gist spatial data)",
        )
    elif index.method.value != "btree":
        sql += f" USING {index.method.value}"
    sql += f" ({', '.join(keys)})"
    if index.include:
        sql += f" INCLUDE ({columns_sql(ctx, table, index.include)})"
    if index.nulls_not_distinct:
        sql += " NULLS NOT DISTINCT"
    if index.storage:
        sql += f" WITH ({storage_sql(table, index)})"
    if index.predicate:
        sql += f" WHERE {index.predicate}"
    return sql + ";"


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def index_ref(ctx: Context, table: Table, name: str) -> str:
    return ctx.qualified(name, table.namespace)


def existing(step: Step) -> bool:
    """The step works on a table that existed before this migration (and may hold rows)."""
    return step.old_table is not None


def column_comment(ctx: Context, table: Table, column: Column) -> Stmt:
    text = literal(column.comment) if column.comment else "NULL"
    return Stmt(f"COMMENT ON COLUMN {table_sql(ctx, table)}.{ctx.quote(column.name)} IS {text};")
