"""The fidelity harness: a real schema goes through the product and the target database
judges what comes out.

For each SQL schema of the corpus: load the file, unchanged, into the real server; import
it through the product from the file (``projects.services.imports.import_read``, what
``import_schema`` and the web import call) and from the live database
(``projects.live_import.import_database``, what ``import_database`` calls, then the same
validation ``project_create`` applies); render the product's full DDL for that dialect;
apply it to an empty database (``ON_ERROR_STOP``; the extensions the source has installed
are installed first, unless the DDL creates them); compare the two catalogs object by
object (``catalogs.py``). For DBML: the reference parser's own export (``@dbml/core``) for
the file's database (``dialect`` in corpus.json) is the source the server loads; the product
imports the DBML file and its own DBML export back, and both DDLs are judged the same way. For Prisma: the product imports the file, its full
DDL for the datasource's provider must apply to an empty database, and the round trip import → the product's
Prisma generator must give back the original as the database sees it, up to order
(``tests/designer/prisma_compare.py``, both read by Prisma's own parser). Prisma's own DDL
(``prisma migrate diff``) is no reference here: Prisma 7 downloads its schema engine for it,
and this harness runs offline.

Every outcome is a list of lines: ``refused …`` (an import the product refuses),
``ddl-failed …`` (the product's DDL the server refuses), ``round-trip …`` (Prisma), or the
catalog differences."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.realworld import catalogs, servers
from tests.realworld.servers import one_line

HERE = Path(__file__).parent
CORPUS = json.loads((HERE / "corpus.json").read_text())
KNOWN = HERE / "known_differences.json"
DBML_NODE = HERE.parent.parent / "designer" / "formats" / "dbml_node"


@dataclass
class Outcome:
    entry: dict
    tables: int = 0  # as the server holds them after loading the file
    imported: dict[str, bool] = field(default_factory=dict)  # stage → imported without refusal
    applied: dict[str, bool] = field(default_factory=dict)  # stage → the product's DDL applied
    lines: dict[str, list[str]] = field(default_factory=dict)  # stage → refusal / failure / differences
    judged: dict[str, tuple[bool, list[str]]] = field(default_factory=dict, repr=False)  # DDL → verdict, once

    @property
    def id(self) -> str:
        return f"{self.entry['kind']}/{self.entry['name']}"


def entries(kind: str | None = None) -> list[dict]:
    return [entry for entry in CORPUS if kind is None or entry["kind"] == kind]


def run(entry: dict) -> Outcome:
    outcome = Outcome(entry)
    runner = {
        "postgresql": _run_postgresql,
        "mysql": _run_mysql,
        "sqlite": _run_sqlite,
        "dbml": _run_dbml,
        "prisma": _run_prisma,
    }
    runner[entry["kind"]](outcome, (HERE / entry["file"]).read_text(encoding="utf-8"))
    return outcome


# --- the product's side -------------------------------------------------------------------------


def import_file(text: str, fmt: str):
    """The import service the command line and the web call; SchemaError when refused."""
    from projects.services.imports import import_read

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
        outcome.lines[stage] = [f"refused: {one_line(str(error))}"]
        return None
    outcome.imported[stage] = True
    return schema


def _first(problems) -> str:
    first = problems[0]
    return one_line(f"{first.message} [{first.code}]")


def _ddl(outcome: Outcome, stage: str, schema, dialect: str) -> str | None:
    from designer.migrate import MigrationError

    try:
        return full_ddl(schema, dialect)
    except MigrationError as error:
        outcome.applied[stage] = False
        outcome.lines[stage] = [f"ddl-failed: the product cannot render it: {one_line(str(error))}"]
        return None


# --- judging: the product's DDL on an empty database, its catalog against the source's ------------


def _judge(outcome: Outcome, stage: str, schema, source: dict[str, str], dialect: str, extensions=()) -> None:
    ddl = _ddl(outcome, stage, schema, dialect)
    if ddl is None or _judged_before(outcome, stage, ddl):
        return
    if dialect == "postgresql":
        with servers.pg_database("built") as built:
            for extension in _extensions_to_install(extensions, ddl):
                servers.psql(built, f'CREATE EXTENSION IF NOT EXISTS "{extension}";')
            _verdict(outcome, stage, servers.psql(built, ddl), lambda: servers.pg_catalog(built), source)
    else:
        with servers.mysql_database("built") as built:
            _verdict(outcome, stage, servers.mariadb(built, ddl), lambda: servers.mysql_catalog(built), source)
    outcome.judged[ddl] = (outcome.applied[stage], outcome.lines[stage])


def _extensions_to_install(extensions, ddl: str) -> list[str]:
    """The source's extensions the product's DDL does not create itself (the test installs
    those, as issue 17 says; one the DDL creates must not exist already)."""
    return [
        e
        for e in extensions
        if not re.search(rf'CREATE\s+EXTENSION\s+(IF\s+NOT\s+EXISTS\s+)?"?{re.escape(e)}\b', ddl, re.I)
    ]


def _verdict(outcome: Outcome, stage: str, error: str | None, built_catalog, source: dict[str, str]) -> None:
    outcome.applied[stage] = error is None
    outcome.lines[stage] = [f"ddl-failed: {error}"] if error else catalogs.differences(source, built_catalog())


def _judged_before(outcome: Outcome, stage: str, ddl: str) -> bool:
    """The same DDL from another stage (file and live often agree) is not applied twice."""
    if ddl not in outcome.judged:
        return False
    outcome.applied[stage], outcome.lines[stage] = outcome.judged[ddl]
    return True


# --- the runners, one per kind of file -------------------------------------------------------------


def _run_postgresql(outcome: Outcome, text: str) -> None:
    with servers.pg_database("source") as source_db, servers.pg_roles(source_db, outcome.entry.get("roles", [])):
        error = servers.psql(source_db, text)
        assert error is None, f"{outcome.id}: the corpus file does not load into PostgreSQL: {error}"
        source = servers.pg_catalog(source_db)
        extensions = servers.pg_extensions(source_db)
        outcome.tables = sum(1 for key in source if key.startswith("table "))
        for stage, read in (
            ("file", lambda: import_file(text, "postgresql")),
            ("live", lambda: import_live(servers.pg_url(source_db))),
        ):
            schema = _imported(outcome, stage, read)
            if schema is not None:
                _judge(outcome, stage, schema, source, "postgresql", extensions)


def _run_mysql(outcome: Outcome, text: str) -> None:
    with servers.mysql_database("source") as source_db:
        error = servers.mariadb(source_db, text)
        assert error is None, f"{outcome.id}: the corpus file does not load into MariaDB: {error}"
        source = servers.mysql_catalog(source_db)
        outcome.tables = sum(1 for key in source if key.startswith("table ") and " :: " not in key)
        for stage, read in (
            ("file", lambda: import_file(text, "mysql")),
            ("live", lambda: import_live(servers.mysql_url(source_db))),
        ):
            schema = _imported(outcome, stage, read)
            if schema is not None:
                _judge(outcome, stage, schema, source, "mysql")


def _run_sqlite(outcome: Outcome, text: str) -> None:
    with tempfile.TemporaryDirectory(prefix="realworld_") as scratch:
        source_path = Path(scratch) / "source.db"
        error = servers.sqlite(source_path, text)
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
        _verdict(outcome, "file", servers.sqlite(built, ddl), lambda: catalogs.sqlite_catalog(built), source)


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
        timeout=servers.TIMEOUT,
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
        (servers.pg_database, servers.psql, servers.pg_catalog)
        if dialect == "postgresql"
        else (servers.mysql_database, servers.mariadb, servers.mysql_catalog)
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


# --- Prisma -------------------------------------------------------------------------------------


def _run_prisma(outcome: Outcome, text: str) -> None:
    """The product's DDL from the Prisma file applies to an empty PostgreSQL database, and
    the product's Prisma for the imported design is the original as the database sees it."""
    from designer.codegen import default_dialect, generate
    from tests.designer.prisma_compare import database_view, differences

    schema = _imported(outcome, "file", lambda: import_file(text, "prisma"))
    if schema is None:
        return
    outcome.tables = len(schema.entities)
    dialect = default_dialect(schema)  # the datasource's provider
    ddl = _ddl(outcome, "file", schema, dialect)
    if ddl is not None:
        database, apply = (
            (servers.pg_database, servers.psql)
            if dialect == "postgresql"
            else (servers.mysql_database, servers.mariadb)
        )
        with database("built") as built:
            error = apply(built, ddl)
        outcome.applied["file"] = error is None
        outcome.lines["file"] = [f"ddl-failed: {error}"] if error else []
    generated = generate(schema, target="prisma", dialect=dialect)["schema.prisma"]
    found = differences(database_view(text), database_view(generated))
    outcome.imported["roundtrip"] = outcome.applied["roundtrip"] = True
    outcome.lines["roundtrip"] = [one_line(_round_trip_line(difference)) for difference in found]


def _round_trip_line(difference: str) -> str:
    """A prisma_compare difference as ``round-trip <what>: …`` (its kind, for the known list)."""
    patterns = (
        (r"(table|enum) .+ (missing|extra)$", lambda m: f"{m.group(1)} {m.group(2)}"),
        (r"enum [^(]", lambda m: "enum labels"),
        (r"\(.+?\) (columns|primary_key|foreign_keys|documentation|indexes): ", lambda m: m.group(1)),
        (r"\(.+?\)\.", lambda m: "column"),
        (r"implicit many-to-many", lambda m: "many-to-many"),
    )
    for pattern, kind in patterns:
        found = re.match(pattern, difference)
        if found and kind(found) in ("indexes", "foreign_keys", "many-to-many"):
            # these print Python sets, whose order changes from run to run: the table says enough
            return f"round-trip {kind(found)}: {difference.split(': ', 1)[0]} differ"
        if found:
            return f"round-trip {kind(found)}: {difference}"
    return f"round-trip other: {difference}"


# --- the known list --------------------------------------------------------------------------------


def known() -> dict:
    return json.loads(KNOWN.read_text()) if KNOWN.exists() else {"reasons": {}, "schemas": {}}


def recorded(outcome: Outcome) -> dict[str, list[str]]:
    return {stage: lines for stage, lines in sorted(outcome.lines.items()) if lines}
