"""SQLite: one file, one transaction, and the 12-step rebuild for what ALTER TABLE
cannot do (sqlite.org "ALTER TABLE", "Making Other Kinds Of Table Schema Changes").

Renames of tables and columns are native (SQLite rewrites every reference to them).
Any other change to an existing table's columns or constraints rebuilds the table
once, at the end, in its final shape: create the new table, copy the rows, drop the
old one, rename the new one into place, recreate its indexes. Foreign keys are
switched off for the migration and checked before it commits
(``PRAGMA foreign_key_check`` lists any row left dangling).
"""

from __future__ import annotations

from designer.migrate import objects
from designer.migrate.base import Context, Stmt, handler_for, postgresql_options_ignored, step_comment
from designer.migrate.data_risks import guard_lines
from designer.migrate.model import Column, Constraint, IndexDef, Table
from designer.migrate.steps import SQLITE_REBUILDS, Step
from designer.schema import IndexMethod, RefAction, SortOrder

_COLLATIONS = frozenset({"BINARY", "NOCASE", "RTRIM"})  # SQLite's own; no other exists without an extension

_ACTIONS = {
    RefAction.NO_ACTION: "NO ACTION",
    RefAction.RESTRICT: "RESTRICT",
    RefAction.CASCADE: "CASCADE",
    RefAction.SET_NULL: "SET NULL",
    RefAction.SET_DEFAULT: "SET DEFAULT",
}
_SCRATCH_PREFIX = "_rebuild_"


def render_step(step: Step, ctx: Context) -> list[Stmt]:
    if (
        step.table is not None
        and step.table.id in _rebuilt(ctx)
        and step.action not in ("rename_table", "rename_column", "drop_index")
    ):
        return []  # the rebuild at the end writes the table in its final shape
    return handler_for(_HANDLERS, step, "SQLite")(step, ctx)


def assemble(blocks: list[tuple[Step, list[Stmt]]], ctx: Context) -> str:
    lines = ["PRAGMA foreign_keys = OFF;", "BEGIN;", *guard_lines(ctx)]
    numbered = list(enumerate(blocks))
    # Views, triggers and virtual tables read the tables in their final shape: after the rebuilds.
    last = [(n, block) for n, block in numbered if block[0].action == "create_object"]
    for number, (step, statements) in [(n, block) for n, block in numbered if block[0].action != "create_object"]:
        if statements:
            lines.append(step_comment(number, step))
        lines += [stmt.sql for stmt in statements]
    for table_id, number in _rebuilt(ctx).items():
        lines.append(f"-- step {number}: rebuild table {_comment_name(ctx.new.table(table_id).label)}")
        lines += _rebuild(ctx, table_id)
    for number, (step, statements) in last:
        lines += [step_comment(number, step), *(stmt.sql for stmt in statements)]
    lines += _foreign_key_check()
    lines += ["COMMIT;", "PRAGMA foreign_keys = ON;"]
    return "\n".join(lines) + "\n"


def _foreign_key_check() -> list[str]:
    """Fail (and so roll back, under ``sqlite3 -bail``) when a row is left pointing nowhere:
    PRAGMA foreign_key_check only lists such rows, so its count goes through a CHECK."""
    return [
        'CREATE TEMP TABLE "_migration_foreign_key_check" '
        "(violations integer CONSTRAINT foreign_keys_must_hold CHECK (violations = 0));",
        'INSERT INTO "_migration_foreign_key_check" SELECT count(*) FROM pragma_foreign_key_check;',
        'DROP TABLE "_migration_foreign_key_check";',
    ]


def _comment_name(name: str) -> str:
    return " ".join(name.split())


def _rebuilt(ctx: Context) -> dict[str, int]:
    """Existing tables that need the rebuild → the first step asking for it (for warnings)."""
    cache = ctx.plans.get("rebuild")
    if cache is not None:
        return cache
    found: dict[str, int] = {}
    for number, step in enumerate(ctx.steps):
        if step.action in SQLITE_REBUILDS and step.old_table is not None and ctx.new.table(step.table.id) is not None:
            found.setdefault(step.table.id, number)
    ctx.plans["rebuild"] = found
    return found


# --- pieces ------------------------------------------------------------------------------


def _t(ctx: Context, table: Table) -> str:
    return ctx.table_name(table)


def _cols(ctx: Context, table: Table, column_ids) -> str:
    return ", ".join(ctx.quote(table.column(i).name) for i in column_ids)


def _rowid_key(table: Table, column: Column) -> bool:
    """An identity column that is the whole primary key: SQLite's rowid alias (INTEGER PRIMARY KEY)."""
    key = table.primary_key
    return column.identity and key is not None and key.columns == (column.id,)


def _column_sql(ctx: Context, table: Table, column: Column) -> str:
    if _rowid_key(table, column):
        return f"{ctx.quote(column.name)} integer NOT NULL PRIMARY KEY AUTOINCREMENT"
    parts = [ctx.quote(column.name), ctx.column_type(column)]
    if column.generated:
        parts.append(f"GENERATED ALWAYS AS ({column.generated}) {'VIRTUAL' if column.generated_virtual else 'STORED'}")
    if not column.nullable:
        parts.append("NOT NULL")
    if column.default is not None and not column.generated:
        parts.append(f"DEFAULT {ctx.default_sql(column)}")
    return " ".join(parts)


def _constraint_sql(ctx: Context, table: Table, constraint: Constraint) -> str | None:
    name = f"CONSTRAINT {ctx.quote(constraint.name)} "
    if constraint.kind == "primary":
        if any(_rowid_key(table, table.column(i)) for i in constraint.columns):
            return None  # written on the column
        return name + f"PRIMARY KEY ({_cols(ctx, table, constraint.columns)})"
    if constraint.kind == "unique":
        return name + f"UNIQUE ({_cols(ctx, table, constraint.columns)})"
    if constraint.kind == "exclude":
        ctx.warn(
            "sqlite-exclusion-left-out",
            f"exclusion constraint {constraint.name} on {table.label} is left out: SQLite has no EXCLUDE constraints",
        )
        return None
    return name + f"CHECK ({constraint.expression})"


def _foreign_key_sql(ctx: Context, table: Table, key: Constraint) -> str:
    ref = ctx.new.table(key.ref_table)
    sql = (
        f"CONSTRAINT {ctx.quote(key.name)} FOREIGN KEY ({_cols(ctx, table, key.columns)}) "
        f"REFERENCES {_t(ctx, ref)} ({_cols(ctx, ref, key.ref_columns)})"
    )
    if key.on_delete:
        sql += f" ON DELETE {_ACTIONS[key.on_delete]}"
    if key.on_update:
        sql += f" ON UPDATE {_ACTIONS[key.on_update]}"
    if key.initially_deferred:  # SQLite checks such a key at COMMIT, as PostgreSQL does
        sql += " DEFERRABLE INITIALLY DEFERRED"
    return sql


def _table_sql(ctx: Context, table: Table, *, name: str) -> str:
    parts = [_column_sql(ctx, table, c) for c in table.columns]
    parts += [sql for c in table.constraints if (sql := _constraint_sql(ctx, table, c))]
    parts += [_foreign_key_sql(ctx, table, key) for owner, key in ctx.new.foreign_keys if owner == table.id]
    body = ",\n  ".join(parts)
    return f"CREATE TABLE {name} (\n  {body}\n);"


def _index_sql(ctx: Context, table: Table, index: IndexDef) -> str:
    if index.include:
        ctx.warn("sqlite-include-ignored", f"index {index.name} on {table.label}: SQLite has no INCLUDE columns")
    _options_not_kept(ctx, table, index)
    keys = []
    for key in index.columns:
        text = ctx.quote(table.column(key.field_id).name) if key.field_id else f"({key.expression})"
        if key.collation and key.collation.upper() in _COLLATIONS:
            text += f" COLLATE {key.collation.upper()}"
        keys.append(text + (" DESC" if key.order is SortOrder.DESC else ""))
    kind = "CREATE UNIQUE INDEX" if index.unique else "CREATE INDEX"
    sql = f"{kind} IF NOT EXISTS {ctx.quote(index.name)} ON {_t(ctx, table)} ({', '.join(keys)})"
    return sql + (f" WHERE {index.predicate};" if index.predicate else ";")


def _options_not_kept(ctx: Context, table: Table, index: IndexDef) -> None:
    """What a PostgreSQL or MySQL index says that SQLite cannot: said, never silently dropped."""
    said = [
        (f"{index.method.value} indexes (a plain index is made)", index.method is not IndexMethod.BTREE),
        ("operator classes", any(k.opclass for k in index.columns)),
        (
            "collations other than BINARY, NOCASE and RTRIM",
            any(k.collation and k.collation.upper() not in _COLLATIONS for k in index.columns),
        ),
        ("NULLS FIRST/LAST in an index", any(k.nulls for k in index.columns)),
        ("prefix indexes (the whole column is indexed)", any(k.length for k in index.columns)),
        ("NULLS NOT DISTINCT", index.nulls_not_distinct),
        ("storage parameters", bool(index.storage)),
    ]
    for what, present in said:
        if present:
            ctx.warn("sqlite-index-option-ignored", f"index {index.name} on {table.label}: SQLite has no {what}")


def _rebuild(ctx: Context, table_id: str) -> list[str]:
    old, new = ctx.old.table(table_id), ctx.new.table(table_id)
    ctx.step_number = _rebuilt(ctx)[table_id]
    ctx.warn("sqlite-table-rebuild", f"{new.label} is rebuilt (new table, copy, drop, rename): it is locked meanwhile")
    scratch = ctx.quote(f"{_SCRATCH_PREFIX}{new.name}")
    kept = [c for c in new.columns if old.column(c.id) is not None]
    names = ", ".join(ctx.quote(c.name) for c in kept)  # renames already ran: the old table has the new names
    lines = [_table_sql(ctx, new, name=scratch)]
    if kept:
        lines.append(f"INSERT INTO {scratch} ({names}) SELECT {names} FROM {_t(ctx, new)};")  # noqa: S608
    lines += [f"DROP TABLE {_t(ctx, new)};", f"ALTER TABLE {scratch} RENAME TO {_t(ctx, new)};"]
    lines += [_index_sql(ctx, new, index) for index in new.indexes]
    return lines


# --- one function per action -------------------------------------------------------------


def _nothing(step: Step, ctx: Context) -> list[Stmt]:
    return []


# Namespaces are part of table names here, enums are text: nothing exists on its own.
_create_schema = _drop_schema = _create_enum = _drop_enum = _rename_enum = _nothing
_add_enum_value = _rename_enum_value = _replace_enum = _nothing
_set_comment = _nothing  # SQLite keeps no comments
# Constraints and foreign keys of new tables are written in CREATE TABLE; of existing ones, by the rebuild.
_add_constraint = _drop_constraint = _rename_constraint = _add_foreign_key = _drop_foreign_key = _nothing
_add_column = _drop_column = _alter_column = _nothing


def _drop_index(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"DROP INDEX IF EXISTS {ctx.quote(step.old.name)};")]


def _drop_table(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"DROP TABLE IF EXISTS {_t(ctx, step.old)};")]


def _rename_table(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"ALTER TABLE {_t(ctx, step.old)} RENAME TO {_t(ctx, step.new)};")]


def _rename_column(step: Step, ctx: Context) -> list[Stmt]:
    return [
        Stmt(
            f"ALTER TABLE {_t(ctx, step.table)} RENAME COLUMN {ctx.quote(step.old.name)} TO {ctx.quote(step.new.name)};"
        )
    ]


def _rename_index(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"DROP INDEX IF EXISTS {ctx.quote(step.old.name)};"), Stmt(_index_sql(ctx, step.table, step.new))]


def _create_table(step: Step, ctx: Context) -> list[Stmt]:
    postgresql_options_ignored(ctx, step.new, "SQLite")
    return [Stmt(_table_sql(ctx, step.new, name=_t(ctx, step.new)))]


def _create_index(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(_index_sql(ctx, step.table, step.new))]


def _no_table_options(step: Step, ctx: Context) -> list[Stmt]:
    return []  # MySQL's character set and collation, PostgreSQL's storage: SQLite tables have none


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
    "drop_partition": _nothing,
    "drop_table": _drop_table,
    "create_schema": _create_schema,
    "create_enum": _create_enum,
    "create_extension": _nothing,
    "create_domain": _nothing,
    "alter_domain": _nothing,
    "rename_enum": _rename_enum,
    "rename_enum_value": _rename_enum_value,
    "add_enum_value": _add_enum_value,
    "rename_table": _rename_table,
    "rename_column": _rename_column,
    "rename_constraint": _rename_constraint,
    "rename_index": _rename_index,
    "create_table": _create_table,
    "change_partitioning": _nothing,
    "add_partition": _nothing,
    "add_column": _add_column,
    "alter_column": _alter_column,
    "replace_enum": _replace_enum,
    "set_comment": _set_comment,
    "set_table_options": _no_table_options,
    "drop_enum": _drop_enum,
    "drop_domain": _nothing,
    "drop_extension": _nothing,
    "drop_schema": _drop_schema,
    "add_constraint": _add_constraint,
    "create_index": _create_index,
    "add_foreign_key": _add_foreign_key,
}
