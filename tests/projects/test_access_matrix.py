"""Every URL pattern of the app, for every role, with the exact answer expected.

The URL list comes from the resolver: a new URL without a row here fails
``test_every_url_has_a_row`` and the message names it. A row says how to call the URL
(method, arguments, data) and what each role gets: the status code, or LOGIN for a
redirect to the login page. Outsiders get 404, never 403 (a project's existence is not
leaked); viewers get 403 on anything that changes the project.

Roles: owner, editor, viewer, outsider (logged in, not a member), anonymous, and the
holder of a share link (logged out, knows a live share token).

To add rows for new URLs, add an entry to ROWS (the helpers VIEW / EDIT / OWNER build
the usual expectations) and, if it needs an object the fixture does not make, add it to
``world``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from designer.advice import analysis_to_dict, analyze
from projects import selectors, services
from projects.api_tokens import token_create
from projects.models import Job, JobKind, JobStatus, Membership, Verification
from projects.services import imports, teams

ROLES = ("owner", "editor", "viewer", "outsider", "anonymous", "link")
LOGIN = "login"  # a redirect to the login page


def VIEW(ok=200):  # the usual expectations, named like constants
    return {"owner": ok, "editor": ok, "viewer": ok, "outsider": 404, "anonymous": LOGIN, "link": LOGIN}


def EDIT(ok=200):
    return {"owner": ok, "editor": ok, "viewer": 403, "outsider": 404, "anonymous": LOGIN, "link": LOGIN}


def OWNER(ok=302):
    return {"owner": ok, "editor": 403, "viewer": 403, "outsider": 404, "anonymous": LOGIN, "link": LOGIN}


def ACCOUNT(ok=200):  # any logged-in person, no project involved
    return {"owner": ok, "editor": ok, "viewer": ok, "outsider": ok, "anonymous": LOGIN, "link": LOGIN}


def API_VIEW(ok=200):  # the HTTP API answers 401 problem details, not a login redirect
    return {"owner": ok, "editor": ok, "viewer": ok, "outsider": 404, "anonymous": 401, "link": 401}


def API_EDIT(ok=200):
    return {"owner": ok, "editor": ok, "viewer": 403, "outsider": 404, "anonymous": 401, "link": 401}


def API_OWNER(ok=204):
    return {"owner": ok, "editor": 403, "viewer": 403, "outsider": 404, "anonymous": 401, "link": 401}


def API_ACCOUNT(ok=200):
    return {"owner": ok, "editor": ok, "viewer": ok, "outsider": ok, "anonymous": 401, "link": 401}


class World(str):
    """A form value that names an object of ``world`` (made per test), not a literal."""


@dataclass(frozen=True)
class Row:
    expect: dict
    method: str = "GET"
    kwargs: dict = field(default_factory=dict)  # values: names of objects in ``world`` or literals
    data: dict = field(default_factory=dict)
    htmx: bool = False
    json: bool = False  # the body as JSON (the HTTP API)


P = {"project_id": "project"}
E = {**P, "entity_id": "users"}
F = {**E, "field_id": "bio"}
HX = {"htmx": True}
J = {"json": True}

# fmt: off
ROWS: dict[str, Row] = {
    # accounts and the project list
    "/": Row({r: 302 for r in ROLES}),
    "/favicon.ico": Row({r: 301 for r in ROLES}),
    "login": Row({r: 200 for r in ROLES}),
    "logout": Row({r: LOGIN for r in ROLES}, method="POST"),  # logged out, back to the login page
    "signup": Row({"owner": 302, "editor": 302, "viewer": 302, "outsider": 302, "anonymous": 200, "link": 200}),
    "project_list": Row(ACCOUNT()),
    "project_create": Row(ACCOUNT(302), method="POST", data={"name": "New"}),
    "project_create_demo": Row(ACCOUNT(302), method="POST"),
    "import_new": Row(ACCOUNT()),
    # a staged import belongs to the person who started it (and needs edit rights on its project)
    "import_status": Row({"owner": 286, "editor": 404, "viewer": 404, "outsider": 404, "anonymous": LOGIN,
                          "link": LOGIN}, kwargs={"job_id": "import_job"}, **HX),
    "import_apply": Row({"owner": 302, "editor": 404, "viewer": 404, "outsider": 404, "anonymous": LOGIN,
                         "link": LOGIN}, method="POST", kwargs={"job_id": "import_job"}),
    # reading a project
    "project_detail": Row(VIEW()),
    "diagram_fragment": Row(VIEW(), kwargs=P),
    "diagram_download": Row(VIEW(), kwargs={**P, "fmt": "svg"}),
    "project_history": Row(VIEW()),
    "revision_detail": Row(VIEW(), kwargs={**P, "number": 0}),
    "export": Row(VIEW()),
    "editor_panel": Row(VIEW(), **HX),
    "live": Row(VIEW()),
    "members": Row(VIEW()),
    "drift": Row(VIEW(404)),  # off unless the operator lists live hosts (test_api_versions turns it on)
    "job_status": Row(VIEW(), kwargs={**P, "job_id": "job"}),
    "job_download": Row(VIEW(), kwargs={**P, "job_id": "job"}),
    "job_retry": Row(VIEW(), method="POST", kwargs={**P, "job_id": "failed_job"}, **HX),  # an export: read-only
    # background jobs that do not change the project: viewers may start them
    "job_start": Row(VIEW(), method="POST", kwargs={**P, "kind": "export"}),
    # changing a project
    "import_revision": Row(EDIT()),
    "revision_restore": Row(EDIT(302), method="POST", kwargs={**P, "number": 0}, data={"base_revision": 0}),
    "undo": Row(EDIT(422), method="POST", **HX),  # nothing of theirs to undo: a message, nothing else
    "redo": Row(EDIT(422), method="POST", **HX),
    "entity_add": Row(EDIT(), method="POST", data={"name": "likes", "base_revision": 0}, **HX),
    "entity_update": Row(EDIT(), method="POST", kwargs=E, data={"name": "people", "base_revision": 0}, **HX),
    "entity_delete": Row(EDIT(), method="POST", kwargs={**P, "entity_id": "tags"}, data={"base_revision": 0}, **HX),
    "field_add": Row(EDIT(), method="POST", kwargs=E, data={"name": "nick", "type": "text", "base_revision": 0}, **HX),
    "field_form": Row(EDIT(), kwargs=F, **HX),
    "schema_text": Row(VIEW(), **HX),
    "relationship_draw": Row(EDIT(422), method="POST", data={"from_node": "none", "base_revision": 0}, **HX),
    "schema_text_save": Row(EDIT(), method="POST", data={"text": "Table t {\n  id int [pk]\n}", "base_revision": 0}, **HX),
    "fields_paste": Row(EDIT(), method="POST", kwargs=E, data={"text": "nick text", "base_revision": 0}, **HX),
    "field_update": Row(EDIT(), method="POST", kwargs=F, data={"name": "about", "type": "text", "nullable": "on",
                                                              "base_revision": 0}, **HX),
    "field_move": Row(EDIT(), method="POST", kwargs={**F, "direction": "up"}, data={"base_revision": 0}, **HX),
    "field_delete": Row(EDIT(), method="POST", kwargs=F, data={"base_revision": 0}, **HX),
    "index_add": Row(EDIT(), method="POST", kwargs=E, data={"columns": "bio", "method": "btree", "base_revision": 0},
                     **HX),
    "index_delete": Row(EDIT(), method="POST", kwargs={**P, "entity_id": "posts", "index_id": "index"},
                        data={"base_revision": 0}, **HX),
    "relationship_add": Row(EDIT(422), method="POST", data={"base_revision": 0}, **HX),  # empty form: errors shown
    "relationship_delete": Row(EDIT(), method="POST", kwargs={**P, "relationship_id": "relationship"},
                               data={"base_revision": 0}, **HX),
    # reversed, posts.author_id would be referenced: not unique, so a message, nothing else
    "relationships_reverse_all": Row(EDIT(422), method="POST", data={"base_revision": 0}, **HX),  # none: a message
    "relationship_reverse": Row(EDIT(422), method="POST", kwargs={**P, "relationship_id": "relationship"},
                                data={"base_revision": 0}, **HX),
    "enum_add": Row(EDIT(), method="POST", data={"name": "mood", "values": "happy\nsad", "base_revision": 0}, **HX),
    "enum_delete": Row(EDIT(422), method="POST", kwargs={**P, "enum_id": "enum"}, data={"base_revision": 0}, **HX),
    "enum_value": Row(EDIT(), method="POST", kwargs={**P, "enum_id": "enum", "action": "add"},
                      data={"value": "hidden", "base_revision": 0}, **HX),
    "pattern_add": Row(EDIT(422), method="POST", data={"base_revision": 0}, **HX),
    "pattern_form": Row(EDIT(), **HX),
    "pattern_from_sql": Row(EDIT(422), method="POST", data={"sql": "", "base_revision": 0}, **HX),
    "pattern_update": Row(EDIT(422), method="POST", kwargs={**P, "pattern_id": "pattern"}, data={"base_revision": 0},
                          **HX),
    "pattern_delete": Row(EDIT(), method="POST", kwargs={**P, "pattern_id": "pattern"}, data={"base_revision": 0},
                          **HX),
    "volume_set": Row(EDIT(), method="POST", kwargs=E, data={"rows": "1000", "growth_per_month": "0", "base_revision": 0}, **HX),
    # the advisor: anyone who sees the project may analyse and read; applying and dismissing edit it
    "advice_analyze": Row(VIEW(), method="POST", **HX),
    "advice_job": Row(VIEW(286), kwargs={**P, "job_id": "analysis_job"}, **HX),
    "advice_review": Row(VIEW()),
    "advice_apply": Row(EDIT(), method="POST", data={"analysis": World("analysis"), "key": World("applicable_key"), "base_revision": 0}, **HX),
    "advice_dismiss": Row(EDIT(), method="POST", data={"analysis": World("analysis"), "key": World("applicable_key"), "base_revision": 0}, **HX),
    "advice_restore": Row(EDIT(), method="POST", data={"key": World("applicable_key")}, **HX),
    # versions: anyone who sees the project may compare and bundle; releasing needs an editor
    "versions": Row(VIEW()),
    "version_compare": Row(VIEW(422), data={"old": "0", "new": "1"}),  # no version 1 yet: a message
    "release_create": Row(EDIT(), method="POST", data={"message": "first"}, **HX),
    "bundle_start": Row(VIEW(422), method="POST", data={"dialects": "postgresql"}, **HX),  # no version yet: a message
    "release_baseline": Row(EDIT(404), method="POST", kwargs={**P, "number": 1}, data={"baseline": "on"}, **HX),
    "deploy_check_json": Row(VIEW()),
    # verify: viewers read the reports; a run occupies the verification server, so editors start it
    "verify": Row(VIEW()),
    "verify_start": Row(EDIT(422), method="POST", data={"scale": "-1"}, **HX),  # a bad scale: a message, no run
    "verify_status": Row(VIEW(286), kwargs={**P, "run_id": "verification"}, **HX),
    # ORM code: read-only, for anyone who sees the project
    "project_code": Row(VIEW(), data={"target": "prisma"}),
    "project_code_download": Row(VIEW(), data={"target": "prisma"}),
    # arranging the diagram and dismissing warnings change the project
    "diagram_move": Row(EDIT(), method="POST", data={"move": World("users_move"), "base_revision": 0}, **HX),
    "diagram_arrange": Row(EDIT(), method="POST", data={"scope": "all", "base_revision": 0}, **HX),
    # subject areas: a named area of the diagram's current tables; removing one that does not exist is a message
    "diagram_area_save": Row(EDIT(), method="POST", data={"area_name": "core", "object": World("users"), "base_revision": 0}, **HX),
    "diagram_area_remove": Row(EDIT(422), method="POST", data={"area": "area_gone", "base_revision": 0}, **HX),
    "warning_dismiss": Row(EDIT(), method="POST", data={"code": "reserved-word", "base_revision": 0}, **HX),
    # owners only
    "project_settings": Row(OWNER(200)),
    "project_delete": Row(OWNER(200)),
    "invite": Row(OWNER(200), method="POST", data={"invitee": "new@example.com", "role": "editor"}),
    "invitation_revoke": Row(OWNER(), method="POST", kwargs={**P, "invitation_id": "invitation"}),
    "member_role": Row(OWNER(), method="POST", kwargs={**P, "membership_id": "viewer_membership"},
                       data={"role": "editor"}),
    "member_remove": Row(OWNER(), method="POST", kwargs={**P, "membership_id": "viewer_membership"}),
    "ownership_transfer": Row(OWNER(), method="POST", kwargs={**P, "membership_id": "viewer_membership"}),
    "share_link_create": Row(OWNER(200), method="POST", data={"label": "team"}),
    "share_link_revoke": Row(OWNER(), method="POST", kwargs={**P, "link_id": "share_link"}),
    # any member may leave (the owner is the last owner here: refused with a message)
    "leave": Row(VIEW(302), method="POST"),
    # tokens: anyone logged in may open an e-mail invitation; a share link works logged out
    "invitation_accept": Row(ACCOUNT(), kwargs={"token": "invitation_token"}),
    "shared_project": Row({"owner": 404, "editor": 404, "viewer": 404, "outsider": 404, "anonymous": 404,
                           "link": 200}, kwargs={"token": "share_token"}),
    # personal access tokens: one's own only
    "account_tokens": Row(ACCOUNT()),
    "account_token_revoke": Row({"owner": 302, "editor": 404, "viewer": 404, "outsider": 404, "anonymous": LOGIN,
                                 "link": LOGIN}, method="POST", kwargs={"token_id": "access_token"}),
    # the HTTP API (here with the browser session; tokens in test_api_*.py): the document is public
    "api-v1:api-root": Row({r: 404 for r in ROLES}),
    "api-v1:openapi-json": Row({r: 200 for r in ROLES}),
    "api-v1:openapi-view": Row({r: 200 for r in ROLES}),
    "api-v1:project_list": Row(API_ACCOUNT()),
    "api-v1:project_create": Row(API_ACCOUNT(201), method="POST", data={"name": "New"}, **J),
    "api-v1:project_detail": Row(API_VIEW()),
    "api-v1:project_delete": Row(API_OWNER(), method="DELETE"),
    "api-v1:schema_get": Row(API_VIEW()),
    "api-v1:schema_put": Row(API_EDIT(), method="PUT", data={"text": "Table t { id int }", "base_revision": 0}, **J),
    "api-v1:op_apply": Row(API_EDIT(422), method="POST", data={"op": {"op": "Nope"}, "base_revision": 0}, **J),
    "api-v1:patterns": Row(API_VIEW()),
    "api-v1:volumes": Row(API_VIEW()),
    "api-v1:history": Row(API_VIEW()),
    "api-v1:members": Row(API_VIEW()),
    "api-v1:release_list": Row(API_VIEW()),
    "api-v1:release_create": Row(API_EDIT(201), method="POST", data={"message": "first"}, **J),
    "api-v1:migration": Row(API_VIEW(), data={"from": 0, "to": 0}),
    "api-v1:bundle_start": Row(API_VIEW(422), method="POST", data={}, **J),  # no version yet: a problem
    "api-v1:analysis_start": Row(API_VIEW(202), method="POST", data={}, **J),
    "api-v1:analysis_result": Row(API_VIEW()),
    "api-v1:job_status": Row(API_VIEW(), kwargs={**P, "job_id": "job"}),
    "api-v1:job_file": Row(API_VIEW(), kwargs={**P, "job_id": "job"}),
    "api-v1:generated_code": Row(API_VIEW(), kwargs={**P, "target": "prisma"}),
    "api-v1:check": Row(API_VIEW()),
    # live databases are off unless the operator lists hosts: a problem, after the access check
    "api-v1:drift_check": Row(API_VIEW(422), method="POST", data={"database_url": "postgres://u@db.invalid/x"}, **J),
}
# fmt: on


def url_patterns() -> dict[str, set[str]]:
    """Every URL pattern of the app, by name (or by route when it has none) -> its parameters."""
    found = {}

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = namespace + pattern.name if pattern.name else "/" + prefix + str(pattern.pattern)
                found[name] = set(pattern.pattern.converters)

    walk(get_resolver().url_patterns)
    return found


def url_names() -> set[str]:
    return set(url_patterns())


def test_every_url_has_a_row():
    missing = sorted(url_names() - set(ROWS))
    stale = sorted(set(ROWS) - url_names())
    assert not missing, f"URL patterns without a row in ROWS (add them): {', '.join(missing)}"
    assert not stale, f"rows in ROWS for URLs that no longer exist (remove them): {', '.join(stale)}"


def test_outsiders_never_learn_that_a_project_exists():
    assert not [name for name, row in ROWS.items() if row.expect["outsider"] == 403]


@pytest.fixture
def world(project, owner, member, viewer, outsider):
    schema = selectors.project_schema(project)
    users, posts = schema.entity_by_name("users"), schema.entity_by_name("posts")
    job = Job.objects.create(project=project, kind=JobKind.EXPORT, status=JobStatus.DONE, revision=0, created_by=owner)
    job.file.save("blog.dbml", ContentFile(b"Table t {}\n"))
    import_job = imports.import_stage(owner=owner, project=project, schema=schema, notices=[], fmt="dbml")
    failed_job = Job.objects.create(
        project=project,
        kind=JobKind.EXPORT,
        status=JobStatus.FAILED,
        revision=0,
        created_by=owner,
        error="The worker stopped; retry.",
    )
    link, share_token = teams.share_link_create(project=project, by=owner)
    access_token, _ = token_create(user=owner, name="ci", scope="read")
    _, dead_token = teams.share_link_create(project=project, by=owner)
    teams.share_link_revoke(link=teams.ShareLink.objects.get(project=project, pk=link.pk + 1))
    analysis_job = Job.objects.create(
        project=project, kind=JobKind.ANALYSIS, status=JobStatus.DONE, revision=0, created_by=owner
    )
    result = analysis_to_dict(analyze(schema), schema=schema, revision=0, internal=True)
    analysis = services.analysis_store(project=project, revision=0, result=result, job=analysis_job)
    applicable_key = next(r["key"] for r in result["recommendations"] if r["ops"])
    failed_run = Job.objects.create(project=project, kind=JobKind.VERIFICATION, status=JobStatus.FAILED, revision=0)
    verification = Verification.objects.create(project=project, job=failed_run, created_by=owner)
    invitation, invitation_link = teams.invitation_create(
        project=project, by=owner, invitee="friend@example.com", role="viewer", accept_url=lambda t: t
    )
    return {
        "project": project.pk,
        "users": users.id,
        "posts": posts.id,
        "tags": schema.entity_by_name("tags").id,
        "bio": users.field_by_name("bio").id,
        "index": posts.indexes[0].id,
        "relationship": schema.relationships[0].id,
        "enum": schema.enums[0].id,
        "pattern": schema.patterns[0].id,
        "users_move": f"{users.id},10,20",
        "job": job.pk,
        "failed_job": failed_job.pk,
        "import_job": import_job.pk,
        "analysis_job": analysis_job.pk,
        "analysis": analysis.pk,
        "applicable_key": applicable_key,
        "verification": verification.pk,
        "access_token": access_token.pk,
        "share_token": share_token,
        "dead_share_token": dead_token,
        "share_link": link.pk,
        "invitation": invitation.pk,
        "invitation_token": invitation_link,
        "viewer_membership": Membership.objects.get(project=project, user=viewer).pk,
        "users_by_role": {"owner": owner, "editor": member, "viewer": viewer, "outsider": outsider},
    }


def call(row: Row, world: dict, role: str, name: str, token: str | None = None):
    kwargs = {k: world.get(v, v) if isinstance(v, str) else v for k, v in row.kwargs.items()}
    if "project_id" in url_patterns().get(name, ()):
        kwargs.setdefault("project_id", world["project"])
    if name == "shared_project" and role != "link":
        kwargs["token"] = world["dead_share_token"]  # only the link holder has a live token
    url = reverse(name, kwargs=kwargs) if not name.startswith("/") else name
    client = Client()
    if role in world["users_by_role"]:
        client.force_login(world["users_by_role"][role])
    data = {k: world[v] if isinstance(v, World) else v for k, v in row.data.items()}
    headers = {"HTTP_HX_REQUEST": "true"} if row.htmx else {}
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    if row.json:
        return client.generic(row.method, url, json.dumps(data), content_type="application/json", **headers)
    if row.method == "DELETE":
        return client.delete(url, **headers)
    if row.method == "POST":
        return client.post(url, data, **headers)
    return client.get(url, data, **headers)


def outcome(response) -> int | str:
    if response.status_code == 302 and urlparse(response["Location"]).path == reverse("login"):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(ROWS))
def test_access(name, world):
    if name not in url_names():
        pytest.skip("no such URL (test_every_url_has_a_row reports it)")
    row = ROWS[name]
    got = {}
    for role in ROLES:
        # Each role on the same untouched project: whatever the call changes is rolled back.
        with transaction.atomic():
            got[role] = outcome(call(row, world, role, name))
            transaction.set_rollback(True)
    assert got == row.expect, f"{name}: expected {row.expect}, got {got}"


API_ROWS = sorted(name for name in ROWS if name.startswith("api-v1:") and ROWS[name].expect["anonymous"] == 401)


@pytest.mark.parametrize("name", API_ROWS)
def test_api_access_with_tokens(name, world):
    """The API rows again, each person calling with a write token of their own instead of
    a session: a token reaches exactly what its owner may, and a made-up one nothing."""
    row = ROWS[name]
    users = world["users_by_role"]
    tokens = {role: token_create(user=user, name="matrix", scope="write")[1] for role, user in users.items()}
    tokens["anonymous"] = "sdp_not-a-real-token"
    got = {}
    for role, token in tokens.items():
        with transaction.atomic():
            got[role] = outcome(call(row, world, "token", name, token=token))
            transaction.set_rollback(True)
    assert got == {role: row.expect[role] for role in tokens}, name
