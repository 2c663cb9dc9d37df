"""Benchmarks that print tables, each against a baseline measured in the same run
(median and p95 of several runs): our edit-to-response time against raw Graphviz on
the same DOT, for projects laid out by `dot` on every edit and for arranged (pinned)
projects; the first layout's size and edge length on real schemas, `dot` against our
automatic layout; the advisor against the workload summary it starts from; the
migration engine on a synthetic version history against writing the same versions as
documents."""

from __future__ import annotations

import itertools
import math
import re
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from designer.advice import analyze
from designer.diagram import DiagramOptions, build_dot, diagram_cache_key
from designer.diagram.layout import automatic_positions
from designer.examples.synthetic import synthetic_schema, synthetic_workload
from designer.examples.synthetic_history import synthetic_history
from designer.formats import import_text, json_doc
from designer.formats.dbml import parse_dbml
from designer.migrate import diff, full_ddl, render
from designer.schema import Schema, replace
from designer.types import DIALECTS
from designer.workload import workload_summary
from projects import memo, services
from projects.diagrams import diagram_for_page
from projects.selectors import project_schema

SIZES = (10, 50, 200, 500, 1000, 2000)
# Up to this size each edit is paired with a raw full `dot` layout of the same tables;
# beyond it `dot` runs once and is stopped after RAW_DOT_LIMIT_S (at 1,000 tables it
# takes about 16 s; at 2,000 it ran for over 17 minutes here): the ratio is an upper bound.
PAIRED_UP_TO = 500
EXAMPLES = Path(__file__).resolve().parents[2] / "designer" / "examples"
RAW_DOT_LIMIT_S = 120


@dataclass(frozen=True)
class DiagramRow:
    entities: int
    dot_median_ms: float  # raw full `dot` layout; with dot_stopped: the limit it was stopped at
    pinned_median_ms: float  # raw `dot` drawing the same tables pinned (what an edit draws)
    edit_median_ms: float  # arranged project: edit → complete response
    edit_p95_ms: float
    unchanged_edit_median_ms: float
    cached_diagram_median_ms: float
    dot_stopped: bool = False
    page_ms: float = 0.0  # the editor page, cold
    page_bytes: int = 0

    @property
    def ratio(self) -> float:
        return self.edit_median_ms / self.dot_median_ms


def bench_diagram(*, sizes=SIZES, edits: int = 20) -> list[DiagramRow]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    client = Client()
    client.force_login(user)
    try:
        return [_measure(client, user, size=size, edits=edits) for size in sizes]
    finally:
        user.delete()  # cascades to the benchmark projects


def _measure(client, user, *, size: int, edits: int) -> DiagramRow:
    """An arranged project (every table has its place, as after an import or a first
    edit): rename a field ``edits`` times; each edit changes a table's contents, so
    the drawing is new each time. Against raw `dot` laying out the same tables."""
    schema = synthetic_schema(entities=size)
    schema = replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema, timeout=600)))
    project = services.project_create(owner=user, name=f"bench {size}", schema=schema)
    entity = schema.entities[size // 2]
    url = reverse("field_update", args=[project.pk, entity.id, entity.fields[-1].id])
    options = DiagramOptions(selected_entity_id=entity.id)
    cache.clear()
    page_ms, page_bytes, page_token = _first_page(client, project, selected=entity.id)
    # The page's drawing (from 300 tables its sketch), as the page sends it back: each edit
    # answers with a patch. (Starting from none drew the whole diagram on the first edit,
    # and at 10,000 tables, where that cannot finish in time, on every edit.)
    token = [page_token]

    def edit(name: str, comment: str = "") -> float:
        project.refresh_from_db(fields=["revision"])
        data = {
            "base_revision": project.revision,
            "name": name,
            "type": "text",
            "nullable": "on",
            "comment": comment,
            "selected": entity.id,
            "drawn": token[0],
        }
        started = time.perf_counter()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200 and b"<svg" in response.content, response.content[:500]
        token[0] = _token(response.content.decode())
        return elapsed

    def schema_now() -> Schema:
        return project_schema(project.__class__.objects.get(pk=project.pk))

    def unarranged(current: Schema) -> str:  # the same tables, laid out by `dot`
        return build_dot(replace(current, diagram=replace(current.diagram, positions=())), options=options)

    drawn, dot_times, pinned_times = [], [], []
    stopped = False
    for i in range(edits):
        drawn.append(edit(f"renamed_{i}"))
        # Right after each edit, raw `dot` on the same tables: pairs taken together, so a
        # machine that speeds up or slows down during the run moves both sides alike.
        current = schema_now()
        pinned_times.append(_raw_dot_ms(build_dot(current, options=options)))
        if size <= PAIRED_UP_TO or i == 0:
            raw = _raw_dot_ms(unarranged(current), limit=RAW_DOT_LIMIT_S)
            stopped = stopped or raw is None
            dot_times.append(RAW_DOT_LIMIT_S * 1000 if raw is None else raw)
    # A field comment changes the table's tooltip: a patch too.
    unchanged = [edit(f"renamed_{edits - 1}", comment=f"note {i}") for i in range(edits)]
    current = schema_now()
    cached = [_cached_diagram_ms(current, selected=entity.id) for _ in range(edits)]
    return DiagramRow(
        entities=size,
        dot_median_ms=statistics.median(dot_times),
        pinned_median_ms=statistics.median(pinned_times),
        edit_median_ms=statistics.median(drawn),
        edit_p95_ms=_p95(drawn),
        unchanged_edit_median_ms=statistics.median(unchanged),
        cached_diagram_median_ms=statistics.median(cached),
        dot_stopped=stopped,
        page_ms=page_ms,
        page_bytes=page_bytes,
    )


def _first_page(client, project, *, selected: str) -> tuple[float, int, str]:
    """The editor page's answer, cold (memos emptied as in a new process; the drawing's
    render cache too): the page a large diagram opens on (its sketch)."""
    memo.clear_all()
    cache.clear()
    started = time.perf_counter()
    response = client.get(reverse("project_detail", args=[project.pk]), {"selected": selected})
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200 and b"<svg" in response.content
    return elapsed, len(response.content), _token(response.content.decode())


def _token(body: str) -> str:
    """What the page would send back after this answer (diagram.js sets it once a patch is in)."""
    found = re.search(r'data-drawn="([^"]*)"', body) or re.search(
        r'id="diagram-drawn" name="drawn" value="([^"]*)"', body
    )
    return found[1] if found else ""


def _cached_diagram_ms(schema, *, selected: str) -> float:
    """What a request for the whole drawing spends when it is in the render cache: build
    the DOT, find its render."""
    options = DiagramOptions(selected_entity_id=selected)
    if cache.get(diagram_cache_key(build_dot(schema, options=options), "svg")) is None:
        diagram_for_page(schema, options=options)  # edits send patches: draw it whole once
    started = time.perf_counter()
    diagram = diagram_for_page(schema, options=options)
    elapsed = (time.perf_counter() - started) * 1000
    assert diagram.svg
    return elapsed


def _raw_dot_ms(dot_text: str, *, limit: float = 1800) -> float | None:
    """None: still running after ``limit`` seconds (stopped)."""
    started = time.perf_counter()
    try:
        subprocess.run(["dot", "-Tsvg"], input=dot_text.encode(), capture_output=True, check=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def diagram_table(rows: list[DiagramRow]) -> str:
    header = (
        "| entities | raw `dot -Tsvg`, full layout (median) | raw `dot`, pinned drawing | "
        "arranged: edit → response (median) | p95 | edit ÷ raw full `dot` "
        "| comment edit → response | whole diagram from cache | editor page, cold | page size |"
    )
    lines = [header, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        raw = f"> {row.dot_median_ms / 1000:.0f} s (stopped)" if row.dot_stopped else f"{row.dot_median_ms:.1f} ms"
        ratio = f"{'< ' if row.dot_stopped else ''}{row.ratio:.2f}"
        lines.append(
            f"| {row.entities} | {raw} | {row.pinned_median_ms:.1f} ms | {row.edit_median_ms:.1f} ms "
            f"| {row.edit_p95_ms:.1f} ms | {ratio} | {row.unchanged_edit_median_ms:.1f} ms "
            f"| {row.cached_diagram_median_ms:.1f} ms | {row.page_ms:.0f} ms | {row.page_bytes / 1e6:.1f} MB |"
        )
    return "\n".join(lines)


# --- the first layout on real schemas -------------------------------------------------


@dataclass(frozen=True)
class LayoutRow:
    name: str
    entities: int
    how: str  # "dot" (before) or "automatic" (after)
    width_px: float
    height_px: float
    edge_length_px: float
    edges: int

    @property
    def aspect(self) -> float:
        return self.width_px / self.height_px


REALWORLD = Path(__file__).resolve().parents[2] / "tests" / "realworld"


def layout_fixtures() -> list[tuple[str, Schema]]:
    def dump(path: str) -> Schema:
        return import_text((REALWORLD / path).read_text(), fmt=path.split("/")[0]).schema

    return [
        ("blog (demo)", parse_dbml((EXAMPLES / "blog.dbml").read_text())),
        ("Kanboard", dump("postgresql/kanboard.sql")),
        ("AdventureWorks", parse_dbml((EXAMPLES / "adventureworks.dbml").read_text())),
        ("DolphinScheduler", dump("postgresql/dolphinscheduler.sql")),
        ("synthetic 200", synthetic_schema(entities=200)),
    ]


def bench_layout() -> list[LayoutRow]:
    """Bounding box (px at 96 dpi) and total edge length of the first layout, as `dot`
    draws it and as our automatic layout (sfdp, then pinned) does, from Graphviz's own
    geometry (`-Tplain`: node boxes and each edge's control points)."""
    rows = []
    for name, schema in layout_fixtures():
        placed = automatic_positions(schema, show=schema.diagram.show_columns, timeout=600)
        after = replace(schema, diagram=replace(schema.diagram, positions=placed))
        for how, drawn in (("dot", schema), ("automatic", after)):
            width, height, length, edges = _plain_geometry(build_dot(drawn))
            rows.append(LayoutRow(name, len(schema.entities), how, width, height, length, edges))
        for show in ("keys", "none"):  # the smaller boxes of "keys only" and "titles only"
            shown = replace(schema, diagram=replace(schema.diagram, show_columns=show))
            placed = automatic_positions(shown, show=show, timeout=600)
            width, height, length, edges = _plain_geometry(
                build_dot(replace(shown, diagram=replace(shown.diagram, positions=placed)))
            )
            rows.append(LayoutRow(name, len(schema.entities), f"automatic, {show}", width, height, length, edges))
    return rows


def _plain_geometry(dot_text: str) -> tuple[float, float, float, int]:
    done = subprocess.run(["dot", "-Tplain"], input=dot_text.encode(), capture_output=True, check=True, timeout=600)
    width = height = length = 0.0
    edges = 0
    for line in done.stdout.decode().splitlines():
        parts = line.split()
        if parts[:1] == ["graph"]:
            width, height = float(parts[2]) * 96, float(parts[3]) * 96
        elif parts[:1] == ["edge"]:
            count = int(parts[3])
            points = [(float(parts[4 + 2 * i]), float(parts[5 + 2 * i])) for i in range(count)]
            length += sum(math.dist(a, b) for a, b in itertools.pairwise(points)) * 96
            edges += 1
    return width, height, length, edges


def layout_table(rows: list[LayoutRow]) -> str:
    lines = [
        "| schema | tables | first layout | bounding box (px at 96 dpi) | area per table | aspect (w : h) "
        "| total edge length | per edge |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.entities} | {row.how} | {row.width_px:.0f} × {row.height_px:.0f} "  # noqa: RUF001
            f"| {row.width_px * row.height_px / max(row.entities, 1) / 1000:.0f}k px² | {row.aspect:.2f} | {row.edge_length_px:.0f} px | {row.edge_length_px / max(row.edges, 1):.0f} px |"
        )
    return "\n".join(lines)


# --- the advisor ---------------------------------------------------------------------------

ADVISOR_SIZES = (50, 200, 500)  # entities; each with twice as many access patterns (500 → 1,000)


@dataclass(frozen=True)
class AdvisorRow:
    entities: int
    patterns: int
    summary_median_ms: float
    analyze_median_ms: float
    analyze_p95_ms: float
    recommendations: int

    @property
    def ratio(self) -> float:
        return self.analyze_median_ms / self.summary_median_ms


def bench_advisor(*, sizes=ADVISOR_SIZES, runs: int = 7) -> list[AdvisorRow]:
    """``analyze`` on synthetic schemas, against the workload summary it starts from
    (the baseline), each timed ``runs`` times in alternation so drift hits both."""
    rows = []
    for size in sizes:
        schema = synthetic_workload(synthetic_schema(entities=size), patterns=2 * size)
        summaries, analyses = [], []
        for _ in range(runs):
            summaries.append(_timed_ms(lambda schema=schema: workload_summary(schema)))
            analyses.append(_timed_ms(lambda schema=schema: analyze(schema)))
        found = len(analyze(schema).recommendations)
        rows.append(
            AdvisorRow(
                entities=size,
                patterns=2 * size,
                summary_median_ms=statistics.median(summaries),
                analyze_median_ms=statistics.median(analyses),
                analyze_p95_ms=_p95(analyses),
                recommendations=found,
            )
        )
    return rows


def _timed_ms(work) -> float:
    # The same schema object each run, as the app reuses parsed schemas; the advisor's
    # Context (workload summary included) is rebuilt on every call, which is measured.
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def advisor_table(rows: list[AdvisorRow]) -> str:
    lines = [
        "| entities | access patterns | workload summary (baseline, median) | analyze (median) | p95 | ratio "
        "| recommendations |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.entities} | {row.patterns} | {row.summary_median_ms:.1f} ms | {row.analyze_median_ms:.1f} ms "
            f"| {row.analyze_p95_ms:.1f} ms | {row.ratio:.1f} | {row.recommendations} |"
        )
    return "\n".join(lines)


# --- bench migrate: the migration engine on a synthetic history -----------------------------


@dataclass(frozen=True)
class MigrateRow:
    dialect: str
    steps: int
    migrate_median_ms: float
    full_ddl_median_ms: float
    baseline_median_ms: float

    @property
    def ratio(self) -> float:
        return self.migrate_median_ms / self.baseline_median_ms


def bench_migrate(*, entities: int = 200, versions: int = 10, runs: int = 5) -> list[MigrateRow]:
    """Per dialect: diff + render (up, down, warnings) of every version step of a synthetic
    history, from fresh schema objects each run; baseline: writing the same versions as
    JSON documents (what storing them as releases costs), measured in the same run."""
    rows = []
    for dialect in DIALECTS:
        timings, ddl_timings, baseline, steps = [], [], [], 0
        for _ in range(runs):
            history = synthetic_history(entities=entities, versions=versions)
            started = time.perf_counter()
            steps = sum(len(migration_steps) for migration_steps in _migrate_history(history, dialect))
            timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            full_ddl(synthetic_history(entities=entities, versions=versions)[-1], dialect=dialect)
            ddl_timings.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            for version in history:
                json_doc.dumps(version)
            baseline.append((time.perf_counter() - started) * 1000)
        rows.append(
            MigrateRow(
                dialect, steps, statistics.median(timings), statistics.median(ddl_timings), statistics.median(baseline)
            )
        )
    return rows


def _migrate_history(history, dialect: str):
    previous = Schema(database_type=history[0].database_type)
    for version in history:
        steps = diff(previous, version)
        render(steps, dialect=dialect, old=previous, new=version)
        previous = version
        yield steps


def migrate_table(rows: list[MigrateRow], *, entities: int, versions: int) -> str:
    lines = [
        f"| dialect | {entities} entities x {versions} versions: steps | diff + render, all versions (median) "
        "| full DDL of the last version | baseline: the versions as JSON documents | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.dialect} | {row.steps} | {row.migrate_median_ms:.0f} ms | {row.full_ddl_median_ms:.0f} ms "
            f"| {row.baseline_median_ms:.0f} ms | {row.ratio:.2f} |"
        )
    return "\n".join(lines)
