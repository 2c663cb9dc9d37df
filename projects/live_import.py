"""Reading a live PostgreSQL or MySQL/MariaDB catalog, read-only (the schema is built by
``designer.catalog``).

Credentials: the URL is used to connect and forgotten; nothing here stores or logs it,
and error messages have the password taken out (``redacted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlparse

import psycopg
import pymysql

from designer import catalog
from designer.problems import Problem, SchemaError, Severity
from designer.schema import Schema

TOP_STATEMENTS = 50
CONNECT_TIMEOUT = 10


class LiveImportError(Exception):
    """The database could not be read; the message never carries the password."""


@dataclass(frozen=True)
class Target:
    dialect: str  # "postgresql" | "mysql"
    host: str
    port: int
    user: str
    password: str
    database: str

    def describe(self) -> str:
        return f"{self.dialect}://{self.user}@{self.host}:{self.port}/{self.database}"


def parse_url(url: str) -> Target:
    parsed = urlparse(url)
    schemes = {"postgres": "postgresql", "postgresql": "postgresql", "mysql": "mysql", "mariadb": "mysql"}
    dialect = schemes.get(parsed.scheme.split("+")[0])
    if dialect is None or not parsed.hostname or not parsed.path.strip("/"):
        raise LiveImportError(
            "give a database URL such as postgres://user:password@host:5432/name or mysql://user@host:3306/name"
        )
    return Target(
        dialect=dialect,
        host=parsed.hostname,
        port=parsed.port or (5432 if dialect == "postgresql" else 3306),
        user=unquote(parsed.username or ("postgres" if dialect == "postgresql" else "root")),
        password=unquote(parsed.password or ""),
        database=unquote(parsed.path.strip("/")),
    )


def import_database(
    url: str, *, schemas: list[str] | None = None, stats: bool = False
) -> tuple[Schema, tuple[Problem, ...]]:
    target = parse_url(url)
    try:
        if target.dialect == "postgresql":
            return _postgresql(target, schemas=schemas, stats=stats)
        return _mysql(target, stats=stats)
    except (psycopg.Error, pymysql.err.Error) as error:
        raise LiveImportError(redacted(f"cannot read {target.describe()}: {error}", target)) from None


def redacted(message: str, target: Target) -> str:
    return message.replace(target.password, "***") if target.password else message


# --- PostgreSQL ------------------------------------------------------------------------------

_RELATIONS = """
SELECT n.nspname, c.relname, c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(%(schemas)s) ORDER BY n.nspname, c.relname
"""
_SCHEMAS = """
SELECT nspname FROM pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%%'
"""
_TABLES = """
SELECT n.nspname, c.relname,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
       pn.nspname, p.relname, CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
       obj_description(c.oid, 'pg_class'), c.relpersistence = 'u', coalesce(c.reloptions, '{}')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
LEFT JOIN pg_class p ON p.oid = i.inhparent LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE c.oid = ANY(%(oids)s) ORDER BY n.nspname, c.relname
"""
_COLUMNS = """
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, a.attidentity,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
       col_description(c.oid, a.attnum)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.oid = ANY(%(oids)s) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum
"""
_CONSTRAINTS = """
SELECT n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY(%(oids)s) AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0
ORDER BY n.nspname, c.relname, k.contype DESC, k.conname
"""
_INDEXES = """
SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = ANY(%(oids)s)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
ORDER BY c.relname
"""
_ENUMS = """
SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY(%(schemas)s) GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname
"""
# Views, functions, triggers and standalone sequences (with every option, as pg_dump writes
# them), as the server prints them, in an order that creates each before what uses it:
# sequences, functions, views by creation (oid), triggers. What an extension or a column
# owns (serial, identity) is left out.
_OBJECTS = """
SELECT 0, c.oid, 'CREATE SEQUENCE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
       || ' AS ' || format_type(s.seqtypid, NULL) || ' START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement
       || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache
       || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S' AND n.nspname = ANY(%(schemas)s) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT 1, p.oid, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(%(schemas)s) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT 2, c.oid, 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW '
       || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' AS ' || pg_get_viewdef(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY(%(schemas)s) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT 3, t.oid, pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal AND t.tgrelid = ANY(%(oids)s)
ORDER BY 1, 2
"""
_EXTENSIONS = """
SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' ORDER BY e.extname
"""
_DOMAINS = """
SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
       coalesce((SELECT array_agg(k.conname ORDER BY k.conname) FROM pg_constraint k WHERE k.contypid = t.oid
                 AND k.contype = 'c'), '{}'),
       coalesce((SELECT array_agg(pg_get_constraintdef(k.oid) ORDER BY k.conname) FROM pg_constraint k
                 WHERE k.contypid = t.oid AND k.contype = 'c'), '{}')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd' AND n.nspname = ANY(%(schemas)s) ORDER BY n.nspname, t.typname
"""
_ESTIMATES = "SELECT n.nspname, c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY(%(oids)s)"
_TOP = """
SELECT s.query, s.calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
WHERE d.datname = current_database() ORDER BY s.calls DESC LIMIT %(limit)s
"""


def _postgresql(target: Target, *, schemas: list[str] | None, stats: bool):
    with psycopg.connect(
        host=target.host,
        port=target.port,
        user=target.user,
        password=target.password or None,
        dbname=target.database,
        connect_timeout=CONNECT_TIMEOUT,
        options="-c default_transaction_read_only=on",
    ) as connection:
        connection.read_only = True
        with connection.cursor() as cursor:
            cursor.execute("SET search_path = ''")  # names qualified as pg_dump writes them
            if not schemas:
                schemas = [row[0] for row in cursor.execute(_SCHEMAS)]
            oids = [row[2] for row in cursor.execute(_RELATIONS, {"schemas": schemas})]
            rows = catalog.PostgresCatalog()
            query = {"oids": oids, "schemas": schemas}
            rows.enums = [(s, n, list(v)) for s, n, v in cursor.execute(_ENUMS, query)]
            _declared_types(cursor, rows, query)
            for namespace, name, key, parent_ns, parent, bound, comment, unlogged, storage in cursor.execute(
                _TABLES, query
            ):
                rows.tables.append((namespace, name, key, (parent_ns, parent) if parent else None, bound))
                if comment:
                    rows.table_comments.append((namespace, name, comment))
                if unlogged or storage:
                    rows.table_options.append((namespace, name, unlogged, list(storage)))
            for namespace, table, column, type_text, not_null, default, identity, generated, comment in cursor.execute(
                _COLUMNS, query
            ):
                rows.columns.append((namespace, table, column, type_text, not_null, default, identity, generated))
                if comment:
                    rows.column_comments.append((namespace, table, column, comment))
            rows.constraints = list(cursor.execute(_CONSTRAINTS, query))
            rows.indexes = [row[0] for row in cursor.execute(_INDEXES, query)]
            rows.objects = [row[2] for row in cursor.execute(_OBJECTS, query)]
            schema, notices = catalog.postgresql_schema(rows)
            if stats:
                schema, more = _postgresql_stats(cursor, schema, query)
                notices = (*notices, *more)
    return schema, notices


def _declared_types(cursor, rows: catalog.PostgresCatalog, query: dict) -> None:
    """Extensions and domains: created before the tables that use them."""
    rows.extensions = list(cursor.execute(_EXTENSIONS))
    rows.domains = [
        (namespace, name, base, not_null, default, list(zip(names, definitions, strict=True)))
        for namespace, name, base, not_null, default, names, definitions in cursor.execute(_DOMAINS, query)
    ]


def _postgresql_stats(cursor, schema: Schema, query: dict):
    estimates = {(None if n == "public" else n, t): max(0, int(r)) for n, t, r in cursor.execute(_ESTIMATES, query)}
    schema = catalog.with_volumes(schema, estimates)
    has_statements = cursor.execute("SELECT to_regclass('public.pg_stat_statements') IS NOT NULL").fetchone()[0]
    if not has_statements:
        notice = Problem(
            code="stats-unavailable",
            message="pg_stat_statements is not installed: no access patterns",
            severity=Severity.WARNING,
        )
        return schema, (notice,)
    cursor.execute("SAVEPOINT stats")
    try:
        statements = list(cursor.execute(_TOP, {"limit": TOP_STATEMENTS}))
        since = cursor.execute(
            "SELECT extract(epoch FROM now() - coalesce((SELECT stats_reset FROM pg_stat_statements_info), "
            "pg_postmaster_start_time()))"
        ).fetchone()[0]
    except psycopg.Error as error:  # e.g. not in shared_preload_libraries, or no right to read it
        cursor.execute("ROLLBACK TO SAVEPOINT stats")
        message = f"pg_stat_statements cannot be read: {error}"
        return schema, (Problem(code="stats-unavailable", message=message, severity=Severity.WARNING),)
    return catalog.with_patterns(schema, statements, seconds=float(since))


# --- MySQL / MariaDB -------------------------------------------------------------------------


def _mysql(target: Target, *, stats: bool):
    connection = pymysql.connect(
        host=target.host,
        port=target.port,
        user=target.user,
        password=target.password,
        database=target.database,
        connect_timeout=CONNECT_TIMEOUT,
        charset="utf8mb4",
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute("START TRANSACTION READ ONLY")
            cursor.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
            names = [row[0] for row in cursor.fetchall()]
            statements = []
            for name in names:
                cursor.execute(f"SHOW CREATE TABLE `{name.replace('`', '``')}`")
                statements.append(cursor.fetchone()[1])
            schema, notices = catalog.mysql_schema(statements)
            if stats:
                cursor.execute(
                    "SELECT table_name, table_rows FROM information_schema.tables WHERE table_schema = DATABASE()"
                )
                schema = catalog.with_volumes(schema, {(None, n): int(r or 0) for n, r in cursor.fetchall()})
            cursor.execute("ROLLBACK")
    finally:
        connection.close()
    return schema, notices


def ensure_host_allowed(url: str, allowed: list[str]) -> None:
    """The web form reads only hosts the operator listed (IMPORT_LIVE_HOSTS)."""
    target = parse_url(url)
    if target.host not in allowed:
        raise SchemaError(
            [Problem(code="live-host-not-allowed", message=f"live import is not enabled for the host {target.host!r}")]
        )
