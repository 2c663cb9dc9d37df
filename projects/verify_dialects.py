"""Verify on SQLite and MariaDB: the same run as ``projects.verification`` does on
PostgreSQL, in each server's own terms.

- SQLite runs in-process on a throwaway file (no server to configure: ``make run``).
- MariaDB is the server of ``VERIFY_MARIADB_URL`` (or ``VERIFY_DATABASE_URL`` when it
  names one, ``mysql://root@127.0.0.1:3306/``); a scratch database ``verify_<random>``
  is made and dropped there.

The design's DDL for the dialect (``designer.migrate``) is applied, the rows the
PostgreSQL run would COPY are inserted (the same generator, its COPY text read back into
values), ANALYZE, every pattern timed and EXPLAINed (``EXPLAIN QUERY PLAN`` /
``EXPLAIN FORMAT=JSON``), the advisor's SQL for the dialect run exactly as shown, and
the patterns timed again. The pattern SQL is the one writer's (``designer.verify.
pattern_sql``): its double-quoted names become backticks for MariaDB, ``||`` is
concatenation there (PIPES_AS_CONCAT), and a list parameter (``= ANY(...)``) is spelled
``IN (...)``. What only PostgreSQL has (the migration rehearsal, hypothetical indexes)
is left out and the report says so.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from designer.migrate import MigrationError, full_ddl
from designer.migrate.model import build_model
from designer.schema import Schema, TypeKind
from designer.types import SQLITE
from designer.verify import data as datagen
from designer.verify.report import judge_recommendations, summary, timing
from projects import verification
from projects.verification import MIN_RUNS, RUN_BUDGET_MS, WARM_UP_RUNS, Options, VerifyError, error_message
from projects.verify_servers import MariaDBServer, SQLiteServer, mariadb_url


def verify_on(dialect: str, schema: Schema, *, project: str, version, options: Options, progress, note=None) -> dict:
    """The whole run on SQLite or MariaDB; the report has the PostgreSQL run's shape."""
    runner = SQLiteServer() if dialect == SQLITE else MariaDBServer(mariadb_url())
    with runner.database():
        report = {
            "project": project,
            "version": version,
            "server": runner.server_name(),
            "dialect": dialect,
            "runs": options.runs,
            "findings": [note] if note else [],
        }
        progress(5, "Creating the tables")
        runner.apply(_ddl(schema, dialect), what="The design's DDL")
        report["data"] = _load(runner, schema, options=options, progress=progress)
        queries = verification._queries(schema, report)
        samples = _sample_parameters(runner, schema, queries)
        progress(45, "Timing the patterns before the advice")
        _time_patterns(runner, report, queries, samples, options.runs, moment="before", shown=True)
        report["recommendations"] = verification._recommendations(schema) if options.apply_advice else []
        deletes = _parent_deletes(runner, schema, report["recommendations"])
        progress(65, "Running the advice's SQL")
        _run_advice(runner, report["recommendations"])
        runner.analyze(schema)
        progress(75, "Timing the patterns after the advice")
        _time_patterns(runner, report, queries, samples, options.runs, moment="after", shown=False)
        for recommendation, check in deletes:
            recommendation["parent_delete"]["after"] = _time_check(runner, check)
    report["findings"].append(f"not on {runner.label}: the migration rehearsal and hypothetical indexes (PostgreSQL's)")
    judge_recommendations(report)
    report["summary"] = summary(report)
    progress(99, "Writing the report")
    return report


def _ddl(schema: Schema, dialect: str) -> str:
    try:
        return full_ddl(schema, dialect=dialect)
    except MigrationError as error:
        raise VerifyError(f"The design cannot be written for {dialect}: {error}") from error


# --- data ------------------------------------------------------------------------------------


def _load(runner, schema: Schema, *, options: Options, progress) -> dict:
    plan = datagen.data_plan(schema, scale=options.scale, max_rows=options.max_rows)
    model = build_model(schema)
    started = time.perf_counter()
    loaded: dict[str, int] = {}
    with runner.loading():
        for table_plan, chunk in datagen.copy_chunks(schema, plan, seed=options.seed, now=datetime.now(UTC)):
            table = model.table(table_plan.table_id)
            readers = [_reader(column.type) for column in table.columns]
            rows = [
                [read(value) for read, value in zip(readers, line.split("\t"), strict=True)]
                for line in chunk.splitlines()
            ]
            progress(10 + round(30 * sum(loaded.values()) / max(1, plan.total_rows)), f"Loading {table_plan.name}")
            runner.insert(table_plan, rows)
            loaded[table_plan.table_id] = loaded.get(table_plan.table_id, 0) + len(rows)
    load_seconds = time.perf_counter() - started
    analyze_started = time.perf_counter()
    runner.analyze(schema)
    return {
        "scale": plan.scale,
        "max_rows": plan.max_rows,
        "total_rows": sum(loaded.values()),
        "load_seconds": load_seconds,
        "analyze_seconds": time.perf_counter() - analyze_started,
        "tables": [{"name": t.name, "declared": t.declared, "rows": loaded.get(t.table_id, 0)} for t in plan.tables],
    }


def _reader(field_type):
    """COPY text → the value to bind: NULL, booleans as 1/0, byte strings, UTC times
    without the offset (neither server keeps one), backslashes unescaped."""
    kind = field_type.kind

    def read(text: str):
        if text == "\\N":
            return None
        text = text.replace("\\\\", "\\")
        if field_type.array:
            return text
        if kind is TypeKind.BOOLEAN:
            return 1 if text == "t" else 0
        if kind is TypeKind.BYTES:
            return bytes.fromhex(text[2:])
        if kind is TypeKind.TIMESTAMPTZ:
            return text.removesuffix("+00")
        return text

    return read


# --- patterns --------------------------------------------------------------------------------


def _time_patterns(runner, report: dict, queries, samples: dict, runs: int, *, moment: str, shown: bool) -> None:
    by_id = {q.pattern_id: q for q in queries}
    for pattern in report["patterns"]:
        query = by_id.get(pattern["id"])
        if query is None:
            continue
        pattern[moment] = _measure(runner, query, samples[query.pattern_id], runs)
        if shown:
            pattern["params"] = verification._shown(samples[query.pattern_id])


def _measure(runner, query, samples: dict, runs: int) -> dict:
    try:
        statements = {k: runner.statement(query.sql, params) for k, params in samples.items()}
        typical = _time_runs(runner, *statements["typical"], runs=runs, writes=query.writes)
        heaviest = _time_runs(runner, *statements["heaviest"], runs=runs, writes=query.writes)
        plan = runner.explain(*statements["typical"])
    except runner.errors as error:
        return {"error": error_message(error)}
    return {**timing(typical), "heaviest": timing(heaviest), "plan": plan}


def _time_runs(runner, sql: str, params: list, *, runs: int, writes: bool) -> list[float]:
    samples = []
    for n in range(runs + WARM_UP_RUNS):
        with runner.rolled_back(writes):
            started = time.perf_counter()
            runner.fetch(sql, params)
            samples.append((time.perf_counter() - started) * 1000)
        if n + 1 - WARM_UP_RUNS >= MIN_RUNS and sum(samples) > RUN_BUDGET_MS:
            break
    return samples[WARM_UP_RUNS:]


# --- the advice ------------------------------------------------------------------------------


def _run_advice(runner, recommendations: list[dict]) -> None:
    """Each recommendation's SQL exactly as shown (``verification.judge_advice``)."""
    verification.judge_advice(
        recommendations, execute=runner.script, index_exists=runner.index_exists, errors=runner.errors
    )


def _sample_parameters(runner, schema: Schema, queries) -> dict[str, dict]:
    return verification.sampled_parameters(_Sampler(runner, schema), queries)


def _parent_deletes(runner, schema: Schema, recommendations: list[dict]) -> list[tuple[dict, tuple]]:
    """For each foreign-key index recommendation, the look-up a delete of a parent makes
    (is there a child with this key?) for a parent no child references, timed before the
    advice; the caller times it again after. Both servers check with such a look-up."""
    model = build_model(schema)
    planned = []
    for recommendation in recommendations:
        found = next(
            (
                (model.table(table_id), key)
                for table_id, key in model.foreign_keys
                if recommendation["code"] == "index.foreign-key"
                and table_id == recommendation["entity_id"]
                and list(key.columns) == recommendation["field_ids"]
                and len(key.columns) == 1
            ),
            None,
        )
        if found is None:
            continue
        child, key = found
        parent = model.table(key.ref_table)
        fk, ref = (
            datagen.quote(child.column(key.columns[0]).name),
            datagen.quote(parent.column(key.ref_columns[0]).name),
        )
        child_table, parent_table = datagen.sql_table(child), datagen.sql_table(parent)
        lonely = f"SELECT p.{ref} FROM {parent_table} p WHERE NOT EXISTS (SELECT 1 FROM {child_table} c WHERE c.{fk} = p.{ref}) LIMIT 1"  # noqa: S608 — quoted names
        rows = runner.fetch(*runner.statement(lonely, []))
        if not rows:
            continue
        check = runner.statement(f"SELECT 1 FROM {child_table} WHERE {fk} = %s LIMIT 1", [rows[0][0]])  # noqa: S608
        recommendation["parent_delete"] = {"parent": parent.label, "before": _time_check(runner, check)}
        planned.append((recommendation, check))
    return planned


def _time_check(runner, check: tuple[str, list], runs: int = 5) -> dict:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        runner.fetch(*check)
        samples.append((time.perf_counter() - started) * 1000)
    return timing(samples)


class _Sampler(verification._Sampler):
    """The PostgreSQL run's sampler (typical: the value of median frequency; heaviest: the
    most frequent), its ranking query in SQL both servers take (no OFFSET expression)."""

    def __init__(self, runner, schema: Schema) -> None:
        super().__init__(None, schema)
        self.runner = runner

    def ranked(self, slot, *, heavy: bool):
        key = (slot.entity_id, slot.field_id, heavy)
        if key not in self.memo:
            self.memo[key] = self._rank(slot, heavy=heavy)
        return self.memo[key]

    def _rank(self, slot, *, heavy: bool):
        table = self.model.table(slot.entity_id)
        column = table.column(slot.field_id) if table and slot.field_id else None
        if column is None:
            return None
        name = datagen.quote(column.name)
        # Quoted identifiers from the design and integers only: nothing a user typed is spliced raw.
        grouped = f"SELECT {name} AS v, count(*) AS c FROM {datagen.sql_table(table)} WHERE {name} IS NOT NULL GROUP BY {name}"  # noqa: S608
        offset = 0 if heavy else self._fetch(f"SELECT count(*) FROM ({grouped}) g")[0][0] // 2  # noqa: S608
        order = "c DESC, v" if heavy else "c, v"
        rows = self._fetch(f"SELECT v FROM ({grouped}) g ORDER BY {order} LIMIT 1 OFFSET {int(offset)}")  # noqa: S608
        return rows[0][0] if rows else None

    def _fetch(self, sql: str):
        return self.runner.fetch(*self.runner.statement(sql, []))
