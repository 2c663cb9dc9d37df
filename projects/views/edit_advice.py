"""The Advice tab's writes: apply a recommendation as one undoable edit (through the
editor's commit, like every other edit), dismiss one with a reason, restore it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from designer import ops
from designer.problems import SchemaError
from projects import selectors, services
from projects.access import ProjectRequest
from projects.models import Analysis
from projects.views.editing import commit, editable_project, panel_response

MAX_REASON = 500


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
