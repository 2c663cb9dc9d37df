"""A live database's catalog → schema (the connection itself lives in ``projects.live_import``).

PostgreSQL: the catalog rows are written out as the DDL pg_dump would write for them
(format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef are PostgreSQL's own
spellings) and read by the same reader as a dump, so a live import and an import of that
database's dump give the same schema by construction. MySQL/MariaDB: ``SHOW CREATE
TABLE`` is the server's own DDL, read by the MySQL reader.

Statistics (``--stats``): row estimates become volumes; ``pg_stat_statements``' top
statements become access patterns through the SQL paste parser, at their call rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from designer.formats.sql_mysql import parse_mysql
from designer.formats.sql_postgresql import parse_postgresql
from designer.problems import Problem, SchemaError, Severity
from designer.schema import Frequency, Per, Schema, Volume, replace
from designer.sqlpattern import pattern_from_sql


@dataclass
class PostgresCatalog:
    """Rows as the catalog queries return them (names unquoted; definitions as PostgreSQL
    prints them)."""

    enums: list[tuple[str, str, list[str]]] = field(default_factory=list)  # schema, name, labels
    # schema, name, partition key ("RANGE (logdate)") or None, parent (schema, name) or None, bound or None
    tables: list[tuple[str, str, str | None, tuple[str, str] | None, str | None]] = field(default_factory=list)
    # schema, table, column, type, not null, default, identity ('a'/'d'/''), generated expression or None
    columns: list[tuple[str, str, str, str, bool, str | None, str, str | None]] = field(default_factory=list)
    constraints: list[tuple[str, str, str, str]] = field(default_factory=list)  # schema, table, name, definition
    indexes: list[str] = field(default_factory=list)  # pg_get_indexdef
    table_comments: list[tuple[str, str, str]] = field(default_factory=list)
    # schema, table, unlogged (relpersistence 'u'), storage parameters (reloptions: "fillfactor=90")
    table_options: list[tuple[str, str, bool, list[str]]] = field(default_factory=list)
    column_comments: list[tuple[str, str, str, str]] = field(default_factory=list)
    # CREATE statements of the views, functions, triggers and sequences, as the server prints them
    objects: list[str] = field(default_factory=list)
    extensions: list[tuple[str, str]] = field(default_factory=list)  # name, schema
    # schema, name, base type, not null, default or None, [(check name, pg_get_constraintdef)]
    domains: list[tuple[str, str, str, bool, str | None, list[tuple[str, str]]]] = field(default_factory=list)


def postgresql_schema(catalog: PostgresCatalog) -> tuple[Schema, tuple[Problem, ...]]:
    schema, notices = parse_postgresql(postgresql_ddl(catalog))
    return schema, tuple(replace(n, line=None) for n in notices)  # lines of a script nobody wrote


def postgresql_ddl(catalog: PostgresCatalog) -> str:
    statements = _declared_types_ddl(catalog)
    for namespace, name, labels in catalog.enums:
        values = ", ".join(_literal(v) for v in labels)
        statements.append(f"CREATE TYPE {_qualified(namespace, name)} AS ENUM ({values})")
    columns: dict[tuple[str, str], list[str]] = {}
    identities = []
    for namespace, table, column, type_text, not_null, default, identity, generated in catalog.columns:
        parts = [_ident(column), type_text]
        if generated:
            parts.append(f"GENERATED ALWAYS AS ({generated}) STORED")
        elif default is not None:
            parts.append(f"DEFAULT {default}")
        if not_null:
            parts.append("NOT NULL")
        columns.setdefault((namespace, table), []).append(" ".join(parts))
        if identity:
            kind = "ALWAYS" if identity == "a" else "BY DEFAULT"
            identities.append(
                f"ALTER TABLE {_qualified(namespace, table)} ALTER COLUMN {_ident(column)} "
                f"ADD GENERATED {kind} AS IDENTITY"
            )
    options = {(namespace, name): (unlogged, storage) for namespace, name, unlogged, storage in catalog.table_options}
    for namespace, name, partition_key, parent, bound in catalog.tables:
        body = ",\n  ".join(columns.get((namespace, name), []))
        partitioned = f" PARTITION BY {partition_key}" if partition_key else ""
        unlogged, storage = options.get((namespace, name), (False, []))
        create = "CREATE UNLOGGED TABLE" if unlogged else "CREATE TABLE"
        partitioned += f" WITH ({', '.join(_storage(option) for option in storage)})" if storage else ""
        statements.append(f"{create} {_qualified(namespace, name)} (\n  {body}\n){partitioned}")
        if parent is not None:
            statements.append(
                f"ALTER TABLE {_qualified(*parent)} ATTACH PARTITION {_qualified(namespace, name)} {bound}"
            )
    statements += identities
    for namespace, table, name, definition in catalog.constraints:
        statements.append(f"ALTER TABLE {_qualified(namespace, table)} ADD CONSTRAINT {_ident(name)} {definition}")
    statements += catalog.indexes
    for namespace, table, comment in catalog.table_comments:
        statements.append(f"COMMENT ON TABLE {_qualified(namespace, table)} IS {_literal(comment)}")
    for namespace, table, column, comment in catalog.column_comments:
        target = f"{_qualified(namespace, table)}.{_ident(column)}"
        statements.append(f"COMMENT ON COLUMN {target} IS {_literal(comment)}")
    statements += [definition.strip().rstrip(";") for definition in catalog.objects]
    return ";\n".join(statements) + ";\n"


def _declared_types_ddl(catalog: PostgresCatalog) -> list[str]:
    statements = [
        f"CREATE EXTENSION IF NOT EXISTS {_ident(name)} WITH SCHEMA {_ident(schema)}"
        for name, schema in catalog.extensions
    ]
    for namespace, name, base, not_null, default, checks in catalog.domains:
        parts = [f"CREATE DOMAIN {_qualified(namespace, name)} AS {base}"]
        if default is not None:
            parts.append(f"DEFAULT {default}")
        if not_null:
            parts.append("NOT NULL")
        parts += [f"CONSTRAINT {_ident(check)} {definition}" for check, definition in checks]
        statements.append(" ".join(parts))
    return statements


def mysql_schema(create_statements: list[str]) -> tuple[Schema, tuple[Problem, ...]]:
    """``SHOW CREATE TABLE`` results, in order."""
    if not create_statements:
        raise SchemaError([Problem(code="catalog-empty", message="the database has no tables")])
    schema, notices = parse_mysql(";\n".join(create_statements) + ";\n")
    return schema, tuple(replace(n, line=None) for n in notices)


# --- statistics -----------------------------------------------------------------------------


def with_volumes(schema: Schema, estimates: dict[tuple[str | None, str], int]) -> Schema:
    """Row estimates (None namespace = default schema) as today's volumes."""
    volumes = [
        Volume(entity_id=e.id, rows=max(0, int(estimates[(e.namespace, e.name)])))
        for e in schema.entities
        if (e.namespace, e.name) in estimates
    ]
    return replace(schema, volumes=tuple(volumes))


def with_patterns(
    schema: Schema, statements: list[tuple[str, int]], *, seconds: float
) -> tuple[Schema, tuple[Problem, ...]]:
    """The busiest statements (text, calls) as access patterns at their call rate over
    ``seconds`` of statistics; each one that does not map is a notice saying why."""
    notices = []
    for number, (sql, calls) in enumerate(statements, start=1):
        try:
            pattern = pattern_from_sql(sql, schema=schema)
        except SchemaError as error:
            reason = error.problems[0].message if error.problems else "not mappable"
            notices.append(
                Problem(
                    code="stats-statement-skipped",
                    message=f"statement #{number} ({calls} calls) is not an access pattern: {reason}",
                    severity=Severity.WARNING,
                )
            )
            continue
        pattern = replace(pattern, frequency=_frequency(calls, seconds))
        schema = replace(schema, patterns=(*schema.patterns, pattern))
    return schema, tuple(notices)


def _frequency(calls: int, seconds: float) -> Frequency:
    per_second = calls / max(seconds, 1.0)
    for per, span in ((Per.SECOND, 1), (Per.MINUTE, 60), (Per.HOUR, 3600)):
        if per_second * span >= 1:
            return Frequency(average=round(per_second * span, 3), per=per)
    return Frequency(average=round(per_second * 86400, 3), per=Per.DAY)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _qualified(namespace: str, name: str) -> str:
    return f"{_ident(namespace)}.{_ident(name)}"


def _storage(option: str) -> str:
    """A reloptions entry (``fillfactor=90``) as a WITH item, its value quoted."""
    name, _, value = option.partition("=")
    return f"{_ident(name)} = {_literal(value)}"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
