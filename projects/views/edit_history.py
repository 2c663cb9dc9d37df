"""Editor: undo and redo, the person's own last edits taken from the op log."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from designer.problems import SchemaError
from projects import history, services
from projects.access import ProjectRequest
from projects.views.editing import editable_project, panel_response


@login_required
@require_POST
def undo(request: ProjectRequest, project_id: int):
    return _history_step(request, project_id, history.undo)


@login_required
@require_POST
def redo(request: ProjectRequest, project_id: int):
    return _history_step(request, project_id, history.redo)


def _history_step(request, project_id, step):
    project, _ = editable_project(request, project_id)
    try:
        after, warnings = step(project=project, user=request.user)
    except services.StaleRevision as error:
        return panel_response(request, project, status=409, errors=[str(error)])
    except SchemaError as error:
        return panel_response(request, project, status=422, errors=[p.message for p in error.problems])
    return panel_response(request, after, warnings=warnings)
