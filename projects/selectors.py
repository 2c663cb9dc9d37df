"""Reads. Every view starts here: an outsider gets 404 (existence is not leaked),
a viewer who tries to edit gets 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from designer import ops
from designer.formats.json_doc import schema_from_dict
from designer.schema import Schema
from projects import memo
from projects.access import LINK, ProjectAccess
from projects.models import (
    Analysis,
    Dismissal,
    Invitation,
    Job,
    JobKind,
    Membership,
    Project,
    Revision,
    Role,
    ShareLink,
)
from projects.tokens import token_hash

_ALLOWED = {
    "view": {Role.OWNER, Role.EDITOR, Role.VIEWER},
    "edit": {Role.OWNER, Role.EDITOR},
    "owner": {Role.OWNER},
}


def project_access(*, user, project_id: int, need: str = "view") -> ProjectAccess:
    if not user.is_authenticated:
        raise Http404("No such project")
    # The document is loaded only if its parsed schema is not already in memory.
    memberships = Membership.objects.select_related("project").defer("project__document")
    membership = memberships.filter(project_id=project_id, user=user).first()
    if membership is None:
        raise Http404("No such project")
    if membership.role not in _ALLOWED[need]:
        raise PermissionDenied(f"Your role ({membership.role}) cannot {need} this project.")
    return ProjectAccess(project=membership.project, role=membership.role)


def projects_for_user(*, user) -> QuerySet[Project]:
    return Project.objects.filter(memberships__user=user).order_by("-updated_at").select_related("owner")


# Parsing a stored document into the immutable Schema is the most expensive step of an
# edit on a large project, and every request of an edit needs it. A stored (project,
# revision, updated_at) never changes, and Schema objects are immutable, so parsed ones
# are shared safely across requests and threads of this process.
_parsed: memo.Keyed[Schema] = memo.Keyed(size=64)


def _parsed_key(project: Project) -> tuple:
    return (project.pk, project.revision, project.updated_at)


def project_schema(project: Project) -> Schema:
    return _parsed.get(_parsed_key(project), lambda: schema_from_dict(project.document))


def remember_schema(project: Project, schema: Schema) -> None:
    """Called by the service that stored ``schema`` as ``project``'s document."""
    _parsed.put(_parsed_key(project), schema)


def schema_at_revision(*, project: Project, revision: int) -> Schema:
    """The schema as stored at ``revision``: the current one with the inverses of the
    later edits applied, newest first (the log keeps every inverse)."""
    current = Project.objects.get(pk=project.pk)
    return schema_at(project=current, number=revision, current=project_schema(current))


def latest_analysis(*, project: Project) -> Analysis | None:
    return Analysis.objects.filter(project=project).order_by("-created_at", "-pk").first()


def latest_analysis_job(*, project: Project) -> Job | None:
    return Job.objects.filter(project=project, kind=JobKind.ANALYSIS).order_by("-created_at", "-pk").first()


def dismissed_keys(*, project: Project) -> dict[str, str]:
    """Recommendation key → the reason it was dismissed."""
    return dict(Dismissal.objects.filter(project=project).values_list("key", "reason"))


# Past documents never change either: (project id, created_at, revision number) -> Schema.
_past: memo.Keyed[Schema] = memo.Keyed(size=64)


def schema_at(*, project: Project, number: int, current: Schema) -> Schema:
    """The document as it was at revision ``number``: the current one with the stored
    inverses of every later revision applied, newest first. ``current`` must be the
    schema of ``project.revision`` (the caller holds it already)."""
    if number >= project.revision:
        return current
    key = (project.pk, project.created_at, number)  # created_at: SQLite may reuse a deleted project's id
    known = _past.peek(key)
    if known is not None:
        return known
    schema = current
    later = Revision.objects.filter(project_id=project.pk, number__gt=number, number__lte=project.revision)
    for inverse in later.order_by("-number").values_list("inverse", flat=True):
        schema, _ = ops.apply(schema, ops.op_from_dict(inverse))
    _past.put(key, schema)
    return schema


def revision_narrative(*, project: Project) -> str:
    """What the project's latest revision did, as its history says it ("added field posts.title")."""
    found = Revision.objects.filter(project_id=project.pk, number=project.revision).values_list("narrative", flat=True)
    return next(iter(found), "")


def authors_since(*, project: Project, number: int) -> list[str]:
    """Who saved revisions after ``number`` (for conflict messages)."""
    names = (
        Revision.objects.filter(project_id=project.pk, number__gt=number)
        .exclude(author=None)
        .values_list("author__username", flat=True)
        .distinct()
    )
    return sorted(names)


def members_of(*, project: Project) -> QuerySet[Membership]:
    return Membership.objects.filter(project=project).select_related("user").order_by("role", "user__username")


def membership_in(*, project: Project, membership_id: int) -> Membership:
    membership = Membership.objects.filter(project=project, pk=membership_id).select_related("user", "project").first()
    if membership is None:
        raise Http404("No such member")
    return membership


def open_invitations(*, project: Project) -> QuerySet[Invitation]:
    now = timezone.now()
    return Invitation.objects.filter(
        project=project, accepted_at=None, revoked_at=None, expires_at__gt=now
    ).select_related("user")


def live_share_links(*, project: Project) -> QuerySet[ShareLink]:
    return live_share_links_any().filter(project=project).order_by("-created_at")


def access_for_share_token(*, token: str) -> ProjectAccess:
    """The project a share link opens, read-only. Unknown, revoked and expired links are
    all the same 404: a link holder learns nothing about links that do not work."""
    link = (
        live_share_links_any().filter(token_hash=token_hash(token, purpose="share")).select_related("project").first()
    )
    if link is None:
        raise Http404("No such link")
    return ProjectAccess(project=link.project, role=LINK)


def live_share_links_any() -> QuerySet[ShareLink]:
    now = timezone.now()
    return ShareLink.objects.filter(Q(expires_at=None) | Q(expires_at__gt=now), revoked_at=None)


def timeline(*, project: Project, entity_id: str = "", username: str = "", limit: int = 200) -> list[Revision]:
    """The newest revisions, optionally only one person's or only those touching one entity."""
    revisions = Revision.objects.filter(project=project).select_related("author").order_by("-number")
    if username:
        revisions = revisions.filter(author__username=username)
    if not entity_id:
        return list(revisions[:limit])
    # Which entity an op touches lives inside its JSON; a project's log is read newest first, in pages.
    return [r for r in revisions[: limit * 5] if entity_id in entity_ids_in(r.op) | entity_ids_in(r.inverse)][:limit]


_ENTITY_KEYS = ("entity_id", "from_entity_id", "to_entity_id", "join_entity_id")


def entity_ids_in(data) -> set[str]:
    """Every entity id an op (as stored) names: ``entity_id`` keys and entity objects."""
    found: set[str] = set()
    if isinstance(data, dict):
        found.update(v for k, v in data.items() if k in _ENTITY_KEYS and isinstance(v, str))
        entity = data.get("entity")
        if isinstance(entity, dict) and isinstance(entity.get("id"), str):
            found.add(entity["id"])
        for value in data.values():
            if isinstance(value, dict | list):
                found |= entity_ids_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= entity_ids_in(value)
    return found
