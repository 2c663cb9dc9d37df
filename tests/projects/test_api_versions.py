"""The HTTP API: versions, migrations, jobs, code, the check, drift, history and members."""

import pytest

from projects.api_tokens import token_create
from projects.models import Job

pytestmark = pytest.mark.postgres

PLANTED = "Table users { id bigint [pk] }\nTable posts { id bigint [pk]\n user_id text [ref: > users.id] }\n"


@pytest.fixture
def api(client, owner):
    token = token_create(user=owner, name="ci", scope="write")[1]

    def call(method, path, body=None, **query):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        if body is not None:
            return getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **kwargs)
        return getattr(client, method)(f"/api/v1{path}", query, **kwargs)

    return call


def test_release_list_and_migration_between_versions(api, project):
    released = api("post", f"/projects/{project.pk}/releases", {"message": "first"})
    assert released.status_code == 201 and released.json()["number"] == 1
    assert api("post", f"/projects/{project.pk}/releases", {}).status_code == 422  # nothing changed since
    assert [r["number"] for r in api("get", f"/projects/{project.pk}/releases").json()] == [1]
    migration = api("get", f"/projects/{project.pk}/migration", **{"from": 0, "to": 1, "dialect": "mysql"}).json()
    assert "CREATE TABLE" in migration["up"] and "DROP TABLE" in migration["down"]
    missing = api("get", f"/projects/{project.pk}/migration", **{"from": 0, "to": 9})
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_a_bundle_is_a_job_with_a_status(api, project):
    assert api("post", f"/projects/{project.pk}/bundles", {}).status_code == 422  # no version yet
    api("post", f"/projects/{project.pk}/releases", {})
    started = api("post", f"/projects/{project.pk}/bundles", {"dialects": ["postgresql"]})
    assert started.status_code == 202
    job = started.json()
    assert job["kind"] == "bundle" and Job.objects.filter(pk=job["id"], project=project).exists()
    assert api("get", f"/projects/{project.pk}/jobs/{job['id']}").json()["id"] == job["id"]
    assert api("get", f"/projects/{project.pk}/jobs/{job['id']}/file").status_code == 404  # not built yet


def test_the_check_passes_or_fails_at_the_chosen_severity_with_a_markdown_report(api, owner):
    project_id = api("post", "/projects", {"name": "Planted", "schema": {"text": PLANTED, "format": "dbml"}}).json()[
        "id"
    ]
    # A text column referencing a bigint key: PostgreSQL, the primary dialect, refuses that foreign key.
    critical = api("get", f"/projects/{project_id}/check", fail_on="critical").json()
    assert critical["passed"] is False
    deploy = [f for f in critical["findings"] if f["source"] == "deploy" and f["severity"] == "critical"]
    assert deploy and deploy[0]["code"] == "deploy-postgresql" and "posts" in deploy[0]["message"]
    warning = api("get", f"/projects/{project_id}/check", fail_on="warning").json()
    assert warning["passed"] is False
    assert "fk-type-incompatible" in {f["code"] for f in warning["findings"]}
    assert warning["markdown"].startswith("### Schema check: Planted") and "❌ failed" in warning["markdown"]
    clean = "Table users { id bigint [pk] }\nTable posts { id bigint [pk]\n user_id bigint [ref: > users.id] }\n"
    clean_id = api("post", "/projects", {"name": "Clean", "schema": {"text": clean, "format": "dbml"}}).json()["id"]
    assert api("get", f"/projects/{clean_id}/check", fail_on="critical").json()["passed"] is True


def test_code_history_members_and_workload(api, project):
    code = api("get", f"/projects/{project.pk}/code/prisma").json()
    assert any(path.endswith(".prisma") for path in code["files"])
    assert api("get", f"/projects/{project.pk}/code/cobol").status_code == 404
    assert api("get", f"/projects/{project.pk}/history").json() == []
    members = {m["username"]: m["role"] for m in api("get", f"/projects/{project.pk}/members").json()}
    assert members == {"alice": "owner", "bob": "editor", "vera": "viewer"}
    assert api("get", f"/projects/{project.pk}/patterns").json()  # the blog declares its access patterns


def test_the_analysis_is_a_job_and_its_result_is_404_until_one_ran(api, project):
    assert api("get", f"/projects/{project.pk}/analysis").status_code == 404
    started = api("post", f"/projects/{project.pk}/analysis", {})
    assert started.status_code == 202 and started.json()["kind"] == "analysis"


def test_drift_reads_only_hosts_the_operator_listed(api, project, settings):
    body = {"database_url": "postgres://postgres@127.0.0.1:5432/postgres"}
    settings.IMPORT_LIVE_HOSTS = []
    off = api("post", f"/projects/{project.pk}/drift", body)
    assert off.status_code == 422 and "not enabled" in off.json()["detail"]
    settings.IMPORT_LIVE_HOSTS = ["db.internal"]
    elsewhere = api("post", f"/projects/{project.pk}/drift", body)
    assert elsewhere.status_code == 422
    assert "127.0.0.1" in elsewhere.json()["errors"][0]["message"]


def test_drift_of_a_live_database(api, project, settings):
    """The test database itself: none of the blog's tables are there, Django's are extra."""
    from django.db import connection

    settings.IMPORT_LIVE_HOSTS = ["127.0.0.1"]
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}"
    found = api("post", f"/projects/{project.pk}/drift", {"database_url": url}).json()
    assert "added entity users" in found["missing"]
    assert "removed entity projects_project" in found["extra"]
    assert "CREATE TABLE" in found["migration"] and found["count"] == len(found["missing"]) + len(found["extra"]) + len(
        found["different"]
    )
