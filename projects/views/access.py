"""The first line of every project view: check the person's right and keep the answer on
the request, where the panel and templates read it (``request.access``)."""

from __future__ import annotations

from projects import selectors
from projects.access import AuthenticatedRequest, HtmxHttpRequest, ProjectAccess


def project_access(request: AuthenticatedRequest, project_id: int, *, need: str = "view") -> ProjectAccess:
    """The access check: 404 for an outsider (existence is not leaked), 403 for a role
    that cannot ``need`` ("view", "edit", "owner")."""
    access = selectors.project_access(user=request.user, project_id=project_id, need=need)
    request.access = access
    return access


def shared_access(request: HtmxHttpRequest, token: str) -> ProjectAccess:
    access = selectors.access_for_share_token(token=token)
    request.access = access
    return access
