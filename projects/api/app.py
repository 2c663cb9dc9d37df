"""The HTTP API (/api/v1/): django-ninja, its OpenAPI 3 document at /api/v1/openapi.json
and the Swagger page at /api/v1/docs (its scripts are served from our static files, so the
strict Content-Security-Policy holds). Every error leaves as problem details."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from designer.codegen import CodegenError
from designer.migrate import MigrationError
from designer.problems import SchemaError
from projects import live_import, services
from projects.api import projects_routes, versions_routes
from projects.api.auth import AUTH, RateLimited
from projects.api.problems import CONTENT_TYPE, problem, schema_problems
from projects.services import imports, releases


class DesignerAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Error answers are documented with the media type they are sent with."""
        document = super().get_openapi_schema(*args, **kwargs)
        for operations in document["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {CONTENT_TYPE: content.pop("application/json")}
        return document


api = DesignerAPI(
    title="Schema Designer API",
    version="1",
    description="Projects, schema documents, versions, migrations, bundles, checks and drift. "
    "Authenticate with a personal access token (`Authorization: Bearer sdp_…`, made on /account/tokens/). "
    "Errors are RFC 9457 problem details (`application/problem+json`).",
    auth=AUTH,
    urls_namespace="api-v1",
)
api.add_router("", projects_routes.router)
api.add_router("", versions_routes.router)


@api.exception_handler(ValidationError)
def _invalid(request, error: ValidationError):
    errors = [(".".join(str(part) for part in e.get("loc", ())), e.get("msg", "invalid")) for e in error.errors]
    return problem(422, "The request does not fit the schema of this operation.", kind="invalid-request", errors=errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, error):
    return problem(401, "Give a valid personal access token (Authorization: Bearer …); it may be revoked or expired.")


@api.exception_handler(RateLimited)
def _rate_limited(request, error: RateLimited):
    response = problem(429, str(error), kind="rate-limited")
    response["Retry-After"] = str(error.retry_after)
    return response


@api.exception_handler(Http404)
def _not_found(request, error):
    return problem(404, str(error) or "Not found.")


@api.exception_handler(PermissionDenied)
def _forbidden(request, error):
    return problem(403, str(error) or "You may not do this.")


@api.exception_handler(services.StaleRevision)
def _stale(request, error: services.StaleRevision):
    return problem(409, str(error), kind="stale-revision", current_revision=error.actual)


@api.exception_handler(services.Refused)
def _refused(request, error: services.Refused):
    return problem(error.status, str(error), kind="refused")


@api.exception_handler(SchemaError)
def _schema_error(request, error: SchemaError):
    return problem(
        422, "The schema cannot be read or is not valid.", kind="invalid-schema", errors=schema_problems(error.problems)
    )


def _unprocessable(request, error):
    return problem(422, str(error))


for _kind in (releases.VersionError, MigrationError, CodegenError, live_import.LiveImportError):
    api.add_exception_handler(_kind, _unprocessable)


@api.exception_handler(imports.ImportTooLarge)
def _too_large(request, error):
    return problem(413, str(error))


@api.exception_handler(HttpError)
def _http_error(request, error: HttpError):
    return problem(error.status_code, str(error))
