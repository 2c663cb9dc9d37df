"""Reads. Every view starts here: an outsider gets 404 (existence is not leaked),
a viewer who tries to edit gets 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from designer.formats.json_doc import schema_from_dict
from designer.schema import Schema
from projects.models import Membership, Project, Revision, Role

_ALLOWED = {
    "view": {Role.OWNER, Role.EDITOR, Role.VIEWER},
    "edit": {Role.OWNER, Role.EDITOR},
    "owner": {Role.OWNER},
}


def project_for_user(*, user, project_id: int, need: str = "view") -> Project:
    if not user.is_authenticated:
        raise Http404("No such project")
    membership = Membership.objects.select_related("project").filter(project_id=project_id, user=user).first()
    if membership is None:
        raise Http404("No such project")
    if membership.role not in _ALLOWED[need]:
        raise PermissionDenied(f"Your role ({membership.role}) cannot {need} this project.")
    project = membership.project
    project.role = membership.role  # templates show or hide edit controls from this
    return project


def projects_for_user(*, user) -> QuerySet[Project]:
    return Project.objects.filter(memberships__user=user).order_by("-updated_at").select_related("owner")


def project_schema(project: Project) -> Schema:
    return schema_from_dict(project.document)


def revisions_for(*, project: Project, limit: int = 50) -> QuerySet[Revision]:
    return Revision.objects.filter(project=project).select_related("author").order_by("-number")[:limit]
