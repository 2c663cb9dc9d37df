"""Verify on SQLite (in-process) and MariaDB (the real server): the demo design with its
project dialect set to each, its DDL applied, data generated and inserted, every pattern
timed before and after the advice with EXPLAIN in the dialect's own form, and every
recommendation's SQL executed exactly as shown (projects/verify_dialects.py)."""

import pytest

from designer.examples import blog_schema
from designer.schema import replace
from designer.verify.report import markdown
from projects import verification, verify_run
from projects.verify_servers import backticked, spell_parameters

OPTIONS = verification.Options(runs=2, max_rows=6_000)


def _verify(database_type: str) -> dict:
    schema = replace(blog_schema(), database_type=database_type)
    return verify_run.verify(schema, project="Blog", options=OPTIONS)


def _check_the_run(report: dict) -> dict:
    assert 5_000 < report["data"]["total_rows"] <= 6_000
    timed = [p for p in report["patterns"] if "p50_ms" in (p.get("after") or {})]
    assert len(timed) == len(report["patterns"]) == 10, [p.get("after") for p in report["patterns"]]
    assert report["summary"]["recommendations_run"] >= 2 and report["summary"]["recommendations_failed"] == 0
    recent = next(p for p in report["patterns"] if p["name"] == "recent comments of a post")
    assert "comments_post_id_created_at_idx" in recent["after"]["plan"]["indexes"]
    if report["dialect"] == "sqlite":  # InnoDB indexes each foreign key itself: no such advice on MariaDB
        [fk] = [r for r in report["recommendations"] if r["code"] == "index.foreign-key"]
        assert fk["parent_delete"]["after"]["p50_ms"] is not None  # the delete's child look-up, timed
        assert fk["claims"][0]["held"] is True
    else:
        assert not [r for r in report["recommendations"] if r["code"] == "index.foreign-key"]
    assert "## Plans" in markdown(report)
    return recent


def test_verify_on_sqlite_in_process():
    report = _verify("SQLite")
    assert report["server"].startswith("SQLite 3.") and report["dialect"] == "sqlite"
    recent = _check_the_run(report)
    assert recent["before"]["plan"]["tree"].startswith("SCAN t0")  # EXPLAIN QUERY PLAN, read
    assert "SEARCH t0 USING INDEX comments_post_id_created_at_idx (post_id=?)" in recent["after"]["plan"]["tree"]


@pytest.mark.mariadb
def test_verify_on_mariadb(monkeypatch):
    monkeypatch.setenv("VERIFY_MARIADB_URL", "mysql://root@127.0.0.1:3306/")
    report = _verify("MySQL")
    assert report["server"].startswith("MariaDB ") and report["dialect"] == "mysql"
    recent = _check_the_run(report)
    assert "comments_post_id_created_at_idx" in recent["after"]["plan"]["access"]  # EXPLAIN FORMAT=JSON, read
    # MariaDB keeps a long text unique key through a hash it cannot look up by: the plan shows the full scan
    slug = next(p for p in report["patterns"] if p["name"] == "post by slug")
    assert slug["after"]["plan"]["access"].startswith("ALL on t0") and slug["after"]["plan"]["seq_scans"] == ["t0"]


def test_a_mysql_design_without_a_mariadb_server_says_what_to_set(monkeypatch):
    monkeypatch.delenv("VERIFY_MARIADB_URL", raising=False)
    monkeypatch.delenv("VERIFY_DATABASE_URL", raising=False)
    with pytest.raises(verification.VerifyError, match="set VERIFY_MARIADB_URL"):
        _verify("MySQL")


def test_a_postgresql_design_without_a_postgresql_server_is_verified_on_sqlite(monkeypatch):
    monkeypatch.delenv("VERIFY_DATABASE_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///embedded.sqlite3")  # make run's embedded mode
    report = _verify("PostgreSQL")
    assert report["dialect"] == "sqlite" and "verified on SQLite in-process" in report["findings"][0]


def test_pattern_sql_is_spelled_for_each_driver():
    sql = 'SELECT t0."a ""b" FROM "t" AS t0 WHERE t0."x" = ANY(%s) AND t0."n" LIKE %s || \'%%\' AND t0."s" = \'"q"\''
    assert spell_parameters(sql, [[1, 2], "ab"], marker="?") == (
        'SELECT t0."a ""b" FROM "t" AS t0 WHERE t0."x" IN (?, ?) AND t0."n" LIKE ? || \'%\' AND t0."s" = \'"q"\'',
        [1, 2, "ab"],
    )
    assert backticked(sql) == (
        "SELECT t0.`a \"b` FROM `t` AS t0 WHERE t0.`x` = ANY(%s) AND t0.`n` LIKE %s || '%%' AND t0.`s` = '\"q\"'"
    )
