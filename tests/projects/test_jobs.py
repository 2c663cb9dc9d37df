from dataclasses import replace
from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from designer import ops
from projects import selectors, services
from projects.models import Job, JobKind, JobStatus
from projects.tasks import run_job


def test_start_creates_the_job_row_first(client_for, project, viewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(viewer).post(reverse("job_start", args=[project.pk, "export"]), HTTP_HX_REQUEST="true")
    job = Job.objects.get(project=project)
    assert response.status_code == 200 and job.status == JobStatus.PENDING and job.created_by == viewer
    assert len(callbacks) == 1  # the task is sent only once the row is committed
    assert 'hx-trigger="every 1s"' in response.content.decode()


def test_polling_stops_with_286_when_finished(client_for, project):
    job = Job.objects.create(project=project, kind="export", revision=0)
    url = reverse("job_status", args=[project.pk, job.pk])
    client = client_for(project.owner)
    assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    run_job.run(job.pk)  # the task body, in this process
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 286 and "Export ready" in response.content.decode()
    download = client.get(reverse("job_download", args=[project.pk, job.pk]))
    assert b"Table" in b"".join(download.streaming_content)


def test_rerunning_a_finished_job_changes_nothing(project):
    job = Job.objects.create(project=project, kind="export", revision=0)
    assert run_job.run(job.pk) == "done"
    assert run_job.run(job.pk) == "skipped"


def test_unknown_kind_and_outsiders(client_for, project, outsider):
    assert client_for(project.owner).post(reverse("job_start", args=[project.pk, "mine-bitcoin"])).status_code == 404
    assert client_for(outsider).post(reverse("job_start", args=[project.pk, "export"])).status_code == 404
    job = Job.objects.create(project=project, kind="export", revision=0)
    assert client_for(outsider).get(reverse("job_status", args=[project.pk, job.pk])).status_code == 404


def _started(project, user, **fields):
    return Job.objects.create(project=project, kind="export", revision=project.revision, created_by=user, **fields)


def test_a_job_works_on_the_revision_it_was_created_for(project, owner):
    job = _started(project, owner)
    posts = next(e for e in selectors.project_schema(project).entities if e.name == "posts")
    renamed = ops.UpdateEntity(entity=replace(posts, name="articles"))
    services.apply_op(project_id=project.pk, user=owner, op=renamed, base_revision=project.revision)
    assert run_job.run(job.pk) == "done"
    job.refresh_from_db()
    assert 'Table "posts"' in job.result["dbml"] and "articles" not in job.result["dbml"]


def test_a_silent_worker_is_reaped_and_polling_stops_with_retry(client_for, project, owner):
    long_ago = timezone.now() - timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT_SECONDS + 5)
    job = _started(project, owner, status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago, attempts=1)
    response = client_for(owner).get(reverse("job_status", args=[project.pk, job.pk]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 286 and "The worker stopped; retry." in body and "Retry" in body
    assert 'hx-trigger="every 1s"' not in body
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at is not None


def test_a_live_worker_keeps_its_job(client_for, project, owner):
    job = _started(project, owner, status=JobStatus.RUNNING, started_at=timezone.now(), heartbeat_at=timezone.now())
    response = client_for(owner).get(reverse("job_status", args=[project.pk, job.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'hx-trigger="every 1s"' in response.content.decode()


def test_a_job_no_worker_picked_up_is_reaped(project, owner):
    job = _started(project, owner)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert services.jobs_reap() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == services.NEVER_STARTED


def test_retry_runs_the_same_row_again(client_for, project, owner, django_capture_on_commit_callbacks):
    job = _started(project, owner, status=JobStatus.FAILED, error=services.WORKER_GONE, attempts=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(owner).post(reverse("job_retry", args=[project.pk, job.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING and job.error == "" and job.attempts == 0
    assert run_job.run(job.pk) == "done"
    assert Job.objects.get(pk=job.pk).status == JobStatus.DONE and Job.objects.count() == 1


def test_a_redelivered_job_is_taken_over_and_finishes_the_same_row(project, owner):
    # The worker died mid-job: the row still says running when its message comes back.
    job = _started(project, owner, status=JobStatus.RUNNING, progress=45, attempts=1, started_at=timezone.now())
    assert run_job.run(job.pk) == "done"
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2 and job.progress == 100


def test_a_job_that_keeps_killing_its_worker_is_not_run_forever(project, owner):
    job = _started(project, owner, status=JobStatus.RUNNING, attempts=services.MAX_ATTEMPTS)
    assert run_job.run(job.pk) == "skipped"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == services.WORKER_GONE


def test_a_job_failed_by_the_reaper_stays_failed_when_its_worker_comes_back(project, owner):
    job = _started(project, owner)
    claimed = services.job_claim(job_id=job.pk, worker="w:1")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=services.WORKER_GONE)
    services.job_finish(job=claimed, result={"late": True})
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.result is None


def test_jobs_in_flight_are_limited_per_user(client_for, project, owner, settings):
    settings.MAX_JOBS_IN_FLIGHT_PER_USER = 2
    for _ in range(2):
        _started(project, owner)
    response = client_for(owner).post(reverse("job_start", args=[project.pk, "export"]), HTTP_HX_REQUEST="true")
    assert response.status_code == 429 and "2 jobs running" in response.content.decode()
    assert Job.objects.count() == 2


def test_time_limits_per_kind(settings):
    settings.JOB_TIME_LIMITS = {"export": (1.0, 2.0), "default": (10.0, 20.0)}
    assert services.job_time_limits("export") == (1.0, 2.0)
    assert services.job_time_limits("analysis") == (10.0, 20.0)


def test_job_kinds_keep_their_extension_point():
    from projects.tasks import JOB_KINDS

    assert set(JOB_KINDS) <= set(JobKind.values)
    assert all(callable(kind_function) for kind_function in JOB_KINDS.values())


def test_a_job_killed_at_its_hard_limit_is_reaped_with_that_limit(project, owner, settings):
    settings.JOB_TIME_LIMITS = {"export": (1.0, 2.0), "default": (300.0, 360.0)}
    long_ago = timezone.now() - timedelta(minutes=5)
    job = _started(project, owner, status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago)
    call_command("reap_jobs", stdout=StringIO())
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == "It timed out after 2 s and was stopped."
