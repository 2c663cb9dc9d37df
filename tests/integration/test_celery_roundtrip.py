"""Broker → worker → database: a job created by the web side is done by a real worker."""

import time

import pytest
from django.contrib.auth import get_user_model

from designer.examples import blog_schema
from projects import services
from projects.models import Job, JobStatus

pytestmark = [pytest.mark.celery, pytest.mark.redis, pytest.mark.postgres]


def wait_for_job(job: Job, timeout: float = 60.0) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        time.sleep(0.2)
    pytest.fail(f"job {job.pk} still {job.status} after {timeout:.0f} s")


def test_export_job_runs_in_a_real_worker(celery_worker_process, settings):
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test must go through the broker"
    owner = get_user_model().objects.create_user("alice", password="pw-alice-123")
    project = services.project_create(owner=owner, name="Blog", schema=blog_schema())
    job = services.job_create(project=project, user=owner, kind="export")  # dispatched on commit
    job = wait_for_job(job)
    assert job.status == JobStatus.DONE, job.error
    assert job.progress == 100 and job.started_at and job.finished_at
    assert job.result["entities"] == 5 and 'Table "posts"' in job.result["dbml"]
    with job.file.open("rb") as exported:
        assert b'Table "post_tags"' in exported.read()


def test_import_job_runs_in_a_real_worker_and_waits_for_confirmation(celery_worker_process, settings):
    from projects.services import imports

    owner = get_user_model().objects.create_user("bob", password="pw-bob-123")
    dump = "".join(f"CREATE TABLE t{i} (id bigint PRIMARY KEY, name text NOT NULL);\n" for i in range(50))
    job = imports.import_start_job(owner=owner, project=None, text=dump, fmt="postgresql")
    job = wait_for_job(job)
    assert job.status == JobStatus.DONE, job.error
    assert len(job.result["tables"]) == 50 and job.project is None  # read, not landed
    project = imports.import_apply(job=job, user=owner, name="From the worker")
    assert len(project.document["entities"]) == 50


def test_verification_job_runs_in_a_real_worker(celery_worker_process, settings):
    from django.db import transaction

    from projects.models import Verification
    from projects.verify_jobs import verification_create

    owner = get_user_model().objects.create_user("vic", password="pw-vic-123")
    project = services.project_create(owner=owner, name="Blog", schema=blog_schema())
    with transaction.atomic():  # small and quick; dispatched when this commits
        run = verification_create(project=project, user=owner, runs=2)
        Verification.objects.filter(pk=run.pk).update(max_rows=3_000)
    job = wait_for_job(run.job, timeout=120)
    assert job.status == JobStatus.DONE, job.error
    assert job.result["summary"]["patterns"] == 10 and job.result["data"]["total_rows"] <= 3_000
    with job.file.open("rb") as report:
        assert report.read().startswith(b"# Verification of Blog")
