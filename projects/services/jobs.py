"""Jobs: the row first, then the task (sent by name: services never import tasks);
claims, progress, the end, and the reaper of jobs whose worker died."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from designer.schema import Schema
from projects import selectors
from projects.cache import redis_mark_down, redis_marked_down
from projects.celery import app as celery_app
from projects.models import Job, JobKind, JobStatus, Project
from projects.services.errors import Refused

logger = logging.getLogger(__name__)


WORKER_GONE = "The worker stopped; retry."


QUEUE_DOWN = "The job queue cannot be reached right now, so the job was not started; retry in a moment."


NEVER_STARTED = "No worker picked the job up; retry."


_IN_FLIGHT = (JobStatus.PENDING, JobStatus.RUNNING)


MAX_ATTEMPTS = 3  # per dispatch: redeliveries after a worker died; Retry starts over


def job_create(*, project: Project, user, kind: str) -> Job:
    """The row first, then the task once the row is committed (the worker must see it)."""
    refuse_too_many_jobs(user)
    job = Job.objects.create(project=project, kind=kind, created_by=user, revision=project.revision)
    transaction.on_commit(lambda: job_dispatch(job=job))
    return job


def job_retry(*, job: Job, user) -> Job:
    """Run a failed job again on the same row (same revision, same id)."""
    refuse_too_many_jobs(user)
    fresh = {
        "status": JobStatus.PENDING,
        "attempts": 0,
        "progress": 0,
        "message": "",
        "error": "",
        "result": None,
        "started_at": None,
        "finished_at": None,
        "heartbeat_at": None,
    }
    if job.kind != JobKind.IMPORT:
        fresh["file"] = ""  # its output, made again; an import's file is its input and stays
    elif not job.file:
        raise Refused("The uploaded file is no longer kept (a day after the import); import it again.", status=410)
    if Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(**fresh):
        transaction.on_commit(lambda: job_dispatch(job=job))
    job.refresh_from_db()
    return job


RUN_JOB = "projects.tasks.run_job"  # the one task every job kind runs through (projects/tasks.py)


def job_dispatch(*, job: Job) -> None:
    """Send the task. A broker that cannot be reached fails the row with a message: a
    job is never left pending with nothing on its way to run it."""
    # Why "try again" rather than running it here: a job may take minutes (its time limit),
    # which would hold a web worker as long as a hung broker did.
    soft, hard = job_time_limits(job.kind)
    broker = "" if settings.CELERY_TASK_ALWAYS_EAGER else getattr(settings, "CELERY_BROKER_URL", "")
    try:
        if broker and redis_marked_down(broker):  # failed a moment ago: don't wait for it again
            raise KombuOperationalError("Redis was unreachable a moment ago")
        run_job = celery_app.tasks[RUN_JOB]  # by name: services never import the tasks that import them
        run_job.apply_async(args=[job.pk], soft_time_limit=soft or None, time_limit=hard)  # soft 0: none
    except (KombuOperationalError, RedisError, OSError) as error:
        logger.warning("job %s not sent, the broker is unreachable: %s", job.pk, error)
        if broker:
            redis_mark_down(broker, error, what="job queue")
        Job.objects.filter(pk=job.pk, status=JobStatus.PENDING).update(
            status=JobStatus.FAILED, error=QUEUE_DOWN, finished_at=timezone.now()
        )


def job_time_limits(kind: str) -> tuple[float, float]:
    limits = settings.JOB_TIME_LIMITS
    return limits.get(kind, limits["default"])


def job_claim(*, job_id: int, worker: str) -> Job | None:
    """A worker takes the job: None when it is finished (a re-run changes nothing). A job
    still marked running is taken over: its message came back because its worker died."""
    with transaction.atomic():
        # of=self: an import job may have no project yet, and FOR UPDATE refuses the nullable side of a join.
        job = Job.objects.select_for_update(of=("self",)).select_related("project").filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None
        now = timezone.now()
        if job.attempts >= MAX_ATTEMPTS:  # a job that kills its worker every time is not run forever
            job.status, job.error, job.finished_at = JobStatus.FAILED, WORKER_GONE, now
            job.save(update_fields=["status", "error", "finished_at"])
            return None
        job.status, job.progress, job.message, job.worker = JobStatus.RUNNING, 0, "", worker[:200]
        job.started_at = job.heartbeat_at = now
        job.attempts += 1
        job.save(update_fields=["status", "progress", "message", "worker", "started_at", "heartbeat_at", "attempts"])
    return job


def job_schema(job: Job) -> Schema:
    """The schema as it was at the job's revision, whatever edits came since."""
    return selectors.schema_at_revision(project=job.project, revision=job.revision)


def job_progress(*, job: Job, progress: int, message: str = "") -> None:
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        progress=max(0, min(100, progress)), message=message[:300], heartbeat_at=timezone.now()
    )


def job_beat(*, job_id: int) -> None:
    Job.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())


def job_finish(*, job: Job, result: dict) -> None:
    _job_end(job_id=job.pk, status=JobStatus.DONE, result=result, progress=100, file=job.file.name or "")
    job.refresh_from_db()


def job_fail(*, job_id: int, error: str) -> None:
    _job_end(job_id=job_id, status=JobStatus.FAILED, error=error[:2000])


def _job_end(*, job_id: int, status: str, **fields) -> None:
    # Only a job in flight ends here: one the reaper already failed stays failed.
    fields.update(status=status, finished_at=timezone.now())
    if Job.objects.filter(pk=job_id, status__in=_IN_FLIGHT).update(**fields):
        logger.info("job %s %s", job_id, status)


def job_reap(*, job: Job) -> Job:
    """Fail this job if its worker is gone (the status view asks on every poll)."""
    if not job.is_finished and jobs_reap(Job.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    return job


def jobs_reap(jobs=None) -> int:
    """Fail every job in flight whose worker is gone: running with a silent heartbeat, or
    pending with no worker taking it. Conditional updates: a worker finishing at the same
    moment wins or loses cleanly, never half."""
    jobs = Job.objects.all() if jobs is None else jobs
    now = timezone.now()
    silent = jobs.filter(
        status=JobStatus.RUNNING, heartbeat_at__lt=now - timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT_SECONDS)
    )
    reaped = 0
    for kind, started_before, hard in _hard_limit_cutoffs(now):  # killed at its hard time limit
        reaped += silent.filter(started_at__lt=started_before, **kind).update(
            status=JobStatus.FAILED, error=f"It timed out after {hard:g} s and was stopped.", finished_at=now
        )
    reaped += silent.update(status=JobStatus.FAILED, error=WORKER_GONE, finished_at=now)
    unclaimed = now - timedelta(seconds=settings.JOB_PENDING_TIMEOUT_SECONDS)
    reaped += jobs.filter(status=JobStatus.PENDING, created_at__lt=unclaimed).update(
        status=JobStatus.FAILED, error=NEVER_STARTED, finished_at=now
    )
    if reaped:
        logger.warning("reaped %d job(s) whose worker was gone", reaped)
    return reaped


def import_uploads_expire() -> int:
    """Delete the uploads of imports finished more than IMPORT_UPLOAD_KEEP_HOURS ago: a
    finished import holds what it read in its result; only Retry would read the file again."""
    cutoff = timezone.now() - timedelta(hours=settings.IMPORT_UPLOAD_KEEP_HOURS)
    expired = Job.objects.filter(kind=JobKind.IMPORT, finished_at__lt=cutoff).exclude(file="")
    count = 0
    for job in expired.only("pk", "file"):
        job.file.delete(save=False)
        count += Job.objects.filter(pk=job.pk).update(file="")
    return count


def _hard_limit_cutoffs(now):
    """(kind filter, started before, hard limit) for each configured kind and the rest."""
    named = [kind for kind in settings.JOB_TIME_LIMITS if kind != "default"]
    for kind in named:
        yield {"kind": kind}, now - timedelta(seconds=job_time_limits(kind)[1]), job_time_limits(kind)[1]
    hard = job_time_limits("default")[1]
    yield {"kind__in": [k for k in JobKind.values if k not in named]}, now - timedelta(seconds=hard), hard


def refuse_too_many_jobs(user) -> None:
    limit = settings.MAX_JOBS_IN_FLIGHT_PER_USER
    if Job.objects.filter(created_by=user, status__in=_IN_FLIGHT).count() >= limit:
        raise Refused(f"You already have {limit} jobs running; wait for one to finish.")
