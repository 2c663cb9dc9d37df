"""Benchmarks that print tables: our edit-to-response time against raw Graphviz on the
same DOT, measured in the same run (median and p95 of several runs); the migration
engine on a synthetic version history against writing the same versions as documents."""

from __future__ import annotations

import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from designer.diagram import DiagramOptions, build_dot, diagram_cache_key
from designer.examples.synthetic import synthetic_schema
from designer.examples.synthetic_history import synthetic_history
from designer.formats import json_doc
from designer.migrate import diff, full_ddl, render
from designer.schema import Schema
from designer.types import DIALECTS
from projects import services
from projects.diagrams import diagram_for_page
from projects.selectors import project_schema

SIZES = (10, 50, 200, 500)


@dataclass(frozen=True)
class DiagramRow:
    entities: int
    dot_median_ms: float
    edit_median_ms: float
    edit_p95_ms: float
    unchanged_edit_median_ms: float
    cached_diagram_median_ms: float

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
    project = services.project_create(owner=user, name=f"bench {size}", schema=synthetic_schema(entities=size))
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


def _raw_dot_ms(dot_text: str) -> float:
    started = time.perf_counter()
    subprocess.run(["dot", "-Tsvg"], input=dot_text.encode(), capture_output=True, check=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def diagram_table(rows: list[DiagramRow]) -> str:
    header = (
        "| entities | raw `dot -Tsvg` (median) | edit → response (median) | p95 | ratio "
        "| drawing unchanged: edit → response | of which diagram from cache |"
    )
    lines = [header, "|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(
            f"| {row.entities} | {row.dot_median_ms:.1f} ms | {row.edit_median_ms:.1f} ms | {row.edit_p95_ms:.1f} ms "
            f"| {row.ratio:.2f} | {row.unchanged_edit_median_ms:.1f} ms | {row.cached_diagram_median_ms:.1f} ms |"
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
        rows.append(MigrateRow(dialect, steps, statistics.median(timings), statistics.median(ddl_timings),
                               statistics.median(baseline)))  # fmt: skip
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
        lines.append(f"| {row.dialect} | {row.steps} | {row.migrate_median_ms:.0f} ms | {row.full_ddl_median_ms:.0f} ms "
                     f"| {row.baseline_median_ms:.0f} ms | {row.ratio:.2f} |")  # fmt: skip
    return "\n".join(lines)
