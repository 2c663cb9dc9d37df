"""No input answers 500: every URL, with every form field of the app set to hostile values,
by GET and POST, and every upload path with hostile files (the probe's emoji at a DBML
syntax error, a JSON lone surrogate, bytes that are not UTF-8). Anything may be refused
(4xx) or accepted; nothing may crash."""

from __future__ import annotations

import inspect

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, get_resolver

import projects.forms as form_package
from designer.formats import json_doc
from designer.schema import Schema
from projects import selectors
from projects.forms import code, editor, projects, relationships, versions, workload
from projects.models import Job, Membership
from projects.services import releases

HOSTILE = [
    "",
    "😀",
    "x" * 30_000,
    "\x00",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "ent_1",
    "on",
]
JSON_DOC = json_doc.dumps(Schema(name="x"))
UPLOADS = [
    ("emoji.dbml", "Table t {\n  id int [pk] 😀 oops\n}\n".encode()),
    ("emoji-name.dbml", "Table 😀 { id int \n".encode()),
    ("surrogate.json", JSON_DOC.replace('"x"', '"\\ud800"', 1).encode()),
    ("surrogate-key.json", b'{"\\udfff": 1}'),
    ("latin1.sql", "CREATE TABLE caf\xe9 (id int);".encode("latin-1")),
    ("nul.dbml", b"Table t {\x00 id int }"),
    ("empty.json", b""),
    ("deep.json", b"[" * 5000),
]


def _field_names() -> list[str]:
    names = {"base_revision", "selected", "next", "name", "text", "format", "file"}
    for module in (code, editor, projects, relationships, versions, workload, form_package):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and hasattr(cls, "base_fields"):
                names.update(cls.base_fields)
    return sorted(names)


def _patterns():
    """The site's own pages and fragments. The HTTP API (/api/v1/, a nested resolver) has
    its own property run over its OpenAPI document (tests/projects/test_api_schemathesis.py)."""
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLPattern) and entry.name:
            yield entry


@pytest.fixture
def world(project, owner, member):
    releases.release_create(project=project, user=owner, message="first")
    job = Job.objects.create(project=project, kind="export", created_by=owner, revision=project.revision)
    schema = selectors.schema_at_revision(project=project, revision=project.revision)
    entity = schema.entities[0]
    field = entity.fields[-1]
    return {
        "project_id": project.pk,
        "job_id": job.pk,
        "entity_id": entity.id,
        "field_id": field.id,
        "index_id": entity.indexes[0].id if entity.indexes else "idx_1",
        "relationship_id": schema.relationships[0].id if schema.relationships else "rel_1",
        "enum_id": schema.enums[0].id if schema.enums else "enum_1",
        "pattern_id": schema.patterns[0].id if schema.patterns else "pat_1",
        "membership_id": Membership.objects.filter(project=project).first().pk,
        "number": 1,
        "token": "no-such-token",
        "kind": "export",
        "fmt": "svg",
        "action": "add",
        "direction": "up",
    }


def _kwargs(pattern: URLPattern, world: dict) -> dict:
    return {name: world.get(name, "😀") for name in pattern.pattern.converters}


def _last_if_destructive(pattern: URLPattern) -> tuple:
    return (any(word in pattern.name for word in ("delete", "remove", "leave", "logout")), pattern.name)


def test_no_input_answers_500(world, owner):
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    fields = _field_names()
    failures, reached = [], set()
    patterns = sorted(_patterns(), key=_last_if_destructive)
    for pattern in patterns:
        url = "/" + str(pattern.pattern)
        for name, value in _kwargs(pattern, world).items():
            url = url.replace(f"<{_converter(pattern, name)}:{name}>", str(value))
        for value in HOSTILE:
            data = {name: value for name in fields if name != "file"}
            for method in ("get", "post"):
                response = getattr(client, method)(url, data, HTTP_HX_REQUEST="true")
                if response.status_code >= 500:
                    failures.append((method, url, value[:20], response.status_code))
                elif response.status_code < 400:
                    reached.add(pattern.name)
    assert not failures, failures
    assert len(reached) > 25, sorted(reached)  # the inputs got past routing and access checks


def _converter(pattern: URLPattern, name: str) -> str:
    text = str(pattern.pattern)
    start = text.index(f":{name}>")
    return text[text.rindex("<", 0, start) + 1 : start]


@pytest.mark.parametrize("filename,content", UPLOADS, ids=[u[0] for u in UPLOADS])
def test_no_upload_answers_500(world, owner, filename, content, settings):
    settings.IMPORT_JOB_MIN_BYTES = 10**9  # read in the request: the reader's answer is this response
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    for url, extra in (("/projects/import/", {}), (f"/projects/{world['project_id']}/import/", {"base_revision": 0})):
        upload = SimpleUploadedFile(filename, content)
        response = client.post(url, {"file": upload, **extra})
        assert response.status_code < 500, (url, response.content[:300])
        pasted = client.post(
            url, {"text": content.decode("utf-8", "replace"), "format": filename.rsplit(".")[1], **extra}
        )
        assert pasted.status_code < 500, (url, pasted.content[:300])
