"""Verify on a real PostgreSQL: the demo design built, filled, timed and EXPLAINed before
and after the advice, and a release with a rename, a type change and a NOT NULL column
rehearsed on populated data. Assertions are on plan shapes and findings, never timings."""

import os

import pytest

from designer.examples import blog_schema
from designer.schema import Field, FieldType, TypeKind, replace
from designer.verify.report import markdown
from projects.rehearsal import rehearse
from projects.verification import Options, VerifyError
from projects.verify_run import verify

pytestmark = pytest.mark.postgres

SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SMALL = Options(runs=3, max_rows=30_000)


@pytest.fixture(scope="module")
def report():
    return verify(blog_schema(), project="blog", options=SMALL, url=SERVER)


def _pattern(report, name):
    return next(p for p in report["patterns"] if p["name"] == name)


def test_the_data_is_generated_at_the_declared_proportions(report):
    data = report["data"]
    rows = {t["name"]: t["rows"] for t in data["tables"]}
    assert 25_000 < data["total_rows"] <= 30_000
    assert rows["comments"] > rows["posts"] > rows["users"]
    assert report["findings"] == []  # every key, unique and check came back valid


def test_every_pattern_is_timed_and_explained_before_and_after(report):
    for pattern in report["patterns"]:
        for moment in ("before", "after"):
            figures = pattern[moment]
            assert "error" not in figures, (pattern["name"], figures)
            assert figures["runs"] == 3 and figures["p95_ms"] >= figures["p50_ms"] > 0
            assert figures["heaviest"]["runs"] == 3
            assert figures["plan"]["tree"]


def test_the_recommended_index_turns_the_scan_into_an_index_scan(report):
    pattern = _pattern(report, "recent comments of a post")
    assert "comments t0" in " ".join(pattern["before"]["plan"]["seq_scans"])
    assert "comments_post_id_created_at_idx" in pattern["after"]["plan"]["indexes"]
    assert pattern["after"]["plan"]["seq_scans"] == []
    recommendation = next(r for r in report["recommendations"] if r["index"] == "comments_post_id_created_at_idx")
    assert recommendation["applied"] and not recommendation["contradicted"]
    assert recommendation["claims"][0]["held"] is True


def test_the_foreign_key_index_is_judged_by_a_parent_delete(report):
    recommendation = next(r for r in report["recommendations"] if r["code"] == "index.foreign-key")
    delete = recommendation["parent_delete"]
    assert delete["parent"] == "users" and delete["before"]["runs"] == delete["after"]["runs"] == 5
    assert recommendation["claims"][0]["claim"] == "serves the foreign-key check of deletes from users"


def test_no_recommendation_sql_fails_on_the_demo_and_the_report_reads(report):
    assert report["summary"]["recommendations_failed"] == 0
    assert report["summary"]["patterns"] == 10
    text = markdown(report)
    assert "| recent comments of a post |" in text and "## Plans" in text


def test_a_release_with_a_rename_a_type_change_and_a_not_null_column_is_rehearsed():
    old = blog_schema()
    posts, users = old.entity_by_name("posts"), old.entity_by_name("users")
    title, display = posts.field_by_name("title"), users.field_by_name("display_name")
    word_count = Field(id="fld_wc", name="word_count", type=FieldType(TypeKind.INTEGER), nullable=False)
    new_posts = replace(
        posts,
        fields=(*tuple(replace(f, name="headline") if f.id == title.id else f for f in posts.fields), word_count),
    )
    new_users = replace(
        users,
        fields=tuple(
            replace(f, type=FieldType(TypeKind.VARCHAR, length=200)) if f.id == display.id else f for f in users.fields
        ),
    )
    new = replace(old, entities=tuple({posts.id: new_posts, users.id: new_users}.get(e.id, e) for e in old.entities))
    result = rehearse(old, new, url=SERVER, options=Options(max_rows=20_000), from_version=1, to_version=2)
    steps = {(s["direction"], s["subject"]): s for s in result["steps"]}
    # Existing rows have no word_count: the file's guard stops the up before any step, as announced,
    # and the finding gives its reason and what the file says to write instead.
    guard = steps[("up", "the file's guard")]
    assert "word_count is added NOT NULL without a default" in guard["error"]
    assert any(
        "the up's guard stops it" in text and "will fail on a populated table" in text and "UPDATE" in text
        for text in result["findings"]
    )
    # The rest is still measured: without the guard, the NOT NULL step fails with the server's own
    # error (in its savepoint) and the rename and the type change run, are timed and watched.
    added = steps[("up", "add column posts.word_count")]
    assert 'column "word_count" of relation "posts" contains null values' in added["error"]
    renamed = steps[("up", "rename column posts.headline (was title)")]
    retyped = steps[("up", "alter column users.display_name")]
    for step in (renamed, retyped):
        assert "error" not in step and step["duration_ms"] > 0 and step["longest_wait_ms"] >= 0
    # One transaction: the rename's ACCESS EXCLUSIVE lock is held to the COMMIT, so the readers of
    # posts wait (the pause between steps is 200 ms, the watcher samples every 10 ms).
    assert max(s["longest_wait_ms"] for s in result["steps"] if s["direction"] == "up" and s["step"] >= 0) > 0
    assert any(s["blocked_query"] for s in result["steps"] if s.get("blocked_query"))
    assert result["reads"] > 0 and result["lock_timeout"] == "2s"
    # What committed is undone by the down, every step measured.
    down = [s for s in result["steps"] if s["direction"] == "down"]
    assert [s["subject"] for s in down] == [
        "drop column posts.word_count",
        "rename column posts.title (was headline)",
        "alter column users.display_name",
    ]
    assert all("error" not in s and s["duration_ms"] > 0 for s in down)


def test_a_down_that_brings_back_a_dropped_not_null_column_announces_it_fails_on_a_populated_table():
    # The up drops posts.title (NOT NULL); the migration keeps no copy of its values, so the down
    # brings the column back empty: its guard says it will fail on a populated table, with the
    # backfill to write instead, and the rehearsal reports that stop and measures the rest.
    old = blog_schema()
    posts = old.entity_by_name("posts")
    title = posts.field_by_name("title")
    assert not title.nullable
    new_posts = replace(posts, fields=tuple(f for f in posts.fields if f.id != title.id))
    new = replace(old, entities=tuple(new_posts if e.id == posts.id else e for e in old.entities))
    result = rehearse(old, new, url=SERVER, options=Options(max_rows=5_000), from_version=1, to_version=2)
    up = [s for s in result["steps"] if s["direction"] == "up"]
    assert up and all("error" not in s for s in up)
    guard = next(s for s in result["steps"] if s["direction"] == "down" and s["step"] == -1)
    assert "posts.title is added NOT NULL without a default: this will fail on a populated table" in guard["error"]
    assert any("the down's guard stops it" in text and "UPDATE" in text for text in result["findings"])
    restored = next(s for s in result["steps"] if s["direction"] == "down" and s["subject"].startswith("add column"))
    assert "contains null values" in restored["error"]


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(VerifyError, match="Cannot reach the verification server"):
        verify(blog_schema(), project="blog", options=SMALL, url="postgres://postgres@127.0.0.1:1/postgres")


def test_recommendation_sql_that_fails_or_does_nothing_is_a_finding():
    from projects.verification import connect, run_advice, scratch_database

    recommendations = [
        {
            "sql": 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_placed_at_idx" ON "orders" ("placed_at");',
            "index": "orders_placed_at_idx",
        },
        {
            "sql": 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_placed_at_idx" ON "orders" ("placed_at") '
            "WHERE \"status\" = 'open';",
            "index": "orders_placed_at_idx",
        },
        {
            "sql": 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_status_idx" ON "orders" ("status") '
            "WHERE \"status\" IN 'todo','in_progress';",
            "index": "orders_status_idx",
        },
    ]
    with scratch_database(SERVER) as name, connect(SERVER, dbname=name) as connection:
        connection.execute("CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz, status text)")
        run_advice(connection, recommendations)
    first, same_name, invalid = recommendations
    assert first["applied"] and "error" not in first
    assert same_name["error"] == "an index named orders_placed_at_idx already existed, so this SQL created nothing"
    assert not invalid["applied"] and invalid["error"].startswith("syntax error")
