"""The verification report: figures from a run judged and written out.

The runner (``projects.verification``) measures and fills a plain dict; this module
computes what follows from the figures (percentiles, speed-ups, whether each
recommendation's claim held) and writes the Markdown. The JSON is the dict itself, so
``verify --format json``, the Verify page and ``verification.md`` say the same thing.
"""

from __future__ import annotations

import math
import re

FASTER = 1.5  # after at least 1.5x faster: "faster"; 1/1.5: "slower"; between: "unchanged"
NOISE_MS = 0.2  # p50s closer than this are "unchanged" whatever the ratio (timer and scheduler noise)
FK_CHECK_FASTER = 2.0
# A table scaled down to fewer rows than this is read whole in about a millisecond: the
# planner rightly ignores an index there and a delete's check gains little, so a claim
# about it cannot be judged at that scale (at the declared volume it would be).
SCALED_TOO_SMALL_ROWS = 10_000
_INDEX_NAME = re.compile(
    r'CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|`(?:[^`]|``)+`|[\w$]+)',
    re.I,
)


def percentile(samples: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0..1) of ``samples``; None for none."""
    if not samples:
        return None
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def timing(samples_ms: list[float]) -> dict:
    return {"runs": len(samples_ms), "p50_ms": percentile(samples_ms, 0.5), "p95_ms": percentile(samples_ms, 0.95)}


def index_name(sql: str | None) -> str | None:
    """The name a CREATE INDEX statement gives (unquoted), or None. Comment lines are
    skipped: a migration's ``-- step 0: create index comments.…`` is not the statement."""
    statements = "\n".join(line for line in (sql or "").splitlines() if not line.lstrip().startswith("--"))
    match = _INDEX_NAME.search(statements)
    if match is None:
        return None
    name = match.group(1)
    if name[0] in '"`':  # PostgreSQL's and SQLite's quotes, MariaDB's backticks
        return name[1:-1].replace(name[0] * 2, name[0])
    return name.lower()


def speedup(before: dict | None, after: dict | None) -> float | None:
    """before p50 / after p50 (>1: faster after)."""
    if not before or not after or not before.get("p50_ms") or not after.get("p50_ms"):
        return None
    return before["p50_ms"] / after["p50_ms"]


def verdict(before: dict | None, after: dict | None) -> str:
    """faster / slower / unchanged. The same plan before and after is "unchanged" whatever
    the clock said: on a busy machine two timings of one plan differ by noise alone."""
    factor = speedup(before, after)
    if factor is None:
        return "not measured"
    if _plan_access(before) == _plan_access(after) or abs(before["p50_ms"] - after["p50_ms"]) < NOISE_MS:
        return "unchanged"
    if factor >= FASTER:
        return "faster"
    if factor <= 1 / FASTER:
        return "slower"
    return "unchanged"


def _plan_access(figures: dict) -> str | None:
    return (figures.get("plan") or {}).get("access")


def judge_recommendations(report: dict) -> None:
    """Fill each recommendation's ``claims`` from the patterns' plans and timings and the
    parent deletes measured for foreign-key indexes. A claim is held (True), contradicted
    (False) or not measurable (None), with the evidence in words."""
    patterns = {p["id"]: p for p in report["patterns"]}
    for recommendation in report["recommendations"]:
        too_small = _scaled_too_small(report, recommendation.get("entity_id"))
        recommendation["claims"] = [
            _unjudged(claim, too_small)
            if too_small and claim["held"] is False and not recommendation.get("error")
            else claim
            for claim in _claims(recommendation, patterns, report)
        ]
        verdicts = [c["held"] for c in recommendation["claims"]]
        recommendation["contradicted"] = any(v is False for v in verdicts) or bool(recommendation.get("error"))


def _claims(recommendation: dict, patterns: dict, report: dict):
    if recommendation.get("error"):
        yield {"claim": "its SQL runs", "held": False, "evidence": recommendation["error"]}
        return
    if not recommendation.get("sql"):
        return
    name = recommendation.get("index")
    if name is None:
        yield {"claim": "its SQL runs", "held": True, "evidence": "applied; not an index, so no plan to check"}
        return
    users = [p for p in report["patterns"] if name in ((p.get("after") or {}).get("plan") or {}).get("indexes", [])]
    for pattern_id in recommendation.get("pattern_ids", []):
        pattern = patterns.get(pattern_id)
        if pattern is None or pattern.get("error"):
            continue
        yield _pattern_claim(name, pattern)
    delete = recommendation.get("parent_delete")
    if delete:
        factor = speedup(delete.get("before"), delete.get("after"))
        held = factor is not None and factor >= FK_CHECK_FASTER
        yield {
            "claim": f"serves the foreign-key check of deletes from {delete['parent']}",
            "held": held,
            "evidence": f"the foreign-key check of {delete['parent']} deletes: {_ms(delete.get('before'))} → "
            f"{_ms(delete.get('after'))}" + (f" ({factor:,.1f}x faster)" if factor else ""),
        }
    if not recommendation.get("pattern_ids") and not delete:
        used = ", ".join(p["name"] for p in users)
        yield {
            "claim": "a declared pattern uses it",
            "held": bool(users),
            "evidence": f"used by {used}" if users else "no declared pattern's plan uses it",
        }


def _scaled_too_small(report: dict, entity_id: str | None) -> dict | None:
    """The data section's entry for the recommendation's table when the run loaded it
    scaled down below SCALED_TOO_SMALL_ROWS rows, else None."""
    for table in (report.get("data") or {}).get("tables", []):
        if table.get("id") == entity_id and entity_id is not None:
            declared, rows = table.get("declared"), table.get("rows", 0)
            scaled_down = declared is not None and rows < declared
            return table if scaled_down and rows < SCALED_TOO_SMALL_ROWS else None
    return None


def _unjudged(claim: dict, table: dict) -> dict:
    """A claim the run's scale cannot test: neither held nor contradicted, and why."""
    return {
        **claim,
        "held": None,
        "evidence": f"{claim['evidence']}; not judged: {table['name']} holds {table['rows']:,} rows here "
        f"(declared {table['declared']:,}), too few for an index to matter at this scale",
    }


def _pattern_claim(name: str, pattern: dict) -> dict:
    plan = (pattern.get("after") or {}).get("plan") or {}
    used = name in plan.get("indexes", [])
    factor = speedup(pattern.get("before"), pattern.get("after"))
    faster = f", {factor:,.1f}x {'faster' if factor >= 1 else 'slower'}" if factor else ""
    evidence = (
        f"the plan uses it ({plan.get('access', '')}){faster}"
        if used
        else f"the plan does not use it ({plan.get('access', 'no plan')}){faster}"
    )
    return {"claim": f"{pattern['name']} uses it", "held": used, "evidence": evidence}


def _ms(figures: dict | None) -> str:
    if not figures or figures.get("p50_ms") is None:
        return "—"
    return f"{figures['p50_ms']:.3f} ms"


def summary(report: dict) -> dict:
    """The headline numbers: patterns faster/unchanged/slower, recommendations that
    failed or whose claim EXPLAIN contradicts."""
    counts = {"faster": 0, "unchanged": 0, "slower": 0, "not measured": 0}
    for pattern in report["patterns"]:
        pattern["verdict"] = verdict(pattern.get("before"), pattern.get("after"))
        counts[pattern["verdict"]] += 1
    recommendations = report["recommendations"]
    return {
        "patterns": len(report["patterns"]),
        **counts,
        "recommendations_run": sum(1 for r in recommendations if r.get("sql")),
        "recommendations_failed": sum(1 for r in recommendations if r.get("error")),
        "claims_contradicted": sum(1 for r in recommendations for c in r.get("claims", []) if c["held"] is False),
    }


TARGET_CUT = 10.0  # issue 19: a recommended index cuts its pattern's p95 at least 10x where it scanned


def target_cuts(report: dict) -> list[dict]:
    """Each pattern an index recommendation names that read a table whole before the
    advice: its p95 before → after on the client (the round trip, rows included) and on
    the server (planning + execution), the rows it returns, and whether the cut reached
    TARGET_CUT, with the reason when only the server's did (the rows sent, or the
    scheduler of a busy machine, bound the client's time)."""
    patterns = {p["id"]: p for p in report["patterns"]}
    cuts = []
    for recommendation in report["recommendations"]:
        if not recommendation.get("index") or recommendation.get("error"):
            continue
        for pattern_id in recommendation.get("pattern_ids", []):
            pattern = patterns.get(pattern_id) or {}
            before, after = pattern.get("before") or {}, pattern.get("after") or {}
            if not (before.get("plan") or {}).get("seq_scans") or "p95_ms" not in after:
                continue  # it did not scan before (or did not run): nothing for an index to cut
            cut = _cut(pattern, recommendation["index"], before, after)
            too_small = _scaled_too_small(report, recommendation.get("entity_id"))
            if too_small and cut["met"] != "yes":
                cut["met"] = (
                    f"not judged: {too_small['name']} holds {too_small['rows']:,} rows here "
                    f"(declared {too_small['declared']:,}), read whole in well under a millisecond"
                )
            cuts.append(cut)
    return cuts


LARGE_RESULT_ROWS = 1_000  # a pattern returning this many rows spends its time on them, not on finding them


def _cut(pattern: dict, index: str, before: dict, after: dict) -> dict:
    client = _ratio(before.get("p95_ms"), after.get("p95_ms"))
    server = _ratio((before.get("server") or {}).get("p95_ms"), (after.get("server") or {}).get("p95_ms"))
    rows = (after.get("plan") or {}).get("rows_returned")
    if client is not None and client >= TARGET_CUT:
        met = "yes"
    elif server is not None and server >= TARGET_CUT:
        bound = f"{rows:,.0f} rows returned" if rows and rows > 100 else "the round trip"
        met = f"on the server; the client's p95 is bound by {bound}"
    elif rows and rows >= LARGE_RESULT_ROWS:
        met = f"no: bounded by the result, {rows:,.0f} rows that every run reads and returns"
    else:
        met = "no"
    return {
        "pattern": pattern["name"],
        "index": index,
        "used": index in (after.get("plan") or {}).get("indexes", []),
        "p95_ms": [before.get("p95_ms"), after.get("p95_ms")],
        "server_p95_ms": [(before.get("server") or {}).get("p95_ms"), (after.get("server") or {}).get("p95_ms")],
        "client_cut": client,
        "server_cut": server,
        "rows_returned": rows,
        "met": met,
    }


def _ratio(before: float | None, after: float | None) -> float | None:
    return before / after if before and after else None


# --- Markdown -------------------------------------------------------------------------------


def markdown(report: dict) -> str:
    data, summary_ = report["data"], report["summary"]
    lines = [
        f"# Verification of {report['project']}" + (f" v{report['version']}" if report.get("version") else ""),
        "",
        f"Server: {report['server']}. {data['total_rows']:,} rows generated and loaded in "
        f"{data['load_seconds']:.1f} s (scale {data['scale']:.3g} of the declared volumes, cap "
        f"{data['max_rows']:,}); every pattern run {report['runs']} times with a typical and the "
        "heaviest key.",
        "",
        f"**{summary_['faster']} faster, {summary_['unchanged']} unchanged, {summary_['slower']} slower** of "
        f"{summary_['patterns']} patterns after the advice; {summary_['recommendations_failed']} of "
        f"{summary_['recommendations_run']} recommendation SQL failed; {summary_['claims_contradicted']} claims "
        "contradicted by EXPLAIN.",
        "",
        "## Patterns, before → after the advice",
        "",
        "| pattern | p50 before | p95 before | p50 after | p95 after | heaviest key p95 after | plan after |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for pattern in report["patterns"]:
        before, after = pattern.get("before") or {}, pattern.get("after") or {}
        error = pattern.get("error") or before.get("error") or after.get("error")
        if error:
            lines.append(f"| {_cell(pattern['name'])} | failed: {_cell(error)} | | | | | |")
            continue
        lines.append(
            f"| {_cell(pattern['name'])} | {_f(before.get('p50_ms'))} | {_f(before.get('p95_ms'))} | "
            f"{_f(after.get('p50_ms'))} | {_f(after.get('p95_ms'))} | {_f((after.get('heaviest') or {}).get('p95_ms'))} | "
            f"{_cell((after.get('plan') or {}).get('access', ''))} |"
        )
    lines += _targets(report.get("targets"))
    lines += ["", "## Recommendations", ""]
    for recommendation in report["recommendations"]:
        if not recommendation.get("sql"):
            continue
        mark = "✗" if recommendation.get("contradicted") else "✓"
        lines.append(f"- {mark} **{recommendation['title']}** (`{recommendation['code']}`)")
        lines += _sql_item(recommendation["sql"].strip())
        for claim in recommendation.get("claims", []):
            state = {True: "held", False: "CONTRADICTED", None: "not measured"}[claim["held"]]
            lines.append(f"  - {claim['claim']}: {state}: {claim['evidence']}")
        lines += [f"  - {text}" for text in estimate_lines(recommendation, report)]
    lines += _findings(report)
    lines += _rehearsal(report.get("rehearsal"))
    lines += ["", "## Plans", ""]
    for pattern in report["patterns"]:
        if pattern.get("error"):
            continue
        lines += [f"### {pattern['name']}", "", "```sql", pattern["sql"], "```", ""]
        for moment in ("before", "after"):
            plan = (pattern.get(moment) or {}).get("plan")
            if plan:
                lines += [f"{moment}:", "", "```", plan["tree"], "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _sql_item(sql: str) -> list[str]:
    """One line inline; a migration of several lines (SQLite's, MariaDB's) as a block."""
    if "\n" not in sql:
        return [f"  - SQL: `{sql}`"]
    return ["  - SQL:", "", "    ```sql", *(f"    {line}" for line in sql.splitlines()), "    ```", ""]


def estimate_lines(recommendation: dict, report: dict) -> list[str]:
    """The planner's estimate with the index hypothetical (hypopg), in words, labelled as
    an estimate: the timings above are measured on fewer rows than declared."""
    estimate = recommendation.get("estimate")
    if not estimate:
        return []
    if estimate.get("error"):
        return [f"estimate (hypopg): none: {estimate['error']}"]
    names = {p["id"]: p["name"] for p in report["patterns"]}
    lines = []
    for row in estimate["patterns"]:
        ratio = f", {row['ratio']:,.1f}x cheaper" if row.get("ratio") else ""
        choice = "the planner picks it" if row["uses_index"] else "the planner does not pick it"
        lines.append(
            f"estimate (planner cost, hypothetical index, data at {report['estimates']['scale']:.3g} of the declared "
            f"volumes): {names.get(row['pattern_id'], '?')}: {_cost(row['cost_before'])} → {_cost(row['cost_with'])}"
            f"{ratio}; {choice}"
        )
    return lines


def _cost(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def findings(report: dict) -> list[str]:
    """Everything worth a look, in words: data the constraints refused, patterns whose SQL
    failed, plans that read far more than they return, failed recommendation SQL."""
    found = list(report.get("findings", []))
    estimates = report.get("estimates") or {}
    if estimates.get("available") is False:
        found.append(
            f"the data is {estimates['scale']:.3g} of the declared volumes and no planner estimate with "
            f"hypothetical indexes was made: {estimates['reason']}"
        )
    for pattern in report["patterns"]:
        for moment in ("before", "after"):
            error = (pattern.get(moment) or {}).get("error")
            if error:
                found.append(f"{pattern['name']} fails {moment} the advice: {error}")
        if pattern.get("error"):
            found.append(f"{pattern['name']}: {pattern['error']}")
        plan = (pattern.get("after") or {}).get("plan") or {}
        found += [f"{pattern['name']}: {text}" for text in plan.get("findings", [])]
    found += [
        f"recommendation {r['title']!r}: its SQL failed: {r['error']}"
        for r in report["recommendations"]
        if r.get("error")
    ]
    return found


def _findings(report: dict) -> list[str]:
    found = findings(report)
    return ["", "## Findings", "", *[f"- {text}" for text in found]] if found else []


def _targets(targets: list[dict] | None) -> list[str]:
    if not targets:
        return []
    lines = [
        "",
        f"## Patterns that scanned, and the index recommended for them (goal: p95 cut {TARGET_CUT:.0f}x)",
        "",
        "| pattern | index | used | p95 ms before → after | cut | server p95 ms before → after | cut | rows | met |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for t in targets:
        lines.append(
            f"| {_cell(t['pattern'])} | {_cell(t['index'])} | {'yes' if t['used'] else 'no'} | "
            f"{_f(t['p95_ms'][0])} → {_f(t['p95_ms'][1])} | {_x(t['client_cut'])} | "
            f"{_f(t['server_p95_ms'][0])} → {_f(t['server_p95_ms'][1])} | {_x(t['server_cut'])} | "
            f"{'—' if t['rows_returned'] is None else format(t['rows_returned'], ',.0f')} | {_cell(t['met'])} |"
        )
    return lines


def _x(factor: float | None) -> str:
    return "—" if factor is None else f"{factor:,.1f}x"


def _rehearsal(rehearsal: dict | None) -> list[str]:
    if not rehearsal:
        return []
    lines = [
        "",
        f"## Migration rehearsal: v{rehearsal['from_version']} → v{rehearsal['to_version']} on "
        f"{rehearsal['rows']:,} rows",
        "",
        f"Read patterns ran in a loop meanwhile ({rehearsal['reads']} queries, longest "
        f"{_f(rehearsal['longest_read_ms'])} ms). lock_timeout: {rehearsal['lock_timeout']}.",
        "",
        "| direction | step | duration ms | longest lock wait ms | blocked query | error |",
        "|---|---|---:|---:|---|---|",
    ]
    for step in rehearsal["steps"]:
        lines.append(
            f"| {step['direction']} | {_cell(step['subject'])} | {_f(step.get('duration_ms'))} | "
            f"{_f(step.get('longest_wait_ms'))} | {_cell(step.get('blocked_query') or '')} | {_cell(step.get('error') or '')} |"
        )
    lines += ["", *[f"- {text}" for text in rehearsal.get("findings", [])]]
    return lines


def _f(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")[:200]
