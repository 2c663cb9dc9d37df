"""The fidelity harness: a real schema goes through the product and the target database
judges what comes out.

For each SQL schema of the corpus: load the file, unchanged, into the real server; import
it through the product from the file (``projects.imports.import_read``, what
``import_schema`` and the web import call) and from the live database
(``projects.live_import.import_database``, what ``import_database`` calls, then the same
validation ``project_create`` applies); render the product's full DDL for that dialect;
apply it to an empty database (``ON_ERROR_STOP``; the extensions the source has installed
are installed first); compare the two catalogs object by object (``catalogs.py``).
For DBML: the reference parser's own PostgreSQL export (``@dbml/core``) is the source the
server loads; the product imports the DBML file and its export back, and both DDLs are
judged the same way. Prisma files wait for a Prisma reader in ``designer.formats``.

Every outcome is a list of lines: ``refused …`` (an import the product refuses),
``ddl-failed …`` (the product's DDL the server refuses), or the catalog differences."""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pymysql

from tests.realworld import catalogs

HERE = Path(__file__).parent
CORPUS = json.loads((HERE / "corpus.json").read_text())
KNOWN = HERE / "known_differences.json"
DBML_NODE = HERE.parent.parent / "designer" / "formats" / "dbml_node"
STAGES = ("file", "live", "export")  # export: the DBML the product writes, read back
TIMEOUT = 120


@dataclass
class Outcome:
    entry: dict
    tables: int = 0  # as the server holds them after loading the file
    imported: dict[str, bool] = field(default_factory=dict)  # stage → imported without refusal
    applied: dict[str, bool] = field(default_factory=dict)  # stage → the product's DDL applied
    lines: dict[str, list[str]] = field(default_factory=dict)  # stage → refusal / failure / differences
    skipped: str = ""  # why this entry is not run (today: Prisma)
    judged: dict[str, tuple[bool, list[str]]] = field(default_factory=dict, repr=False)  # DDL → verdict, once

    @property
    def id(self) -> str:
        return f"{self.entry['kind']}/{self.entry['name']}"


def entries(kind: str | None = None) -> list[dict]:
    return [entry for entry in CORPUS if kind is None or entry["kind"] == kind]


def run(entry: dict) -> Outcome:
    outcome = Outcome(entry)
    runner = {"postgresql": _run_postgresql, "mysql": _run_mysql, "sqlite": _run_sqlite, "dbml": _run_dbml}
    if entry["kind"] not in runner:
        outcome.skipped = _prisma_reason()
        return outcome
    runner[entry["kind"]](outcome, (HERE / entry["file"]).read_text(encoding="utf-8"))
    return outcome


def _prisma_reason() -> str:
    from designer.formats import IMPORT_FORMATS

    if "prisma" in IMPORT_FORMATS:
        return "designer.formats reads Prisma now: add a Prisma runner to the fidelity harness"
    return "no Prisma reader in designer.formats yet (issue 17, point 5)"


# --- the product's side -------------------------------------------------------------------------


def import_file(text: str, fmt: str):
    """The import service the command line and the web call; SchemaError when refused."""
    from projects.imports import import_read

    schema, _ = import_read(text=text, fmt=fmt)
    return schema


def import_live(url: str):
    from designer.problems import SchemaError, errors
    from designer.validate import validate
    from projects.live_import import import_database

    schema, _ = import_database(url)
    found = errors(validate(schema))  # what project_create refuses
    if found:
        raise SchemaError(found)
    return schema


def full_ddl(schema, dialect: str) -> str:
    from designer.migrate import full_ddl as render

    return render(schema, dialect=dialect)


def _imported(outcome: Outcome, stage: str, read) -> object | None:
    from designer.migrate import MigrationError
    from designer.problems import SchemaError
    from projects.live_import import LiveImportError

    try:
        schema = read()
    except SchemaError as error:
        outcome.imported[stage] = False
        outcome.lines[stage] = [f"refused: {_first(error.problems)} ({len(error.problems)} errors)"]
        return None
    except (LiveImportError, MigrationError) as error:
        outcome.imported[stage] = False
        outcome.lines[stage] = [f"refused: {_one_line(str(error))}"]
        return None
    outcome.imported[stage] = True
    return schema


def _first(problems) -> str:
    first = problems[0]
    return _one_line(f"{first.message} [{first.code}]")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 240 else line[:237] + "..."


def _ddl(outcome: Outcome, stage: str, schema, dialect: str) -> str | None:
    from designer.migrate import MigrationError

    try:
        return full_ddl(schema, dialect)
    except MigrationError as error:
        outcome.applied[stage] = False
        outcome.lines[stage] = [f"ddl-failed: the product cannot render it: {_one_line(str(error))}"]
        return None


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_server() -> dict:
    url = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    return {"host": url.hostname or "127.0.0.1", "port": url.port or 5432, "user": url.username or "postgres"}


_PG_RESET = """
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname); END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                                              AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
END $$;
CREATE SCHEMA public;
"""
_pg_scratch: dict[str, str] = {}  # label → database, reused (emptied) from one schema to the next


@contextlib.contextmanager
def pg_database(label: str):
    """An empty scratch database, created once per label and process, emptied after each
    use (cheaper than CREATE DATABASE on a busy machine); ``drop_scratch`` drops them."""
    if label not in _pg_scratch:
        name = f"realworld_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        _pg_scratch[label] = name
        atexit.register(drop_scratch)
    try:
        yield _pg_scratch[label]
    finally:
        with psycopg.connect(dbname=_pg_scratch[label], autocommit=True, **_pg_server()) as connection:
            connection.execute(_PG_RESET)


def drop_scratch() -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
        for name in _pg_scratch.values():
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _pg_scratch.clear()


def psql(database: str, text: str) -> str | None:
    """Apply SQL text with psql and ON_ERROR_STOP; None when it applied, else the error."""
    server = _pg_server()
    command = [
        "psql",
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        server["host"],
        "-p",
        str(server["port"]),
        "-U",
        server["user"],
        "-d",
        database,
    ]
    done = subprocess.run(command, input=text, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode == 0:
        return None
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line] or done.stderr.splitlines()[-1:]
    return _one_line(errors[0] if errors else f"psql exited {done.returncode}")


def pg_url(database: str) -> str:
    server = _pg_server()
    return f"postgres://{server['user']}@{server['host']}:{server['port']}/{database}"


def pg_catalog(database: str) -> dict[str, str]:
    with psycopg.connect(dbname=database, **_pg_server()) as connection:
        return catalogs.postgresql_catalog(connection)


def _pg_extensions(database: str) -> list[str]:
    with psycopg.connect(dbname=database, **_pg_server()) as connection:
        return catalogs.postgresql_extensions(connection)


def _judge_postgresql(outcome: Outcome, stage: str, schema, source: dict[str, str], extensions, target: str) -> None:
    ddl = _ddl(outcome, stage, schema, "postgresql")
    if ddl is None or _judged_before(outcome, stage, ddl):
        return
    with pg_database(target) as built:
        for extension in extensions:
            psql(built, f'CREATE EXTENSION IF NOT EXISTS "{extension}";')
        error = psql(built, ddl)
        outcome.applied[stage] = error is None
        if error:
            outcome.lines[stage] = [f"ddl-failed: {error}"]
        else:
            outcome.lines[stage] = catalogs.differences(source, pg_catalog(built))
    outcome.judged[ddl] = (outcome.applied[stage], outcome.lines[stage])


def _judged_before(outcome: Outcome, stage: str, ddl: str) -> bool:
    """The same DDL from another stage (file and live often agree) is not applied twice."""
    if ddl not in outcome.judged:
        return False
    outcome.applied[stage], outcome.lines[stage] = outcome.judged[ddl]
    return True


@contextlib.contextmanager
def pg_roles(database: str, roles: list[str]):
    """The roles a dump grants to (``roles`` in corpus.json), created for the load and
    dropped after it with what they own in ``database``; roles that already exist are left
    alone."""
    created = []
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
        for role in roles:
            if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                admin.execute(f'CREATE ROLE "{role}" NOLOGIN')
                created.append(role)
    try:
        yield
    finally:
        with psycopg.connect(dbname=database, autocommit=True, **_pg_server()) as connection:
            for role in created:  # one at a time: together they trip over shared default ACLs
                connection.execute(f'DROP OWNED BY "{role}"')
        with psycopg.connect(dbname="postgres", autocommit=True, **_pg_server()) as admin:
            for role in created:
                admin.execute(f'DROP ROLE "{role}"')


def _run_postgresql(outcome: Outcome, text: str) -> None:
    with pg_database("source") as source_db, pg_roles(source_db, outcome.entry.get("roles", [])):
        error = psql(source_db, text)
        assert error is None, f"{outcome.id}: the corpus file does not load into PostgreSQL: {error}"
        source = pg_catalog(source_db)
        extensions = _pg_extensions(source_db)
        outcome.tables = sum(1 for key in source if key.startswith("table "))
        for stage, read in (
            ("file", lambda: import_file(text, "postgresql")),
            ("live", lambda: import_live(pg_url(source_db))),
        ):
            schema = _imported(outcome, stage, read)
            if schema is not None:
                _judge_postgresql(outcome, stage, schema, source, extensions, "built")


# --- MySQL / MariaDB ------------------------------------------------------------------------


def _mysql_server() -> dict:
    url = urlparse(os.environ.get("MARIADB_URL", "mysql://root@127.0.0.1:3306/"))
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 3306,
        "user": url.username or "root",
        "password": url.password or "",
    }


@contextlib.contextmanager
def mysql_database(label: str):
    name = f"realworld_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with pymysql.connect(**_mysql_server()) as admin:
        admin.cursor().execute(f"CREATE DATABASE `{name}`")
    try:
        yield name
    finally:
        with pymysql.connect(**_mysql_server()) as admin:
            admin.cursor().execute(f"DROP DATABASE IF EXISTS `{name}`")


def mariadb(database: str, text: str) -> str | None:
    server = _mysql_server()
    command = ["mariadb", "-h", server["host"], "-P", str(server["port"]), "-u", server["user"], database]
    if server["password"]:
        command.insert(1, f"-p{server['password']}")
    done = subprocess.run(command, input=text, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode == 0:
        return None
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line] or done.stderr.splitlines()[-1:]
    return _one_line(errors[0] if errors else f"mariadb exited {done.returncode}")


def mysql_catalog(database: str) -> dict[str, str]:
    with pymysql.connect(database=database, **_mysql_server()) as connection:
        return catalogs.mysql_catalog(connection, database)


def _run_mysql(outcome: Outcome, text: str) -> None:
    with mysql_database("source") as source_db:
        error = mariadb(source_db, text)
        assert error is None, f"{outcome.id}: the corpus file does not load into MariaDB: {error}"
        source = mysql_catalog(source_db)
        outcome.tables = sum(1 for key in source if key.startswith("table ") and " :: " not in key)
        server = _mysql_server()
        url = f"mysql://{server['user']}@{server['host']}:{server['port']}/{source_db}"
        for stage, read in (("file", lambda: import_file(text, "mysql")), ("live", lambda: import_live(url))):
            schema = _imported(outcome, stage, read)
            if schema is None:
                continue
            _judge(outcome, stage, schema, source, "mysql")


# --- SQLite --------------------------------------------------------------------------------------


def sqlite(path: Path, text: str) -> str | None:
    done = subprocess.run(["sqlite3", "-bail", str(path)], input=text, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode == 0 and "Error" not in done.stderr:
        return None
    return _one_line(done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"exit {done.returncode}")


def _run_sqlite(outcome: Outcome, text: str) -> None:
    with tempfile.TemporaryDirectory(prefix="realworld_") as scratch:
        source_path = Path(scratch) / "source.db"
        error = sqlite(source_path, text)
        assert error is None, f"{outcome.id}: the corpus file does not load into SQLite: {error}"
        source = catalogs.sqlite_catalog(source_path)
        outcome.tables = sum(1 for key in source if key.startswith("table "))
        # The product reads no live SQLite file (live import is PostgreSQL and MySQL): file only.
        schema = _imported(outcome, "file", lambda: import_file(text, "sqlite"))
        if schema is None:
            return
        ddl = _ddl(outcome, "file", schema, "sqlite")
        if ddl is None:
            return
        built = Path(scratch) / "built.db"
        error = sqlite(built, ddl)
        outcome.applied["file"] = error is None
        outcome.lines["file"] = (
            [f"ddl-failed: {error}"] if error else catalogs.differences(source, catalogs.sqlite_catalog(built))
        )


# --- DBML ---------------------------------------------------------------------------------------

# One node process exports every DBML file of the corpus: starting @dbml/core costs seconds.
_EXPORT = (
    "const {exporter} = require('@dbml/core'); let s = ''; process.stdin.on('data', d => s += d); "
    "process.stdin.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(s).map(([text, to]) => { "
    "try { return [true, exporter.export(text, to)]; } catch (e) { return [false, String(e.message || e)]; } }))));"
)


@functools.cache
def _reference_exports() -> dict[str, tuple[bool, str]]:
    """file → (exported, DDL or error) by @dbml/core, for every DBML entry at once."""
    dbml_entries = entries("dbml")
    requests = [[(HERE / e["file"]).read_text(encoding="utf-8"), _DBML_TO[e["dialect"]]] for e in dbml_entries]
    done = subprocess.run(
        ["node", "-e", _EXPORT],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=DBML_NODE,
        check=True,
    )
    return {e["file"]: tuple(answer) for e, answer in zip(dbml_entries, json.loads(done.stdout), strict=True)}


_DBML_TO = {"postgresql": "postgres", "mysql": "mysql"}


def dbml_reference_sql(entry: dict) -> str:
    """@dbml/core's own DDL export: what the DBML means, by its reference tool."""
    exported, ddl = _reference_exports()[entry["file"]]
    assert exported, f"the DBML reference parser refuses {entry['file']}: {ddl}"
    return ddl


def _run_dbml(outcome: Outcome, text: str) -> None:
    """The database the DBML is written for (``dialect`` in corpus.json) loads the
    reference export; the product's DDL from the file, and from its own DBML export read
    back, are judged against it."""
    from designer.formats import dbml

    dialect = outcome.entry["dialect"]
    database, apply, catalog = (
        (pg_database, psql, pg_catalog) if dialect == "postgresql" else (mysql_database, mariadb, mysql_catalog)
    )
    with database("source") as source_db:
        error = apply(source_db, dbml_reference_sql(outcome.entry))
        assert error is None, f"{outcome.id}: @dbml/core's {dialect} export does not load: {error}"
        source = catalog(source_db)
        outcome.tables = sum(1 for key in source if key.startswith("table ") and " :: " not in key)
        schema = _imported(outcome, "file", lambda: import_file(text, "dbml"))
        if schema is None:
            return
        _judge(outcome, "file", schema, source, dialect)
        exported = dbml.to_dbml(schema)
        again = _imported(outcome, "export", lambda: import_file(exported, "dbml"))
        if again is not None:
            _judge(outcome, "export", again, source, dialect)


def _judge(outcome: Outcome, stage: str, schema, source: dict[str, str], dialect: str) -> None:
    if dialect == "postgresql":
        _judge_postgresql(outcome, stage, schema, source, [], "built")
        return
    ddl = _ddl(outcome, stage, schema, "mysql")
    if ddl is None or _judged_before(outcome, stage, ddl):
        return
    with mysql_database("built") as built:
        error = mariadb(built, ddl)
        outcome.applied[stage] = error is None
        outcome.lines[stage] = [f"ddl-failed: {error}"] if error else catalogs.differences(source, mysql_catalog(built))
    outcome.judged[ddl] = (outcome.applied[stage], outcome.lines[stage])


# --- the known list --------------------------------------------------------------------------------


def known() -> dict:
    return json.loads(KNOWN.read_text()) if KNOWN.exists() else {"reasons": {}, "schemas": {}}


def recorded(outcome: Outcome) -> dict[str, list[str]]:
    return {stage: lines for stage, lines in sorted(outcome.lines.items()) if lines}
