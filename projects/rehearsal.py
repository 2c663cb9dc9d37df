"""Migration rehearsal: a release's up and down applied to a populated database while
the old version's read patterns run in a loop on another connection.

Per step: its duration, its error (a step that fails on data is a finding), the longest
lock wait seen meanwhile (``pg_stat_activity`` sampled every few milliseconds from a
third connection) and the query that waited. A step the migration announces as safe
(no warning for it) that kept a query waiting longer than the file's ``lock_timeout``
is a finding. A file whose guard stops it on these rows (a NOT NULL column the rows
cannot fill) is a finding with the guard's reason, and the rest is still measured.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time

import psycopg
from pglast import split

from designer.migrate import diff, render
from designer.schema import PatternKind, Schema
from designer.verify.pattern_sql import Unwritable, pattern_query
from projects import verification

SAMPLE_EVERY_SECONDS = 0.01
PAUSE_BETWEEN_STEPS_SECONDS = 0.2  # the readers meet each new shape of the schema before the next step
REHEARSAL_MAX_ROWS = 250_000  # enough for rewrites and scans to take visible time, quick to load
_STEP = re.compile(r"^-- step (\d+): (.*)$", re.M)
_LOCK_TIMEOUT = re.compile(r"SET lock_timeout = '([^']*)'", re.I)
_GUARD = re.compile(r"\s*DO\s+\$guard(_\d+)?\$")  # designer.migrate.data_risks' guard blocks
_PLACEHOLDER = re.compile(r"^-- BACKFILL PLACEHOLDER: (.*?)(?:; then delete the guard below)?$", re.M)


def rehearse(old: Schema, new: Schema, *, url: str, options, from_version: int | None, to_version: int | None) -> dict:
    migration = render(diff(old, new), dialect="postgresql", old=old, new=new, zero_downtime=True)
    max_rows = min(options.max_rows, REHEARSAL_MAX_ROWS)
    findings: list[str] = []
    with (
        verification.scratch_database(url) as name,
        verification.connect(url, dbname=name) as connection,
    ):
        verification.apply_ddl(connection, old)
        smaller = dataclasses.replace(options, max_rows=max_rows)
        data = verification.load_data(connection, old, options=smaller, progress=lambda *_: None, findings=findings)
        reads = _read_queries(connection, old)
        readers = _Readers(url, name, reads)
        watcher = _LockWatcher(url, name)
        readers.start()
        watcher.start()
        try:
            time.sleep(0.2)  # the readers are running before the first step
            steps = _run(url, name, migration.up, "up", {w.step for w in migration.warnings}, watcher)
            if any(step.get("error", "").startswith("not run") for step in steps):
                # rolled back whole: the database is at the old version
                findings.append("the down was not rehearsed: the up did not complete, and nothing of it was committed")
            else:
                steps += _run(url, name, migration.down, "down", {w.step for w in migration.down_warnings}, watcher)
        finally:
            readers.stop()
            watcher.stop()
    lock_timeout = _lock_timeout(migration.up)
    findings += _findings(steps, lock_timeout)
    findings += [
        f"read pattern {name!r} failed during the migration: {error}" for name, error in readers.errors.items()
    ]
    return {
        "from_version": from_version,
        "to_version": to_version,
        "rows": data["total_rows"],
        "lock_timeout": lock_timeout[0] if lock_timeout else "not set",
        "reads": readers.count,
        "longest_read_ms": readers.longest_ms,
        "steps": steps,
        "findings": findings,
    }


def _read_queries(connection, schema: Schema) -> list[tuple[str, str, list]]:
    queries = []
    for pattern in schema.patterns:
        if pattern.kind is not PatternKind.READ:
            continue
        try:
            query = pattern_query(schema, pattern, placeholders="%s")
        except Unwritable:
            continue
        params = verification.sample_parameters(connection, schema, [query])[query.pattern_id]["typical"]
        queries.append((pattern.name, query.sql, params))
    return queries


def _chunks(sql: str) -> tuple[str, list[tuple[int, str, str]]]:
    """(preamble, [(step number, subject, its SQL)]) from a rendered migration."""
    marks = list(_STEP.finditer(sql))
    preamble = sql[: marks[0].start()] if marks else sql
    steps = []
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(sql)
        steps.append((int(mark.group(1)), mark.group(2), sql[mark.end() : end]))
    return preamble, steps


def _run(url: str, name: str, sql: str, direction: str, warned: set[int], watcher: _LockWatcher) -> list[dict]:
    """Each step of one file, timed and watched. When the file's guard stops it (a step
    certain to fail on these rows), the stop is the first result and the file runs again
    without its guards, each step in a savepoint: the failing step then fails with the
    server's own error, and the other steps are still measured and committed (so the down
    can be rehearsed after them)."""
    preamble, chunks = _chunks(sql)
    results = []
    with verification.connect(url, dbname=name) as connection:
        guard = _preamble_refusal(connection, preamble)
        if guard is not None:
            results.append(
                {
                    "direction": direction,
                    "step": -1,
                    "subject": "the file's guard",
                    "announced_safe": False,
                    "error": guard,
                    "placeholder": _placeholders(preamble),
                }
            )
            _preamble_refusal(connection, preamble, skip_guards=True)
        failed = False
        for number, subject, body in chunks:
            step = {"direction": direction, "step": number, "subject": subject, "announced_safe": number not in warned}
            if failed:
                step["error"] = "not run: an earlier step failed"
                results.append(step)
                continue
            watcher.begin()
            started = time.perf_counter()
            try:
                _execute_step(connection, body, isolated=guard is not None)
            except psycopg.Error as error:
                step["error"] = verification.error_message(error)
                failed = guard is None  # one transaction: nothing after it runs, nothing commits
            step["duration_ms"] = (time.perf_counter() - started) * 1000
            step["longest_wait_ms"], step["blocked_query"] = watcher.end()
            results.append(step)
            if not _in_transaction(connection):  # inside the file's transaction a pause would only add to the waits
                time.sleep(PAUSE_BETWEEN_STEPS_SECONDS)
        if _in_transaction(connection):  # a failed last step skipped the file's COMMIT
            connection.execute("COMMIT")
    return results


_SAVEPOINT = "SAVEPOINT rehearsal_step"


def _execute_step(connection, body: str, *, isolated: bool) -> None:
    """The step's statements; on an error the step is undone (``isolated``: back to the
    savepoint taken once the file's transaction is open, else the whole transaction) and
    the error raised."""
    savepoint = isolated and _in_transaction(connection)
    if savepoint:
        connection.execute(_SAVEPOINT)
    try:
        for statement in split(body):
            connection.execute(statement)
            if isolated and not savepoint and _in_transaction(connection):  # the file's BEGIN
                connection.execute(_SAVEPOINT)
                savepoint = True
    except psycopg.Error:
        connection.execute("ROLLBACK TO SAVEPOINT rehearsal_step" if savepoint else "ROLLBACK")
        raise


def _in_transaction(connection) -> bool:
    return connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def _preamble_refusal(connection, preamble: str, *, skip_guards: bool = False) -> str | None:
    """Run the file's preamble (settings, BEGIN, the guards that stop a migration which
    would fail on the rows there): None, or the guard's message."""
    try:
        for statement in split(preamble):
            if not (skip_guards and _GUARD.match(statement)):
                connection.execute(statement)
    except psycopg.Error as error:
        connection.execute("ROLLBACK")
        return verification.error_message(error)
    return None


def _placeholders(preamble: str) -> list[str]:
    """What the file says to write instead of each guard (its BACKFILL PLACEHOLDER lines)."""
    return [match.group(1) for match in _PLACEHOLDER.finditer(preamble)]


def _lock_timeout(sql: str) -> tuple[str, float] | None:
    """The file's lock_timeout as written and in milliseconds (PostgreSQL's default unit)."""
    match = _LOCK_TIMEOUT.search(sql)
    figures = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|min)?\s*", match.group(1)) if match else None
    if figures is None:
        return None
    factor = {"ms": 1, "s": 1000, "min": 60_000}[figures.group(2) or "ms"]
    return match.group(1), float(figures.group(1)) * factor


def _findings(steps: list[dict], lock_timeout: tuple[str, float] | None) -> list[str]:
    found = []
    for step in steps:
        label = f"{step['direction']} step {step['step']} ({step['subject']})"
        if step["step"] == -1:
            instead = "; ".join(step.get("placeholder") or [])
            found.append(
                f"the {step['direction']}'s guard stops it before any step, on these rows: {step['error']}"
                + (f" (the file says: {instead})" if instead else "")
                + "; rehearsed again without the guard, each step in a savepoint, to measure the other steps"
            )
        elif step.get("error") and not step["error"].startswith("not run"):
            found.append(f"{label} failed on the data: {step['error']}")
        limit = lock_timeout[1] if lock_timeout else None
        if step["announced_safe"] and limit is not None and (step.get("longest_wait_ms") or 0) > limit:
            found.append(
                f"{label} is announced as safe but kept a query waiting {step['longest_wait_ms']:,.0f} ms, "
                f"longer than lock_timeout {lock_timeout[0]}"
            )
    return found


class _Readers:
    """The old version's read patterns in a loop on their own connection."""

    def __init__(self, url: str, name: str, queries) -> None:
        self.url, self.name, self.queries = url, name, queries
        self.stopping = threading.Event()
        self.count, self.longest_ms = 0, 0.0
        self.errors: dict[str, str] = {}
        self.thread = threading.Thread(target=self._loop, name="verify-readers", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=30)

    def _loop(self) -> None:
        if not self.queries:
            return
        with verification.connect(self.url, dbname=self.name) as connection:
            while not self.stopping.is_set():
                for pattern, sql, params in self.queries:
                    started = time.perf_counter()
                    try:
                        connection.execute(sql, params).fetchall()
                    except psycopg.Error as error:
                        self.errors.setdefault(pattern, verification.error_message(error))
                    self.longest_ms = max(self.longest_ms, (time.perf_counter() - started) * 1000)
                    self.count += 1


class _LockWatcher:
    """Samples the queries waiting on a lock; ``begin``/``end`` bracket one step."""

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url, name
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.longest: tuple[float, str | None] = (0.0, None)
        self.thread = threading.Thread(target=self._loop, name="verify-locks", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=30)

    def begin(self) -> None:
        with self.lock:
            self.longest = (0.0, None)

    def end(self) -> tuple[float, str | None]:
        time.sleep(2 * SAMPLE_EVERY_SECONDS)  # one more sample sees the last waits
        with self.lock:
            return self.longest

    def _loop(self) -> None:
        with verification.connect(self.url, dbname=self.name) as connection:
            while not self.stopping.wait(SAMPLE_EVERY_SECONDS):
                rows = connection.execute(
                    "SELECT extract(epoch FROM clock_timestamp() - state_change) * 1000, query "
                    "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                ).fetchall()
                with self.lock:
                    for waited, query in rows:
                        if float(waited) > self.longest[0]:
                            self.longest = (float(waited), " ".join((query or "").split())[:200])
