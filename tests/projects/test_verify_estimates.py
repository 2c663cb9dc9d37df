"""Planner estimates with hypothetical indexes (projects/verify_estimates.py, hypopg) on
the real server: made when the data is scaled down, compared with what was measured, and
a server where hypopg cannot be enabled is a finding, never a failed run."""

import os
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest

from designer.advice.quality import load_fixture
from designer.examples import blog_schema
from designer.verify.report import findings, markdown
from projects import verification, verify_run

pytestmark = pytest.mark.postgres


def _server() -> str:
    base = urlparse(os.environ["DATABASE_URL"])
    return f"postgresql://{base.username or 'postgres'}@{base.hostname}:{base.port or 5432}/postgres"


def _run(url: str, *, max_rows: int) -> dict:
    options = verification.Options(runs=1, max_rows=max_rows)
    return verify_run.verify(blog_schema(), project="Blog", options=options, url=url)


def test_a_scaled_down_run_estimates_each_index_with_hypopg():
    report = _run(_server(), max_rows=6_000)
    assert report["estimates"]["available"] is True and report["estimates"]["scale"] < 1
    [comments] = [r for r in report["recommendations"] if r.get("estimate")]
    [row] = comments["estimate"]["patterns"]
    assert row["uses_index"] is True and row["cost_with"] < row["cost_before"]
    pattern = next(p for p in report["patterns"] if p["id"] == row["pattern_id"])
    assert pattern["name"] == "recent comments of a post"
    # and the index, built for real afterwards, is what the measured plan used
    assert comments["index"] in pattern["after"]["plan"]["indexes"]
    assert "estimate (planner cost, hypothetical index, data at" in markdown(report)


def test_a_server_where_hypopg_cannot_be_enabled_is_a_finding():
    role = "designer_verify_plain"
    with psycopg.connect(_server(), autocommit=True) as admin:
        admin.execute(f"DROP ROLE IF EXISTS {role}")
        admin.execute(f"CREATE ROLE {role} LOGIN CREATEDB")  # no superuser: hypopg is not a trusted extension
    try:
        base = urlparse(_server())
        report = _run(f"postgresql://{role}@{base.hostname}:{base.port}/postgres", max_rows=3_000)
    finally:
        with psycopg.connect(_server(), autocommit=True) as admin:
            admin.execute(f"DROP ROLE IF EXISTS {role}")
    assert report["estimates"]["available"] is False
    assert "permission denied" in report["estimates"]["reason"]
    assert any("no planner estimate with hypothetical indexes" in text for text in findings(report))
    assert report["summary"]["recommendations_failed"] == 0  # the run itself went on


def test_a_partial_index_on_a_boolean_is_estimated_as_postgresql_would_use_it():
    # hypopg keeps `"active" = TRUE` as written; PostgreSQL simplifies a real index's
    # predicate to `active`, so the hypothetical one was never picked until spelled alike.
    text = (Path(__file__).parents[1] / "advisor_fixtures" / "catalogue.toml").read_text()
    schema = load_fixture(text, name="catalogue").schema
    options = verification.Options(runs=1, max_rows=30_000)
    report = verify_run.verify(schema, project="catalogue", options=options, url=_server())
    [partial] = [r for r in report["recommendations"] if "WHERE" in r["sql"]]
    [row] = partial["estimate"]["patterns"]
    assert row["uses_index"] is True and row["ratio"] > 2
    # the heaviest tag searched for is a tag, not the empty array (which matches every row)
    tagged = next(p for p in report["patterns"] if p["name"] == "products with a tag")
    assert tagged["params"]["heaviest"] != ["[]"] and tagged["params"]["heaviest"][0].startswith("['")
