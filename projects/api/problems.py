"""Every API error in one shape: RFC 9457 problem details (``application/problem+json``).

``type`` is a stable URI per kind of problem (documented in docs/api.md), ``title`` the
kind in words, ``detail`` this occurrence, ``errors`` the fields at fault as JSON paths
into the request (``body.base_revision``) with a message each.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://schema-designer.invalid/problems/"

TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Too large",
    422: "Invalid input",
    429: "Too many requests",
    503: "Unavailable",
}


class FieldError(Schema):
    path: str
    message: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []


def problem(status: int, detail: str, *, kind: str = "", errors=(), **extra) -> HttpResponse:
    body = {
        "type": TYPE_BASE + (kind or TITLES.get(status, "error").lower().replace(" ", "-")),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "errors": [{"path": path, "message": message} for path, message in errors],
        **extra,
    }
    response = HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="schema-designer"'
    return response


def schema_problems(error_problems) -> list[tuple[str, str]]:
    """designer.problems.Problem list → (path, message) pairs; a line number when the input was text."""
    return [(p.path or (f"line {p.line}" if p.line else ""), str(p)) for p in error_problems]


# The error statuses an operation may answer with, for the OpenAPI document.
COMMON = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}
