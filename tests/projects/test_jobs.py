from django.urls import reverse

from projects.models import Job, JobStatus
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
