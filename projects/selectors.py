"""Reads. Every view starts here: an outsider gets 404 (existence is not leaked),
a viewer who tries to edit gets 403."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from designer.formats.json_doc import schema_from_dict
from designer.schema import Schema
from projects.models import Analysis, Dismissal, Job, JobKind, Membership, Project, Revision, Role

_ALLOWED = {
    "view": {Role.OWNER, Role.EDITOR, Role.VIEWER},
    "edit": {Role.OWNER, Role.EDITOR},
    "owner": {Role.OWNER},
}


def project_for_user(*, user, project_id: int, need: str = "view") -> Project:
    if not user.is_authenticated:
        raise Http404("No such project")
    # The document is loaded only if its parsed schema is not already in memory.
    memberships = Membership.objects.select_related("project").defer("project__document")
    membership = memberships.filter(project_id=project_id, user=user).first()
    if membership is None:
        raise Http404("No such project")
    if membership.role not in _ALLOWED[need]:
        raise PermissionDenied(f"Your role ({membership.role}) cannot {need} this project.")
    project = membership.project
    project.role = membership.role  # templates show or hide edit controls from this
    return project


def projects_for_user(*, user) -> QuerySet[Project]:
    return Project.objects.filter(memberships__user=user).order_by("-updated_at").select_related("owner")


# Parsing a stored document into the immutable Schema is the most expensive step of an
# edit on a large project, and every request of an edit needs it. A stored (project,
# revision, updated_at) never changes, and Schema objects are immutable, so parsed ones
# are shared safely across requests and threads of this process.
_PARSED_LIMIT = 64
_parsed: OrderedDict[tuple, Schema] = OrderedDict()
_parsed_lock = threading.Lock()


def _parsed_key(project: Project) -> tuple:
    return (project.pk, project.revision, project.updated_at)


def project_schema(project: Project) -> Schema:
    key = _parsed_key(project)
    with _parsed_lock:
        schema = _parsed.get(key)
        if schema is not None:
            _parsed.move_to_end(key)
            return schema
    schema = schema_from_dict(project.document)
    remember_schema(project, schema)
    return schema


def remember_schema(project: Project, schema: Schema) -> None:
    """Called by the service that stored ``schema`` as ``project``'s document."""
    with _parsed_lock:
        _parsed[_parsed_key(project)] = schema
        _parsed.move_to_end(_parsed_key(project))
        while len(_parsed) > _PARSED_LIMIT:
            _parsed.popitem(last=False)


def revisions_for(*, project: Project, limit: int = 50) -> QuerySet[Revision]:
    return Revision.objects.filter(project=project).select_related("author").order_by("-number")[:limit]


def latest_analysis(*, project: Project) -> Analysis | None:
    return Analysis.objects.filter(project=project).order_by("-created_at", "-pk").first()


def latest_analysis_job(*, project: Project) -> Job | None:
    return Job.objects.filter(project=project, kind=JobKind.ANALYSIS).order_by("-created_at", "-pk").first()


def dismissed_keys(*, project: Project) -> dict[str, str]:
    """Recommendation key → the reason it was dismissed."""
    return dict(Dismissal.objects.filter(project=project).values_list("key", "reason"))
