"""`bench rebase`: what carrying an edit over teammates' newer revisions costs, against
the same edit made on the current revision, measured in the same run (service level:
lock, rebuild the base document, rebase, validate, store)."""

from __future__ import annotations

import statistics
import time
import uuid

from django.contrib.auth import get_user_model

from designer import ops
from designer.examples.synthetic import synthetic_schema
from designer.schema import Field, FieldType, TypeKind, replace
from projects import services
from projects.models import Project
from projects.selectors import project_schema

SIZES = (50, 200, 500)
BEHIND = (1, 10, 30)


def bench_rebase(*, sizes=SIZES, behind=BEHIND, runs: int = 5) -> list[tuple[int, float, list[tuple[float, float]]]]:
    """Per size: (entities, median ms on the current revision, [(median ms, median ratio) per revisions behind])."""
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    try:
        return [_measure(user, size=size, behind=behind, runs=runs) for size in sizes]
    finally:
        user.delete()  # cascades to the benchmark projects


def _measure(user, *, size: int, behind, runs: int):
    project = services.project_create(owner=user, name=f"bench rebase {size}", schema=synthetic_schema(entities=size))
    schema = project_schema(project)
    busy, edited = schema.entities[0], schema.entities[size // 2]
    counter = iter(range(10**6))

    def teammate_edits(count: int) -> None:
        for _ in range(count):
            n = next(counter)
            field = Field(id=f"fld_bench_{n}", name=f"extra_{n}", type=FieldType(TypeKind.TEXT))
            revision = Project.objects.get(pk=project.pk).revision
            services.apply_op(
                project_id=project.pk,
                user=user,
                op=ops.AddField(entity_id=busy.id, field=field),
                base_revision=revision,
            )

    def timed_edit(base_revision: int) -> float:
        current = project_schema(Project.objects.get(pk=project.pk)).entity(edited.id)
        field = replace(current.fields[-1], comment=f"note {next(counter)}")
        started = time.perf_counter()
        services.apply_op(
            project_id=project.pk,
            user=user,
            op=ops.UpdateField(entity_id=edited.id, field=field),
            base_revision=base_revision,
        )
        return (time.perf_counter() - started) * 1000

    def pair(k: int) -> tuple[float, float]:
        # Taken together, so a machine that slows down during the run moves both sides alike.
        base = Project.objects.get(pk=project.pk).revision
        teammate_edits(k)
        rebased = timed_edit(base)
        return rebased, timed_edit(Project.objects.get(pk=project.pk).revision)

    results, baseline = [], []
    for k in behind:
        pairs = [pair(k) for _ in range(runs)]
        baseline += [current for _, current in pairs]
        results.append((statistics.median(r for r, _ in pairs), statistics.median(r / c for r, c in pairs)))
    return size, statistics.median(baseline), results


def rebase_table(rows, *, behind=BEHIND) -> str:
    header = "| entities | edit on the current revision | " + " | ".join(f"made {k} revisions back" for k in behind)
    lines = [header + " |", "|---:|---:|" + "---:|" * len(behind)]
    for size, current_ms, rebased in rows:
        cells = " | ".join(f"{ms:.1f} ms (ratio {ratio:.2f})" for ms, ratio in rebased)
        lines.append(f"| {size} | {current_ms:.1f} ms | {cells} |")
    return "\n".join(lines)
