"""Editor: adding, changing and deleting entities."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from designer import ops
from projects.access import ProjectRequest
from projects.forms.editor import EntityForm, NewEntityForm
from projects.views.editing import commit, commit_form, editable_project, invalid_form, panel_response


@login_required
@require_POST
def entity_add(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    form = NewEntityForm(request.POST, schema=schema)
    if not form.is_valid():
        return invalid_form(request, project, form_slot="new-entity", form=form)
    op = form.to_op()
    return commit(request, project, op, form_slot="new-entity", form=form, selected=op.entity.id)


@login_required
@require_POST
def entity_update(request: ProjectRequest, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity = _entity(schema, entity_id)
    form = EntityForm(request.POST, schema=schema, entity=entity)
    return commit_form(request, project, form, slot="entity", selected=entity.id)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def entity_delete(request: ProjectRequest, project_id: int, entity_id: str):
    """GET shows what goes with the entity; POST removes it."""
    project, schema = editable_project(request, project_id)
    entity = _entity(schema, entity_id)
    if request.method == "GET":
        impact = ops.removal_impact(schema, entity_id=entity.id)
        confirm = {
            "title": f"Delete entity {entity.name}?",
            "impact": impact,
            "url": request.path,
            "selected": entity.id,
        }
        return panel_response(request, project, confirm=confirm, selected=entity.id)
    return commit(request, project, ops.RemoveEntity(entity_id=entity.id), selected="")


def _entity(schema, entity_id):
    entity = schema.entity(entity_id)
    if entity is None:
        raise Http404("No such entity (it may have been deleted)")
    return entity
