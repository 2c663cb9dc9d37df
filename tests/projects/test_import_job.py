"""Large imports (read by a worker, progress polled) and their confirmation: import_status
and import_apply."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from projects.models import Job, JobStatus, Project, Revision
from projects.tasks import run_job

SQL = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nGRANT SELECT ON users TO public;\n"


def start(client, url, text, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"file": SimpleUploadedFile("dump.sql", text.encode()), **data})
    return response, callbacks


def test_a_large_import_runs_as_a_job_and_lands_only_when_confirmed(
    client_for, outsider, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_JOB_MIN_BYTES = 10
    client = client_for(outsider)
    response, callbacks = start(client, reverse("import_new"), SQL, django_capture_on_commit_callbacks)
    job = Job.objects.get(created_by=outsider)
    assert response.status_code == 200 and len(callbacks) == 1 and job.status == JobStatus.PENDING
    assert 'hx-trigger="every 1s"' in response.content.decode() and "<progress" in response.content.decode()
    status_url = reverse("import_status", args=[job.pk])
    assert client.get(status_url, HTTP_HX_REQUEST="true").status_code == 200
    assert run_job.run(job.pk) == "done"
    response = client.get(status_url + "?name=dump", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 286 and "Create the project" in body and "1 notice" in body
    assert "line 2: skipped GRANT" in body
    assert not Project.objects.filter(owner=outsider).exists()  # nothing lands before the confirmation
    stored = Path(job.file.path)
    assert stored.read_text() == SQL
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("import_apply", args=[job.pk]), {"name": "From dump"})
    project = Project.objects.get(owner=outsider)
    assert response.status_code == 302 and project.name == "From dump"
    assert [e["name"] for e in project.document["entities"]] == ["users"]
    assert not stored.exists() and not Job.objects.get(pk=job.pk).file  # the upload's copy is gone


def test_an_abandoned_import_never_lands(client_for, project, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_JOB_MIN_BYTES = 10
    before = (project.document, project.revision)
    start(
        client_for(project.owner),
        reverse("import_revision", args=[project.pk]),
        SQL,
        django_capture_on_commit_callbacks,
        base_revision=project.revision,
    )
    job = Job.objects.get(project=project)
    run_job.run(job.pk)  # the worker finishes after the browser went away: nobody confirms
    project.refresh_from_db()
    assert (project.document, project.revision) == before and not Revision.objects.filter(project=project).exists()


def test_a_failed_job_says_where(client_for, outsider, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_JOB_MIN_BYTES = 10
    client = client_for(outsider)
    start(
        client,
        reverse("import_new"),
        "CREATE TABLE a (\n  id int,\n  x text DEFAULT\n);\n",
        django_capture_on_commit_callbacks,
    )
    job = Job.objects.get(created_by=outsider)
    assert run_job.run(job.pk) == "failed"
    response = client.get(reverse("import_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 286 and "line 4: PostgreSQL syntax error" in response.content.decode()
    assert client.post(reverse("import_apply", args=[job.pk])).status_code == 404


def test_over_the_limit_is_refused_before_parsing(client_for, outsider, settings):
    settings.IMPORT_MAX_BYTES = 50
    response = client_for(outsider).post(reverse("import_new"), {"file": SimpleUploadedFile("big.sql", b"x" * 51)})
    assert response.status_code == 413 and "IMPORT_MAX_BYTES" in response.content.decode()
    assert not Job.objects.exists() and not Project.objects.exists()
    response = client_for(outsider).post(reverse("import_new"), {"text": "Table t {\n id int\n}\n" * 10})
    assert response.status_code == 413


def test_only_the_person_who_started_it_sees_an_import(client_for, project, member, outsider, viewer):
    job = Job.objects.create(project=project, kind="import", revision=0, created_by=member)
    for user in (outsider, viewer, project.owner):
        assert client_for(user).get(reverse("import_status", args=[job.pk])).status_code == 404
        assert client_for(user).post(reverse("import_apply", args=[job.pk])).status_code == 404


def test_sql_pasted_into_the_web_form_is_detected(client_for, outsider):
    response = client_for(outsider).post(reverse("import_new"), {"text": SQL, "name": "Pasted"})
    project = Project.objects.get(owner=outsider, name="Pasted")
    assert response.status_code == 302 and project.document["database_type"] == "PostgreSQL"


def test_uploads_of_imports_finished_a_day_ago_are_deleted_and_retry_then_says_why(
    client_for, project, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_JOB_MIN_BYTES = 10
    client = client_for(project.owner)
    url = reverse("import_revision", args=[project.pk])
    start(
        client,
        url,
        "CREATE TABLE a (\n  x text DEFAULT\n);\n",
        django_capture_on_commit_callbacks,
        base_revision=project.revision,
    )
    start(client, url, SQL, django_capture_on_commit_callbacks, base_revision=project.revision)
    old, recent = Job.objects.filter(project=project).order_by("pk")
    assert run_job.run(old.pk) == "failed" and run_job.run(recent.pk) == "done"
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(hours=25))
    old_file, recent_file = Path(old.file.path), Path(recent.file.path)

    call_command("reap_jobs", stdout=StringIO())

    assert not old_file.exists() and not Job.objects.get(pk=old.pk).file
    assert recent_file.exists() and Job.objects.get(pk=recent.pk).file  # finished just now: kept for Retry
    response = client.post(reverse("job_retry", args=[project.pk, old.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 410 and "import it again" in response.content.decode()
    assert Job.objects.get(pk=old.pk).status == JobStatus.FAILED  # nothing was sent to run


GROUPED = (
    'CREATE TABLE users (id bigint PRIMARY KEY, name text COLLATE "C" NOT NULL);\n'
    + "".join(f"GRANT SELECT ON users TO role_{i};\n" for i in range(3))
    + "CREATE RULE r AS ON INSERT TO users DO INSTEAD NOTHING;\n"
)


def test_the_import_result_groups_notices_lost_first_each_expandable(
    client_for, outsider, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_JOB_MIN_BYTES = 10
    client = client_for(outsider)
    start(client, reverse("import_new"), GROUPED, django_capture_on_commit_callbacks)
    job = Job.objects.get(created_by=outsider)
    assert run_job.run(job.pk) == "done"
    body = client.get(reverse("import_status", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    lost = body.index("1 part of the schema not kept (lost on import): 1 COLLATE")
    statements = body.index("4 statements that are not schema: 3 grants, 1 rule")
    assert lost < statements  # what was lost comes first, and opened
    assert '<details class="notice-group lossy" open>' in body
    assert "line 1: users.name: COLLATE" in body and "line 4: skipped GRANT" in body  # lines kept


def test_import_schema_prints_the_groups_and_every_lost_notice(owner, tmp_path):
    path = tmp_path / "dump.sql"
    path.write_text(GROUPED + "".join(f"GRANT SELECT ON users TO other_{i};\n" for i in range(6)))
    out, err = StringIO(), StringIO()
    call_command("import_schema", str(path), "--owner", "alice", stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0] == "11 notices:"
    assert lines[1] == "LOST 1 part of the schema not kept (lost on import): 1 COLLATE"
    assert lines[2].startswith("  notice: line 1: users.name: COLLATE")
    assert "10 statements that are not schema: 9 grants, 1 rule" in lines
    assert "  … 5 more (-v 2 lists them all)" in lines
    every = StringIO()
    call_command("import_schema", str(path), "--owner", "alice", verbosity=2, stdout=StringIO(), stderr=every)
    assert every.getvalue().count("skipped GRANT") == 9


def test_the_import_page_fails_a_job_whose_worker_died_and_stops_polling(client_for, outsider, settings):
    # Without celery beat the reaper never ran: the page polled a dead import for 491 s.
    silent_for = timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT_SECONDS + 1)
    started = timezone.now() - silent_for
    running = {"kind": "import", "revision": 0, "created_by": outsider, "status": JobStatus.RUNNING}
    dead = Job.objects.create(**running, started_at=started, heartbeat_at=started, worker="gone:1")
    never = Job.objects.create(kind="import", revision=0, created_by=outsider)
    Job.objects.filter(pk=never.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.JOB_PENDING_TIMEOUT_SECONDS + 1)
    )
    client = client_for(outsider)
    for job in (dead, never):
        response = client.get(reverse("import_status", args=[job.pk]), HTTP_HX_REQUEST="true")
        job.refresh_from_db()
        assert response.status_code == 286 and job.status == JobStatus.FAILED
        assert job.error in response.content.decode()
    alive = Job.objects.create(**running, started_at=timezone.now(), heartbeat_at=timezone.now(), worker="w:2")
    assert client.get(reverse("import_status", args=[alive.pk]), HTTP_HX_REQUEST="true").status_code == 200
