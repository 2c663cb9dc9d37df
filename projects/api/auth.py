"""Who is calling: a personal access token (``Authorization: Bearer …``, no CSRF: the
token is not sent by browsers on their own) or the browser's session (CSRF checked, as
for every form). Then the project access rule of the views, narrowed by the token's
scope and project."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja.security import HttpBearer, SessionAuth

from projects import selectors
from projects.api_tokens import AccessToken, token_authenticate


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(
            f"More than {settings.API_RATE_LIMIT} calls in a minute with this token; retry in {retry_after} s."
        )


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        found = token_authenticate(token)
        if found is None:
            return None
        _count_call(found)
        request.user = found.user  # services record the token's owner as the author
        request.api_token = found
        return found.user


class BrowserSession(SessionAuth):
    """The logged-in browser (the docs page's "Try it out"), with Django's CSRF check."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None:
            request.api_token = None
        return user


def _count_call(token: AccessToken) -> None:
    """A fixed one-minute window per token in the shared cache."""
    window = int(time.time() // 60)
    key = f"api-rate:{token.pk}:{window}"
    cache.add(key, 0, timeout=90)
    try:
        calls = cache.incr(key)
    except ValueError:  # evicted between add and incr
        calls = 1
    if calls > settings.API_RATE_LIMIT:
        raise RateLimited(retry_after=60 - int(time.time()) % 60)


AUTH = [TokenAuth(), BrowserSession()]


def token_of(request) -> AccessToken | None:
    return getattr(request, "api_token", None)


def project_access(request, project_id: int, *, need: str = "view"):
    """The project as the views see it (outsider 404, viewer editing 403), and a token's
    limits on top: one bound to a project sees no other; a read token never writes."""
    token = token_of(request)
    if token is not None and token.project_id is not None and token.project_id != project_id:
        raise Http404("No such project")
    project = selectors.project_access(user=request.user, project_id=project_id, need=need).project
    if need != "view":
        refuse_read_token(request)
    return project


def refuse_read_token(request) -> None:
    token = token_of(request)
    if token is not None and not token.can_write:
        raise PermissionDenied("This token may only read (scope read); create a write token to change projects.")
