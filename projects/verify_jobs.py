"""The Verify job: its row (a Verification beside the Job), the task body, and reads for
the Verify page. The run itself is ``projects.verify_run.verify``."""

from __future__ import annotations

import json

from django.core.files.base import ContentFile
from django.db import transaction

from designer.verify.report import markdown
from projects import selectors, services
from projects.models import Job, JobKind, JobStatus, Project, Release, Verification
from projects.rehearsal import rehearse
from projects.services import releases
from projects.verification import Options
from projects.verify_run import verify

MAX_SCALE = 1000.0


def verification_create(
    *, project: Project, user, version: int | None = None, scale: float = 1.0, runs: int = 20
) -> Verification:
    """The row and its job first; the task runs once both are committed."""
    if version is not None and not Release.objects.filter(project=project, number=version).exists():
        raise releases.VersionError(f"There is no version {version}.")
    if not 0 < scale <= MAX_SCALE:
        raise releases.VersionError(f"The scale must be above 0 and at most {MAX_SCALE:g}.")
    with transaction.atomic():
        job = services.job_create(project=project, user=user, kind=JobKind.VERIFICATION)
        return Verification.objects.create(
            project=project, job=job, version=version, scale=scale, runs=runs, created_by=user
        )


def schemas_for(*, project: Project, version: int | None, revision: int | None = None):
    """(schema, previous schema or None, previous version number or None): the version
    verified and the one its migration is rehearsed from (the version before it; for the
    current design, the latest release when the design changed since)."""
    if version is not None:
        schema = releases.version_schema(project=project, number=version)
        if version > 1:
            return schema, releases.version_schema(project=project, number=version - 1), version - 1
        return schema, None, None
    if revision is None:
        schema = selectors.project_schema(project)
    else:
        schema = selectors.schema_at_revision(project=project, revision=revision)
    latest = Release.objects.filter(project=project).order_by("-number").first()
    if latest is None:
        return schema, None, None
    previous = releases.release_schema(latest)
    return schema, (previous if previous != schema else None), latest.number


def verification_job(job: Job) -> dict:
    run = job.verification
    schema, previous, previous_version = schemas_for(project=job.project, version=run.version, revision=job.revision)
    report = verify(
        schema,
        project=job.project.name,
        version=run.version,
        previous=previous,
        previous_version=previous_version,
        rehearse=rehearse,
        options=Options(runs=run.runs, scale=run.scale, max_rows=run.max_rows),
        progress=lambda percent, message: services.job_progress(job=job, progress=percent, message=message),
    )
    stem = services.safe_file_stem(job.project.name)
    job.file.save(f"{stem}-verification.md", ContentFile(markdown(report).encode()), save=False)
    return json.loads(json.dumps(report, default=str))  # plain JSON: dates and decimals as text


def verifications_for(*, project: Project, limit: int = 10):
    return Verification.objects.filter(project=project).select_related("job", "created_by")[:limit]


def latest_report(*, project: Project) -> tuple[Verification | None, dict | None]:
    done = (
        Verification.objects.filter(project=project, job__status=JobStatus.DONE)
        .select_related("job")
        .order_by("-created_at")
        .first()
    )
    return done, (done.job.result if done else None)


def contradicted_claims(*, project: Project) -> dict[str, list[str]]:
    """Recommendation key → the claims the latest finished verification contradicted, in
    words, for the Advice tab to flag."""
    _, report = latest_report(project=project)
    flags: dict[str, list[str]] = {}
    for recommendation in (report or {}).get("recommendations", []):
        failed = [f"{c['claim']}: {c['evidence']}" for c in recommendation.get("claims", []) if c["held"] is False]
        if failed and recommendation.get("key"):
            flags[recommendation["key"]] = failed
    return flags
