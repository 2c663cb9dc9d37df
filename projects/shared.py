"""What a read-only view of a project shows, section by section: the share-link page
and the view of a past revision both render these.

An extension point on purpose: features built elsewhere (the design document, the
versions) add a ``Section`` to ``SECTIONS`` (or call ``register``) and appear on every
share link with no change to the view. A section only reads: it gets the project and
the schema being shown and returns its template context. A section about the project
as it is now rather than about the schema shown (the versions, the latest design
review) says ``on_past_revisions=False``: the page of a past revision leaves it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from designer.advice import review_markdown
from designer.schema import Schema
from designer.types import display_type
from projects import selectors
from projects.models import Project
from projects.services import releases
from projects.views.advice_panel import review_html


@dataclass(frozen=True)
class Section:
    key: str  # the anchor id on the page
    title: str
    template: str
    context: Callable[[Project, Schema], dict]
    on_past_revisions: bool = True


def schema_rows(project: Project, schema: Schema) -> dict:
    enums = {e.id: e.name for e in schema.enums}
    entities = [
        (
            entity,
            [
                (f, display_type(f.type, enum_name=enums.get(f.type.enum_id or "")), f.id in entity.primary_key)
                for f in entity.fields
            ],
        )
        for entity in schema.entities
    ]
    return {"entities": entities, "enums": schema.enums}


def released_versions(project: Project, schema: Schema) -> dict:
    return {"versions": releases.releases_for(project=project)}


def design_document(project: Project, schema: Schema) -> dict:
    """The advisor's latest stored analysis as the design review, the same Markdown the
    Advice tab shows and downloads, rendered with raw HTML off."""
    analysis = selectors.latest_analysis(project=project)
    if analysis is None:
        return {"analysis": None}
    dismissed = selectors.dismissed_keys(project=project)
    review = review_markdown(analysis.result, project_name=project.name, dismissed=dismissed)
    return {"analysis": analysis, "stale": analysis.revision != project.revision, "review": review_html(review)}


SECTIONS: list[Section] = [
    Section(key="schema", title="Schema", template="projects/shared/_schema.html", context=schema_rows),
    Section(
        key="design",
        title="Design document",
        template="projects/shared/_design.html",
        context=design_document,
        on_past_revisions=False,
    ),
    Section(
        key="versions",
        title="Versions",
        template="projects/shared/_versions.html",
        context=released_versions,
        on_past_revisions=False,
    ),
]


def register(section: Section) -> None:
    if any(s.key == section.key for s in SECTIONS):
        raise ValueError(f"a read-only section {section.key!r} exists already")
    SECTIONS.append(section)


def rendered_sections(
    request, project: Project, schema: Schema, *, past_revision: bool = False
) -> list[tuple[Section, str]]:
    """Each section's HTML (autoescaped by its template)."""
    return [
        (section, render_to_string(section.template, {"project": project, **section.context(project, schema)}, request))
        for section in SECTIONS
        if section.on_past_revisions or not past_revision
    ]
