"""Edits: one op applied once under the row lock, validated, stored with its revision
(undo, redo, restore and imports are edits too)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import JSONField, TextField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from designer import ops
from designer.formats.json_doc import document_text, schema_to_dict
from designer.problems import Problem, SchemaError, errors, warnings
from designer.rebase import Conflict, rebase
from designer.schema import Schema
from designer.validate import validate
from projects import memo, selectors
from projects.models import Project, Revision
from projects.services.errors import EditConflict, StaleRevision


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
        _store(project, document_text(project.document, memo=_document_texts.get()))
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


# Shared by every edit in this process: an edit converts and dumps only the objects it made.
_document_parts = memo.Parts(limit=200_000)
_document_texts = memo.Parts(limit=100_000)


def _store(project: Project, text: str) -> None:
    """Save the document as JSON text joined from the parts' texts (designer.formats.
    json_doc.document_text): Django's JSONField would dump the whole document again."""
    project.updated_at = timezone.now()
    Project.objects.filter(pk=project.pk).update(
        document=Cast(Value(text, output_field=TextField()), output_field=JSONField()),
        revision=project.revision,
        updated_at=project.updated_at,
    )


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
