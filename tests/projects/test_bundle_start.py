"""Building a migration bundle (projects/views/versions.py: bundle_start) and downloading it."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from designer import ops
from designer.advice import analysis_to_dict, analyze
from designer.design_doc import md
from designer.schema import Field, FieldType, TypeKind, replace
from projects import services, verify_jobs
from projects.models import Bundle, Dismissal, Job, JobStatus, Release, Verification
from projects.selectors import project_schema
from projects.services import releases
from projects.tasks import run_job


@pytest.fixture
def released(project, owner):
    releases.release_create(project=project, user=owner, message="first")
    project.refresh_from_db()
    entity = project_schema(project).entity_by_name("users")
    field = Field(id="fld_locale", name="locale", type=FieldType(TypeKind.TEXT))
    services.apply_op(
        project_id=project.pk,
        user=owner,
        op=ops.AddField(entity_id=entity.id, field=field),
        base_revision=project.revision,
    )
    releases.release_create(project=project, user=owner, message="Users: locale")
    return project


def _start(client, project, **data):
    payload = {"target": 2, "base": 0, "dialects": ["postgresql"], "zero_downtime": "on"} | data
    return client.post(reverse("bundle_start", args=[project.pk]), payload, HTTP_HX_REQUEST="true")


@pytest.mark.graphviz
def test_viewer_builds_a_bundle_then_downloads_it(client_for, released, viewer, django_capture_on_commit_callbacks):
    client = client_for(viewer)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _start(client, released)
    bundle = Bundle.objects.get(project=released)
    assert response.status_code == 200 and 'hx-trigger="every 1s"' in response.content.decode()
    assert len(callbacks) == 1 and bundle.job.status == JobStatus.PENDING
    assert (bundle.target_version, bundle.base_version, bundle.dialect_list) == (2, 0, ["postgresql"])
    assert run_job.run(bundle.job.pk) == "done"
    status = client.get(reverse("job_status", args=[released.pk, bundle.job.pk]), HTTP_HX_REQUEST="true")
    assert status.status_code == 286 and "Migration bundle ready" in status.content.decode()
    download = client.get(reverse("job_download", args=[released.pk, bundle.job.pk]))
    body = b"".join(download.streaming_content)
    assert 'filename="blog-v0-v2' in download["Content-Disposition"]  # storage may add a suffix
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "migrations/postgresql/0002_users_locale/up.sql" in archive.namelist()
        assert "diagram.svg" in archive.namelist()
    assert manifest["target_version"] == 2
    bundle.job.refresh_from_db()
    assert bundle.job.result["bytes"] == len(body)
    page = client.get(reverse("versions", args=[released.pk])).content.decode()
    assert reverse("job_download", args=[released.pk, bundle.job.pk]) in page  # kept and listed


def test_outsider_can_neither_build_nor_download(client_for, released, owner, outsider):
    assert _start(client_for(outsider), released).status_code == 404
    bundle = releases.bundle_create(project=released, user=owner, target=2, base=1, dialects=["postgresql"])
    assert client_for(outsider).get(reverse("job_download", args=[released.pk, bundle.job.pk])).status_code == 404


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"target": 1, "base": 1}, "must come before"),
        ({"target": 7}, "Select a valid choice"),
        ({"dialects": ["oracle"]}, "Select a valid choice"),
        ({"dialects": []}, "This field is required"),
    ],
)
def test_bad_options_are_a_422_and_nothing_is_queued(client_for, released, owner, data, words):
    response = _start(client_for(owner), released, **data)
    assert response.status_code == 422 and words in response.content.decode()
    assert not Job.objects.exists()


def test_without_versions_the_form_says_to_release_first(client_for, project, owner):
    response = client_for(owner).post(
        reverse("bundle_start", args=[project.pk]), {"dialects": ["postgresql"]}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422
    with pytest.raises(releases.VersionError, match="Release a version first"):
        releases.bundle_create(project=project, user=owner)


def test_an_engine_error_fails_the_job_with_its_message(released, owner):
    released.refresh_from_db()
    entity = project_schema(released).entity_by_name("users")
    op = ops.UpdateEntity(entity=replace(entity, name="x" * 70))  # PostgreSQL allows 63 bytes
    services.apply_op(project_id=released.pk, user=owner, op=op, base_revision=released.revision)
    released.refresh_from_db()  # released before the deploy check existed: release_create refuses it now
    Release.objects.create(
        project=released,
        number=3,
        message="too long",
        document=released.document,
        revision=released.revision,
        created_by=owner,
    )
    bundle = releases.bundle_create(project=released, user=owner, dialects=["postgresql"])
    assert run_job.run(bundle.job.pk) == "failed"
    bundle.job.refresh_from_db()
    assert "at most 63" in bundle.job.error and not bundle.job.file


def test_the_readme_shows_the_analysis_of_the_released_revision(released, owner):
    target = releases.release_for(project=released, number=2)
    schema = releases.release_schema(target)
    data = analysis_to_dict(analyze(schema), schema=schema, revision=target.revision, internal=True)
    services.analysis_store(
        project=released,
        revision=target.revision - 1,
        result=data | {"technology": {**data["technology"], "primary": "an older revision's choice"}},
    )
    services.analysis_store(project=released, revision=target.revision, result=data)
    dismissed = data["recommendations"][0]
    Dismissal.objects.create(project=released, key=dismissed["key"], reason="not now", dismissed_by=owner)
    bundle = releases.bundle_create(project=released, user=owner, dialects=["sqlite"])
    assert run_job.run(bundle.job.pk) == "done"
    bundle.job.refresh_from_db()
    with bundle.job.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        readme = archive.read("README.md").decode()
    assert f"Advised: **{data['technology']['primary']}**" in readme and "older revision" not in readme
    assert md(data["recommendations"][1]["title"]) in readme
    assert md(dismissed["title"]) not in readme  # the team dismissed it


def test_owner_member_and_viewer_may_download(client_for, released, owner, member, viewer, outsider):
    bundle = releases.bundle_create(project=released, user=owner, target=2, base=1, dialects=["sqlite"])
    assert run_job.run(bundle.job.pk) == "done"
    url = reverse("job_download", args=[released.pk, bundle.job.pk])
    for user in (owner, member, viewer):
        response = client_for(user).get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"PK")
    assert client_for(outsider).get(url).status_code == 404


def test_a_dialect_that_cannot_be_written_is_left_out_and_said_on_the_job(released, owner):
    released.refresh_from_db()
    users = project_schema(released).entity_by_name("users")
    period = Field(id="fld_period", name="period", type=FieldType(TypeKind.OTHER, written="tsrange"))
    services.apply_op(
        project_id=released.pk,
        user=owner,
        base_revision=released.revision,
        op=ops.AddField(entity_id=users.id, field=period),
    )
    released.refresh_from_db()  # an old version that the deploy check would now ask about
    Release.objects.create(project=released, number=3, document=released.document, revision=released.revision)
    bundle = releases.bundle_create(project=released, user=owner)
    assert run_job.run(bundle.job.pk) == "done"
    bundle.job.refresh_from_db()
    assert [d["dialect"] for d in bundle.job.result["left_out"]] == ["mysql", "sqlite"]
    with bundle.job.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        assert "schema/postgresql.sql" in archive.namelist() and "schema/mysql.sql" not in archive.namelist()
        assert "## Dialects left out" in archive.read("README.md").decode()


@pytest.mark.postgres
def test_the_bundle_carries_the_verification_of_its_target_version(released, owner):
    run = verify_jobs.verification_create(project=released, user=owner, version=2, runs=1)
    Verification.objects.filter(pk=run.pk).update(max_rows=2_000)  # small and quick
    assert run_job.run(run.job.pk) == "done"
    run.job.refresh_from_db()
    verified = releases.bundle_create(project=released, user=owner, target=2, dialects=["postgresql"])
    unverified = releases.bundle_create(project=released, user=owner, target=1, dialects=["postgresql"])
    assert run_job.run(verified.job.pk) == "done" and run_job.run(unverified.job.pk) == "done"
    verified.job.refresh_from_db()
    unverified.job.refresh_from_db()
    with verified.job.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        report = json.loads(archive.read("verification.json"))
        text = archive.read("verification.md").decode()
        listed = {f["path"] for f in json.loads(archive.read("manifest.json"))["files"]}
    assert report == run.job.result and report["version"] == 2
    assert text.startswith(f"# Verification of {released.name} v2") and "recent comments of a post" in text
    assert {"verification.md", "verification.json"} <= listed  # checksummed like every file
    with unverified.job.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        assert not {"verification.md", "verification.json"} & set(archive.namelist())
