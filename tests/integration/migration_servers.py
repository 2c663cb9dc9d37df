"""Real servers for the migration proofs: apply SQL exactly as a person would (psql,
mariadb, sqlite3 command-line clients) and read back what exists (catalog queries,
SHOW CREATE TABLE, sqlite_master), normalised only where the database itself is free
to differ (PostgreSQL cannot reorder columns; MariaDB lists keys in creation order)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlparse

from designer.schema import Schema, replace


def _prefix() -> str:
    """Scratch database names carry the test database's name (designer_migrate,
    designer_versions...), so engineers and CI running these tests at once never share one."""
    database = urlparse(os.environ.get("DATABASE_URL", "")).path.strip("/") or "designer"
    return "mig_" + re.sub(r"[^a-z0-9_]", "_", database.lower())


PREFIX = _prefix()


def run(command: list[str], *, stdin: str | None = None) -> str:
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}\n--- input:\n{stdin}")
    return result.stdout


# --- PostgreSQL --------------------------------------------------------------------------


class Postgres:
    """A scratch database, reset between histories by dropping what the migrations made."""

    def __init__(self, name: str) -> None:
        import psycopg

        base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
        self.url = f"postgresql://{base.username or 'postgres'}@{base.hostname or '127.0.0.1'}:{base.port or 5432}"
        self.name = f"{PREFIX}_{name}"
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{self.name}"')
        self.connection = psycopg.connect(f"{self.url}/{self.name}", autocommit=True)

    def close(self) -> None:
        import psycopg

        self.connection.close()
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def apply(self, sql: str, tmp: Path) -> None:
        path = tmp / f"{self.name}.sql"
        path.write_text(sql)
        run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", f"{self.url}/{self.name}", "-f", str(path)])

    def reset(self) -> None:
        for (schema,) in self.connection.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
        ).fetchall():
            self.connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
        self.connection.execute("CREATE SCHEMA public")

    def snapshot(self) -> dict:
        q = self.connection.execute
        user = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'"
        return {
            "schemas": sorted(r[0] for r in q(f"SELECT nspname FROM pg_namespace n WHERE {user}")),
            "enums": sorted(
                q(f"""SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
                WHERE {user} GROUP BY 1, 2""").fetchall()
            ),
            # Columns as a set: PostgreSQL appends added columns and cannot move them.
            "columns": sorted(
                q(f"""SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                    a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity,
                    pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND {user}""").fetchall()
            ),
            "constraints": sorted(
                q(f"""SELECT n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid), k.convalidated
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE {user}""").fetchall()
            ),
            "comments": sorted(
                q(f"""SELECT n.nspname, c.relname, a.attname, d.description
                FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
                WHERE d.classoid = 'pg_class'::regclass AND {user}""").fetchall(),
                key=repr,
            ),
            "indexes": sorted(
                q("""SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
                WHERE schemaname NOT LIKE 'pg\\_%' AND schemaname <> 'information_schema'""").fetchall()
            ),
        }


# --- MariaDB -----------------------------------------------------------------------------


class MariaDB:
    """A database per side; a schema's second namespace becomes a database named after it."""

    def __init__(self, name: str) -> None:
        self.name = f"{PREFIX}_{name}"
        self.client = ["mariadb", "-uroot", "-h127.0.0.1", "--protocol=tcp"]
        self.namespaces: set[str] = set()
        self.reset()

    def isolate(self, schema: Schema) -> Schema:
        """Namespaces are server-wide databases in MariaDB: give them this side's prefix."""

        def mapped(ns):
            if ns is None:
                return None
            self.namespaces.add(f"{self.name}__{ns}")
            return f"{self.name}__{ns}"

        return replace(
            schema,
            entities=tuple(replace(e, namespace=mapped(e.namespace)) for e in schema.entities),
            enums=tuple(replace(e, namespace=mapped(e.namespace)) for e in schema.enums),
        )

    def apply(self, sql: str) -> None:
        run([*self.client, self.name], stdin=sql)

    def reset(self) -> None:
        drops = "".join(f"DROP DATABASE IF EXISTS `{db}`;" for db in sorted({self.name, *self.namespaces}))
        run(self.client, stdin=f"{drops}CREATE DATABASE `{self.name}`;")

    def close(self) -> None:
        run(
            self.client,
            stdin="".join(f"DROP DATABASE IF EXISTS `{db}`;" for db in sorted({self.name, *self.namespaces})),
        )

    def snapshot(self) -> dict:
        like = self.name.replace("_", "\\_")
        tables = run(
            [
                *self.client,
                "-N",
                "-B",
                "-e",
                "SELECT table_schema, table_name FROM information_schema.tables "
                f"WHERE table_schema = '{self.name}' OR table_schema LIKE '{like}\\_\\_%' ORDER BY 1, 2",
            ]
        )
        databases = run(
            [
                *self.client,
                "-N",
                "-B",
                "-e",
                f"SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '{like}%' ORDER BY 1",
            ]
        )
        shown = {}
        for line in tables.splitlines():
            schema, table = line.split("\t")
            out = run([*self.client, "-N", "-B", "-e", f"SHOW CREATE TABLE {_tick(schema)}.{_tick(table)}"])
            text = out.split("\t", 1)[1].replace("\\n", "\n")
            shown[(schema.replace(self.name, "<db>"), table)] = _normalise_create(text.replace(self.name, "<db>"))
        return {"databases": [d.replace(self.name, "<db>") for d in databases.split()], "tables": shown}


def _tick(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _normalise_create(text: str) -> list[str]:
    text = re.sub(r" AUTO_INCREMENT=\d+", "", text)
    lines = [line.strip().rstrip(",") for line in text.strip().splitlines()]
    columns = [line for line in lines[1:-1] if line.startswith("`")]
    keys = sorted(line for line in lines[1:-1] if not line.startswith("`"))
    return [lines[0], *columns, *keys, lines[-1]]  # columns keep their order: MariaDB can place them


# --- SQLite ------------------------------------------------------------------------------


class SQLite:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.reset()

    def reset(self) -> None:
        self.path.unlink(missing_ok=True)
        sqlite3.connect(self.path).close()

    def apply(self, sql: str) -> None:
        run(["sqlite3", "-bail", str(self.path)], stdin=sql)

    def snapshot(self) -> list[tuple]:
        with sqlite3.connect(self.path) as connection:
            rows = connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            ).fetchall()
        connection.close()
        return [(kind, name, table, " ".join((sql or "").split())) for kind, name, table, sql in rows]
