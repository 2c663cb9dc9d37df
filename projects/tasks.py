"""Celery tasks. They take ids, load through the ORM, report progress on the Job row,
and are safe to re-run: a finished job is left alone."""

from __future__ import annotations

import hashlib
import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import timezone

from designer.advice import analysis_to_dict, analyze
from designer.bundle import build_bundle
from designer.codegen import CodegenError
from designer.formats import dump_schema
from designer.formats.json_doc import schema_from_dict
from designer.migrate import MigrationError
from designer.problems import SchemaError
from designer.types import UnportableType
from projects import code, releases, selectors, services
from projects.models import Job, JobKind, JobStatus

logger = logging.getLogger(__name__)
# Expected: the input cannot become what was asked; the job fails with the message.
EXPECTED_ERRORS = (SchemaError, MigrationError, UnportableType, releases.VersionError, CodegenError)


@shared_task
def run_job(job_id: int) -> str:
    job = Job.objects.select_related("project").filter(pk=job_id).first()
    if job is None or job.is_finished:
        return "skipped"
    services.job_mark(job=job, status=JobStatus.RUNNING, started_at=timezone.now(), progress=0)
    try:
        result = JOB_KINDS[job.kind](job)
    except EXPECTED_ERRORS as error:
        services.job_mark(job=job, status=JobStatus.FAILED, error=str(error), finished_at=timezone.now())
        return "failed"
    except Exception:
        logger.exception("job %s crashed", job_id)
        services.job_mark(
            job=job, status=JobStatus.FAILED, error="Unexpected error; it was logged.", finished_at=timezone.now()
        )
        raise
    services.job_mark(job=job, status=JobStatus.DONE, result=result, progress=100, finished_at=timezone.now())
    return "done"


def export_job(job: Job) -> dict:
    schema = schema_from_dict(job.project.document)
    outputs = {}
    for step, fmt in enumerate(("json", "dbml"), start=1):
        outputs[fmt] = dump_schema(schema, fmt=fmt)
        services.job_progress(job=job, progress=step * 45, message=f"Exported {fmt.upper()}")
    stem = services.safe_file_stem(job.project.name)
    job.file.save(f"{stem}-r{job.revision}.dbml", ContentFile(outputs["dbml"].encode()), save=False)
    return {"entities": len(schema.entities), "dbml": outputs["dbml"], "json_bytes": len(outputs["json"])}


def analysis_job(job: Job) -> dict:
    """The advisor on the project as stored now, kept with the revision it read."""
    project = job.project
    project.refresh_from_db(fields=["document", "revision", "updated_at"])  # the revision may have moved on
    schema = selectors.project_schema(project)

    def progress(share: float, message: str) -> None:
        services.job_progress(job=job, progress=5 + round(85 * share), message=message)

    data = analysis_to_dict(analyze(schema, progress=progress), schema=schema, revision=project.revision,
                            internal=True)  # fmt: skip
    stored = services.analysis_store(project=project, revision=project.revision, result=data, job=job)
    return {"analysis_id": stored.pk, "revision": project.revision, "primary": data["technology"]["primary"],
            "recommendations": len(data["recommendations"])}  # fmt: skip


def bundle_job(job: Job) -> dict:
    bundle = job.bundle
    services.job_progress(job=job, progress=5, message="Reading the versions")
    spec = releases.bundle_spec(
        project=job.project, target=bundle.target_version, base=bundle.base_version,
        dialects=bundle.dialect_list, zero_downtime=bundle.zero_downtime,
        analysis=releases.analysis_for(project=job.project, number=bundle.target_version),
        extra_files=code.bundle_orm_files(project=job.project, version=bundle.target_version,
                                          targets=bundle.orm_target_list, dialects=bundle.dialect_list),
    )  # fmt: skip
    body = build_bundle(spec, progress=lambda percent, message: services.job_progress(
        job=job, progress=percent, message=message))  # fmt: skip
    stem = services.safe_file_stem(job.project.name)
    job.file.save(f"{stem}-v{bundle.base_version}-v{bundle.target_version}.zip", ContentFile(body), save=False)
    return {"bytes": len(body), "sha256": hashlib.sha256(body).hexdigest(), "versions": len(spec.versions)}


JOB_KINDS = {JobKind.EXPORT: export_job, JobKind.ANALYSIS: analysis_job, JobKind.BUNDLE: bundle_job}
