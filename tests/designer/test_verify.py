"""designer.verify without a server: pattern SQL (and its round trip through the SQL
reader), data plans and rows, plans read from EXPLAIN JSON captured on PostgreSQL 15,
and the judging of recommendations."""

import collections
import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from designer.examples import blog_schema
from designer.schema import (
    AccessPattern,
    Entity,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Operation,
    PatternKind,
    Schema,
    TypeKind,
    ValueKind,
    Volume,
    replace,
)
from designer.sqlpattern import pattern_from_sql
from designer.verify.data import copy_chunks, data_plan, zipf_draws
from designer.verify.pattern_sql import Unwritable, pattern_query, pattern_sql
from designer.verify.plans import read_plan
from designer.verify.report import (
    index_name,
    judge_recommendations,
    markdown,
    percentile,
    summary,
    target_cuts,
    verdict,
)

PLANS = Path(__file__).parent / "fixtures" / "verify"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _plan(name: str):
    return read_plan(json.loads((PLANS / f"{name}.json").read_text()))


# --- pattern SQL ---------------------------------------------------------------------------


def test_a_keyset_list_is_its_first_page_with_the_constant_kept():
    schema = blog_schema()
    pattern = next(p for p in schema.patterns if p.name.startswith("published posts"))
    assert pattern_sql(schema, pattern) == (
        'SELECT t0."id", t0."title", t0."slug", t0."published_at"\n'
        'FROM "posts" AS t0\n'
        'WHERE t0."author_id" = $1\n'
        "  AND t0.\"status\" = 'published'\n"
        'ORDER BY t0."published_at" DESC\n'
        "LIMIT 20"
    )


def test_placeholders_for_psycopg_double_the_percent_of_a_contains_search():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    pattern = AccessPattern(
        id="p",
        name="search",
        kind=PatternKind.READ,
        operation=Operation.SEARCH,
        entity_id=posts.id,
        filters=(Filter(posts.field_by_name("title").id, FilterOp.CONTAINS),),
    )
    shown, run = pattern_query(schema, pattern), pattern_query(schema, pattern, placeholders="%s")
    assert "LIKE '%' || $1 || '%'" in shown.sql
    assert "LIKE '%%' || %s || '%%'" in run.sql
    assert [s.use for s in run.slots] == ["contains"]


@pytest.mark.parametrize("pattern_index", range(10))
def test_every_demo_pattern_reads_back_as_itself(pattern_index):
    """The writer and designer.sqlpattern agree: the SQL shown for a pattern is read back
    into the same operation, filters, sort and limit."""
    schema = blog_schema()
    pattern = schema.patterns[pattern_index]
    again = pattern_from_sql(pattern_sql(schema, pattern), schema=schema)
    assert again.operation == pattern.operation
    assert again.entity_id == pattern.entity_id
    assert [(f.field_id, f.op, f.value_kind) for f in again.filters] == [
        (f.field_id, f.op, f.value_kind) for f in pattern.filters
    ]
    if pattern.operation in (Operation.LIST, Operation.POINT_LOOKUP):
        assert again.sort == pattern.sort and again.limit == pattern.limit


def test_writes_name_their_columns_and_hostile_names_stay_quoted():
    users = Entity(
        id="e",
        name='us"ers',
        primary_key=("f1",),
        fields=(
            Field(id="f1", name="id", type=FieldType(TypeKind.BIGINT), identity=True, nullable=False),
            Field(id="f2", name='na"me', type=FieldType(TypeKind.TEXT)),
        ),
    )
    update = AccessPattern(
        id="u",
        name="rename",
        kind=PatternKind.WRITE,
        operation=Operation.UPDATE,
        entity_id="e",
        filters=(Filter("f1", FilterOp.EQ),),
        changes=("f2",),
    )
    schema = Schema(entities=(users,), patterns=(update,))
    assert pattern_sql(schema, update) == 'UPDATE "us""ers"\nSET "na""me" = $1\nWHERE "id" = $2'
    insert = replace(update, operation=Operation.INSERT, filters=(), changes=())
    assert pattern_sql(schema, insert) == 'INSERT INTO "us""ers" ("na""me")\nVALUES ($1)'


def test_a_pattern_naming_a_deleted_field_has_no_sql():
    schema = blog_schema()
    pattern = replace(schema.patterns[0], filters=(Filter("gone", FilterOp.EQ),))
    assert pattern_sql(schema, pattern) is None
    with pytest.raises(Unwritable):
        pattern_query(schema, pattern)


def test_a_constant_in_list_gets_its_parentheses():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    status = posts.field_by_name("status").id
    pattern = AccessPattern(
        id="p",
        name="open",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=posts.id,
        filters=(Filter(status, FilterOp.IN, ValueKind.CONSTANT, "'draft', 'published'"),),
    )
    assert "t0.\"status\" IN ('draft', 'published')" in pattern_sql(schema, pattern)


# --- data ------------------------------------------------------------------------------------


def test_the_plan_scales_the_declared_volumes_to_the_cap():
    plan = data_plan(blog_schema(), max_rows=100_000)
    rows = {t.name: t.rows for t in plan.tables}
    assert 99_000 <= plan.total_rows <= 100_000
    assert rows["comments"] > rows["posts"] > rows["users"] > rows["tags"] >= 1
    assert rows["comments"] / rows["users"] == pytest.approx(900_000 / 50_000, rel=0.01)


def test_scale_multiplies_under_the_cap():
    plan = data_plan(blog_schema(), scale=0.01)
    assert {t.name: t.rows for t in plan.tables}["users"] == 500


def _rows(schema, plan):
    found = collections.defaultdict(list)
    for table, chunk in copy_chunks(schema, plan, now=NOW):
        found[table.name] += [line.split("\t") for line in chunk.splitlines()]
    return found


def test_rows_honour_keys_uniques_enums_and_foreign_keys():
    schema = blog_schema()
    plan = data_plan(schema, max_rows=20_000)
    rows = _rows(schema, plan)
    users, posts, post_tags = rows["users"], rows["posts"], rows["post_tags"]
    assert [u[0] for u in users] == [str(n) for n in range(1, len(users) + 1)]  # identity-like keys
    assert len({u[1] for u in users}) == len(users) and all("@" in u[1] for u in users)  # unique e-mails
    assert len({p[3] for p in posts}) == len(posts)  # unique slugs
    assert {p[5] for p in posts} <= {"draft", "published", "archived"}
    user_ids = {u[0] for u in users}
    assert all(p[1] in user_ids for p in posts)  # author_id points at a user
    assert len({(r[0], r[1]) for r in post_tags}) == len(post_tags)  # composite key, duplicates dropped
    assert all(u[4].endswith("+00") and u[4] <= "2026-12-01" for u in users)


def test_foreign_keys_are_skewed_a_few_parents_own_most_children():
    draws = zipf_draws(random.Random(1), parents=1_000, count=50_000)
    counts = sorted(collections.Counter(draws).values(), reverse=True)
    assert sum(counts[:10]) > 0.3 * 50_000  # 1 % of the parents own over 30 % of the children
    assert counts[len(counts) // 2] < 50 / 3  # while the median parent has a third of the average


def test_nullable_columns_get_nulls_by_their_name_and_text_is_escaped_for_copy():
    entity = Entity(
        id="e",
        name="people",
        primary_key=("id",),
        fields=(
            Field(id="id", name="id", type=FieldType(TypeKind.BIGINT), nullable=False),
            Field(id="del", name="deleted_at", type=FieldType(TypeKind.TIMESTAMPTZ)),
            Field(id="bio", name="bio", type=FieldType(TypeKind.TEXT)),
            Field(id="code", name="code", type=FieldType(TypeKind.VARCHAR, length=4), nullable=False),
        ),
    )
    schema = Schema(entities=(entity,), volumes=(Volume(entity_id="e", rows=2_000),))
    rows = _rows(schema, data_plan(schema))["people"]
    deleted_nulls = sum(r[1] == "\\N" for r in rows) / len(rows)
    bio_nulls = sum(r[2] == "\\N" for r in rows) / len(rows)
    assert 0.8 < deleted_nulls < 0.97 and 0.2 < bio_nulls < 0.4
    assert all(len(r) == 4 for r in rows)  # no tab or newline leaked from a value
    assert all(len(r[3]) <= 4 for r in rows)


def test_the_same_seed_gives_the_same_rows():
    schema = blog_schema()
    plan = data_plan(schema, max_rows=3_000)
    assert list(copy_chunks(schema, plan, now=NOW, seed=3)) == list(copy_chunks(schema, plan, now=NOW, seed=3))


# --- plans ----------------------------------------------------------------------------------


def test_a_sequential_scan_reads_far_more_than_it_keeps():
    plan = _plan("seq_scan")
    assert plan.seq_scans == ("comments",) and plan.indexes == ()
    assert (plan.rows_read, plan.rows_returned) == (50_000, 50)
    assert plan.findings() == ["Seq Scan on comments reads 50,000 rows to keep 100"]
    assert plan.tree.splitlines()[2].startswith("    Seq Scan on comments [Filter: (post_id = 7)]: rows 100")
    assert plan.shared_hit + plan.shared_read > 0 and plan.execution_ms > 0


def test_the_index_scan_after_the_index_reads_what_it_returns():
    plan = _plan("index_scan")
    assert plan.access == "Index Scan using comments_post_id_created_at_idx on comments"
    assert plan.indexes == ("comments_post_id_created_at_idx",) and plan.findings() == []
    assert plan.rows_read == plan.rows_returned == 50


def test_an_estimate_without_analyze_says_so():
    plan = _plan("estimate")
    assert plan.estimated and plan.execution_ms is None
    assert "estimated, cost" in plan.tree


def test_a_sort_that_spilled_to_disk_and_a_delete():
    assert "a sort spilled to disk (work_mem too small for it)" in _plan("sort_to_disk").findings()
    assert _plan("delete").nodes[0].node_type == "Delete"


# --- the report -----------------------------------------------------------------------------


def test_index_names_percentiles_and_verdicts():
    assert index_name('CREATE INDEX CONCURRENTLY IF NOT EXISTS "a ""b""" ON t (x);') == 'a "b"'
    assert index_name("create unique index Foo on t (x)") == "foo"
    assert index_name("ALTER TABLE t ADD PRIMARY KEY (id)") is None
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3 and percentile([5, 1, 3, 2, 4], 0.95) == 5
    seq, index = _plan("seq_scan").to_dict(), _plan("index_scan").to_dict()
    assert verdict({"p50_ms": 20, "plan": seq}, {"p50_ms": 1, "plan": index}) == "faster"
    assert verdict({"p50_ms": 1, "plan": seq}, {"p50_ms": 9, "plan": seq}) == "unchanged"  # same plan: noise


def _report(after_plan, *, error=None):
    pattern = {
        "id": "p1",
        "name": "recent comments",
        "sql": "SELECT 1",
        "before": {"p50_ms": 20.0, "p95_ms": 25.0, "plan": _plan("seq_scan").to_dict()},
        "after": {"p50_ms": 0.5, "p95_ms": 0.7, "plan": after_plan.to_dict()},
    }
    recommendation = {
        "code": "index.pattern",
        "title": "Composite index",
        "sql": "CREATE INDEX comments_post_id_created_at_idx ON comments (post_id)",
        "index": "comments_post_id_created_at_idx",
        "pattern_ids": ["p1"],
        "error": error,
    }
    return {
        "project": "blog",
        "server": "PostgreSQL 15",
        "runs": 20,
        "findings": [],
        "patterns": [pattern],
        "recommendations": [recommendation],
        "data": {"total_rows": 1000, "load_seconds": 1.0, "scale": 0.5, "max_rows": 1000},
    }


def test_a_claim_the_plan_bears_out_holds_and_one_it_contradicts_is_flagged():
    held = _report(_plan("index_scan"))
    judge_recommendations(held)
    claim = held["recommendations"][0]["claims"][0]
    assert claim["held"] is True and "40.0x faster" in claim["evidence"]
    contradicted = _report(_plan("seq_scan"))
    judge_recommendations(contradicted)
    assert contradicted["recommendations"][0]["contradicted"] is True
    failed = _report(_plan("seq_scan"), error="syntax error at or near \"'todo'\"")
    judge_recommendations(failed)
    failed["summary"] = summary(failed)
    assert failed["summary"]["recommendations_failed"] == 1
    text = markdown(failed)
    assert "its SQL runs: CONTRADICTED: syntax error" in text and "its SQL failed" in text


def test_the_cut_of_each_targeted_pattern_that_scanned_is_judged_on_the_client_and_the_server():
    report = _report(_plan("index_scan"))
    pattern = report["patterns"][0]
    pattern["before"].update(server={"p95_ms": 22.0})
    pattern["after"].update(server={"p95_ms": 0.2})
    judge_recommendations(report)
    report["summary"] = summary(report)
    (cut,) = target_cuts(report)
    assert cut["pattern"] == "recent comments" and cut["used"] and cut["met"] == "yes"  # 25 / 0.7 on the client
    assert round(cut["client_cut"], 1) == 35.7 and round(cut["server_cut"], 1) == 110.0
    pattern["after"]["p95_ms"] = 5.0  # a busy machine's round trip: only the server's clock shows the cut
    (cut,) = target_cuts(report)
    assert cut["met"] == "on the server; the client's p95 is bound by the round trip"
    pattern["after"]["plan"]["rows_returned"] = 356.0
    report["targets"] = target_cuts(report)
    assert report["targets"][0]["met"] == "on the server; the client's p95 is bound by 356 rows returned"
    assert "| recent comments | comments_post_id_created_at_idx | yes | 25.0 → 5.000 | 5.0x |" in markdown(report)
    pattern["after"]["server"]["p95_ms"] = 11.0
    assert target_cuts(report)[0]["met"] == "no"
    pattern["after"]["plan"]["rows_returned"] = 9312.0  # library's overdue loans: 5 % of the table
    assert target_cuts(report)[0]["met"] == "no: bounded by the result, 9,312 rows that every run reads and returns"
    report["recommendations"][0]["entity_id"] = "ent_loans"
    report["data"]["tables"] = [{"id": "ent_loans", "name": "loans", "declared": 2_000_000, "rows": 4_000}]
    assert target_cuts(report)[0]["met"].startswith("not judged: loans holds 4,000 rows here (declared 2,000,000)")
    pattern["before"]["plan"] = _plan("index_scan").to_dict()  # it did not scan before: not a target
    assert target_cuts(report) == []


def test_a_claim_on_a_table_scaled_down_to_a_few_pages_is_not_judged_rather_than_contradicted():
    # saas's users: 100,000 rows declared, 284 loaded at the 1 M cap; the planner rightly reads
    # 284 rows whole, which says nothing about the index at 100,000.
    scaled = _report(_plan("seq_scan"))
    scaled["recommendations"][0]["entity_id"] = "ent_users"
    scaled["data"]["tables"] = [{"id": "ent_users", "name": "users", "declared": 100_000, "rows": 284}]
    judge_recommendations(scaled)
    (claim,) = scaled["recommendations"][0]["claims"]
    assert claim["held"] is None and scaled["recommendations"][0]["contradicted"] is False
    assert "not judged: users holds 284 rows here (declared 100,000), too few" in claim["evidence"]
    # The same 284 rows as the declared volume, or 50,000 loaded: contradicted as before.
    for declared, rows in ((284, 284), (100_000, 50_000)):
        full = _report(_plan("seq_scan"))
        full["recommendations"][0]["entity_id"] = "ent_users"
        full["data"]["tables"] = [{"id": "ent_users", "name": "users", "declared": declared, "rows": rows}]
        judge_recommendations(full)
        assert full["recommendations"][0]["contradicted"] is True


def test_every_kind_of_value_by_name_has_a_faker_provider(monkeypatch):
    from designer.verify import data

    monkeypatch.setattr(data, "POOL_SIZE", 50)
    pools = data._Pools(1)
    for _, kind in (*data._NAME_KINDS, ("", "word"), ("", "company")):
        values = pools.get(kind)
        assert len(values) == 50 and all("\t" not in v and "\n" not in v for v in values), kind


def test_array_and_json_containment_bind_one_contained_value():
    from designer.advice.quality import load_fixture

    text = (Path(__file__).parents[1] / "advisor_fixtures" / "catalogue.toml").read_text()
    schema = load_fixture(text, name="catalogue").schema
    tagged = next(p for p in schema.patterns if p.name == "products with a tag")
    query = pattern_query(schema, tagged)
    assert 't0."tags" @> $1' in query.sql and [s.use for s in query.slots] == ["contained"]
