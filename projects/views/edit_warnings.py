"""Editor: dismissing one kind of schema warning for the project (or showing it again)."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from projects import services
from projects.access import ProjectRequest
from projects.views.editing import editable_project, panel_response


@login_required
@require_POST
def warning_dismiss(request: ProjectRequest, project_id: int):
    """Dismiss one kind of schema warning for the project (``show=1``: show it again)."""
    project, _ = editable_project(request, project_id)
    code = request.POST.get("code", "")
    if not code or len(code) > 100:
        return panel_response(request, project, status=400, errors=["Which warning? Reload the page."])
    project = services.project_dismiss_warning(project=project, code=code, dismissed=request.POST.get("show") != "1")
    return panel_response(request, project, selected=request.POST.get("selected") or None)
