"""The Advice tab: start an analysis (a Celery job), poll it, apply a recommendation
as one undoable edit, dismiss or restore one, download the design review."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseStopPolling

from designer import ops
from designer.advice import review_markdown
from designer.problems import SchemaError
from projects import selectors, services
from projects.access import ProjectRequest
from projects.models import Analysis, Job, JobKind
from projects.views.access import project_access
from projects.views.advice_panel import advice_context
from projects.views.editing import commit, editable_project, editor_page, panel_response, wants_fragment

MAX_REASON = 500


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
@require_POST
def recommendation_apply(request: ProjectRequest, project_id: int):
    project, _ = editable_project(request, project_id)
    analysis, recommendation = _recommendation(request, project)
    if analysis.revision != project.revision:
        message = (
            f"The schema changed since this analysis (revision {analysis.revision}, now {project.revision}): "
            "re-run the analysis before applying."
        )
        return panel_response(request, project, status=409, errors=[message])
    if not recommendation["ops"]:
        return panel_response(request, project, status=422, errors=["This recommendation has no edit to apply."])
    try:
        steps = [ops.op_from_dict(o) for o in recommendation["ops"]]
    except SchemaError as error:
        return panel_response(request, project, status=422, errors=[p.message for p in error.problems])
    op = steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))
    entity_id = recommendation.get("entity_id")
    selected = entity_id if entity_id and selectors.project_schema(project).entity(entity_id) else None
    return commit(request, project, op, selected=selected, summary=f"Advice: {recommendation['title']}"[:300])


@login_required
@require_POST
def recommendation_dismiss(request: ProjectRequest, project_id: int):
    project, _ = editable_project(request, project_id)
    _, recommendation = _recommendation(request, project)
    reason = request.POST.get("reason", "")
    if len(reason) > MAX_REASON:
        return panel_response(request, project, status=422, errors=[f"Keep the reason under {MAX_REASON} characters."])
    services.dismissal_set(project=project, user=request.user, key=recommendation["key"], reason=reason)
    return panel_response(request, project)


@login_required
@require_POST
def recommendation_restore(request: ProjectRequest, project_id: int):
    project, _ = editable_project(request, project_id)
    services.dismissal_clear(project=project, key=request.POST.get("key", ""))
    return panel_response(request, project)


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


def _recommendation(request, project) -> tuple[Analysis, dict]:
    try:
        analysis_id = int(request.POST.get("analysis", ""))
    except ValueError:
        raise Http404("No such analysis") from None
    analysis = get_object_or_404(Analysis, pk=analysis_id, project=project)
    key = request.POST.get("key", "")
    recommendation = next((r for r in analysis.result["recommendations"] if r["key"] == key), None)
    if recommendation is None:
        raise Http404("No such recommendation in this analysis")
    return analysis, recommendation
