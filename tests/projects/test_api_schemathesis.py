"""Every operation of the OpenAPI document, called with generated input (schemathesis,
property-based) through the app's WSGI handler: never a server error, every answer as
documented (status, media type, body). Bounded: a few examples per operation."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from projects import services
from projects.api.app import api
from projects.api_tokens import token_create

pytestmark = pytest.mark.postgres

# The document as the app serves it (test_the_document_is_served_as_built checks they are one).
DOCUMENT = api.get_openapi_schema(path_prefix="/api/v1/")
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.app = get_wsgi_application()
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


def test_the_document_is_served_as_built_and_valid_openapi_3(client):
    from openapi_spec_validator import validate

    served = client.get("/api/v1/openapi.json").json()
    assert served == DOCUMENT
    validate(served)


@pytest.fixture
def owner_project(owner, settings):
    settings.ALLOWED_HOSTS = ["localhost"]  # the host schemathesis's WSGI client sends
    # As Django's test client does: the test's transaction stays open across requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    project = services.project_create(owner=owner, name="Fuzzed")
    yield project, token_create(user=owner, name="fuzz", scope="write")[1]
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_as_documented(case, owner_project):
    project, token = owner_project
    if "project_id" in (case.path_parameters or {}):
        case.path_parameters["project_id"] = project.pk  # a real project: the handlers run, not only the 404
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
