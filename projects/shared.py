"""What a read-only view of a project shows, section by section: the share-link page
and the view of a past revision both render these.

An extension point on purpose: features built elsewhere (the design document, the
versions) add a ``Section`` to ``SECTIONS`` (or call ``register``) and appear on every
share link with no change to the view. A section only reads: it gets the project and
the schema being shown and returns its template context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from designer.schema import Schema
from designer.types import display_type
from projects.models import Project


@dataclass(frozen=True)
class Section:
    key: str  # the anchor id on the page
    title: str
    template: str
    context: Callable[[Project, Schema], dict]


def schema_rows(project: Project, schema: Schema) -> dict:
    enums = {e.id: e.name for e in schema.enums}
    entities = [
        (entity, [(f, display_type(f.type, enum_name=enums.get(f.type.enum_id or "")), f.id in entity.primary_key)
                  for f in entity.fields])
        for entity in schema.entities
    ]  # fmt: skip
    return {"entities": entities, "enums": schema.enums}


SECTIONS: list[Section] = [
    Section(key="schema", title="Schema", template="projects/shared/_schema.html", context=schema_rows),
]


def register(section: Section) -> None:
    if any(s.key == section.key for s in SECTIONS):
        raise ValueError(f"a read-only section {section.key!r} exists already")
    SECTIONS.append(section)


def rendered_sections(request, project: Project, schema: Schema) -> list[tuple[Section, str]]:
    """Each section's HTML (autoescaped by its template)."""
    return [
        (section, render_to_string(section.template, {"project": project, **section.context(project, schema)}, request))
        for section in SECTIONS
    ]
