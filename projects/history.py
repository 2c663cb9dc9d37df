"""Undo and redo of a user's own edits, from the op log.

Undo applies the stored inverse of the user's latest edit that is not undone yet,
rebased over what teammates saved since;
redo re-applies the edit behind the user's latest undo, unless the user has made a
new edit since (a new edit clears the redo stack, as in every editor). Both are new
revisions, so history stays append-only and other people's edits are never touched.
"""

from __future__ import annotations

from designer import ops
from designer.problems import Problem, SchemaError
from projects.models import Project, Revision
from projects.services import apply_op


def undoable_revision(*, project: Project, user) -> Revision | None:
    return (
        Revision.objects.filter(project=project, author=user, undo_of__isnull=True, undone_by__isnull=True)
        .order_by("-number")
        .first()
    )


def redoable_revision(*, project: Project, user) -> Revision | None:
    latest_undo = (
        Revision.objects.filter(project=project, author=user, undo_of__isnull=False, redone_by__isnull=True)
        .select_related("undo_of")
        .order_by("-number")
        .first()
    )
    if latest_undo is None:
        return None
    newer_edit = Revision.objects.filter(
        project=project, author=user, number__gt=latest_undo.number, undo_of__isnull=True
    ).exists()
    return None if newer_edit else latest_undo


# The inverse of a revision was computed on the document right after it: that is the
# base it is rebased from (designer.rebase). Whatever teammates changed since is kept,
# and an undo that would overwrite their change is refused as a conflict.


def undo(*, project: Project, user) -> tuple[Project, list[Problem]]:
    target = undoable_revision(project=project, user=user)
    if target is None:
        raise SchemaError([Problem(code="nothing-to-undo", message="Nothing of yours to undo.")])
    return apply_op(
        project_id=project.pk,
        user=user,
        op=ops.op_from_dict(target.inverse),
        base_revision=target.number,
        summary=f"Undo: {plain_summary(target.summary)}",
        narrative=f"undid: {target.narrative or target.summary}",
        undo_of=target,
    )


def redo(*, project: Project, user) -> tuple[Project, list[Problem]]:
    undo_revision = redoable_revision(project=project, user=user)
    if undo_revision is None:
        raise SchemaError([Problem(code="nothing-to-redo", message="Nothing of yours to redo.")])
    original = undo_revision.undo_of
    return apply_op(
        project_id=project.pk,
        user=user,
        op=ops.op_from_dict(original.op),
        base_revision=undo_revision.number,
        summary=f"Redo: {plain_summary(original.summary)}",
        narrative=f"redid: {original.narrative or original.summary}",
        redo_of=undo_revision,
    )


def plain_summary(summary: str) -> str:
    """What an edit did, without the "Undo: " / "Redo: " of earlier steps: redoing a
    redo reads "Redo: Add field state", never "Redo: Redo: Add field state"."""
    while summary.startswith(("Undo: ", "Redo: ")):
        summary = summary[len("Undo: ") :]
    return summary
