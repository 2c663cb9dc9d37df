"""Projects: create (the demo too), rename, hide warnings, delete, export."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from designer.formats import dump_schema
from designer.formats.json_doc import schema_to_dict
from designer.schema import Schema
from projects import selectors
from projects.models import Membership, Project, Role
from projects.services.edits import _refuse_errors
from projects.services.errors import Refused

MAX_DISMISSED_WARNINGS = 100


EXPORT_CONTENT_TYPES = {"dbml": "text/plain; charset=utf-8", "json": "application/json"}


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


def project_export(*, project: Project, fmt: str) -> tuple[str, str, bytes]:
    """(file name, content type, body). The file name never carries raw user text."""
    text = dump_schema(selectors.project_schema(project), fmt=fmt)
    return f"{safe_file_stem(project.name)}.{fmt}", EXPORT_CONTENT_TYPES[fmt], text.encode()


def safe_file_stem(name: str) -> str:
    stem = slugify(name) or "schema"
    return re.sub(r"[^a-z0-9_-]", "", stem)[:80] or "schema"
