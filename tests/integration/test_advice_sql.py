"""Every SQL text the advisor shows, and every migration its Apply releases, runs on the real
servers (issue 19: a partial index's predicate was invalid and two indexes shared a name,
and no test had ever executed the advice's SQL).

The corpus is the advisor fixtures, the demo, constants typed every way into the editor's
value box (tests/advice_constants.py) and the last version of each migration history
(hostile names, a second namespace, enums) with a generated workload. Per schema and dialect:
the schema's full DDL on a scratch database, then

- each recommendation's SQL exactly as shown, one after another, with ``psql -v
  ON_ERROR_STOP=1`` / ``mariadb`` / ``sqlite3 -bail``; afterwards every index a
  recommendation creates exists under its name (a shared name would be skipped by
  IF NOT EXISTS);
- the Apply path: the recommendation's ops applied to the schema, the migration rendered
  for the dialect, its up run and its down run back.

MariaDB and SQLite get the schemas whose DDL those dialects can express (the project's
dialect set to them, as a project targeting them would be).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from designer import ops
from designer.advice import analyze
from designer.advice.quality import load_fixture
from designer.examples import blog_schema
from designer.examples.histories import HISTORIES
from designer.examples.synthetic import synthetic_workload
from designer.formats import import_text
from designer.formats.dbml import parse_dbml
from designer.migrate import MigrationError, diff, full_ddl, render
from designer.schema import Frequency, Schema, Volume, replace
from designer.sqlpattern import pattern_from_sql
from tests.advice_constants import constants_schema
from tests.integration.migration_servers import MariaDB, Postgres, SQLite, run

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "advisor_fixtures"
DATABASE_TYPES = {"postgresql": "PostgreSQL", "mysql": "MySQL", "sqlite": "SQLite"}
CREATED_INDEX = re.compile(r'CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?IF NOT EXISTS ("(?:[^"]|"")+"|`(?:[^`]|``)+`)')


KEYS_AS_WRITTEN = """
CREATE TABLE public.accounts (id integer NOT NULL, code text, price numeric(10,2),
  taxed numeric(10,2) GENERATED ALWAYS AS (price * 1.2) STORED,
  CONSTRAINT pk_accounts PRIMARY KEY (id), CONSTRAINT code_unique UNIQUE (code));
ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.account_numbers'::regclass);
CREATE TABLE public.entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id integer REFERENCES accounts);
"""


def corpus() -> dict[str, Schema]:
    schemas = {
        p.stem: load_fixture(p.read_text(encoding="utf-8"), name=p.stem).schema for p in sorted(FIXTURES.glob("*.toml"))
    }
    schemas["demo"] = blog_schema()
    schemas["constants"] = constants_schema()
    keys = import_text(KEYS_AS_WRITTEN, fmt="postgresql").schema  # a serial with its own sequence, ALWAYS…
    schemas["keys-as-written"] = synthetic_workload(keys, patterns=8)
    for name, versions in HISTORIES.items():
        last = versions[-1]  # histories declare no workload: a generated one makes the advisor speak
        schemas[f"history-{name}"] = (
            last if last.patterns else synthetic_workload(last, patterns=4 * len(last.entities))
        )
    return schemas


CORPUS = corpus()
SKIPPED: list[str] = []


class MariaDBAcrossDatabases(MariaDB):
    """Drops its databases with foreign key checks off: the shop's foreign keys cross them."""

    def reset(self, *, then: str = "") -> None:
        drops = "".join(f"DROP DATABASE IF EXISTS `{db}`;" for db in sorted({self.name, *self.namespaces}))
        create = f"CREATE DATABASE `{self.name}`;USE `{self.name}`;SET FOREIGN_KEY_CHECKS = 1;\n"
        run(self.client, stdin=f"SET FOREIGN_KEY_CHECKS = 0;{drops}{create}{then}")

    def close(self) -> None:
        drops = "".join(f"DROP DATABASE IF EXISTS `{db}`;" for db in sorted({self.name, *self.namespaces}))
        run(self.client, stdin=f"SET FOREIGN_KEY_CHECKS = 0;{drops}")


def _for(schema: Schema, dialect: str) -> Schema:
    return replace(schema, database_type=DATABASE_TYPES[dialect])


def _ddl(schema: Schema, dialect: str) -> str | None:
    try:
        return full_ddl(schema, dialect=dialect)
    except MigrationError:
        return None  # the schema uses what the dialect does not have (jsonb, GIN, arrays)


def _apply_path(schema: Schema, recommendation, dialect: str):
    after, _ = ops.Batch(ops=recommendation.ops).apply(schema)
    return render(diff(schema, after), dialect=dialect, old=schema, new=after, zero_downtime=True)


def _created_names(sql: str) -> list[str]:
    return [name[1:-1].replace(name[0] * 2, name[0]) for name in CREATED_INDEX.findall(sql)]


def _check_schema(schema: Schema, dialect: str, server, tmp_path: Path) -> tuple[int, list[str]]:
    """Runs everything for one schema; returns (SQL texts run, failures)."""
    ddl = _ddl(schema, dialect)
    if ddl is None:
        return 0, []
    try:
        _fresh(server, ddl, tmp_path)
    except AssertionError as error:
        SKIPPED.append(f"{schema.database_type}: the schema's own DDL fails: {str(error)[:300]}")
        return 0, []  # not the advice's doing (ingest's int key referencing a bigint, on MariaDB)
    recommendations = analyze(schema).recommendations
    shown = [(f"{r.code} {r.title}", r.sql) for r in recommendations if r.sql]
    failures = _run_all(server, ddl, shown, tmp_path)
    created = [n for r in recommendations if r.code.startswith("index.") and r.sql for n in _created_names(r.sql)]
    missing = set(created) - _index_names(server)
    failures += [f"index {name} was not created (a name shared with another?)" for name in sorted(missing)]
    assert len(created) == len(set(created)), f"two recommendations create the same index name: {created}"
    applied, downs = [], []
    for recommendation in (r for r in recommendations if r.ops):
        label = f"apply {recommendation.code} {recommendation.title}"
        try:  # each from the schema as analysed: its down brings the database back to it
            migration = _apply_path(schema, recommendation, dialect)
        except MigrationError as error:
            failures.append(f"{label}: {error}")
            continue
        applied.append((label, f"{migration.up}\n{migration.down}"))
        downs.insert(0, (label, migration.down))
        if dialect != "postgresql":  # what the advice shows there is the migration Apply releases
            assert recommendation.sql == migration.up.strip(), label
    if dialect == "postgresql" or failures or not _ran(server, downs, tmp_path):
        failures += _run_all(server, ddl, applied, tmp_path)
    return len(shown) + len(applied), failures


def _ran(server, items: list[tuple[str, str]], tmp_path: Path) -> bool:
    try:
        _apply(server, "\n".join(sql for _, sql in items), tmp_path)
    except AssertionError:
        return False
    return True


def _run_all(server, ddl: str, items: list[tuple[str, str]], tmp_path: Path) -> list[str]:
    """All texts in one run (clients start slowly on a busy machine); when that fails, one
    by one on a fresh database to name each failure."""
    _fresh(server, ddl, tmp_path)
    try:
        _apply(server, "\n".join(sql for _, sql in items), tmp_path)
        return []
    except AssertionError:
        pass
    failures = []
    _fresh(server, ddl, tmp_path)
    for label, sql in items:
        try:
            _apply(server, sql, tmp_path)
        except AssertionError as error:
            failures.append(f"{label}: {error}")
    return failures


def _fresh(server, ddl: str, tmp_path: Path) -> None:
    """An empty database with the schema's DDL (for MariaDB in one client run: they start slowly)."""
    if isinstance(server, MariaDBAcrossDatabases):
        server.reset(then=ddl)
    else:
        server.reset()
        _apply(server, ddl, tmp_path)


def _apply(server, sql: str, tmp_path: Path) -> None:
    if isinstance(server, Postgres):
        server.apply(sql, tmp_path)
    else:
        server.apply(sql)


def _index_names(server) -> set[str]:
    if isinstance(server, Postgres):
        return {r[0] for r in server.connection.execute("SELECT indexname FROM pg_indexes").fetchall()}
    if isinstance(server, SQLite):
        with sqlite3.connect(server.path) as connection:
            names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        connection.close()
        return names
    out = run([*server.client, "-N", "-B", "-e", "SELECT DISTINCT index_name FROM information_schema.statistics"])
    return set(out.split("\n"))


@pytest.mark.postgres
def test_every_advice_sql_and_apply_migration_runs_on_postgresql(tmp_path):
    server = Postgres("advice_sql")
    try:
        results = {
            name: _check_schema(_for(s, "postgresql"), "postgresql", server, tmp_path) for name, s in CORPUS.items()
        }
    finally:
        server.close()
    _report(results, least_statements=150)


@pytest.mark.mariadb
def test_every_advice_sql_and_apply_migration_runs_on_mariadb(tmp_path):
    server = MariaDBAcrossDatabases("advice_sql")
    try:
        results = {}
        for name, schema in CORPUS.items():
            results[name] = _check_schema(server.isolate(_for(schema, "mysql")), "mysql", server, tmp_path)
    finally:
        server.close()
    _report(results, least_statements=40)


def test_every_advice_sql_and_apply_migration_runs_on_sqlite(tmp_path):
    server = SQLite(tmp_path / "advice.sqlite3")
    results = {name: _check_schema(_for(s, "sqlite"), "sqlite", server, tmp_path) for name, s in CORPUS.items()}
    _report(results, least_statements=40)


def _report(results: dict[str, tuple[int, list[str]]], *, least_statements: int) -> None:
    failures = [f"[{name}] {failure}" for name, (_, found) in results.items() for failure in found]
    ran = sum(count for count, _ in results.values())
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures)
    assert ran >= least_statements, f"only {ran} statements ran: the corpus lost its advice"


@pytest.mark.postgres
def test_the_timestamptz_change_keeps_the_instants_whatever_the_session_time_zone(tmp_path, monkeypatch):
    schema = parse_dbml("Table t {\n id bigint [pk]\n at timestamp\n}")
    [change] = [r for r in analyze(schema).recommendations if r.code == "type.timestamptz"]
    server = Postgres("advice_tz")
    try:
        server.apply(full_ddl(schema, dialect="postgresql") + "INSERT INTO t VALUES (1, '2024-01-01 12:00');", tmp_path)
        monkeypatch.setenv("PGTZ", "America/New_York")  # the session psql opens is not UTC
        server.apply(change.sql, tmp_path)
        [(shifted,)] = server.connection.execute("SELECT at = '2024-01-01 12:00+00' FROM t").fetchall()
    finally:
        server.close()
    assert shifted is True


def _prefix_search_applied() -> Schema:
    """A PostgreSQL design after Apply of the advice for a prefix search: the C-collation key."""
    schema = parse_dbml("Table orders {\n id bigint [pk]\n note varchar(200) [not null]\n}")
    pattern = pattern_from_sql("SELECT id FROM orders WHERE note LIKE $1 || '%' ORDER BY note", schema=schema, name="p")
    volume = Volume(entity_id=schema.entity_by_name("orders").id, rows=1_000_000, growth_per_month=1_000)
    schema = replace(schema, patterns=(replace(pattern, frequency=Frequency(average=5)),), volumes=(volume,))
    [recommendation] = [r for r in analyze(schema).recommendations if r.code == "index.pattern"]
    return ops.Batch(ops=recommendation.ops).apply(schema)[0]


PREFIX_SEARCH = "SELECT id FROM orders WHERE note LIKE 'ab%'"


@pytest.mark.postgres
def test_the_prefix_search_index_serves_like_on_postgresql(tmp_path):
    server = Postgres("advice_prefix")
    try:
        server.apply(full_ddl(_prefix_search_applied(), dialect="postgresql"), tmp_path)
        server.connection.execute("SET enable_seqscan = off")  # an empty table: ask whether the index can serve
        plan = "\n".join(r[0] for r in server.connection.execute("EXPLAIN " + PREFIX_SEARCH).fetchall())
    finally:
        server.close()
    assert "orders_note_prefix_idx" in plan and "Index Cond: (((note)::text >= 'ab'::text)" in plan


@pytest.mark.mariadb
def test_the_prefix_search_index_is_a_plain_column_index_on_mariadb():
    server = MariaDB("advice_prefix")
    try:
        server.apply(full_ddl(_prefix_search_applied(), dialect="mysql"))
        plan = run([*server.client, server.name, "-N", "-B", "-e", "EXPLAIN " + PREFIX_SEARCH])
    finally:
        server.close()
    assert "orders_note_prefix_idx" in plan


def test_the_prefix_search_index_compares_bytes_on_sqlite(tmp_path):
    server = SQLite(tmp_path / "prefix.sqlite3")
    server.apply(full_ddl(_prefix_search_applied(), dialect="sqlite"))
    with sqlite3.connect(server.path) as connection:
        connection.execute("PRAGMA case_sensitive_like = ON")  # SQLite's LIKE ignores case unless told
        plan = connection.execute("EXPLAIN QUERY PLAN " + PREFIX_SEARCH).fetchall()
    connection.close()
    assert "USING INDEX orders_note_prefix_idx (note>? AND note<?)" in plan[0][-1]
