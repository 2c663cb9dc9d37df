"""Writes. Every change to a project goes through here (HackSoft style: keyword-only
arguments, one transaction per use case)."""

from __future__ import annotations

import logging
import re

from django.core.cache import cache
from django.db import transaction
from django.utils.text import slugify

from designer import ops
from designer.formats import dump_schema, load_schema
from designer.formats.json_doc import schema_to_dict
from designer.problems import Problem, SchemaError, errors, warnings
from designer.schema import Schema
from designer.validate import validate
from projects import selectors
from projects.diagrams import arranged
from projects.models import Job, JobStatus, Membership, Project, Revision, Role

logger = logging.getLogger(__name__)

EXPORT_CONTENT_TYPES = {"dbml": "text/plain; charset=utf-8", "json": "application/json"}


class StaleRevision(Exception):
    """The edit was made on an older revision than the one stored (someone else saved first)."""

    def __init__(self, *, expected: int, actual: int):
        self.expected, self.actual = expected, actual
        super().__init__(
            f"The project changed while you were editing (you had revision {expected}, it is now {actual}). "
            "Reload to see the latest version."
        )


def project_create(*, owner, name: str, description: str = "", schema: Schema | None = None) -> Project:
    schema = schema if schema is not None else Schema()
    _refuse_errors(schema)
    with transaction.atomic():
        project = Project.objects.create(
            owner=owner, name=name.strip(), description=description.strip(), document=schema_to_dict(schema)
        )
        Membership.objects.create(project=project, user=owner, role=Role.OWNER)
    return project


def project_update(*, project: Project, name: str, description: str) -> Project:
    project.name, project.description = name.strip(), description.strip()
    project.save(update_fields=["name", "description", "updated_at"])
    return project


def project_dismiss_warning(*, project: Project, code: str, dismissed: bool) -> Project:
    """Hide (or show again) one kind of schema warning in this project's editor."""
    codes = [c for c in project.dismissed_warnings if c != code] + ([code] if dismissed else [])
    project.dismissed_warnings = sorted(codes)
    project.save(update_fields=["dismissed_warnings"])
    return project


def project_delete(*, project: Project) -> None:
    project.delete()


def apply_op(
    *, project_id: int, user, op: ops.Op, base_revision: int, summary: str | None = None, **links
) -> tuple[Project, list[Problem]]:
    """Apply one edit: lock the row, check the revision the user edited, apply, validate,
    store document and log entry together. Returns the project and the warnings.
    ``links`` (undo_of / redo_of) tie undo and redo revisions to what they reverse."""
    with transaction.atomic():
        # The document is read only when the parsed schema of this revision is not in memory.
        project = Project.objects.select_for_update().defer("document").get(pk=project_id)
        if project.revision != base_revision:
            raise StaleRevision(expected=base_revision, actual=project.revision)
        before = selectors.project_schema(project)
        after, inverse = ops.apply(before, op)
        problems = _refuse_errors(after)
        project.revision += 1
        project.document = schema_to_dict(after, memo=_document_memo())
        project.save(update_fields=["document", "revision", "updated_at"])
        Revision.objects.create(
            project=project,
            number=project.revision,
            author=user,
            op=ops.op_to_dict(op),
            inverse=ops.op_to_dict(inverse),
            summary=(summary or ops.describe(op, before))[:300],
            **links,
        )
        transaction.on_commit(lambda: selectors.remember_schema(project, after))
        transaction.on_commit(lambda: _publish_change(project.pk, project.revision))
    return project, warnings(problems)


_DOCUMENT_MEMO: dict = {}
_DOCUMENT_MEMO_LIMIT = 200_000  # objects; then it starts again (it only saves work)


def _document_memo() -> dict:
    """Shared by every edit in this process: an edit converts only the objects it made."""
    if len(_DOCUMENT_MEMO) > _DOCUMENT_MEMO_LIMIT:
        _DOCUMENT_MEMO.clear()
    return _DOCUMENT_MEMO


def project_import(*, owner, text: str, fmt: str, name: str | None = None, project: Project | None = None):
    """A new project from a schema file, or a new revision of ``project``.
    Errors raise SchemaError and nothing is written."""
    schema = arranged(load_schema(text, fmt=fmt))
    problems = _refuse_errors(schema)
    if project is None:
        return project_create(owner=owner, name=name or schema.name or "Imported schema", schema=schema), problems
    project, _ = apply_op(
        project_id=project.pk, user=owner, op=ops.ReplaceSchema(schema=schema), base_revision=project.revision
    )
    return project, problems


def project_export(*, project: Project, fmt: str) -> tuple[str, str, bytes]:
    """(file name, content type, body). The file name never carries raw user text."""
    text = dump_schema(selectors.project_schema(project), fmt=fmt)
    return f"{safe_file_stem(project.name)}.{fmt}", EXPORT_CONTENT_TYPES[fmt], text.encode()


def safe_file_stem(name: str) -> str:
    stem = slugify(name) or "schema"
    return re.sub(r"[^a-z0-9_-]", "", stem)[:80] or "schema"


def job_create(*, project: Project, user, kind: str) -> Job:
    """The row first, then the task once the row is committed (the worker must see it)."""
    from projects.tasks import run_job

    job = Job.objects.create(project=project, kind=kind, created_by=user, revision=project.revision)
    transaction.on_commit(lambda: run_job.delay(job.pk))
    return job


def job_progress(*, job: Job, progress: int, message: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(progress=progress, message=message[:300])


def job_mark(*, job: Job, status: str, **fields) -> None:
    job.status = status
    for key, value in fields.items():
        setattr(job, key, value)
    job.save()
    if status in (JobStatus.DONE, JobStatus.FAILED):
        logger.info("job %s %s", job.pk, status)


def _refuse_errors(schema: Schema) -> list[Problem]:
    problems = validate(schema)
    found = errors(problems)
    if found:
        raise SchemaError(found)
    return problems


def revision_cache_key(project_id: int) -> str:
    return f"project:{project_id}:revision"


def _publish_change(project_id: int, revision: int) -> None:
    # Other open editors poll this key (cheap in Redis or locmem) to learn of new revisions.
    cache.set(revision_cache_key(project_id), revision, timeout=None)
