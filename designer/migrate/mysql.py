"""MySQL/MariaDB (MariaDB 10.5+ syntax).

DDL is not transactional there, so every statement is written to be re-run safely
after a failure part way (``IF [NOT] EXISTS`` on tables, columns, indexes, keys and
checks; ``MODIFY`` states the whole column). Column changes ask for
``ALGORITHM=INSTANT`` and index changes for ``ALGORITHM=INPLACE, LOCK=NONE`` so the
server refuses rather than silently copying the table under a lock; what needs a
copy says so in a warning. A unique key longer than InnoDB can index (a text column,
or more than 3072 bytes) is kept by MariaDB through a hidden hash column, and then no
column or index of that table changes in place (ERROR 1846): such a table gets no
algorithm hints, only the warning. Enums are inline column types: a changed enum
modifies every column using it. Each foreign key gets an index of its own name unless a
key or index of its table already starts with its columns, so the server never invents
one (an invented index outlives its key and the schema would drift); the key is dropped
before that index, which goes with its table when that is dropped too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from designer.migrate import mysql_partitions, objects
from designer.migrate.base import (
    Context,
    MigrationError,
    Stmt,
    handler_for,
    postgresql_options_ignored,
    step_comment,
)
from designer.migrate.data_risks import guard_lines
from designer.migrate.model import Column, Constraint, IndexDef, Table, mysql_options_changed
from designer.migrate.mysql_partitions import partition_clause
from designer.migrate.steps import Step
from designer.schema import IndexColumn, IndexMethod, RefAction, SortOrder, TypeKind

INSTANT = ", ALGORITHM=INSTANT"
_PER_ROW_DEFAULT = re.compile(r"\buuid(_short)?\s*\(", re.IGNORECASE)
ONLINE = ", ALGORITHM=INPLACE, LOCK=NONE"
_OPTION_WORD = re.compile(r"[A-Za-z0-9_]+")  # a character set or collation name
# MySQL's own index kinds: whole columns, never a prefix, and built with a lock.
_WHOLE_COLUMN_METHODS = frozenset({IndexMethod.FULLTEXT, IndexMethod.SPATIAL})
_POSTGRESQL_ONLY_METHODS = frozenset(
    {IndexMethod.GIN, IndexMethod.GIST, IndexMethod.BRIN, IndexMethod.SPGIST, IndexMethod.HNSW, IndexMethod.IVFFLAT}
)
_KEY_LIMIT = 3072  # bytes InnoDB can index in one key (16 KiB pages)
# Bytes a value takes in a key (at most); any other fixed-size type takes 8 at most.
_KEY_WIDTHS = {
    "tinyint": 1,
    "bool": 1,
    "boolean": 1,
    "smallint": 2,
    "mediumint": 3,
    "int": 4,
    "integer": 4,
    "float": 4,
    "date": 3,
    "decimal": 32,
    "numeric": 32,
}
_LONG_TYPES = ("text", "tinytext", "mediumtext", "longtext", "blob", "tinyblob", "mediumblob", "longblob", "json")
_ACTIONS = {
    RefAction.NO_ACTION: "NO ACTION",
    RefAction.RESTRICT: "RESTRICT",
    RefAction.CASCADE: "CASCADE",
    RefAction.SET_NULL: "SET NULL",
    RefAction.SET_DEFAULT: "SET DEFAULT",
}


def render_step(step: Step, ctx: Context) -> list[Stmt]:
    return handler_for(_HANDLERS, step, "MySQL")(step, ctx)


def assemble(blocks: list[tuple[Step, list[Stmt]]], ctx: Context) -> str:
    lines = guard_lines(ctx)
    for number, (step, statements) in enumerate(blocks):
        if statements:
            lines.append(step_comment(number, step))
        lines += [stmt.sql for stmt in statements]
    return "".join(line + "\n" for line in lines)


# --- pieces ------------------------------------------------------------------------------


def _t(ctx: Context, table: Table) -> str:
    return ctx.table_name(table)


def _cols(ctx: Context, table: Table, column_ids) -> str:
    return ", ".join(ctx.quote(table.column(i).name) for i in column_ids)


def _long(ctx: Context, column: Column) -> bool:
    return ctx.column_type(column).lower().split("(")[0].strip() in _LONG_TYPES


def _instant(ctx: Context, table: Table) -> str:
    return "" if _copied(ctx, table, "column changes") else INSTANT


def _online(ctx: Context, table: Table) -> str:
    """The hint for an index change on an existing table (``ALTER TABLE`` spelling)."""
    return "" if _copied(ctx, table, "index changes") else ONLINE


def _copied(ctx: Context, table: Table, what: str) -> bool:
    # MariaDB keeps a unique key it cannot index whole through a hidden virtual hash
    # column, and InnoDB then changes nothing of that table in place or instantly
    # (ERROR 1846): leave the choice to the server, which copies the table (and say so).
    if not _has_hash_key(ctx, table):
        return False
    ctx.warn(
        "mysql-table-copy",
        f"{table.label} has a unique key too long to index whole (kept through a hidden "
        f"hash column): {what} copy the table",
    )
    return True


def _has_hash_key(ctx: Context, table: Table) -> bool:
    keys = [c.columns for c in table.constraints if c.kind == "unique"]
    keys += [tuple(k.field_id for k in i.columns if k.field_id) for i in table.indexes if i.unique]
    return any(sum(_key_bytes(ctx, table.column(i)) for i in key) > _KEY_LIMIT for key in keys)


def _key_bytes(ctx: Context, column: Column) -> int:
    """At most how many bytes the column takes in a key (characters are 4 bytes in utf8mb4)."""
    if column.type.kind is TypeKind.ENUM and not column.type.array:
        return 2
    spelled = ctx.column_type(column).lower()
    name, size = spelled.split("(")[0].strip(), re.search(r"\((\d+)", spelled)
    if name in _LONG_TYPES:
        return _KEY_LIMIT + 1
    if name in ("char", "varchar", "binary", "varbinary"):
        length = int(size[1]) if size else 1
        return length * (4 if "char" in name else 1)
    return _KEY_WIDTHS.get(name, 8)


def _column_sql(ctx: Context, column: Column) -> str:
    parts = [ctx.quote(column.name), ctx.column_type(column)]
    if column.generated:  # MariaDB refuses NOT NULL and DEFAULT on a generated column
        parts.append(f"GENERATED ALWAYS AS ({column.generated}) {'VIRTUAL' if column.generated_virtual else 'STORED'}")
    elif not column.nullable:
        parts.append("NOT NULL")
    if column.identity:
        parts.append("AUTO_INCREMENT")
    elif column.default is not None and not column.generated:
        parts.append(f"DEFAULT {ctx.default_sql(column)}")
    if column.on_update:
        parts.append(f"ON UPDATE {column.on_update}")
    if column.comment:
        parts.append(f"COMMENT {_literal(column.comment)}")
    return " ".join(parts)


def _constraint_sql(ctx: Context, table: Table, constraint: Constraint) -> str:
    if constraint.kind == "primary":
        return f"PRIMARY KEY ({_cols(ctx, table, constraint.columns)})"  # MySQL names it PRIMARY, always
    name = f"CONSTRAINT {ctx.quote(constraint.name)} "
    if constraint.kind == "unique":
        return name + f"UNIQUE ({_cols(ctx, table, constraint.columns)})"
    return name + f"CHECK ({constraint.expression})"


# A column compared by bytes (PostgreSQL's prefix-search key, ``"name" COLLATE "C"``, as
# designer.sql writes it here): MySQL's B-tree serves LIKE 'x%' on the column as it is.
_BYTE_ORDERED_COLUMN = re.compile(r"`?(?P<name>(?:[^`]|``)+?)`? COLLATE utf8mb4_bin")


def _key_part(ctx: Context, table: Table, index: IndexDef, key) -> str:
    byte_ordered = _BYTE_ORDERED_COLUMN.fullmatch(key.expression or "")
    column = next(
        (c for c in table.columns if byte_ordered and c.name == byte_ordered["name"].replace("``", "`")), None
    )
    if key.expression is not None and column is None:
        raise MigrationError(f"index {index.name} on {table.label} uses an expression, which MariaDB cannot index")
    column = column or table.column(key.field_id)
    text = ctx.quote(column.name)
    if key.length and index.method not in _WHOLE_COLUMN_METHODS:
        text += f"({int(key.length)})"  # the prefix the design says
    elif not index.unique and index.method not in _WHOLE_COLUMN_METHODS and _long(ctx, column):
        text += "(255)"  # InnoDB indexes a prefix of a text column
    return text + (" DESC" if key.order is SortOrder.DESC else "")


def _options_not_kept(ctx: Context, table: Table, index: IndexDef) -> None:
    """What a PostgreSQL index says that MySQL cannot: said, never silently dropped."""
    said = [
        ("operator classes", any(k.opclass for k in index.columns)),
        ("a collation per key", any(k.collation for k in index.columns)),
        ("NULLS FIRST/LAST", any(k.nulls for k in index.columns)),
        ("NULLS NOT DISTINCT", index.nulls_not_distinct),
        ("storage parameters", bool(index.storage)),
        ("USING hash (InnoDB builds a btree)", index.method is IndexMethod.HASH),
    ]
    for what, present in said:
        if present:
            ctx.warn("mysql-index-option-ignored", f"index {index.name} on {table.label}: MySQL has no {what}")


def _index_sql(ctx: Context, table: Table, index: IndexDef) -> str:
    if index.predicate and index.unique:
        raise MigrationError(
            f"unique index {index.name} on {table.label} is partial (WHERE {index.predicate}); "
            "MySQL has no partial indexes and a full unique index would refuse valid rows"
        )
    if index.method in _POSTGRESQL_ONLY_METHODS:
        raise MigrationError(
            f"index {index.name} on {table.label} uses {index.method.value}, which MySQL does not have"
        )
    if index.predicate:
        ctx.warn(
            "mysql-partial-index", f"index {index.name} on {table.label} covers every row: MySQL has no partial indexes"
        )
    if index.include:
        ctx.warn("mysql-include-ignored", f"index {index.name} on {table.label}: MySQL has no INCLUDE columns")
    _options_not_kept(ctx, table, index)
    keys = ", ".join(_key_part(ctx, table, index, key) for key in index.columns)
    kind = "CREATE UNIQUE INDEX" if index.unique else "CREATE INDEX"
    if index.method in _WHOLE_COLUMN_METHODS:
        kind = f"CREATE {index.method.value.upper()} INDEX"
    return f"{kind} IF NOT EXISTS {ctx.quote(index.name)} ON {_t(ctx, table)} ({keys})"


def _literal(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _existing(step: Step) -> bool:
    return step.old_table is not None


# --- one function per action -------------------------------------------------------------


def _drop_foreign_key(step: Step, ctx: Context) -> list[Stmt]:
    table, name = _t(ctx, step.table), ctx.quote(step.old.name)
    drop_key = Stmt(f"ALTER TABLE IF EXISTS {table} DROP FOREIGN KEY IF EXISTS {name};")
    if ctx.new.table(step.table.id) is None:
        return [drop_key]  # the table is dropped later in this migration, with the key's index
    return [drop_key, Stmt(f"ALTER TABLE IF EXISTS {table} DROP INDEX IF EXISTS {name}{_online(ctx, step.table)};")]


def _drop_index(step: Step, ctx: Context) -> list[Stmt]:
    return [
        Stmt(
            f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} DROP INDEX IF EXISTS {ctx.quote(step.old.name)}"
            f"{_online(ctx, step.table)};"
        )
    ]


def _drop_constraint(step: Step, ctx: Context) -> list[Stmt]:
    if step.old.kind == "exclude":
        return []  # never made in MySQL
    table, constraint = _t(ctx, step.table), step.old
    if constraint.kind == "primary":
        replaced = ctx.new.table(step.table.id)
        if replaced is not None and replaced.primary_key is not None:
            return []  # swapped for the new key in one statement: an AUTO_INCREMENT column is never left without a key
        ctx.warn("mysql-table-copy", f"dropping the primary key of {step.table.label} copies the table")
        return [Stmt(f"ALTER TABLE IF EXISTS {table} DROP INDEX IF EXISTS `PRIMARY`;")]
    if constraint.kind == "unique":
        return [Stmt(f"ALTER TABLE IF EXISTS {table} DROP INDEX IF EXISTS {ctx.quote(constraint.name)};")]
    return [Stmt(f"ALTER TABLE IF EXISTS {table} DROP CONSTRAINT IF EXISTS {ctx.quote(constraint.name)};")]


def _drop_column(step: Step, ctx: Context) -> list[Stmt]:
    sql = f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} DROP COLUMN IF EXISTS {ctx.quote(step.old.name)}{_instant(ctx, step.table)};"
    return [Stmt(sql)]


def _drop_table(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"DROP TABLE IF EXISTS {_t(ctx, step.old)};")]


def _create_schema(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"CREATE DATABASE IF NOT EXISTS {ctx.quote(step.new)};")]


def _drop_schema(step: Step, ctx: Context) -> list[Stmt]:
    ctx.warn("mysql-drop-database", f"database {step.old} is dropped with anything else in it")
    return [Stmt(f"DROP DATABASE IF EXISTS {ctx.quote(step.old)};")]


def _no_sql(step: Step, ctx: Context) -> list[Stmt]:
    return []  # enums are column types in MySQL: nothing exists on its own


_create_enum = _drop_enum = _rename_enum = _no_sql


def _enum_columns(ctx: Context, step: Step, *, before: bool):
    """Columns typed by the step's enum: under their old names before the renames run,
    under their new names after."""
    model = ctx.old if before else ctx.new
    for table in model.tables:
        survivor = ctx.new.table(table.id)
        for column in table.columns:
            if column.type.enum_id == step.new.id and survivor is not None and survivor.column(column.id):
                yield table, column


def _modify_enum(ctx: Context, table: Table, column: Column, values: tuple[str, ...]) -> Stmt:
    spelled = "enum(" + ", ".join(_literal(v) for v in values) + ")"
    parts = [ctx.quote(column.name), spelled] + ([] if column.nullable else ["NOT NULL"])
    default = _enum_default(ctx, table, column, values)
    if default is not None:
        parts.append(f"DEFAULT {default}")
    return Stmt(f"ALTER TABLE IF EXISTS {_t(ctx, table)} MODIFY COLUMN IF EXISTS {' '.join(parts)};")


def _enum_default(ctx: Context, table: Table, column: Column, values: tuple[str, ...]) -> str | None:
    """The column's default if the list still has it, else its new default (a renamed value),
    else none for now: the column's own step sets it later."""
    survivor = ctx.new.table(table.id)
    candidates = [column, survivor.column(column.id) if survivor else None]
    for candidate in candidates:
        if candidate is not None and candidate.default is not None:
            text = ctx.default_sql(candidate)
            if text in {_literal(v) for v in values}:
                return text
    return None


def _if_column_exists(ctx: Context, table: Table, column: Column, sql: str) -> list[Stmt]:
    """Run ``sql`` only while the column is there under this name: UPDATE has no IF EXISTS,
    and on a re-run after the whole migration the table may carry its new name already."""
    schema = _literal(table.namespace) if table.namespace else "DATABASE()"
    # Every value is a quoted literal.
    probe = (
        f"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = {schema} "  # noqa: S608
        f"AND table_name = {_literal(table.name)} AND column_name = {_literal(column.name)}"
    )
    return [
        Stmt(f"SET @migration_step = IF(({probe}) > 0, {_literal(sql)}, 'DO 0');"),
        Stmt("PREPARE migration_step FROM @migration_step;"),
        Stmt("EXECUTE migration_step;"),
        Stmt("DEALLOCATE PREPARE migration_step;"),
    ]


def _add_enum_value(step: Step, ctx: Context) -> list[Stmt]:
    return [_modify_enum(ctx, t, c, step.new.values) for t, c in _enum_columns(ctx, step, before=True)]


def _rename_enum_value(step: Step, ctx: Context) -> list[Stmt]:
    old, new = step.detail
    renames = [s.detail for s in ctx.steps if s.action == "rename_enum_value" and s.new.id == step.new.id]
    current = list(step.old.values)
    for before, after in renames[: renames.index(step.detail)]:
        current[current.index(before)] = after
    renamed = tuple(new if v == old else v for v in current)
    statements = []
    for table, column in _enum_columns(ctx, step, before=True):
        # Both spellings allowed while the rows move, then only the new one.
        statements.append(_modify_enum(ctx, table, column, (*current, new)))
        quoted = ctx.quote(column.name)
        move = f"UPDATE {_t(ctx, table)} SET {quoted} = {_literal(new)} WHERE {quoted} = {_literal(old)}"  # noqa: S608
        statements += _if_column_exists(ctx, table, column, move)
        statements.append(_modify_enum(ctx, table, column, renamed))
    return statements


def _replace_enum(step: Step, ctx: Context) -> list[Stmt]:
    if step.detail:
        ctx.warn(
            "mysql-table-copy",
            f"removing values from {step.new.label} copies the tables using it; "
            "rows holding a removed value make it fail, change them first",
        )
    return [_modify_enum(ctx, t, c, step.new.values) for t, c in _enum_columns(ctx, step, before=False)]


def _rename_table(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(f"RENAME TABLE IF EXISTS {_t(ctx, step.old)} TO {_t(ctx, step.new)};")]


def _rename_column(step: Step, ctx: Context) -> list[Stmt]:
    old, new = ctx.quote(step.old.name), ctx.quote(step.new.name)
    return [
        Stmt(
            f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} RENAME COLUMN IF EXISTS {old} TO {new}{_instant(ctx, step.table)};"
        )
    ]


def _rename_constraint(step: Step, ctx: Context) -> list[Stmt]:
    kind = step.new.kind
    if kind in ("primary", "exclude"):
        return []  # always PRIMARY in MySQL; an exclusion is never made there
    table = _t(ctx, step.table)
    if kind == "unique":
        return [
            Stmt(
                f"ALTER TABLE IF EXISTS {table} RENAME INDEX IF EXISTS {ctx.quote(step.old.name)} TO {ctx.quote(step.new.name)};"
            )
        ]
    # No RENAME CONSTRAINT in MySQL: drop and add under the new name (no data involved).
    if kind == "foreign":
        gone = Step("drop_foreign_key", old=step.old, table=step.table)
        return _drop_foreign_key(gone, ctx) + _add_foreign_key(step, ctx)
    return [
        Stmt(f"ALTER TABLE IF EXISTS {table} DROP CONSTRAINT IF EXISTS {ctx.quote(step.old.name)};"),
        Stmt(
            f"ALTER TABLE IF EXISTS {table} ADD CONSTRAINT IF NOT EXISTS {ctx.quote(step.new.name)} CHECK ({step.new.expression});"
        ),
    ]


def _rename_index(step: Step, ctx: Context) -> list[Stmt]:
    return [
        Stmt(
            f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} RENAME INDEX IF EXISTS {ctx.quote(step.old.name)} "
            f"TO {ctx.quote(step.new.name)};"
        )
    ]


def _create_table(step: Step, ctx: Context) -> list[Stmt]:
    table = step.new
    postgresql_options_ignored(ctx, table, "MySQL")
    inline = _inline_checks(table)
    parts = [
        _column_sql(ctx, c) + "".join(f" CHECK ({k.expression})" for k in inline if k.columns == (c.id,))
        for c in table.columns
    ]
    parts += [
        _constraint_sql(ctx, table, c)
        for c in table.constraints
        if c not in inline and not _exclusion_left_out(ctx, table, c)
    ]
    body = ",\n  ".join(parts)
    return [
        Stmt(
            f"CREATE TABLE IF NOT EXISTS {_t(ctx, table)} (\n  {body}\n){_table_options(table)}{partition_clause(ctx, table)};"
        )
    ]


def _inline_checks(table: Table) -> list[Constraint]:
    """A column's check named after the column is MariaDB's own column check: written on the
    column, as MariaDB shows it."""
    return [
        c
        for c in table.constraints
        if c.kind == "check" and len(c.columns) == 1 and c.name == table.column(c.columns[0]).name
    ]


def _table_options(table: Table) -> str:
    for value in (table.charset, table.collation):
        if value is not None and not _OPTION_WORD.fullmatch(value):
            raise MigrationError(f"table {table.label}: {value!r} is not a character set or collation name")
    options = f" DEFAULT CHARSET={table.charset}" if table.charset else ""
    options += f" COLLATE={table.collation}" if table.collation else ""
    return options + (f" COMMENT={_literal(table.comment)}" if table.comment else "")


def _set_comment(step: Step, ctx: Context) -> list[Stmt]:
    if isinstance(step.new, Table):
        return [Stmt(f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} COMMENT = {_literal(step.new.comment or '')};")]
    if any(s.action == "alter_column" and s.new.id == step.new.id and set(s.detail) != {"default"} for s in ctx.steps):
        return []  # that step's MODIFY states the whole column, comment included
    return [Stmt(f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} MODIFY COLUMN IF EXISTS {_column_sql(ctx, step.new)};")]


def _set_table_options(step: Step, ctx: Context) -> list[Stmt]:
    """The table's default character set and collation (for columns that do not name their
    own), as the new design says them (one it leaves unsaid stays as the table has it)."""
    if not mysql_options_changed(step.old, step.new):
        return []  # PostgreSQL's storage parameters or UNLOGGED: said when the table is created
    options = _table_options(replace(step.new, comment=None)).strip()
    return [Stmt(f"ALTER TABLE IF EXISTS {_t(ctx, step.table)} {options};")]


def _position(ctx: Context, table: Table, column: Column) -> str:
    """Where the column goes: MySQL can place it, so a migrated table reads like a new one."""
    at = [c.id for c in table.columns].index(column.id)
    return f" AFTER {ctx.quote(table.columns[at - 1].name)}" if at else " FIRST"


def _add_column(step: Step, ctx: Context) -> list[Stmt]:
    table, column = step.table, step.new
    where = _position(ctx, table, column)
    if column.identity or (not column.nullable and column.default is None):
        ctx.warn(
            "adding-not-nullable-field",
            f"{column.label} is required without a default: existing rows get the type's zero value",
        )
    return [
        Stmt(
            f"ALTER TABLE IF EXISTS {_t(ctx, table)} ADD COLUMN IF NOT EXISTS {_column_sql(ctx, column)}{where}"
            f"{'' if _default_per_row(ctx, column) else _instant(ctx, table)};"
        )
    ]


def _default_per_row(ctx: Context, column: Column) -> bool:
    """A default that gives each existing row its own value (UUID()) cannot be added
    instantly (MariaDB ERROR 1845): the server rebuilds the table, and the file says so."""
    if column.default is None or not _PER_ROW_DEFAULT.search(ctx.default_sql(column)):
        return False
    ctx.warn(
        "mysql-table-copy", f"{column.label} gets a new value per row ({ctx.default_sql(column)}): the table is copied"
    )
    return True


def _alter_column(step: Step, ctx: Context) -> list[Stmt]:
    table, old, new, changes = step.table, step.old, step.new, step.detail
    alter = f"ALTER TABLE IF EXISTS {_t(ctx, table)}"
    if set(changes) == {"default"}:
        target = f"{alter} ALTER COLUMN {ctx.quote(new.name)}"
        if new.default is None:
            return [Stmt(f"{target} DROP DEFAULT;")]
        return [Stmt(f"{target} SET DEFAULT {ctx.default_sql(new)};")]
    label = f"{table.label}.{new.name}"
    if changes.get("type"):
        before, after = ctx.column_type(old, ctx.old), ctx.column_type(new)
        ctx.warn("changing-column-type", f"{label} changes type from {before} to {after}: MySQL copies the table")
    elif changes.get("nullable") and not new.nullable:
        ctx.warn("adding-not-nullable-field", f"{label} becomes NOT NULL: MySQL checks every row (table copy)")
    return [Stmt(f"{alter} MODIFY COLUMN IF EXISTS {_column_sql(ctx, new)};")]


def _exclusion_left_out(ctx: Context, table: Table, constraint: Constraint) -> bool:
    if constraint.kind != "exclude":
        return False
    ctx.warn(
        "mysql-exclusion-left-out",
        f"exclusion constraint {constraint.name} on {table.label} is left out: MySQL has no EXCLUDE constraints",
    )
    return True


def _add_constraint(step: Step, ctx: Context) -> list[Stmt]:
    if _exclusion_left_out(ctx, step.table, step.new):
        return []
    table, constraint = _t(ctx, step.table), step.new
    if constraint.kind == "primary":
        ctx.warn("mysql-table-copy", f"adding a primary key to {step.table.label} copies the table")
        columns = _cols(ctx, step.table, constraint.columns)
        if step.old_table is not None and step.old_table.primary_key is not None:
            return [Stmt(f"ALTER TABLE IF EXISTS {table} DROP PRIMARY KEY, ADD PRIMARY KEY ({columns});")]
        return [Stmt(f"ALTER TABLE IF EXISTS {table} ADD PRIMARY KEY IF NOT EXISTS ({columns});")]
    if constraint.kind == "unique":
        index = IndexDef(constraint.id, constraint.name, tuple(_key(c) for c in constraint.columns), unique=True)
        return [Stmt(_index_sql(ctx, step.table, index) + _create_online(ctx, step) + ";")]
    return [
        Stmt(
            f"ALTER TABLE IF EXISTS {table} ADD CONSTRAINT IF NOT EXISTS {ctx.quote(constraint.name)} "
            f"CHECK ({constraint.expression});"
        )
    ]


def _key(column_id: str) -> IndexColumn:
    return IndexColumn(field_id=column_id)


def _create_online(ctx: Context, step: Step) -> str:
    """The hint for a new index (``CREATE INDEX`` spelling): none on a table made in this
    migration (nothing reads it yet) or one that must be copied anyway."""
    if (
        not _existing(step)
        or getattr(step.new, "method", None) in _WHOLE_COLUMN_METHODS
        or not _online(ctx, step.table)
    ):
        return ""  # a FULLTEXT or SPATIAL index cannot be built with LOCK=NONE
    return " ALGORITHM=INPLACE LOCK=NONE"


def _create_index(step: Step, ctx: Context) -> list[Stmt]:
    return [Stmt(_index_sql(ctx, step.table, step.new) + _create_online(ctx, step) + ";")]


def _key_options_not_kept(ctx: Context, table: Table, key: Constraint) -> None:
    said = [
        ("DEFERRABLE: InnoDB checks every row at once", key.deferrable or key.initially_deferred),
        ("NOT VALID: MySQL checks the existing rows", key.not_valid),
        ("MATCH FULL: InnoDB ignores it", key.match_full),
    ]
    for what, present in said:
        if present:
            ctx.warn("mysql-key-option-ignored", f"foreign key {key.name} on {table.label}: {what}")


def _add_foreign_key(step: Step, ctx: Context) -> list[Stmt]:
    table, key, ref = step.table, step.new, step.ref_table
    if table.namespace and not ref.namespace:
        raise MigrationError(
            f"foreign key {key.name} from {table.label} to {ref.label}: MySQL reads an unqualified "
            "table in the referencing table's database; give the referenced table a namespace too"
        )
    _key_options_not_kept(ctx, table, key)
    name = ctx.quote(key.name)
    own_index = [Stmt(f"CREATE INDEX IF NOT EXISTS {name} ON {_t(ctx, table)} ({_cols(ctx, table, key.columns)});")]
    if _indexed_by_a_key(table, key.columns):
        own_index = []  # the server uses that key for it and invents nothing
    sql = (
        f"ALTER TABLE IF EXISTS {_t(ctx, table)} ADD CONSTRAINT {name} FOREIGN KEY IF NOT EXISTS "
        f"({_cols(ctx, table, key.columns)}) REFERENCES {_t(ctx, ref)} ({_cols(ctx, ref, key.ref_columns)})"
    )
    if key.on_delete:
        sql += f" ON DELETE {_ACTIONS[key.on_delete]}"
    if key.on_update:
        sql += f" ON UPDATE {_ACTIONS[key.on_update]}"
    if any(_long(ctx, table.column(i)) for i in key.columns):
        raise MigrationError(
            f"foreign key {key.name} on {table.label} uses a text column, which MySQL cannot index whole"
        )
    return [*own_index, Stmt(sql + ";")]


def _indexed_by_a_key(table: Table, columns: tuple[str, ...]) -> bool:
    """The table has a key or index starting with the foreign key's columns, as MySQL needs."""
    keys = [c.columns for c in table.constraints if c.kind in ("primary", "unique")]
    keys += [tuple(k.field_id for k in i.columns) for i in table.indexes]
    return any(key[: len(columns)] == columns for key in keys)


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
    "drop_partition": mysql_partitions.drop_partition,
    "drop_table": _drop_table,
    "create_schema": _create_schema,
    "create_enum": _create_enum,
    "create_extension": _no_sql,
    "create_domain": _no_sql,
    "alter_domain": _no_sql,
    "rename_enum": _rename_enum,
    "rename_enum_value": _rename_enum_value,
    "add_enum_value": _add_enum_value,
    "rename_table": _rename_table,
    "rename_column": _rename_column,
    "rename_constraint": _rename_constraint,
    "rename_index": _rename_index,
    "create_table": _create_table,
    "change_partitioning": mysql_partitions.change_partitioning,
    "add_partition": mysql_partitions.add_partition,
    "add_column": _add_column,
    "alter_column": _alter_column,
    "replace_enum": _replace_enum,
    "set_comment": _set_comment,
    "set_table_options": _set_table_options,
    "drop_enum": _drop_enum,
    "drop_domain": _no_sql,
    "drop_extension": _no_sql,
    "drop_schema": _drop_schema,
    "add_constraint": _add_constraint,
    "create_index": _create_index,
    "add_foreign_key": _add_foreign_key,
}
