"""The Advice tab: start an analysis (a Celery job), poll it, download the design
review. Applying, dismissing and restoring a recommendation are editor writes
(views/edit_advice.py)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseStopPolling

from designer.advice import review_markdown
from projects import selectors, services
from projects.access import ProjectRequest
from projects.models import Job, JobKind
from projects.views.access import project_access
from projects.views.advice_panel import advice_context
from projects.views.editing import editor_page, wants_fragment


def _section(request, project, *, started=None):
    advice = advice_context(project, started=started)
    context = {"project": project, "can_edit": request.access.can_edit, "advice": advice}
    return render(request, "projects/detail.html#advice", context)


@login_required
@require_POST
def analyze_start(request: ProjectRequest, project_id: int):
    # Analysing changes nothing in the schema: whoever may see the project may run it.
    project = project_access(request, project_id).project
    job = services.job_create(project=project, user=request.user, kind=JobKind.ANALYSIS)
    job.refresh_from_db()  # in embedded mode the task already ran; a broker out of reach failed it
    return _section(request, project, started=job)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def analysis_job(request: ProjectRequest, project_id: int, job_id: int):
    project = project_access(request, project_id).project
    job = services.job_reap(job=get_object_or_404(Job, pk=job_id, project=project, kind=JobKind.ANALYSIS))
    if not wants_fragment(request):
        return editor_page(request, project, tab="advice")
    response = _section(request, project)
    if job.is_finished:
        response.status_code = HttpResponseStopPolling.status_code
    return response


@login_required
@require_GET
def review_download(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    analysis = selectors.latest_analysis(project=project)
    if analysis is None:
        raise Http404("No analysis yet: run one in the Advice tab")
    text = review_markdown(
        analysis.result, project_name=project.name, dismissed=selectors.dismissed_keys(project=project)
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    filename = f"{services.safe_file_stem(project.name)}-review-r{analysis.revision}.md"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
