"""The migration engine against real servers: for every fixture history, apply each
version's ``up`` in order and compare the database with the full DDL of that version
applied to an empty one; then apply every ``down`` back to empty, comparing at each
version on the way. PostgreSQL 15 (zero-downtime and plain), MariaDB and SQLite."""

from __future__ import annotations

import pytest

from designer.examples.histories import HISTORIES
from designer.migrate import diff, full_ddl, render
from designer.schema import Schema
from tests.integration.migration_servers import MariaDB, Postgres, SQLite

NAMES = sorted(HISTORIES)


def migrations(versions: list[Schema], dialect: str, **options):
    previous = Schema(database_type=versions[0].database_type)
    for version in versions:
        yield version, render(diff(previous, version), dialect=dialect, old=previous, new=version, **options)
        previous = version


def prove(versions, dialect: str, steps, fresh, *, apply_fresh=None, **options) -> None:
    """Up through every version, then down to empty, checking each version on the way."""
    apply_fresh = apply_fresh or fresh.apply
    built = list(migrations(versions, dialect, **options))
    fresh.reset()
    expected = [fresh.snapshot()]
    for number, (version, migration) in enumerate(built, start=1):
        steps.apply(migration.up)
        if migration.contract:  # expand/contract: the next release's half, once code moved over
            steps.apply(migration.contract)
        fresh.reset()
        apply_fresh(full_ddl(version, dialect=dialect))
        expected.append(fresh.snapshot())
        assert steps.snapshot() == expected[-1], f"v{number}: migrated database differs from a fresh one"
    for number in range(len(built), 0, -1):
        steps.apply(built[number - 1][1].down)
        assert steps.snapshot() == expected[number - 1], f"down from v{number}: differs from v{number - 1}"


@pytest.fixture(scope="module")
def postgres_pair():
    pair = Postgres("steps"), Postgres("fresh")
    yield pair
    for database in pair:
        database.close()


@pytest.mark.postgres
@pytest.mark.parametrize("name", NAMES)
def test_postgresql_zero_downtime_up_and_down_match_fresh_databases(name, postgres_pair, tmp_path):
    steps, fresh = postgres_pair
    steps.reset()
    prove(HISTORIES[name], "postgresql", _Pg(steps, tmp_path), _Pg(fresh, tmp_path))


@pytest.mark.postgres
@pytest.mark.parametrize("name", NAMES)
def test_postgresql_plain_up_and_down_match_fresh_databases(name, postgres_pair, tmp_path):
    steps, fresh = postgres_pair
    steps.reset()
    prove(HISTORIES[name], "postgresql", _Pg(steps, tmp_path), _Pg(fresh, tmp_path), zero_downtime=False)


@pytest.mark.postgres
@pytest.mark.parametrize("name", ["shop", "library", "catalog"])  # the histories with renamed or retyped plain columns
def test_postgresql_expand_and_contract_reach_the_same_databases(name, postgres_pair, tmp_path):
    steps, fresh = postgres_pair
    steps.reset()
    prove(HISTORIES[name], "postgresql", _Pg(steps, tmp_path), _Pg(fresh, tmp_path), expand_contract=True)


class _Pg:
    def __init__(self, database: Postgres, tmp) -> None:
        self.database, self.tmp = database, tmp

    def apply(self, sql: str) -> None:
        self.database.apply(sql, self.tmp)

    def reset(self) -> None:
        self.database.reset()

    def snapshot(self):
        return self.database.snapshot()


@pytest.fixture(scope="module")
def mariadb_pair():
    pair = MariaDB("steps"), MariaDB("fresh")
    yield pair
    for database in pair:
        database.close()


@pytest.mark.mariadb
@pytest.mark.parametrize("name", NAMES)
def test_mariadb_up_and_down_match_fresh_databases(name, mariadb_pair):
    steps, fresh = mariadb_pair
    steps.reset()
    versions = [steps.isolate(v) for v in HISTORIES[name]]
    fresh_versions = {id(v): fresh.isolate(o) for v, o in zip(versions, HISTORIES[name], strict=True)}

    def apply_fresh(sql: str) -> None:
        fresh.apply(sql)

    # Each side has its own databases for the second namespace; the full DDL comes from the fresh side's names.
    built = list(migrations(versions, "mysql"))
    fresh.reset()
    expected = [fresh.snapshot()]
    for number, (version, migration) in enumerate(built, start=1):
        steps.apply(migration.up)
        steps.apply(migration.up)  # DDL is not transactional here: a re-run after a failure must be harmless
        fresh.reset()
        fresh.apply(full_ddl(fresh_versions[id(version)], dialect="mysql"))
        expected.append(fresh.snapshot())
        assert steps.snapshot() == expected[-1], f"v{number}: migrated database differs from a fresh one"
    for number in range(len(built), 0, -1):
        steps.apply(built[number - 1][1].down)
        steps.apply(built[number - 1][1].down)
        assert steps.snapshot() == expected[number - 1], f"down from v{number}: differs from v{number - 1}"


@pytest.mark.parametrize("name", NAMES)
def test_sqlite_up_and_down_match_fresh_databases(name, tmp_path):
    prove(HISTORIES[name], "sqlite", SQLite(tmp_path / "steps.db"), SQLite(tmp_path / "fresh.db"))
