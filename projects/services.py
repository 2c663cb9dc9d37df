"""Writes. Every change to a project goes through here (HackSoft style: keyword-only
arguments, one transaction per use case)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from designer import ops
from designer.formats import dump_schema
from designer.formats.json_doc import schema_to_dict
from designer.problems import Problem, SchemaError, errors, warnings
from designer.rebase import Conflict, rebase
from designer.schema import Schema
from designer.validate import validate
from projects import memo, selectors
from projects.cache import redis_mark_down, redis_marked_down
from projects.celery import app as celery_app
from projects.models import Analysis, Dismissal, Job, JobKind, JobStatus, Membership, Project, Revision, Role

logger = logging.getLogger(__name__)

MAX_DISMISSED_WARNINGS = 100
EXPORT_CONTENT_TYPES = {"dbml": "text/plain; charset=utf-8", "json": "application/json"}


class StaleRevision(Exception):
    """The edit was made on another revision than the one stored and cannot be carried over."""

    def __init__(self, *, expected: int, actual: int, message: str = ""):
        self.expected, self.actual = expected, actual
        super().__init__(
            message
            or f"The project changed while you were editing (you had revision {expected}, it is now {actual}). "
            "Reload to see the latest version."
        )


class EditConflict(StaleRevision):
    """A teammate changed what this edit changes since the person opened it (designer.rebase)."""

    def __init__(self, *, expected: int, actual: int, conflict: Conflict, authors: list[str]):
        self.conflict = conflict
        who = ", ".join(authors) or "someone else"
        super().__init__(
            expected=expected,
            actual=actual,
            message=(
                f"Not saved: {who} changed this while you were editing — {conflict}. "
                "The current version is shown; your input is kept so you can save it again."
            ),
        )


class Refused(Exception):
    """A request the service declines with a message for the person (a limit, the queue
    down). ``status`` is the HTTP status a view answers with."""

    def __init__(self, message: str, *, status: int = 429):
        self.status = status
        super().__init__(message)


def project_create(*, owner, name: str, description: str = "", schema: Schema | None = None) -> Project:
    if Project.objects.filter(owner=owner).count() >= settings.MAX_PROJECTS_PER_USER:
        raise Refused(f"You own {settings.MAX_PROJECTS_PER_USER} projects, the most one person may; delete one first.")
    schema = schema if schema is not None else Schema()
    _refuse_errors(schema)
    with transaction.atomic():
        project = Project.objects.create(
            owner=owner, name=name.strip(), description=description.strip(), document=schema_to_dict(schema)
        )
        Membership.objects.create(project=project, user=owner, role=Role.OWNER)
        # The objects just validated: the first page finds their checks remembered (projects/memo.py).
        transaction.on_commit(lambda: selectors.remember_schema(project, schema))
    return project


DEMO_NAME = "Blog (demo)"


def demo_project_create(*, owner) -> Project:
    """The demo project (the blog), opened laid out as an import is: one home for the
    project list's "demo" button and `seed_demo`, which had drifted apart."""
    from designer.examples import blog_schema
    from projects.diagrams import arranged  # diagrams is heavy (Graphviz pool): loaded when asked

    return project_create(
        owner=owner,
        name=DEMO_NAME,
        description="Users and posts; published posts listed by date.",
        schema=arranged(blog_schema()),
    )


def project_update(*, project: Project, name: str, description: str) -> Project:
    project.name, project.description = name.strip(), description.strip()
    project.save(update_fields=["name", "description", "updated_at"])
    return project


def project_dismiss_warning(*, project: Project, code: str, dismissed: bool) -> Project:
    """Hide (or show again) one kind of schema warning in this project's editor."""
    codes = [c for c in project.dismissed_warnings if c != code] + ([code] if dismissed else [])
    if len(codes) > MAX_DISMISSED_WARNINGS:  # there are a few dozen kinds; more is a script, not a person
        message = f"At most {MAX_DISMISSED_WARNINGS} kinds of warning can be hidden; show some again first."
        raise Refused(message, status=422)
    project.dismissed_warnings = sorted(codes)
    project.save(update_fields=["dismissed_warnings"])
    return project


def project_delete(*, project: Project) -> None:
    project.delete()


@dataclass(frozen=True)
class PreparedEdit:
    """An op already applied to the revision the person saw (``base_revision``): the
    editor applies it once, draws ``after`` while the edit is stored, and the service
    stores it as it is when that revision is still the stored one under the row lock."""

    base_revision: int
    op: ops.Op
    inverse: ops.Op
    after: Schema


def edit_prepare(*, before: Schema, op: ops.Op, base_revision: int, placement=None) -> PreparedEdit:
    """Apply ``op`` to ``before`` (the schema of ``base_revision``), plus the ops
    ``placement(after)`` returns for it (the diagram's places for what it adds), as one
    edit. Raises SchemaError when the op is refused."""
    after, inverse = ops.apply(before, op)
    extra = placement(after) if placement is not None else None
    if extra is not None:
        after, extra_inverse = ops.apply(after, extra)
        op, inverse = ops.Batch(ops=(op, extra)), ops.Batch(ops=(extra_inverse, inverse))
    return PreparedEdit(base_revision=base_revision, op=op, inverse=inverse, after=after)


def apply_op(
    *,
    project_id: int,
    user,
    op: ops.Op,
    base_revision: int,
    summary: str | None = None,
    narrative: str | None = None,
    prepared: PreparedEdit | None = None,
    **links,
) -> tuple[Project, list[Problem]]:
    """Apply one edit: lock the row, check the revision the user edited, apply, validate,
    store document and log entry together. Returns the project and the warnings.
    ``prepared``: the same op already applied to ``base_revision`` (used as it is while
    that is still the stored revision; otherwise ``op`` is rebased).
    ``links`` (undo_of / redo_of) tie undo and redo revisions to what they reverse."""
    with transaction.atomic():
        # The document is read only when the parsed schema of this revision is not in memory.
        project = Project.objects.select_for_update().defer("document").get(pk=project_id)
        before = selectors.project_schema(project)
        if prepared is not None and prepared.base_revision == base_revision == project.revision:
            after, op, inverse = prepared.after, prepared.op, prepared.inverse
        else:
            after, op, inverse = _carried_over(project, op, before=before, base_revision=base_revision)
        problems = _refuse_errors(after)
        project.revision += 1
        project.document = schema_to_dict(after, memo=_document_parts.get())
        project.save(update_fields=["document", "revision", "updated_at"])
        Revision.objects.create(
            project=project,
            number=project.revision,
            author=user,
            op=ops.op_to_dict(op),
            inverse=ops.op_to_dict(inverse),
            summary=(summary or ops.describe(op, before))[:300],
            narrative=(narrative or ops.narrate(op, before))[:300],
            **links,
        )
        transaction.on_commit(lambda: selectors.remember_schema(project, after))
        transaction.on_commit(lambda: _publish_change(project.pk, project.revision))
    return project, warnings(problems)


def _carried_over(project: Project, op: ops.Op, *, before: Schema, base_revision: int):
    """(after, op as applied, inverse): the op on the stored document, rebased when it
    was made on an older revision (designer.rebase); a conflict raises EditConflict."""
    if base_revision == project.revision:
        after, inverse = ops.apply(before, op)
        return after, op, inverse
    if not 0 <= base_revision < project.revision:
        raise StaleRevision(expected=base_revision, actual=project.revision)
    base = selectors.schema_at(project=project, number=base_revision, current=before)
    try:
        return rebase(op, base=base, current=before)
    except Conflict as conflict:
        authors = selectors.authors_since(project=project, number=base_revision)
        raise EditConflict(
            expected=base_revision, actual=project.revision, conflict=conflict, authors=authors
        ) from conflict


def schema_replace(*, project: Project, user, schema: Schema, base_revision: int, summary: str) -> Project:
    """A whole new document (an import) as one undoable revision, made on ``base_revision``
    (the revision the person saw when opening Import). Replacing the document would drop
    whatever teammates saved since, so it is refused then (StaleRevision)."""
    with transaction.atomic():
        current = Project.objects.select_for_update().only("revision").get(pk=project.pk).revision
        import_refuse_stale(project=project, base_revision=base_revision, current=current)
        project, _ = apply_op(
            project_id=project.pk,
            user=user,
            op=ops.ReplaceSchema(schema=schema),
            base_revision=current,
            summary=summary,
            narrative="imported a new version of the schema",
        )
    return project


def import_refuse_stale(*, project: Project, base_revision: int, current: int) -> None:
    """StaleRevision, naming who saved, when the project moved on since the Import page
    was opened: checked when the import is read and again when it lands."""
    if base_revision != current:
        authors = selectors.authors_since(project=project, number=base_revision)
        raise StaleRevision(
            expected=base_revision,
            actual=current,
            message=(
                f"Not imported: {', '.join(authors) or 'someone'} changed the project since you opened Import "
                f"(revision {base_revision} → {current}); importing would replace that work. "
                "Open Import again to start from the current version."
            ),
        )


def revision_restore(*, project: Project, user, number: int, base_revision: int) -> Project:
    """A past revision's document as a new revision (undoable like any edit)."""
    with transaction.atomic():
        locked = Project.objects.select_for_update().defer("document").get(pk=project.pk)
        old = selectors.schema_at(project=locked, number=number, current=selectors.project_schema(locked))
        project, _ = apply_op(
            project_id=project.pk,
            user=user,
            op=ops.ReplaceSchema(schema=old),
            base_revision=base_revision,
            summary=f"Restore revision {number}",
            narrative=f"restored revision {number}",
        )
    return project


# Shared by every edit in this process: an edit converts only the objects it made.
_document_parts = memo.Parts(limit=200_000)


def project_export(*, project: Project, fmt: str) -> tuple[str, str, bytes]:
    """(file name, content type, body). The file name never carries raw user text."""
    text = dump_schema(selectors.project_schema(project), fmt=fmt)
    return f"{safe_file_stem(project.name)}.{fmt}", EXPORT_CONTENT_TYPES[fmt], text.encode()


def safe_file_stem(name: str) -> str:
    stem = slugify(name) or "schema"
    return re.sub(r"[^a-z0-9_-]", "", stem)[:80] or "schema"


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


def analysis_store(*, project: Project, revision: int, result: dict, job: Job | None = None) -> Analysis:
    return Analysis.objects.create(project=project, revision=revision, result=result, job=job)


def dismissal_set(*, project: Project, user, key: str, reason: str) -> Dismissal:
    """Remember that the team does not follow the recommendation ``key``; a second
    dismissal of the same key replaces the reason."""
    dismissal, _ = Dismissal.objects.update_or_create(
        project=project, key=key[:500], defaults={"reason": reason.strip(), "dismissed_by": user}
    )
    return dismissal


def dismissal_clear(*, project: Project, key: str) -> None:
    Dismissal.objects.filter(project=project, key=key).delete()


def _refuse_errors(schema: Schema) -> list[Problem]:
    problems = validate(schema, memo=memo.rule_answers.get())
    found = errors(problems)
    if found:
        raise SchemaError(found)
    return problems


def revision_cache_key(project_id: int) -> str:
    return f"project:{project_id}:revision"


def _publish_change(project_id: int, revision: int) -> None:
    # Other open editors poll this key (cheap in Redis or locmem) to learn of new revisions.
    cache.set(revision_cache_key(project_id), revision, timeout=None)
