"""The HTTP API: projects, the schema document, edits; tokens, scopes and problem details."""

from datetime import timedelta

import pytest
from django.utils import timezone

from projects.api_tokens import AccessToken, token_create, token_revoke
from projects.models import Revision

pytestmark = pytest.mark.postgres

DBML = "Table users { id int [pk]\n email varchar\n name text }\nTable posts { id int [pk]\n user_id int [ref: > users.id]\n title text }\n"
RENAMED = DBML.replace("title text", "headline text")


@pytest.fixture
def bearer(client):
    def call(token, method, path, body=None, **extra):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}", **extra}
        if body is not None:
            kwargs |= {"data": body, "content_type": "application/json"}
        return getattr(client, method)(f"/api/v1{path}", **kwargs)

    return call


@pytest.fixture
def write_token(owner):
    return token_create(user=owner, name="ci", scope="write")[1]


def test_the_openapi_document_and_its_page_are_served_under_the_strict_csp(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/projects/{project_id}/schema" in document["paths"]
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page["Content-Security-Policy"]
    html = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()


def test_a_call_without_token_is_401_problem_details(client):
    response = client.get("/api/v1/projects")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401


def test_create_list_get_and_delete_a_project(bearer, write_token, owner):
    created = bearer(write_token, "post", "/projects", {"name": "Shop", "schema": {"text": DBML, "format": "dbml"}})
    assert created.status_code == 201, created.content
    project_id = created.json()["id"]
    assert [p["name"] for p in bearer(write_token, "get", "/projects").json()] == ["Shop"]
    schema = bearer(write_token, "get", f"/projects/{project_id}/schema?format=dbml").json()
    assert "Table" in schema["text"] and "users" in schema["text"]
    assert bearer(write_token, "delete", f"/projects/{project_id}").status_code == 204
    assert bearer(write_token, "get", f"/projects/{project_id}").status_code == 404


def test_a_pushed_document_is_a_revision_by_the_tokens_owner_with_the_rename_in_words(bearer, write_token, owner):
    project_id = bearer(write_token, "post", "/projects", {"name": "Shop"}).json()["id"]
    first = bearer(write_token, "put", f"/projects/{project_id}/schema", {"text": DBML, "base_revision": 0})
    assert first.status_code == 200, first.content
    second = bearer(
        write_token,
        "put",
        f"/projects/{project_id}/schema",
        {"text": RENAMED, "format": "dbml", "base_revision": first.json()["revision"]},
    )
    body = second.json()
    assert body["revision"] == 2
    assert "renamed field posts.headline (name: title → headline)" in body["diff"]
    assert Revision.objects.get(project_id=project_id, number=2).author == owner


def test_a_push_on_a_stale_revision_is_409_with_what_changed_since(bearer, write_token):
    project_id = bearer(write_token, "post", "/projects", {"name": "Shop"}).json()["id"]
    bearer(write_token, "put", f"/projects/{project_id}/schema", {"text": DBML, "base_revision": 0})
    stale = bearer(write_token, "put", f"/projects/{project_id}/schema", {"text": RENAMED, "base_revision": 0})
    assert stale.status_code == 409
    problem = stale.json()
    assert problem["current_revision"] == 1
    assert "added entity users" in problem["changed_since"]
    assert "added entity posts" in problem["your_changes"]
    assert "added entity posts" in problem["conflicts"]  # both sides made a table posts


def test_an_op_is_applied_and_a_bad_one_is_422_with_its_problem(bearer, write_token, project):
    from designer import ops
    from designer.schema import replace
    from projects.selectors import project_schema

    entity = project_schema(project).entities[0]
    op = ops.op_to_dict(ops.UpdateEntity(entity=replace(entity, name="people")))
    done = bearer(write_token, "post", f"/projects/{project.pk}/ops", {"op": op, "base_revision": project.revision})
    assert done.status_code == 200, done.content
    assert "renamed entity people" in done.json()["diff"]
    bad = bearer(write_token, "post", f"/projects/{project.pk}/ops", {"op": {"op": "Nope"}, "base_revision": 0})
    assert bad.status_code == 422
    assert "unknown edit operation" in bad.json()["errors"][0]["message"]


def test_a_body_off_the_schema_is_422_with_field_paths(bearer, write_token, project):
    response = bearer(write_token, "put", f"/projects/{project.pk}/schema", {"text": DBML, "base_revision": "x"})
    assert response.status_code == 422
    assert any(e["path"].endswith("base_revision") for e in response.json()["errors"])


def test_a_read_token_cannot_write(bearer, owner, project):
    token = token_create(user=owner, name="read", scope="read")[1]
    assert bearer(token, "get", f"/projects/{project.pk}/schema").status_code == 200
    response = bearer(token, "put", f"/projects/{project.pk}/schema", {"text": DBML, "base_revision": project.revision})
    assert response.status_code == 403
    assert bearer(token, "post", "/projects", {"name": "x"}).status_code == 403


def test_a_viewer_token_cannot_write_and_an_outsider_sees_nothing(bearer, viewer, outsider, project):
    viewer_token = token_create(user=viewer, name="v", scope="write")[1]
    assert (
        bearer(
            viewer_token, "put", f"/projects/{project.pk}/schema", {"text": DBML, "base_revision": project.revision}
        ).status_code
        == 403
    )
    outsider_token = token_create(user=outsider, name="o", scope="write")[1]
    assert bearer(outsider_token, "get", f"/projects/{project.pk}/schema").status_code == 404
    assert bearer(outsider_token, "get", "/projects").json() == []


def test_a_token_bound_to_one_project_never_reaches_another(bearer, owner, project):
    other = bearer(token_create(user=owner, name="w", scope="write")[1], "post", "/projects", {"name": "Other"})
    bound = token_create(user=owner, name="bound", scope="read", project=project)[1]
    assert bearer(bound, "get", f"/projects/{other.json()['id']}").status_code == 404
    assert [p["id"] for p in bearer(bound, "get", "/projects").json()] == [project.pk]


def test_revoked_and_expired_tokens_get_401(bearer, owner, project):
    row, token = token_create(user=owner, name="old", scope="read")
    assert bearer(token, "get", "/projects").status_code == 200
    token_revoke(token=row)
    assert bearer(token, "get", "/projects").status_code == 401
    row, token = token_create(user=owner, name="exp", scope="read", days=1)
    AccessToken.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert bearer(token, "get", "/projects").status_code == 401


def test_a_token_is_stored_only_as_its_hash_and_records_its_last_use(bearer, owner):
    row, token = token_create(user=owner, name="ci", scope="read")
    assert token not in str(AccessToken.objects.filter(pk=row.pk).values().get())
    bearer(token, "get", "/projects")
    row.refresh_from_db()
    assert row.last_used_at is not None


@pytest.mark.redis
def test_calls_over_the_rate_limit_get_429(bearer, owner, settings):
    settings.API_RATE_LIMIT = 3
    token = token_create(user=owner, name="busy", scope="read")[1]
    statuses = [bearer(token, "get", "/projects").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429


def test_the_browser_session_works_with_csrf(client, owner, project):
    from django.test import Client

    client.force_login(owner)
    assert client.get("/api/v1/projects").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)
    refused = strict.post("/api/v1/projects", {"name": "x"}, content_type="application/json")
    assert refused.status_code in (401, 403)


def test_a_plain_file_pushed_keeps_the_projects_workload(bearer, write_token, project):
    from designer.formats import dump_schema
    from projects.selectors import project_schema

    before = project_schema(project)
    plain = "\n".join(line for line in dump_schema(before, fmt="dbml").splitlines() if not line.startswith("//@"))
    edited = plain.replace('"bio"', '"about"')
    pushed = bearer(
        write_token,
        "put",
        f"/projects/{project.pk}/schema",
        {"text": edited, "format": "dbml", "base_revision": project.revision},
    )
    assert pushed.status_code == 200, pushed.content
    assert "renamed field users.about (name: bio → about)" in pushed.json()["diff"]
    project.refresh_from_db()
    after = project_schema(project)
    assert after.patterns == before.patterns and after.volumes == before.volumes
