"""Import services: read a schema from any format, stage it, and apply it only when its
person confirms.

Why staging: an import into an existing project shows what it will replace before it
does, and a large import (read by a worker) only lands when the browser that asked for
it is still there to confirm; an abandoned import stays an unapplied job row forever.
Sizes are checked before anything is parsed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from designer.allocation import collector_paused
from designer.formats import Imported, import_text
from designer.formats.json_doc import schema_from_dict, schema_to_dict
from designer.notices import NoticeGroup, group_notices
from designer.problems import Problem, SchemaError, Severity, errors
from designer.schema import Schema
from designer.validate import validate
from projects import selectors, services
from projects.diagrams import arranged
from projects.models import Job, JobKind, JobStatus, Project

logger = logging.getLogger(__name__)
# A dump can skip thousands of statements: every group keeps its count, its list is capped
# (what was lost keeps more of its list than statements left aside).
MAX_NOTICES_KEPT = {True: 1000, False: 200}


class ImportTooLarge(Exception):
    def __init__(self, size: int):
        limit = settings.IMPORT_MAX_BYTES
        super().__init__(
            f"The schema is {size / 1_000_000:.1f} MB; imports are limited to {limit / 1_000_000:.1f} MB "
            "(IMPORT_MAX_BYTES)."
        )


class ImportAlreadyApplied(Exception):
    pass


def import_check_size(*, size: int) -> None:
    if size > settings.IMPORT_MAX_BYTES:
        raise ImportTooLarge(size)


def import_read(*, text: str, fmt: str) -> tuple[Schema, list[Problem]]:
    """Parse and validate; SchemaError (with lines) when the schema cannot be used. Returns
    the schema and the notices (skipped statements, warnings)."""
    import_check_size(size=len(text.encode()))
    try:
        imported: Imported = import_text(text, fmt=fmt)
    except (SchemaError, SoftTimeLimitExceeded):
        raise  # a time limit is the job's to report ("timed out after N s"), not a reader bug
    except Exception:
        # A reader's bug must not become a 500: the person gets a message, we get the log.
        logger.exception("the %s reader failed", fmt)
        message = (
            f"this {fmt} file could not be read (an error on our side, logged); check its syntax or try another format"
        )
        raise SchemaError([Problem(code="import-failed", message=message)]) from None
    with collector_paused():  # validation and layout of a large import allocate as much again
        return import_checked(schema=imported.schema, notices=imported.notices)


def import_checked(*, schema: Schema, notices) -> tuple[Schema, list[Problem]]:
    """Validated and laid out (once, then kept): SchemaError for what the project's database
    refuses, the warnings join the reader's notices."""
    problems = validate(schema)
    found = errors(problems)
    if found:
        raise SchemaError(found)
    return arranged(schema), [*notices, *problems]


def project_import(
    *,
    owner,
    text: str,
    fmt: str,
    name: str | None = None,
    project: Project | None = None,
    base_revision: int | None = None,
):
    """Read and land at once (the command line, small web imports into a new project): a
    new project, or a new revision of ``project`` made on ``base_revision`` (default: the
    stored one). Errors raise SchemaError, nothing written. Returns the project and the
    notices."""
    schema, notices = import_read(text=text, fmt=fmt)
    if project is None:
        return services.project_create(
            owner=owner, name=name or schema.name or "Imported schema", schema=schema
        ), notices
    project = services.schema_replace(
        project=project,
        user=owner,
        schema=schema,
        base_revision=project.revision if base_revision is None else base_revision,
        summary=f"Imported a {fmt} schema ({len(schema.entities)} tables)",
    )
    return project, notices


def import_runs_as_job(*, size: int) -> bool:
    return size > settings.IMPORT_JOB_MIN_BYTES


def import_stage(
    *,
    owner,
    project: Project | None,
    schema: Schema,
    notices: list[Problem],
    fmt: str,
    base_revision: int | None = None,
) -> Job:
    """A finished import job holding the schema read, waiting for confirmation."""
    return Job.objects.create(
        project=project,
        kind=JobKind.IMPORT,
        created_by=owner,
        revision=_base(project, base_revision),
        status=JobStatus.DONE,
        progress=100,
        result=_result(schema, notices, fmt=fmt),
        finished_at=timezone.now(),
    )


def import_start_job(*, owner, project: Project | None, text: str, fmt: str, base_revision: int | None = None) -> Job:
    """A large import: the row and its text first, the worker reads it (``import_job``)."""
    import_check_size(size=len(text.encode()))
    services.refuse_too_many_jobs(owner)
    job = Job(project=project, kind=JobKind.IMPORT, created_by=owner, revision=_base(project, base_revision))
    job.message = f"Waiting to read the {fmt} schema"
    job.file.save(f"import.{fmt}", ContentFile(text.encode()), save=False)
    job.save()
    transaction.on_commit(lambda: services.job_dispatch(job=job))
    return job


def _base(project: Project | None, base_revision: int | None) -> int:
    """The revision the import will replace: the one its person saw (the Import page's)."""
    if project is None:
        return 0
    return project.revision if base_revision is None else base_revision


def import_job(job: Job) -> dict:
    """The worker's part of a large import (JOB_KINDS): read, validate, keep the result."""
    fmt = job.file.name.rsplit(".", 1)[-1]
    services.job_progress(job=job, progress=5, message="Reading the file")
    with job.file.open("rb") as handle:
        text = handle.read().decode("utf-8")
    services.job_progress(job=job, progress=15, message=f"Parsing {len(text) / 1_000_000:.1f} MB of {fmt}")
    schema, notices = import_read(text=text, fmt=fmt)
    services.job_progress(job=job, progress=85, message=f"Read {len(schema.entities)} tables; preparing the preview")
    return _result(schema, notices, fmt=fmt)


@dataclass(frozen=True)
class Preview:
    """What confirming will do: the tables added, replaced and removed."""

    tables: int
    relationships: int
    added: list[str]
    removed: list[str]
    kept: int
    notice_groups: list[dict]
    notice_count: int
    current_tables: int


def import_preview(*, job: Job) -> Preview:
    result = job.result
    new_names = result["tables"]
    old_names = []
    if job.project is not None:
        current = selectors.project_schema(job.project)
        old_names = [e.qualified_name for e in current.entities]
    old, new = set(old_names), set(new_names)
    return Preview(
        tables=len(new_names),
        relationships=result["relationships"],
        added=sorted(new - old) if job.project is not None else [],
        removed=sorted(old - new),
        kept=len(old & new),
        notice_groups=result.get("notice_groups") or _legacy_groups(result),
        notice_count=result["notice_count"],
        current_tables=len(old_names),
    )


def import_apply(*, job: Job, user, name: str | None = None) -> Project:
    """Confirmation: a new project, or one undoable revision replacing the schema (refused
    with StaleRevision when the project changed since the import was read)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.result.get("applied_to"):
            raise ImportAlreadyApplied("This import was already applied.")
        schema = schema_from_dict(job.result["document"])
        if job.project is None:
            project = services.project_create(owner=user, name=name or schema.name or "Imported schema", schema=schema)
            job.project = project
            # The editor opens next: it need not decode the document again.
            transaction.on_commit(lambda: selectors.remember_schema(project, schema))
        else:
            project = services.schema_replace(
                project=job.project,
                user=user,
                schema=schema,
                base_revision=job.revision,
                summary=f"Imported a {job.result['format']} schema ({len(schema.entities)} tables)",
            )
        job.result = {**job.result, "applied_to": project.pk, "document": None}
        job.save(update_fields=["result", "project"])
        transaction.on_commit(lambda: _drop_input_file(job))
    return project


def _drop_input_file(job: Job) -> None:
    """The uploaded text is in the project now: its copy under MEDIA_ROOT goes (an
    import of a 10 MB dump would otherwise stay on disk for good)."""
    if job.file:
        job.file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(file="")


def _result(schema: Schema, notices: list[Problem], *, fmt: str) -> dict:
    return {
        "format": fmt,
        "document": schema_to_dict(schema),
        "tables": [e.qualified_name for e in schema.entities],
        "relationships": len(schema.relationships),
        "notice_groups": [_group(g) for g in group_notices(notices)],
        "notice_count": len(notices),
        "applied_to": None,
    }


def _group(group: NoticeGroup) -> dict:
    kept = group.notices[: MAX_NOTICES_KEPT[group.lossy]]
    notices = [_notice(p) for p in kept]
    return {"summary": group.summary(), "lossy": group.lossy, "count": group.count, "notices": notices}


def _notice(problem: Problem) -> dict:
    return {"line": problem.line, "message": problem.message, "warning": problem.severity is Severity.WARNING}


def _legacy_groups(result: dict) -> list[dict]:
    """A job read before notices were grouped: its list as one group."""
    notices = result.get("notices") or []
    if not notices:
        return []
    count = result["notice_count"]
    return [{"summary": f"{count:,} notices", "lossy": False, "count": count, "notices": notices}]
