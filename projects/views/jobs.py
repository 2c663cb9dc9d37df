"""Background jobs: start one, then poll its row until it is finished (286 stops htmx
polling). Each poll also asks the reaper whether the job's worker is gone, so a job
never polls forever; a failed job offers Retry, which runs it again on the same row."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from projects import services
from projects.access import ProjectRequest
from projects.models import Job, JobKind
from projects.views.access import project_access

# Jobs that only read the project: viewers may start and retry them (they may download
# too). Any other kind changes the project and needs an editor.
READ_ONLY_JOBS = {JobKind.EXPORT, JobKind.ANALYSIS, JobKind.BUNDLE}
# Kinds started here; the others have a page of their own that collects their options.
STARTABLE_JOBS = {JobKind.EXPORT}


@login_required
@require_POST
def job_start(request: ProjectRequest, project_id: int, kind: str):
    need = "view" if kind in READ_ONLY_JOBS else "edit"
    project = project_access(request, project_id, need=need).project
    if kind not in STARTABLE_JOBS:
        raise Http404("No such job kind")
    job = services.job_create(project=project, user=request.user, kind=kind)  # may be Refused (429)
    return _job_fragment(request, project, job)


@login_required
@require_POST
def job_retry(request: ProjectRequest, project_id: int, job_id: int):
    project = project_access(request, project_id).project
    job = get_object_or_404(Job, pk=job_id, project=project)
    if job.kind not in READ_ONLY_JOBS:
        project = project_access(request, project_id, need="edit").project
    job = services.job_retry(job=job, user=request.user)
    return _job_fragment(request, project, job)


@login_required
@require_GET
def job_status(request: ProjectRequest, project_id: int, job_id: int):
    project = project_access(request, project_id).project
    job = services.job_reap(job=get_object_or_404(Job, pk=job_id, project=project))
    return _job_fragment(request, project, job)


def _job_fragment(request, project, job):
    job.refresh_from_db()  # in embedded mode the task already ran; a dead broker failed it
    response = render(request, "projects/_job.html", {"project": project, "job": job})
    if job.is_finished and request.htmx:
        response.status_code = HttpResponseStopPolling.status_code
    return response


@login_required
@require_GET
def job_download(request: ProjectRequest, project_id: int, job_id: int):
    project = project_access(request, project_id).project
    job = get_object_or_404(Job, pk=job_id, project=project)
    if not job.file:
        raise Http404("This job has no file")
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])
