"""Request guards that hold for every URL, so a new view cannot forget them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render

from projects.services import Refused


def head_as_get(get_response):
    """HEAD is answered wherever GET is (RFC 9110): the view runs as for GET, the body is
    dropped and the headers stay. Views keep declaring only the methods they mean."""

    def middleware(request):
        if request.method != "HEAD":
            return get_response(request)
        request.method = "GET"
        response = get_response(request)
        request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        else:
            response.streaming_content = []
        return response

    return middleware


def refuse_large_bodies(get_response):
    """A body declared bigger than MAX_REQUEST_BYTES is refused with 413 and a page that
    says the limit, before any of it is read. (Django's own limit skips uploaded files and
    answers a bare 400.)"""

    def middleware(request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_REQUEST_BYTES:
            return too_large(request)
        return get_response(request)

    return middleware


def too_large(request):
    limit = human_size(settings.IMPORT_MAX_BYTES)
    return refused(
        request, f"That is too much data for one request: a file or pasted schema may be up to {limit}.", status=413
    )


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size / 1024:g} KB"


class RefusalMiddleware:
    """A service that declines (services.Refused: a per-user limit, the job queue down)
    is answered with its status and the message in the page, from any view. A NUL
    character in a parameter is refused here: no text a person types holds one, and
    PostgreSQL text cannot store it (a view that reads a raw parameter would fail)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request.GET) or (request.method == "POST" and _holds_nul(request.POST)):
            return refused(request, "The request holds a NUL character, which no field accepts.", status=400)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Refused):
            return refused(request, str(exception), status=exception.status)
        return None


def _holds_nul(params) -> bool:
    return any("\x00" in value for values in params.lists() for value in values[1])


def refused(request, message: str, *, status: int):
    template = "_refused.html" if request.headers.get("HX-Request") else "refused.html"
    return render(request, template, {"message": message}, status=status)


def bad_request(request, exception=None):
    """handler400: Django's own input limits (a body bigger than declared, too many fields)
    answered like ours, with a page that says what happened."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return refused(request, "The form has too many fields or files.", status=413)
    return refused(request, "The request could not be understood.", status=400)
