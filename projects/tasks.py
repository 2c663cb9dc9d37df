"""Celery tasks. They take ids, load through the ORM, report progress on the Job row,
and are safe to re-run: a finished job is left alone."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import timezone

from designer.formats import dump_schema
from designer.formats.json_doc import schema_from_dict
from designer.problems import SchemaError
from projects import services
from projects.imports import import_job
from projects.models import Job, JobKind, JobStatus

logger = logging.getLogger(__name__)


@shared_task
def run_job(job_id: int) -> str:
    job = Job.objects.select_related("project").filter(pk=job_id).first()
    if job is None or job.is_finished:
        return "skipped"
    services.job_mark(job=job, status=JobStatus.RUNNING, started_at=timezone.now(), progress=0)
    try:
        result = JOB_KINDS[job.kind](job)
    except SchemaError as error:  # expected: the document cannot be exported as asked
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


JOB_KINDS = {JobKind.EXPORT: export_job, JobKind.IMPORT: import_job}
