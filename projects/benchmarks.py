"""Benchmarks that print tables: our edit-to-response time against raw Graphviz on the
same DOT, measured in the same run (median and p95 of several runs), for projects laid
out by `dot` on every edit and for arranged (pinned) projects; and the first layout's
size and edge length on real schemas, `dot` against our automatic layout."""

from __future__ import annotations

import itertools
import math
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

from designer.diagram import DiagramOptions, build_dot, diagram_cache_key
from designer.diagram.layout import automatic_positions
from designer.examples.synthetic import synthetic_schema
from designer.formats.dbml import parse_dbml
from designer.schema import Schema, replace
from projects import services
from projects.diagrams import diagram_for_page
from projects.selectors import project_schema

SIZES = (10, 50, 200, 500, 1000, 2000)
# Beyond this a full `dot` layout takes longer than the editor allows (DIAGRAM_TIMEOUT_SECONDS):
# only arranged projects are edited; raw `dot` is run once, stopped after RAW_DOT_LIMIT_S
# (at 1,000 tables it ran for over 17 minutes here), and the ratio is then an upper bound.
FULL_LAYOUT_UP_TO = 500
RAW_DOT_LIMIT_S = 120
EXAMPLES = Path(__file__).resolve().parents[1] / "designer" / "examples"


@dataclass(frozen=True)
class DiagramRow:
    entities: int
    dot_median_ms: float  # with dot_stopped: the limit it was stopped at
    edit_median_ms: float | None  # laid out by `dot` on every edit; None: beyond FULL_LAYOUT_UP_TO
    edit_p95_ms: float | None
    unchanged_edit_median_ms: float | None
    cached_diagram_median_ms: float | None
    arranged_median_ms: float
    arranged_p95_ms: float
    dot_stopped: bool = False

    @property
    def ratio(self) -> float | None:
        return None if self.edit_median_ms is None else self.edit_median_ms / self.dot_median_ms

    @property
    def arranged_ratio(self) -> float:
        return self.arranged_median_ms / self.dot_median_ms


def bench_diagram(*, sizes=SIZES, edits: int = 20) -> list[DiagramRow]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    client = Client()
    client.force_login(user)
    try:
        return [_measure(client, user, size=size, edits=edits) for size in sizes]
    finally:
        user.delete()  # cascades to the benchmark projects


def _measure(client, user, *, size: int, edits: int) -> DiagramRow:
    schema = synthetic_schema(entities=size)
    arranged_times = _arranged_edits(client, user, schema=schema, edits=edits)
    if size > FULL_LAYOUT_UP_TO:
        dot_text = build_dot(schema, options=DiagramOptions(selected_entity_id=schema.entities[size // 2].id))
        raw = _raw_dot_ms(dot_text, limit=RAW_DOT_LIMIT_S)
        return DiagramRow(size, raw or RAW_DOT_LIMIT_S * 1000, None, None, None, None,
                          statistics.median(arranged_times), _p95(arranged_times), dot_stopped=raw is None)  # fmt: skip
    row = _full_layout_edits(client, user, schema=schema, edits=edits)
    return replace(row, arranged_median_ms=statistics.median(arranged_times), arranged_p95_ms=_p95(arranged_times))


def _arranged_edits(client, user, *, schema: Schema, edits: int) -> list[float]:
    """An arranged project: every table has its stored place, each edit draws them pinned."""
    placed = automatic_positions(schema, timeout=600)
    schema = replace(schema, diagram=replace(schema.diagram, positions=placed))
    project = services.project_create(owner=user, name=f"bench arranged {len(schema.entities)}", schema=schema)
    entity = schema.entities[len(schema.entities) // 2]
    url = reverse("field_update", args=[project.pk, entity.id, entity.fields[-1].id])
    cache.clear()
    times = []
    for i in range(edits):  # a rename changes the table's contents: a new drawing each time
        project.refresh_from_db(fields=["revision"])
        data = {"base_revision": project.revision, "name": f"renamed_{i}", "type": "text", "nullable": "on",
                "selected": entity.id}  # fmt: skip
        started = time.perf_counter()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and b"<svg" in response.content, response.content[:500]
    return times


def _full_layout_edits(client, user, *, schema: Schema, edits: int) -> DiagramRow:
    size = len(schema.entities)
    project = services.project_create(owner=user, name=f"bench {size}", schema=schema)
    entity = project_schema(project).entities[size // 2]
    field = entity.fields[-1]
    url = reverse("field_update", args=[project.pk, entity.id, field.id])
    cache.clear()

    def edit(name: str, comment: str = "") -> float:
        project.refresh_from_db(fields=["revision"])
        data = {"base_revision": project.revision, "name": name, "type": "text", "nullable": "on",
                "comment": comment, "selected": entity.id}  # fmt: skip
        started = time.perf_counter()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.content[:500]
        return elapsed

    def drawing_now() -> str:  # the DOT the last response drew
        return build_dot(project_schema(project.__class__.objects.get(pk=project.pk)), options=options)

    options = DiagramOptions(selected_entity_id=entity.id)
    drawn, dot_times = [], []
    for i in range(edits):
        # A rename changes the drawing: a cache miss and a real `dot` run. Right after
        # it, raw `dot` on the very DOT it drew: pairs taken together, so a machine
        # that speeds up or slows down during the run moves both sides alike.
        drawn.append(edit(f"renamed_{i}"))
        dot_times.append(_raw_dot_ms(drawing_now()))
    # A field comment is not drawn: the DOT is unchanged and the render cache answers.
    unchanged = [edit(f"renamed_{edits - 1}", comment=f"note {i}") for i in range(edits)]
    schema = project_schema(project.__class__.objects.get(pk=project.pk))
    cached = [_cached_diagram_ms(schema, selected=entity.id) for _ in range(edits)]
    return DiagramRow(
        entities=size,
        dot_median_ms=statistics.median(dot_times),
        edit_median_ms=statistics.median(drawn),
        edit_p95_ms=_p95(drawn),
        unchanged_edit_median_ms=statistics.median(unchanged),
        cached_diagram_median_ms=statistics.median(cached),
        arranged_median_ms=0.0,
        arranged_p95_ms=0.0,
    )


def _cached_diagram_ms(schema, *, selected: str) -> float:
    """What the edit response spends on the diagram when the drawing did not change:
    build the DOT, find its render in the cache (asserted to be there)."""
    options = DiagramOptions(selected_entity_id=selected)
    assert cache.get(diagram_cache_key(build_dot(schema, options=options), "svg")) is not None
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
        "| entities | raw `dot -Tsvg` (median) | edit → response, laid out by `dot` (median) | p95 | ratio "
        "| drawing unchanged: edit → response | of which diagram from cache "
        "| arranged: edit → response (median) | p95 | arranged ÷ raw `dot` |"
    )
    lines = [header, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def ms(value):
        return "—" if value is None else f"{value:.1f} ms"

    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}"
        raw = f"> {row.dot_median_ms / 1000:.0f} s (stopped)" if row.dot_stopped else ms(row.dot_median_ms)
        arranged_ratio = f"{'< ' if row.dot_stopped else ''}{row.arranged_ratio:.2f}"
        lines.append(
            f"| {row.entities} | {raw} | {ms(row.edit_median_ms)} | {ms(row.edit_p95_ms)} "
            f"| {ratio} | {ms(row.unchanged_edit_median_ms)} | {ms(row.cached_diagram_median_ms)} "
            f"| {ms(row.arranged_median_ms)} | {ms(row.arranged_p95_ms)} | {arranged_ratio} |"
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


def layout_fixtures() -> list[tuple[str, Schema]]:
    return [
        ("blog (demo)", parse_dbml((EXAMPLES / "blog.dbml").read_text())),
        ("AdventureWorks", parse_dbml((EXAMPLES / "adventureworks.dbml").read_text())),
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
        "| schema | tables | first layout | bounding box (px at 96 dpi) | aspect (w : h) | total edge length | per edge |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.entities} | {row.how} | {row.width_px:.0f} × {row.height_px:.0f} "  # noqa: RUF001
            f"| {row.aspect:.2f} | {row.edge_length_px:.0f} px | {row.edge_length_px / max(row.edges, 1):.0f} px |"
        )
    return "\n".join(lines)
