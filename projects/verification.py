"""Verify a design on a real server: a throwaway database built from the design's DDL,
filled with production-like data, every access pattern timed and EXPLAINed before and
after the advisor's SQL is run exactly as shown.

The pure parts live in ``designer.verify`` (data, pattern SQL, plan reading, the report);
this module owns the connections. The server is ``VERIFY_DATABASE_URL`` (PostgreSQL);
without it the project's own ``DATABASE_URL`` server when that is PostgreSQL. The scratch
database is named ``verify_<random>`` and dropped afterwards, also on failure.
"""

from __future__ import annotations

import itertools
import os
import random
import secrets
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import psycopg
from psycopg import sql as pgsql
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Jsonb

from designer.advice import analyze
from designer.migrate import MigrationError, full_ddl
from designer.migrate.model import build_model
from designer.schema import Schema
from designer.types import POSTGRESQL, SQLITE, dialect_of
from designer.verify import data as datagen
from designer.verify.pattern_sql import PatternQuery, Slot, Unwritable, pattern_query
from designer.verify.plans import read_plan
from designer.verify.report import index_name, judge_recommendations, summary, target_cuts, timing
from projects.verify_estimates import hypothetical_estimates

DEFAULT_RUNS = 20
STATEMENT_TIMEOUT_MS = 60_000
Progress = Callable[[int, str], None]


class VerifyError(ValueError):
    """Expected: the run cannot go on (no server, DDL that does not apply); the message says why."""


def server_url() -> str:
    """Where scratch databases are made: VERIFY_DATABASE_URL, else DATABASE_URL when it
    names a PostgreSQL server."""
    url = os.environ.get("VERIFY_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith(("postgres://", "postgresql://")):
        raise VerifyError(
            "Verification needs a PostgreSQL server: set VERIFY_DATABASE_URL "
            "(e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops its own databases there."
        )
    return url


def connect(url: str, *, dbname: str | None = None, autocommit: bool = True) -> psycopg.Connection:
    params = conninfo_to_dict(url)
    if dbname:
        params["dbname"] = dbname
    params.setdefault("dbname", "postgres")
    params["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    params["application_name"] = "designer-verify"
    try:
        return psycopg.connect(**params, autocommit=autocommit)
    except psycopg.OperationalError as error:
        if dbname is None and params["dbname"] != "postgres":
            # The URL's database only serves to reach the server (DATABASE_URL's may not exist yet,
            # as under the tests): the maintenance database does as well.
            return connect(url, dbname="postgres", autocommit=autocommit)
        raise VerifyError(f"Cannot reach the verification server: {str(error).strip()}") from error


@contextmanager
def scratch_database(url: str):
    """A new empty database for one run, dropped (connections and all) afterwards."""
    name = f"verify_{secrets.token_hex(6)}"
    with connect(url) as admin:
        admin.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
    try:
        yield name
    finally:
        with connect(url) as admin:
            admin.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(name)))


# --- the run ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    runs: int = DEFAULT_RUNS
    scale: float = 1.0
    max_rows: int = datagen.DEFAULT_MAX_ROWS
    seed: int = 1
    apply_advice: bool = True


def verify_on_postgresql(
    schema: Schema,
    *,
    project: str,
    url: str,
    version: int | None = None,
    options: Options = Options(),
    progress: Progress | None = None,
    previous: Schema | None = None,
    previous_version: int | None = None,
    rehearse: Callable | None = None,
) -> dict:
    """The run on the PostgreSQL server at ``url``; returns the report dict (see
    designer.verify.report). ``previous``: the version before, for the migration
    rehearsal (None: none). ``projects.verify_run.verify`` chooses the server."""
    report_progress = progress or (lambda percent, message: None)
    with scratch_database(url) as name, connect(url, dbname=name) as connection:
        report = {
            "project": project,
            "version": version,
            "server": _server_name(connection),
            "runs": options.runs,
            "findings": [],
        }
        report_progress(5, "Creating the tables")
        apply_ddl(connection, schema)
        report["data"] = load_data(
            connection, schema, options=options, progress=report_progress, findings=report["findings"]
        )
        queries = _queries(schema, report)
        samples = sample_parameters(connection, schema, queries)
        report_progress(45, "Timing the patterns before the advice")
        timings = {q.pattern_id: _measure(connection, q, samples[q.pattern_id], options.runs) for q in queries}
        for pattern in report["patterns"]:
            if pattern["id"] in timings:
                pattern.update(before=timings[pattern["id"]], params=_shown(samples[pattern["id"]]))
        report["recommendations"] = _recommendations(schema) if options.apply_advice else []
        if report["data"]["scale"] < 1 and report["recommendations"]:  # fewer rows than declared
            report["estimates"] = hypothetical_estimates(
                connection,
                queries=queries,
                samples=samples,
                recommendations=report["recommendations"],
                data=report["data"],
            )
        deletes = _parent_deletes(connection, schema, report["recommendations"])
        report_progress(65, "Running the advice's SQL")
        run_advice(connection, report["recommendations"])
        connection.execute("ANALYZE")
        report_progress(75, "Timing the patterns after the advice")
        for pattern in report["patterns"]:
            query = next((q for q in queries if q.pattern_id == pattern["id"]), None)
            if query is not None:
                pattern["after"] = _measure(connection, query, samples[query.pattern_id], options.runs)
        _parent_deletes_after(connection, deletes)
    if (
        previous is not None and rehearse is not None
    ):  # projects.rehearsal.rehearse, handed in: it builds on this module
        report_progress(85, "Rehearsing the migration")
        try:
            report["rehearsal"] = rehearse(
                previous, schema, url=url, options=options, from_version=previous_version, to_version=version
            )
        except (VerifyError, MigrationError) as error:  # the run's other results still stand
            report["findings"].append(f"the migration rehearsal could not run: {error}")
    judge_recommendations(report)
    report["summary"] = summary(report)
    report["targets"] = target_cuts(report)
    report_progress(99, "Writing the report")
    return report


def target(schema: Schema, url: str | None) -> tuple[str, str | None, str | None]:
    """(dialect, PostgreSQL server URL or None, a note for the report or None): the
    project's own dialect; a PostgreSQL design with no PostgreSQL server configured (the
    embedded ``make run``) is verified on SQLite in-process, and the report says so."""
    dialect = dialect_of(schema.database_type) or POSTGRESQL
    if url and url.startswith(("postgres://", "postgresql://")):
        return POSTGRESQL, url, None
    if dialect != POSTGRESQL:
        return dialect, None, None
    try:
        return POSTGRESQL, url or server_url(), None
    except VerifyError:
        return SQLITE, None, "no PostgreSQL server is configured (VERIFY_DATABASE_URL): verified on SQLite in-process"


def _server_name(connection) -> str:
    version = connection.execute("SHOW server_version").fetchone()[0]
    return f"PostgreSQL {version.split()[0]}"


def apply_ddl(connection, schema: Schema) -> None:
    ddl = full_ddl(schema, dialect="postgresql")
    try:
        connection.execute(ddl)
    except psycopg.Error as error:
        raise VerifyError(f"The design's DDL does not apply on PostgreSQL: {error_message(error)}") from error


def error_message(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


# --- data ------------------------------------------------------------------------------------


def load_data(
    connection,
    schema: Schema,
    *,
    options: Options,
    progress: Progress,
    findings: list[str],
    now: datetime | None = None,
) -> dict:
    """Generate and COPY the rows with keys, constraints and indexes set aside, add those
    back (a violation is a finding), reset identity sequences, ANALYZE. Returns the data
    section of the report."""
    plan = datagen.data_plan(schema, scale=options.scale, max_rows=options.max_rows)
    started = time.perf_counter()
    constraints = _set_aside_constraints(connection)
    loaded = _copy_rows(connection, schema, plan, seed=options.seed, now=now or datetime.now(UTC), progress=progress)
    connection.execute("SET maintenance_work_mem = '256MB'")  # index builds sort in memory
    for kind, table_name, name, definition in constraints:
        _restore_constraint(connection, kind, table_name, name, definition, findings)
    connection.execute("RESET maintenance_work_mem")
    _reset_identities(connection)
    load_seconds = time.perf_counter() - started
    analyze_started = time.perf_counter()
    # VACUUM too: tables as old as the data pretends have been through autovacuum, whose
    # visibility map is what lets an index-only scan skip the heap. Without it a covering
    # index (the advice's INCLUDE) could never show what it is for.
    connection.execute("VACUUM ANALYZE")
    return {
        "scale": plan.scale,
        "max_rows": plan.max_rows,
        "total_rows": sum(loaded.values()),
        "load_seconds": load_seconds,
        "analyze_seconds": time.perf_counter() - analyze_started,
        "tables": [
            {"id": t.table_id, "name": t.name, "declared": t.declared, "rows": loaded.get(t.table_id, 0)}
            for t in plan.tables
        ],
    }


_RESTORE_ORDER = {"p": 0, "u": 1, "i": 2, "c": 3, "f": 4}  # keys before the foreign keys that need them


def _set_aside_constraints(connection) -> list[tuple[str, str, str, str]]:
    """Drop every key, unique, check, foreign key and index: loading is faster without
    them (an index built once over the rows beats one grown row by row) and the order of
    tables stops mattering. Returns (kind, table, name, definition) in the order to add
    them back."""
    constraints = connection.execute(
        "SELECT c.contype::text, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype IN ('p', 'u', 'c', 'f') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY c.oid"
    ).fetchall()
    indexes = connection.execute(
        "SELECT 'i', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
        "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY i.indexrelid"
    ).fetchall()
    for _, table_name, name, _ in sorted(constraints, key=lambda row: -_RESTORE_ORDER[row[0]]):
        drop = pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(pgsql.SQL(table_name), pgsql.Identifier(name))
        connection.execute(drop)
    for _, _, name, _ in indexes:
        connection.execute(pgsql.SQL("DROP INDEX {}").format(pgsql.SQL(name)))
    return sorted(constraints + indexes, key=lambda row: _RESTORE_ORDER[row[0]])


def _restore_constraint(connection, kind: str, table_name: str, name: str, definition: str, findings: list[str]):
    """Add a constraint or index back; one the generated data breaks is a finding (a check
    or foreign key comes back NOT VALID, a key or index stays away)."""
    if kind == "i":
        statement = pgsql.SQL(definition)
    else:
        statement = pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(
            pgsql.SQL(table_name), pgsql.Identifier(name)
        ) + pgsql.SQL(definition)
    try:
        connection.execute(statement)
    except psycopg.Error as error:
        if kind in ("c", "f"):
            findings.append(f"generated data breaks {name} on {table_name} ({error_message(error)}); kept NOT VALID")
            connection.execute(statement + pgsql.SQL(" NOT VALID"))
        else:
            findings.append(f"generated data breaks {name} on {table_name} ({error_message(error)}); left out")


def _copy_rows(
    connection, schema: Schema, plan: datagen.DataPlan, *, seed: int, now: datetime, progress: Progress
) -> dict[str, int]:
    loaded: dict[str, int] = {}
    total, done = max(1, plan.total_rows), 0
    pieces = datagen.copy_chunks(schema, plan, seed=seed, now=now)
    with connection.cursor() as cursor:
        for table, chunks in itertools.groupby(pieces, key=lambda piece: piece[0]):
            progress(10 + round(30 * done / total), f"Loading {table.name}")
            statement = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
                pgsql.SQL(table.sql_name), pgsql.SQL(", ").join(pgsql.SQL(c) for c in table.columns)
            )
            try:
                with cursor.copy(statement) as copy:
                    for _, chunk in chunks:
                        copy.write(chunk)
                        lines = chunk.count("\n")
                        loaded[table.table_id] = loaded.get(table.table_id, 0) + lines
                        done += lines
            except psycopg.Error as error:
                raise VerifyError(f"Loading {table.name} failed: {error_message(error)}") from error
    return loaded


def _reset_identities(connection) -> None:
    """COPY wrote the keys itself: the identity sequences must continue after them."""
    rows = connection.execute(
        "SELECT a.attrelid::regclass::text, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.attidentity <> '' AND NOT a.attisdropped "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    ).fetchall()
    for table_name, column in rows:
        connection.execute(
            pgsql.SQL("SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max({}), 0) + 1, false) FROM {}").format(
                pgsql.Identifier(column), pgsql.SQL(table_name)
            ),
            [table_name, column],
        )


# --- patterns --------------------------------------------------------------------------------


def _queries(schema: Schema, report: dict) -> list[PatternQuery]:
    queries, report["patterns"] = [], []
    for pattern in schema.patterns:
        entry = {
            "id": pattern.id,
            "name": pattern.name,
            "kind": pattern.kind.value,
            "operation": pattern.operation.value,
        }
        try:
            query = pattern_query(schema, pattern, placeholders="%s")
            entry["sql"] = pattern_query(schema, pattern).sql
            queries.append(query)
        except Unwritable as error:
            entry["error"] = str(error)
        report["patterns"].append(entry)
    return queries


def sample_parameters(connection, schema: Schema, queries: list[PatternQuery]) -> dict[str, dict]:
    """Per pattern, "typical" and "heaviest" parameter lists: the value of median
    frequency and the most frequent value of each filtered column in the loaded data."""
    return sampled_parameters(_Sampler(connection, schema), queries)


def sampled_parameters(sampler: _Sampler, queries: list[PatternQuery]) -> dict[str, dict]:
    """The parameter lists of each pattern, drawn by ``sampler`` (any server's)."""
    return {
        q.pattern_id: {
            "typical": [sampler.value(s, heavy=False) for s in q.slots],
            "heaviest": [sampler.value(s, heavy=True) for s in q.slots],
        }
        for q in queries
    }


class _Sampler:
    def __init__(self, connection, schema: Schema) -> None:
        self.connection, self.schema = connection, schema
        self.model = build_model(schema)
        self.memo: dict = {}
        self.rng = random.Random(7)  # noqa: S311 — fresh test values, not security

    def column(self, slot: Slot) -> tuple[pgsql.Composable, pgsql.Composable] | None:
        table = self.model.table(slot.entity_id)
        column = table.column(slot.field_id) if table and slot.field_id else None
        if column is None:
            return None
        return pgsql.SQL(datagen.sql_table(table)), pgsql.Identifier(column.name)

    def is_array(self, slot: Slot) -> bool:
        table = self.model.table(slot.entity_id)
        column = table.column(slot.field_id) if table and slot.field_id else None
        return column is not None and column.type.array

    def ranked(self, slot: Slot, *, heavy: bool):
        key = (slot.entity_id, slot.field_id, heavy)
        if key not in self.memo:
            found = self.column(slot)
            if found is None:
                self.memo[key] = None
            else:
                table, column = found
                order = pgsql.SQL("c DESC, v") if heavy else pgsql.SQL("c, v")
                offset = pgsql.SQL("0") if heavy else pgsql.SQL("(SELECT count(*) / 2 FROM g)")
                # An empty array is no value to search for: `tags @> '{}'` matches every row.
                filled = (
                    pgsql.SQL(" AND cardinality({c}) > 0").format(c=column) if self.is_array(slot) else pgsql.SQL("")
                )
                query = pgsql.SQL(
                    "WITH g AS (SELECT {c} AS v, count(*) AS c FROM {t} WHERE {c} IS NOT NULL{filled} GROUP BY {c}) "
                    "SELECT v FROM g ORDER BY {order} OFFSET {offset} LIMIT 1"
                ).format(c=column, t=table, order=order, offset=offset, filled=filled)
                try:
                    row = self.connection.execute(query).fetchone()
                except psycopg.Error:  # a type without equality (json): any value will do
                    row = self.connection.execute(
                        pgsql.SQL("SELECT {c} FROM {t} WHERE {c} IS NOT NULL LIMIT 1").format(c=column, t=table)
                    ).fetchone()
                self.memo[key] = row[0] if row else None
        return self.memo[key]

    def value(self, slot: Slot, *, heavy: bool):
        if slot.use == "offset":
            return 200 if heavy else 0
        value = _bindable(self.ranked(slot, heavy=heavy))
        if slot.use == "list":
            other = _bindable(self.ranked(slot, heavy=not heavy))
            return [v for n, v in enumerate((value, other)) if v is not None and (n == 0 or v != value)] or [value]
        if slot.use == "contained":  # array @> array[1 element]; jsonb @> the value itself
            return value[:1] if isinstance(value, list) and value else value
        if slot.use in ("prefix", "contains", "word") and isinstance(value, str):
            return {"prefix": value[:3], "contains": value[1:5], "word": (value.split() or [""])[0]}[slot.use]
        if slot.use == "new":
            return self.fresh(slot, value)
        return value

    def fresh(self, slot: Slot, value):
        """A value for a write: an existing one, made new where the column is part of a key
        or unique constraint (the data's times lie in the past, so a future one is new)."""
        table = self.model.table(slot.entity_id)
        keyed = table is not None and any(
            c.kind in ("primary", "unique") and slot.field_id in c.columns for c in table.constraints
        )
        referencing = any(
            table_id == slot.entity_id and slot.field_id in key.columns for table_id, key in self.model.foreign_keys
        )
        if not keyed or referencing or value is None:  # a reference keeps pointing at its parent
            return value
        if isinstance(value, str):
            return f"{value}-{self.rng.randrange(10**9)}"
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value + 10**9
        if isinstance(value, datetime | date):
            return value + timedelta(days=3650 + self.rng.randrange(3650))
        if isinstance(value, uuid.UUID):
            return uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return value


def _bindable(value):
    """A value read back from the data, ready to bind again: json comes back as a dict."""
    return Jsonb(value) if isinstance(value, dict) else value


def _shown(samples: dict) -> dict:
    return {moment: [_plain(v) for v in values] for moment, values in samples.items()}


def _plain(value):
    if isinstance(value, Jsonb):
        value = value.obj
    return value if isinstance(value, int | float | str | bool | type(None)) else str(value)


def _measure(connection, query: PatternQuery, samples: dict, runs: int) -> dict:
    """``runs`` executions with the typical parameters and as many with the heaviest,
    then EXPLAIN (ANALYZE, BUFFERS) of the typical one. Writes run inside a transaction
    that is rolled back, so every run meets the same data."""
    try:
        typical = _time_runs(connection, query, samples["typical"], runs)
        heaviest = _time_runs(connection, query, samples["heaviest"], runs)
        server = _server_runs(connection, query, samples["typical"], runs)
        plan = _explain(connection, query, samples["typical"])
    except psycopg.Error as error:
        return {"error": error_message(error)}
    return {**timing(typical), "heaviest": timing(heaviest), "server": timing(server), "plan": plan}


WARM_UP_RUNS = 2  # not counted: the first runs read from disk and prepare the statement
MIN_RUNS = 3
RUN_BUDGET_MS = 5_000  # per pattern and parameter set


def _time_runs(connection, query: PatternQuery, params: list, runs: int) -> list[float]:
    """``runs`` timings after the warm-up, fewer (never under MIN_RUNS) for a pattern so
    slow that they would pass RUN_BUDGET_MS: the report gives the number actually run."""
    samples = []
    for n in range(runs + WARM_UP_RUNS):
        with _maybe_rolled_back(connection, query.writes):
            started = time.perf_counter()
            cursor = connection.execute(query.sql, params)
            if cursor.description is not None:
                cursor.fetchall()
            samples.append((time.perf_counter() - started) * 1000)
        if n + 1 - WARM_UP_RUNS >= MIN_RUNS and sum(samples) > RUN_BUDGET_MS:
            break
    return samples[WARM_UP_RUNS:]


def _server_runs(connection, query: PatternQuery, params: list, runs: int) -> list[float]:
    """The typical run's time on the server alone (planning + execution, as EXPLAIN
    ANALYZE without per-node timing reports it), ``runs`` times after the warm-up: on a
    busy machine the client's round trip waits for the scheduler twice per run, which
    the server's own clock leaves out; neither are the rows sent."""
    samples = []
    for n in range(runs + WARM_UP_RUNS):
        with _maybe_rolled_back(connection, query.writes):
            (explained,) = connection.execute(
                "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + query.sql, params
            ).fetchone()
        samples.append(explained[0]["Planning Time"] + explained[0]["Execution Time"])
        if n + 1 - WARM_UP_RUNS >= MIN_RUNS and sum(samples) > RUN_BUDGET_MS:
            break
    return samples[WARM_UP_RUNS:]


def _explain(connection, query: PatternQuery, params: list) -> dict:
    with _maybe_rolled_back(connection, query.writes):
        explained = connection.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query.sql, params).fetchone()[0]
    return read_plan(explained).to_dict()


@contextmanager
def _maybe_rolled_back(connection, writes: bool):
    if not writes:
        yield
        return
    with connection.transaction(force_rollback=True):
        yield


# --- the advice ------------------------------------------------------------------------------


def _recommendations(schema: Schema) -> list[dict]:
    found = []
    for recommendation in analyze(schema).recommendations:
        if not recommendation.sql:
            continue
        found.append(
            {
                "key": recommendation.key,
                "code": recommendation.code,
                "title": recommendation.title,
                "sql": recommendation.sql,
                "index": index_name(recommendation.sql),
                "pattern_ids": list(recommendation.pattern_ids),
                "entity_id": recommendation.entity_id,
                "field_ids": list(recommendation.field_ids),
            }
        )
    return found


def run_advice(connection, recommendations: list[dict]) -> None:
    """Each recommendation's SQL exactly as shown, one at a time (CONCURRENTLY needs
    autocommit); see ``judge_advice``."""
    judge_advice(
        recommendations,
        execute=connection.execute,
        index_exists=lambda name: _index_exists(connection, name),
        errors=psycopg.Error,
    )


def judge_advice(recommendations: list[dict], *, execute, index_exists, errors) -> None:
    """Run each recommendation's SQL with ``execute`` (whatever the server); a failure is
    kept on the recommendation, never hidden. An index whose name was already taken (``IF
    NOT EXISTS`` then silently does nothing) is a failure too, as is one missing afterwards."""
    for recommendation in recommendations:
        name = recommendation.get("index")
        taken = name is not None and index_exists(name)
        started = time.perf_counter()
        try:
            execute(recommendation["sql"])
            recommendation["applied"] = True
        except errors as error:
            recommendation["applied"] = False
            recommendation["error"] = error_message(error)
        recommendation["seconds"] = time.perf_counter() - started
        if taken and recommendation["applied"]:
            recommendation["error"] = f"an index named {name} already existed, so this SQL created nothing"
        elif name and recommendation["applied"] and not index_exists(name):
            recommendation["error"] = f"ran, but no index {name} exists afterwards"


def _index_exists(connection, name: str) -> bool:
    query = "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relkind IN ('i', 'I') AND relname = %s)"
    return connection.execute(query, [name]).fetchone()[0]


def _parent_deletes(connection, schema: Schema, recommendations: list[dict]) -> list[tuple[dict, object, list]]:
    """For each foreign-key index recommendation: the check a delete of a parent row makes
    (PostgreSQL's own: is there a child with this key?), timed before the advice for a
    parent no child references (the check must look everywhere to prove it, which without
    an index is a scan) or, when every parent has children, the one with the fewest; the
    same check is timed again after the advice."""
    model = build_model(schema)
    planned = []
    for recommendation in recommendations:
        if recommendation["code"] != "index.foreign-key":
            continue
        found = next(
            (
                (table_id, k)
                for table_id, k in model.foreign_keys
                if table_id == recommendation["entity_id"] and list(k.columns) == recommendation["field_ids"]
            ),
            None,
        )
        if found is None or len(found[1].columns) != 1:
            continue
        child, key = model.table(found[0]), found[1]
        parent = model.table(key.ref_table)
        statement, params = _foreign_key_check(connection, child, key, parent)
        if statement is None:
            continue
        recommendation["parent_delete"] = {"parent": parent.label, "before": _time_check(connection, statement, params)}
        planned.append((recommendation, statement, params))
    return planned


def _foreign_key_check(connection, child, key, parent):
    child_table, parent_table = pgsql.SQL(datagen.sql_table(child)), pgsql.SQL(datagen.sql_table(parent))
    fk = pgsql.Identifier(child.column(key.columns[0]).name)
    referenced = pgsql.Identifier(parent.column(key.ref_columns[0]).name)
    lonely = pgsql.SQL(
        "SELECT p.{r} FROM {p} p WHERE NOT EXISTS (SELECT 1 FROM {c} c WHERE c.{fk} = p.{r}) LIMIT 1"
    ).format(r=referenced, p=parent_table, c=child_table, fk=fk)
    lightest = pgsql.SQL(
        "SELECT {fk} FROM {c} WHERE {fk} IS NOT NULL GROUP BY {fk} ORDER BY count(*), {fk} LIMIT 1"
    ).format(fk=fk, c=child_table)
    row = connection.execute(lonely).fetchone() or connection.execute(lightest).fetchone()
    if row is None:
        return None, None
    check = pgsql.SQL("SELECT 1 FROM ONLY {c} x WHERE x.{fk} = %s FOR KEY SHARE OF x").format(c=child_table, fk=fk)
    return check, [_bindable(row[0])]


def _time_check(connection, statement, params, runs: int = 5) -> dict:
    samples = []
    for _ in range(runs):
        with connection.transaction(force_rollback=True):
            started = time.perf_counter()
            connection.execute(statement, params).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return timing(samples)


def _parent_deletes_after(connection, planned) -> None:
    for recommendation, statement, params in planned:
        recommendation["parent_delete"]["after"] = _time_check(connection, statement, params)
