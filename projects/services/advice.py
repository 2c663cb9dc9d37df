"""Advice: an analysis stored for its revision, recommendations dismissed and restored."""

from __future__ import annotations

from projects.models import Analysis, Dismissal, Job, Project


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
