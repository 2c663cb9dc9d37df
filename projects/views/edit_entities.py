"""Editor: the panel, entities, undo and redo."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from designer import ops
from designer.problems import SchemaError
from projects import history, selectors, services
from projects.forms.editor import EntityForm, NewEntityForm
from projects.views.editing import commit, editable_project, invalid_form, panel_response


@login_required
@require_GET
@vary_on_headers("HX-Request")
def panel(request, project_id: int):
    project = selectors.project_for_user(user=request.user, project_id=project_id)
    return panel_response(request, project)


@login_required
@require_POST
def entity_add(request, project_id: int):
    project, schema = editable_project(request, project_id)
    form = NewEntityForm(request.POST, schema=schema)
    if not form.is_valid():
        return invalid_form(request, project, form_slot="new-entity", form=form)
    op = form.to_op()
    return commit(request, project, op, form_slot="new-entity", form=form, selected=op.entity.id)


@login_required
@require_POST
def entity_update(request, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity = _entity(schema, entity_id)
    form = EntityForm(request.POST, schema=schema, entity=entity)
    if not form.is_valid():
        return invalid_form(request, project, form_slot="entity", form=form, selected=entity.id)
    return commit(request, project, form.to_op(), form_slot="entity", form=form, selected=entity.id)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def entity_delete(request, project_id: int, entity_id: str):
    """GET shows what goes with the entity; POST removes it."""
    project, schema = editable_project(request, project_id)
    entity = _entity(schema, entity_id)
    if request.method == "GET":
        impact = ops.removal_impact(schema, entity_id=entity.id)
        confirm = {"title": f"Delete entity {entity.name}?", "impact": impact,
                   "url": request.path, "selected": entity.id}  # fmt: skip
        return panel_response(request, project, confirm=confirm, selected=entity.id)
    return commit(request, project, ops.RemoveEntity(entity_id=entity.id), selected="")


@login_required
@require_POST
def undo(request, project_id: int):
    return _history_step(request, project_id, history.undo)


@login_required
@require_POST
def redo(request, project_id: int):
    return _history_step(request, project_id, history.redo)


def _history_step(request, project_id, step):
    project, _ = editable_project(request, project_id)
    try:
        after, warnings = step(project=project, user=request.user)
    except services.StaleRevision as error:
        return panel_response(request, project, status=409, errors=[str(error)])
    except SchemaError as error:
        return panel_response(request, project, status=422, errors=[p.message for p in error.problems])
    after.role = project.role
    return panel_response(request, after, warnings=warnings)


@login_required
@require_POST
def warning_dismiss(request, project_id: int):
    """Dismiss one kind of schema warning for the project (``show=1``: show it again)."""
    project, _ = editable_project(request, project_id)
    code = request.POST.get("code", "")
    if not code or len(code) > 100:
        return panel_response(request, project, status=400, errors=["Which warning? Reload the page."])
    project = services.project_dismiss_warning(project=project, code=code, dismissed=request.POST.get("show") != "1")
    return panel_response(request, project, selected=request.POST.get("selected") or None)


def _entity(schema, entity_id):
    entity = schema.entity(entity_id)
    if entity is None:
        raise Http404("No such entity (it may have been deleted)")
    return entity
