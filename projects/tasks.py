"""Celery tasks. The web side creates a Job row (services.job_create), `run_job` fills it.

Adding a job kind: write ``def x_job(job: Job) -> dict`` here that reads what it needs
(``services.job_schema(job)`` is the schema at the revision the job was created for),
reports progress with ``services.job_progress(job=job, progress=..., message=...)``, may
save ``job.file`` (``save=False``), raises ``SchemaError`` for input it cannot handle (shown
as the job's error) and returns the result dict; then add it to ``JOB_KINDS`` (and to
``JobKind``) and, if its default limits do not fit, to the ``JOB_TIME_LIMITS`` setting.

What `run_job` guarantees for every kind:
- late acknowledgement: a worker that dies mid-job gives the message back (redelivery);
- idempotent: a redelivered or retried job runs again on the same row; a finished job is
  left alone;
- soft / hard time limits per kind (settings.JOB_TIME_LIMITS): past the soft one the job
  fails with a message, past the hard one the worker process is killed;
- a heartbeat while it runs: a job whose worker is gone is failed by the reaper
  (``reap_jobs``, also run by the status view) with "The worker stopped; retry.".

A kind polled by a status view of its own (not ``views.jobs.job_status``) passes the job
through ``services.job_reap(job=job)`` first, so its page never polls a dead job forever.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import threading
from contextlib import contextmanager

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from designer.advice import analysis_to_dict, analyze
from designer.bundle import bundle_files, zip_files
from designer.codegen import CodegenError
from designer.formats import dump_schema
from designer.migrate import MigrationError
from designer.problems import SchemaError
from designer.types import UnportableType
from projects import code, services
from projects.models import Job, JobKind
from projects.services import releases
from projects.services.imports import import_job
from projects.verification import VerifyError
from projects.verify_jobs import verification_job

logger = logging.getLogger(__name__)
# Expected: the input cannot become what was asked; the job fails with the message.
EXPECTED_ERRORS = (SchemaError, MigrationError, UnportableType, releases.VersionError, CodegenError, VerifyError)


@shared_task(bind=True, ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def run_job(self, job_id: int) -> str:
    try:
        job = services.job_claim(job_id=job_id, worker=f"{socket.gethostname()}:{os.getpid()}")
        if job is None:
            return "skipped"
        with _heartbeat(job):
            result = JOB_KINDS[job.kind](job)
    except EXPECTED_ERRORS as error:  # expected: the input cannot become what was asked
        services.job_fail(job_id=job_id, error=str(error))
        return "failed"
    except SoftTimeLimitExceeded:
        # The limit interrupts whatever ran, maybe a query: the last write starts afresh.
        connection.close()
        _, soft = self.request.timelimit or (None, None)  # what the sender set: (hard, soft)
        services.job_fail(job_id=job_id, error=f"It timed out after {soft or 0:g} s and was stopped.")
        return "failed"
    except Exception:
        logger.exception("job %s crashed", job_id)
        connection.close()  # the crash may have left the connection unusable
        services.job_fail(job_id=job_id, error="Unexpected error; it was logged.")
        return "failed"
    services.job_finish(job=job, result=result)
    return "done"


@shared_task(ignore_result=True)
def reap_jobs() -> int:
    """Periodic (celery beat) companion of the reaper in the status view; it also deletes
    the uploads of imports finished long ago."""
    services.import_uploads_expire()
    return services.jobs_reap()


@contextmanager
def _heartbeat(job: Job):
    """Beat from a thread while the job's own code runs, so a long step without progress
    reports is not mistaken for a dead worker. Runs only in a worker: in embedded mode the
    job runs inside the request and cannot outlive it."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        yield
        return
    stop = threading.Event()
    beater = threading.Thread(target=_beat, args=(job.pk, stop), name=f"job-{job.pk}-heartbeat", daemon=True)
    beater.start()
    try:
        yield
    finally:
        stop.set()
        beater.join()


def _beat(job_id: int, stop: threading.Event) -> None:
    try:
        while not stop.wait(settings.JOB_HEARTBEAT_SECONDS):
            services.job_beat(job_id=job_id)
    finally:
        connection.close()  # this thread's own connection


def export_job(job: Job) -> dict:
    schema = services.job_schema(job)
    outputs = {}
    for step, fmt in enumerate(("json", "dbml"), start=1):
        outputs[fmt] = dump_schema(schema, fmt=fmt)
        services.job_progress(job=job, progress=step * 45, message=f"Exported {fmt.upper()}")
    stem = services.safe_file_stem(job.project.name)
    job.file.save(f"{stem}-r{job.revision}.dbml", ContentFile(outputs["dbml"].encode()), save=False)
    return {"entities": len(schema.entities), "dbml": outputs["dbml"], "json_bytes": len(outputs["json"])}


def analysis_job(job: Job) -> dict:
    """The advisor on the revision the job was created for, stored with that revision."""
    schema = services.job_schema(job)

    def progress(share: float, message: str) -> None:
        services.job_progress(job=job, progress=5 + round(85 * share), message=message)

    data = analysis_to_dict(analyze(schema, progress=progress), schema=schema, revision=job.revision, internal=True)
    stored = services.analysis_store(project=job.project, revision=job.revision, result=data, job=job)
    return {
        "analysis_id": stored.pk,
        "revision": job.revision,
        "primary": data["technology"]["primary"],
        "recommendations": len(data["recommendations"]),
    }


def bundle_job(job: Job) -> dict:
    bundle = job.bundle
    services.job_progress(job=job, progress=5, message="Reading the versions")
    spec = releases.bundle_spec(
        project=job.project,
        target=bundle.target_version,
        base=bundle.base_version,
        dialects=bundle.dialect_list,
        zero_downtime=bundle.zero_downtime,
        analysis=releases.analysis_for(project=job.project, number=bundle.target_version),
        verification=releases.verification_for(project=job.project, number=bundle.target_version),
        extra_files=code.bundle_orm_files(
            project=job.project,
            version=bundle.target_version,
            targets=bundle.orm_target_list,
            dialects=bundle.dialect_list,
        ),
    )
    files = bundle_files(
        spec, progress=lambda percent, message: services.job_progress(job=job, progress=percent, message=message)
    )
    body = zip_files(files)
    stem = services.safe_file_stem(job.project.name)
    job.file.save(f"{stem}-v{bundle.base_version}-v{bundle.target_version}.zip", ContentFile(body), save=False)
    # Dialects that could not be written are left out (their reasons are in the README): said on the job too.
    left_out = json.loads(files["manifest.json"])["left_out"]
    return {
        "bytes": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "versions": len(spec.versions),
        "left_out": left_out,
    }


JOB_KINDS = {
    JobKind.EXPORT: export_job,
    JobKind.ANALYSIS: analysis_job,
    JobKind.BUNDLE: bundle_job,
    JobKind.IMPORT: import_job,
    JobKind.VERIFICATION: verification_job,
}
