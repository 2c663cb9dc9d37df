"""A job whose worker dies, in a real browser: the page stops polling when the reaper
fails it, shows why and offers Retry; Retry polls the same job again until it is done."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from designer.examples import blog_schema
from projects.models import Job, JobStatus
from projects.tasks import run_job

pytestmark = [pytest.mark.e2e, pytest.mark.redis]


@pytest.fixture
def no_leftover_messages():
    yield
    from projects.celery import app

    app.control.purge()  # no worker runs here: the messages this test sent must not linger


def test_a_dead_worker_ends_polling_and_retry_finishes_the_job(open_project, no_leftover_messages):
    page = open_project(username="ivan", name="Blog", schema=blog_schema())
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "/jobs/" in request.url else None)
    page.get_by_role("button", name="Export in background").click()
    page.locator("#jobs .job progress").wait_for()

    long_ago = timezone.now() - timedelta(seconds=60)  # started, then silent (within the 90 s hard limit)
    Job.objects.update(status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago, attempts=1)
    page.get_by_text("The worker stopped; retry.").wait_for()
    settled = len(polls)
    time.sleep(2.5)
    assert len(polls) == settled  # 286: no more polling

    page.get_by_role("button", name="Retry").click()
    page.locator("#jobs .job progress").wait_for()
    job = Job.objects.get()
    assert job.status == JobStatus.PENDING
    run_job.run(job.pk)  # what a worker would do with the message Retry sent
    page.get_by_text("Export ready.").wait_for()
    assert page.get_by_role("link", name="Download").is_visible()
    assert Job.objects.count() == 1 and page.evaluate("window.__samePage") is True
