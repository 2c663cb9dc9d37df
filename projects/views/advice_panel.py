"""What the panel's Advice tab shows: the latest analysis (stale when the schema has
moved on), its recommendations grouped by category and severity, the dismissed ones
with their reasons, the design review, and a running analysis job with its progress."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from designer.advice import CATEGORIES, review_markdown
from designer.advice.applied import is_applied
from projects import selectors
from projects.verify_jobs import contradicted_claims

# CommonMark with raw HTML off: any HTML in the text comes out escaped, and markdown-it
# refuses javascript: and similar link targets. User text is Markdown-escaped as well.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})

SEVERITIES = ("critical", "warning", "info")


def advice_context(project, *, started=None) -> dict:
    """``started``: the job this request just created, shown as pending whatever the
    worker has done since (the next poll tells), so the progress bar always appears."""
    analysis = selectors.latest_analysis(project=project)
    job = started or selectors.latest_analysis_job(project=project)
    context = {"analysis": analysis, "job": job if job and (not job.is_finished or job.status == "failed") else None}
    if analysis is None:
        return context
    dismissed = selectors.dismissed_keys(project=project)
    flags = contradicted_claims(project=project)  # what the latest Verify run measured against them
    schema = selectors.project_schema(project)
    recommendations = [
        # "applied": its edit is in the schema now (an undo takes the mark away again)
        {**r, "verify_flags": flags.get(r["key"], []), "applied": is_applied(schema, r.get("ops", []))}
        for r in analysis.result["recommendations"]
    ]
    active = [r for r in recommendations if r["key"] not in dismissed]
    return {
        **context,
        "stale": analysis.revision != project.revision,
        "technology": analysis.result["technology"],
        "notes": analysis.result.get("notes", []),
        "groups": _grouped(active),
        "counts": {s: sum(1 for r in active if r["severity"] == s and not r["applied"]) for s in SEVERITIES},
        "applied": sum(1 for r in active if r["applied"]),
        "dismissed": [(r, dismissed[r["key"]]) for r in recommendations if r["key"] in dismissed],
        "review": review_html(review_markdown(analysis.result, project_name=project.name, dismissed=dismissed)),
    }


def review_html(markdown: str) -> SafeString:
    return mark_safe(_MARKDOWN.render(markdown))  # noqa: S308 — raw HTML disabled above


def _grouped(recommendations: list[dict]) -> list[tuple[str, list[dict]]]:
    order = {s: i for i, s in enumerate(SEVERITIES)}
    groups = []
    for category, title in CATEGORIES.items():
        chosen = sorted((r for r in recommendations if r["category"] == category), key=lambda r: order[r["severity"]])
        if chosen:
            groups.append((title, chosen))
    return groups
