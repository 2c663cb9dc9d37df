"""What a database holds, read back from its own catalog as a flat map ``key → value``, so
that two databases (the source as loaded, and the one the product's DDL built) compare
object by object. Keys read ``<kind> <qualified name>[ :: <attribute>]``; values are the
server's own spellings (``format_type``, ``pg_get_indexdef``, ``pg_get_constraintdef``,
``information_schema``, SQLite pragmas), so nothing here re-implements a parser.

Objects that belong to an extension are left out: the harness installs the extensions a
schema names in both databases, and they are not part of the design."""

from __future__ import annotations

import re
import sqlite3

# --- PostgreSQL -----------------------------------------------------------------------------

_PG_USER_NAMESPACES = """
SELECT n.oid FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid
                  AND d.deptype = 'e')
"""
_PG_NOT_EXTENSION = """NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '{catalog}'::regclass
                       AND d.objid = {oid} AND d.deptype = 'e')"""

_PG_TABLES = f"""
SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
       CASE WHEN c.relispartition THEN (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid)
            || ' ' || pg_get_expr(c.relpartbound, c.oid) END,
       c.relpersistence, array_to_string(c.reloptions, ',')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.oid IN ({_PG_USER_NAMESPACES})
  AND {_PG_NOT_EXTENSION.format(catalog="pg_class", oid="c.oid")}
"""
_PG_COLUMNS = """
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, a.attidentity,
       CASE WHEN a.attgenerated <> '' THEN a.attgenerated::text || ' ' || pg_get_expr(d.adbin, d.adrelid) END,
       CASE WHEN a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END
FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY(%(oids)s) AND a.attnum > 0 AND NOT a.attisdropped
"""
_PG_CONSTRAINTS = """
SELECT conrelid, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ANY(%(oids)s)
"""
# Indexes that back a constraint are compared as the constraint (their definition is in it).
_PG_INDEXES = """
SELECT i.indrelid, c.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = ANY(%(oids)s) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                                                  AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
"""
_PG_TYPES = f"""
SELECT t.typtype, quote_ident(n.nspname) || '.' || quote_ident(t.typname),
       CASE WHEN t.typtype = 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                       FROM pg_enum e WHERE e.enumtypid = t.oid)
            ELSE format_type(t.typbasetype, t.typtypmod) || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                 || COALESCE(' DEFAULT ' || t.typdefault, '')
                 || COALESCE((SELECT ' ' || string_agg(pg_get_constraintdef(k.oid), ' ' ORDER BY k.conname)
                              FROM pg_constraint k WHERE k.contypid = t.oid), '') END
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd') AND n.oid IN ({_PG_USER_NAMESPACES})
  AND {_PG_NOT_EXTENSION.format(catalog="pg_type", oid="t.oid")}
"""
# Views, functions, triggers and standalone sequences: not design, but part of what the
# schema holds (issue 17 point 3). A view and a trigger compare by the server's printing.
_PG_OBJECTS = f"""
SELECT 'view ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname),
       CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW ' || pg_get_viewdef(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.oid IN ({_PG_USER_NAMESPACES})
  AND {_PG_NOT_EXTENSION.format(catalog="pg_class", oid="c.oid")}
UNION ALL
SELECT 'sequence ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'SEQUENCE'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND n.oid IN ({_PG_USER_NAMESPACES})
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT 'function ' || p.oid::regprocedure::text, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END
FROM pg_proc p WHERE p.pronamespace IN ({_PG_USER_NAMESPACES}) AND p.prokind IN ('f', 'p')
  AND {_PG_NOT_EXTENSION.format(catalog="pg_proc", oid="p.oid")}
UNION ALL
SELECT 'trigger ' || t.tgrelid::regclass::text || '.' || quote_ident(t.tgname), pg_get_triggerdef(t.oid)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE NOT t.tgisinternal AND c.relnamespace IN ({_PG_USER_NAMESPACES})
"""
_RELKIND = {"r": "table", "p": "partitioned table"}


def postgresql_catalog(connection) -> dict[str, str]:
    found: dict[str, str] = {}
    names: dict[int, str] = {}
    for oid, name, relkind, partkey, partition_of, persistence, options in connection.execute(_PG_TABLES):
        names[oid] = name
        what = _RELKIND[relkind] + (f" PARTITION BY {partkey}" if partkey else "")
        what += f" PARTITION OF {partition_of}" if partition_of else ""
        what += " UNLOGGED" if persistence == "u" else ""
        found[f"table {name}"] = what + (f" WITH ({options})" if options else "")
    oids = list(names)
    for rel, column, type_, notnull, default, identity, generated, collation in connection.execute(
        _PG_COLUMNS, {"oids": oids}
    ):
        key = f"column {names[rel]}.{column}"
        found[f"{key} :: type"] = type_ + (f" COLLATE {collation}" if collation else "")
        found[f"{key} :: not null"] = str(notnull).lower()
        found[f"{key} :: default"] = default or ""
        found[f"{key} :: identity"] = {"a": "always", "d": "by default"}.get(identity, "")
        found[f"{key} :: generated"] = generated or ""
    for rel, name, contype, definition in connection.execute(_PG_CONSTRAINTS, {"oids": oids}):
        found[f"{_CONSTRAINT_KIND.get(contype, 'constraint')} {names[rel]}.{name}"] = definition
    for rel, name, definition in connection.execute(_PG_INDEXES, {"oids": oids}):
        found[f"index {names[rel]}.{name}"] = _index_body(definition)
    for typtype, name, definition in connection.execute(_PG_TYPES):
        found[f"{'enum' if typtype == 'e' else 'domain'} {name}"] = definition
    for key, definition in connection.execute(_PG_OBJECTS):
        found[key] = " ".join(definition.split())
    return found


_CONSTRAINT_KIND = {"p": "primary key", "u": "unique", "f": "foreign key", "c": "check", "x": "exclude"}


def _index_body(definition: str) -> str:
    """``CREATE UNIQUE INDEX name ON ONLY s.t USING btree (a)`` → ``UNIQUE USING btree (a)``:
    the name is the key, the table is in the key."""
    unique = definition.startswith("CREATE UNIQUE ")
    body = re.sub(r"^CREATE (UNIQUE )?INDEX .*? ON (ONLY )?\S+ ", "", definition, count=1)
    return ("UNIQUE " if unique else "") + body


def postgresql_extensions(connection) -> list[str]:
    rows = connection.execute("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1").fetchall()
    return [name for (name,) in rows]


# --- MySQL / MariaDB --------------------------------------------------------------------------


def mysql_catalog(connection, database: str) -> dict[str, str]:
    found: dict[str, str] = {}
    cursor = connection.cursor()
    args = {"db": database}
    cursor.execute(
        "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES "
        "WHERE TABLE_SCHEMA = %(db)s AND TABLE_TYPE = 'BASE TABLE'",
        args,
    )
    collations = {}
    for table, engine, collation in cursor.fetchall():
        collations[table] = collation
        found[f"table {table}"] = f"ENGINE={engine} COLLATE={collation}"
    cursor.execute(
        "SELECT TABLE_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, COUNT(*) FROM information_schema.PARTITIONS "
        "WHERE TABLE_SCHEMA = %(db)s AND PARTITION_NAME IS NOT NULL GROUP BY 1, 2, 3",
        args,
    )
    for table, method, expression, count in cursor.fetchall():
        found[f"table {table} :: partitioning"] = f"{method} ({expression}) {count} partitions"
    cursor.execute(
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION, "
        "COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %(db)s",
        args,
    )
    for table, column, type_, nullable, default, extra, generated, collation in cursor.fetchall():
        if table not in collations:
            continue  # a view's column
        key = f"column {table}.{column}"
        own = collation and collation != collations[table]
        found[f"{key} :: type"] = type_ + (f" COLLATE {collation}" if own else "")
        found[f"{key} :: not null"] = str(nullable == "NO").lower()
        found[f"{key} :: default"] = "" if default is None else str(default)
        found[f"{key} :: extra"] = extra or ""
        found[f"{key} :: generated"] = generated or ""
    cursor.execute(
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART, COLLATION "
        "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = %(db)s ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        args,
    )
    indexes: dict[str, list] = {}
    for table, name, non_unique, type_, column, sub_part, order in cursor.fetchall():
        head = f"{'' if int(non_unique) else 'UNIQUE '}USING {type_}"
        part = column + (f"({sub_part})" if sub_part else "") + (" DESC" if order == "D" else "")
        indexes.setdefault(f"index {table}.{name}", [head, []])[1].append(part)
    for key, (head, parts) in indexes.items():
        found[key] = f"{head} ({', '.join(parts)})"
    cursor.execute(
        "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION), "
        "k.REFERENCED_TABLE_NAME, GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION), "
        "r.UPDATE_RULE, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
        "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA "
        "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
        "WHERE k.TABLE_SCHEMA = %(db)s GROUP BY 1, 2, 4, 6, 7",
        args,
    )
    for table, name, columns, target, target_columns, on_update, on_delete in cursor.fetchall():
        found[f"foreign key {table}.{name}"] = (
            f"({columns}) REFERENCES {target}({target_columns}) ON UPDATE {on_update} ON DELETE {on_delete}"
        )
    cursor.execute(
        "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
        "WHERE CONSTRAINT_SCHEMA = %(db)s",
        args,
    )
    for table, name, clause in cursor.fetchall():
        found[f"check {table}.{name}"] = clause
    return found


# --- SQLite ---------------------------------------------------------------------------------


def sqlite_catalog(path) -> dict[str, str]:
    found: dict[str, str] = {}
    with sqlite3.connect(path) as connection:
        # A virtual table's shadow tables (FTS keeps five) are its storage, not the design.
        tables = connection.execute(
            "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' "
            "AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ).fetchall()
        for table, type_, without_rowid, strict in tables:
            found[f"table {table}"] = " ".join(
                word
                for word, on in (("VIRTUAL", type_ == "virtual"), ("WITHOUT ROWID", without_rowid), ("STRICT", strict))
                if on
            )
            if type_ == "virtual":
                continue
            _sqlite_columns(connection, table, found)
            _sqlite_indexes(connection, table, found)
            _sqlite_foreign_keys(connection, table, found)
        for kind, name, sql in connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger')"
        ):
            found[f"{kind} {name}"] = " ".join(sql.split())
    return found


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_columns(connection, table: str, found: dict[str, str]) -> None:
    for _, name, type_, notnull, default, pk, hidden in connection.execute(f"PRAGMA table_xinfo({_q(table)})"):
        key = f"column {table}.{name}"
        found[f"{key} :: type"] = type_
        found[f"{key} :: not null"] = str(bool(notnull)).lower()
        found[f"{key} :: default"] = default or ""
        found[f"{key} :: primary key position"] = str(pk)
        found[f"{key} :: generated"] = {2: "virtual", 3: "stored"}.get(hidden, "")


def _sqlite_indexes(connection, table: str, found: dict[str, str]) -> None:
    for _, name, unique, origin, partial in connection.execute(f"PRAGMA index_list({_q(table)})"):
        parts = [
            (column if column is not None else "<expression>") + (" DESC" if desc else "") + f" COLLATE {collation}"
            for _, _, column, desc, collation, key in connection.execute(f"PRAGMA index_xinfo({_q(name)})")
            if key
        ]
        head = ("UNIQUE " if unique else "") + {"c": "index", "u": "unique constraint", "pk": "primary key"}[origin]
        where = ""
        if partial:
            (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            where = " WHERE " + " ".join(re.split(r"\bWHERE\b", sql, maxsplit=1, flags=re.I)[1].split())
        # Automatic indexes are named by position (sqlite_autoindex_t_2): key them by what they hold.
        shown = f"{table}.({', '.join(parts)})" if name.startswith("sqlite_autoindex_") else f"{table}.{name}"
        found[f"index {shown}"] = f"{head} ({', '.join(parts)}){where}"


def _sqlite_foreign_keys(connection, table: str, found: dict[str, str]) -> None:
    keys: dict[int, list] = {}
    for id_, _, target, source, dest, on_update, on_delete, match in connection.execute(
        f"PRAGMA foreign_key_list({_q(table)})"
    ):
        keys.setdefault(id_, [target, [], [], on_update, on_delete, match])
        keys[id_][1].append(source)
        keys[id_][2].append(str(dest))
    for target, sources, dests, on_update, on_delete, match in keys.values():
        found[f"foreign key {table}.({', '.join(sources)})"] = (
            f"REFERENCES {target}({', '.join(dests)}) ON UPDATE {on_update} ON DELETE {on_delete} MATCH {match}"
        )


# --- comparing ------------------------------------------------------------------------------

_NOUNS = (
    "primary key",
    "foreign key",
    "table",
    "column",
    "unique",
    "check",
    "exclude",
    "index",
    "enum",
    "domain",
    "view",
    "sequence",
    "function",
    "trigger",
)


def split_key(key: str) -> tuple[str, str, str]:
    """``column public.t.c :: default`` → ``("column", "public.t.c", "default")``."""
    head, _, attribute = key.partition(" :: ")
    noun = next(noun for noun in _NOUNS if head.startswith(noun + " "))
    return noun, head[len(noun) + 1 :], attribute


def differences(source: dict[str, str], built: dict[str, str]) -> list[str]:
    """Every way ``built`` differs from ``source``, one line each, sorted. A table that is
    missing (or extra) is one line: its columns and keys are not listed again."""
    tables = {split_key(key)[1] for key in source.keys() ^ built.keys() if split_key(key)[0] == "table"}

    def of_listed_table(key: str) -> bool:
        noun, name, _ = split_key(key)
        return (
            noun not in ("table", "enum", "domain", "view", "sequence", "function") and name.rsplit(".", 1)[0] in tables
        )

    found = []
    for key in sorted(source.keys() | built.keys()):
        if key not in built:
            found += [] if of_listed_table(key) else [f"missing {key}: {source[key]}"]
        elif key not in source:
            found += [] if of_listed_table(key) else [f"extra {key}: {built[key]}"]
        elif source[key] != built[key]:
            found.append(f"changed {key}: {source[key]} → {built[key]}")
    return found


def category(difference: str) -> str:
    """``changed column public.t.c :: default: …`` → ``changed column default``: the kind of
    difference, which is what the known list gives a reason for."""
    verb, _, rest = difference.partition(" ")
    if verb == "refused:":  # "refused: <first error> [code] (n errors)" → "refused [code]"
        code = re.search(r"\[([\w-]+)\] \(\d+ errors?\)$", difference)
        return f"refused [{code.group(1)}]" if code else "refused"
    if verb == "round-trip":  # "round-trip <what>: …" (Prisma, fidelity.py)
        return "round-trip " + rest.split(": ", 1)[0]
    if verb not in ("missing", "extra", "changed"):
        return verb.rstrip(":")  # "ddl-failed"
    key = (
        rest.split(": ", 1)[0]
        if " :: " not in rest
        else rest.split(" :: ")[0] + " :: " + rest.split(" :: ")[1].split(": ")[0]
    )
    noun, _, attribute = split_key(key)
    return " ".join(part for part in (verb, noun, attribute) if part)
