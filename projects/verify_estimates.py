"""Planner estimates with hypothetical indexes, for a run whose data had to be scaled down.

When the declared volumes pass the row cap, the timings are measured on fewer rows than
production will hold. Beside them, each index recommendation is created *hypothetically*
(hypopg: the planner sees the index, nothing is built) and every pattern it names is
EXPLAINed without and with it. The planner's total costs, and whether it picks the index,
are the estimate; the report labels them as such. A server without hypopg gets a finding
saying so. Part of ``projects.verification``'s run, before the advice's SQL is executed.
"""

from __future__ import annotations

import re

import psycopg

from designer.verify.pattern_sql import PatternQuery

# hypopg reads a CREATE INDEX statement; a recommendation may carry others first
# (CREATE EXTENSION pg_trgm;).
_CREATE_INDEX = re.compile(r"CREATE\s+(?:UNIQUE\s+)?INDEX\b.*?;(?=\s*(?:$|\n))", re.I | re.S)
# hypopg 1.3 keeps a partial index's predicate as written, where PostgreSQL simplifies a
# real one: ``"active" = TRUE`` then never matches the query's ``active`` (measured: the
# hypothetical index went unused, the real one served the pattern 55x faster).
_BOOLEAN_TEST = re.compile(r'("(?:[^"]|"")+")\s*=\s*(TRUE|FALSE)\b', re.I)


def hypothetical_estimates(
    connection, *, queries: list[PatternQuery], samples: dict, recommendations: list[dict], data: dict
) -> dict:
    """The report's ``estimates`` section; fills ``estimate`` on each index recommendation."""
    section = {"method": "hypopg", "scale": data["scale"], "rows_loaded": data["total_rows"]}
    unavailable = _enable_hypopg(connection)
    if unavailable:
        return section | {"available": False, "reason": unavailable}
    by_pattern = {q.pattern_id: q for q in queries}
    for recommendation in recommendations:
        statements = _CREATE_INDEX.findall(recommendation.get("sql") or "")
        targeted = [by_pattern[i] for i in recommendation.get("pattern_ids", []) if i in by_pattern]
        if len(statements) == 1 and targeted:
            recommendation["estimate"] = _estimate_one(connection, statements[0], targeted, samples)
    return section | {"available": True}


def _enable_hypopg(connection) -> str | None:
    """None when hypopg is ready in the scratch database, else why not."""
    found = connection.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'").fetchone()
    if found is None:
        return "the server has no hypopg extension (Debian: apt-get install postgresql-15-hypopg)"
    try:
        connection.execute("CREATE EXTENSION IF NOT EXISTS hypopg")
    except psycopg.Error as error:
        return f"CREATE EXTENSION hypopg failed: {str(error).strip().splitlines()[0]}"
    return None


def _estimate_one(connection, statement: str, targeted: list[PatternQuery], samples: dict) -> dict:
    before = {q.pattern_id: _cost(connection, q, samples[q.pattern_id]["typical"]) for q in targeted}
    statement = _BOOLEAN_TEST.sub(lambda m: m[1] if m[2].upper() == "TRUE" else f"NOT {m[1]}", statement)
    try:
        (_, hypothetical_name) = connection.execute("SELECT * FROM hypopg_create_index(%s)", [statement]).fetchone()
    except psycopg.Error as error:  # GIN and GiST are not hypopg's: the measurement stands alone
        return {"error": str(error).strip().splitlines()[0]}
    try:
        patterns = []
        for query in targeted:
            cost, plan_text = _cost(connection, query, samples[query.pattern_id]["typical"])
            cost_before = before[query.pattern_id][0]
            patterns.append(
                {
                    "pattern_id": query.pattern_id,
                    "cost_before": cost_before,
                    "cost_with": cost,
                    "uses_index": hypothetical_name in plan_text,
                    "ratio": cost_before / cost if cost and cost_before else None,
                }
            )
    finally:
        connection.execute("SELECT hypopg_reset()")
    return {"patterns": patterns}


def _cost(connection, query: PatternQuery, params: list) -> tuple[float | None, str]:
    """The planner's total cost of the statement and its plan as text (EXPLAIN without
    ANALYZE: nothing runs, so a write changes nothing)."""
    try:
        [[plan]] = connection.execute("EXPLAIN (FORMAT JSON) " + query.sql, params).fetchall()
    except psycopg.Error:
        return None, ""
    return plan[0]["Plan"]["Total Cost"], str(plan)
