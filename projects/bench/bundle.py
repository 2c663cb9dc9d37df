"""`bench bundle`: the bundle job on a synthetic history (entities x versions), timed
cold and end to end in this process (read the versions, render every step for every dialect,
lay out the diagram, zip, store the file), next to raw `dot -Tsvg` on the same DOT as
the baseline measured in the same run."""

from __future__ import annotations

import statistics
import subprocess
import time
import uuid
import zipfile
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache

from designer.examples.history import synthetic_history
from designer.formats.json_doc import schema_to_dict
from designer.types import DIALECTS
from projects import memo, services
from projects.models import Bundle, Job, JobKind, JobStatus, Release
from projects.tasks import run_job

GOAL_SECONDS = 3.0


@dataclass(frozen=True)
class BundleRow:
    entities: int
    versions: int
    dialects: str
    bundle_median_ms: float
    bundle_max_ms: float
    dot_median_ms: float
    zip_bytes: int


def bench_bundle(*, entities: int = 200, versions: int = 10, runs: int = 5) -> list[BundleRow]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    try:
        rows = [_measure(user, entities=entities, versions=versions, dialects=(d,), runs=runs) for d in DIALECTS]
        return [*rows, _measure(user, entities=entities, versions=versions, dialects=DIALECTS, runs=runs)]
    finally:
        user.delete()  # cascades to the benchmark project, its versions and bundles


def _measure(user, *, entities: int, versions: int, dialects: tuple[str, ...], runs: int) -> BundleRow:
    history = synthetic_history(entities=entities, versions=versions)
    project = services.project_create(owner=user, name=f"bench bundle {entities}", schema=history[-1])
    for number, schema in enumerate(history, start=1):
        Release.objects.create(
            project=project,
            number=number,
            message=f"step {number}",
            document=schema_to_dict(schema),
            revision=0,
            created_by=user,
        )
    times, dot_times, size = [], [], 0
    for _ in range(runs):
        job = Job.objects.create(project=project, kind=JobKind.BUNDLE, revision=0, created_by=user)
        Bundle.objects.create(project=project, job=job, target_version=versions, dialects=",".join(dialects))
        # Cold every run, as the first bundle of a version in a fresh worker: the diagram
        # is laid out and every version's document parsed again.
        cache.clear()
        memo.clear_all()
        started = time.perf_counter()
        assert run_job.run(job.pk) == "done"
        times.append((time.perf_counter() - started) * 1000)
        job.refresh_from_db()
        assert job.status == JobStatus.DONE
        size = job.result["bytes"]
        dot_times.append(_raw_dot_ms(job.bundle))
        job.file.delete(save=False)
    return BundleRow(
        entities=entities,
        versions=versions,
        dialects=" + ".join(dialects),
        bundle_median_ms=statistics.median(times),
        bundle_max_ms=max(times),
        dot_median_ms=statistics.median(dot_times),
        zip_bytes=size,
    )


def _raw_dot_ms(bundle: Bundle) -> float:
    with bundle.job.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        dot_text = archive.read("diagram.dot")
    started = time.perf_counter()
    subprocess.run(["dot", "-Tsvg"], input=dot_text, capture_output=True, check=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def bundle_table(rows: list[BundleRow]) -> str:
    lines = [
        "| entities x versions | dialects | bundle job (median) | slowest run | raw `dot -Tsvg` (median) | zip | goal < 3 s |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        met = "met" if row.bundle_median_ms < GOAL_SECONDS * 1000 else "NOT met"
        lines.append(
            f"| {row.entities} x {row.versions} | {row.dialects} | {row.bundle_median_ms:.0f} ms "
            f"| {row.bundle_max_ms:.0f} ms | {row.dot_median_ms:.0f} ms | {row.zip_bytes / 1024:.0f} KiB | {met} |"
        )
    return "\n".join(lines)
