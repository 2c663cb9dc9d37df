"""Editor: fields of an entity."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from designer import edits, field_rows, ops
from designer.labels import field_label
from designer.problems import SchemaError
from projects.access import ProjectRequest
from projects.forms.editor import FieldForm
from projects.views.editing import (
    commit,
    commit_form,
    editable_project,
    editor_page,
    panel_response,
    wants_fragment,
)


def _entity_and_field(schema, entity_id, field_id=None):
    entity = schema.entity(entity_id)
    field = entity.field(field_id) if entity and field_id else None
    if entity is None or (field_id and field is None):
        raise Http404("No such entity or field (it may have been deleted)")
    return entity, field


@login_required
@require_POST
def field_add(request: ProjectRequest, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity, _ = _entity_and_field(schema, entity_id)
    form = FieldForm(request.POST, schema=schema, entity=entity)
    return commit_form(request, project, form, slot="new-field", selected=entity.id)


MAX_PASTE_CHARS = 50_000


@login_required
@require_POST
def fields_paste(request: ProjectRequest, project_id: int, entity_id: str):
    """Several fields at once, pasted into the grid's new row: lines of ``name type`` or
    a CREATE TABLE (read by the project's SQL and DBML readers)."""
    project, schema = editable_project(request, project_id)
    entity, _ = _entity_and_field(schema, entity_id)
    text = request.POST.get("text", "")
    if len(text) > MAX_PASTE_CHARS:
        message = f"Paste at most {MAX_PASTE_CHARS:,} characters at once."
        return panel_response(request, project, status=413, errors=[message], selected=entity.id)
    try:
        op = field_rows.pasted_fields(schema, entity, text)
    except SchemaError as error:
        messages = [f"Pasted fields not added: {_where(problem)}{problem.message}" for problem in error.problems]
        return panel_response(request, project, status=422, errors=messages, selected=entity.id)
    return commit(request, project, op, selected=entity.id)


def _where(problem) -> str:
    return f"line {problem.line}: " if problem.line is not None else ""


@login_required
@require_GET
@vary_on_headers("HX-Request")
def field_form(request: ProjectRequest, project_id: int, entity_id: str, field_id: str):
    """A field's edit form, fetched when the field is opened in the panel (the page
    with the field open, for a request not from htmx)."""
    project, schema = editable_project(request, project_id)
    entity, field = _entity_and_field(schema, entity_id, field_id)
    # Its ids differ from the grid row's (which uses the slot's): both are on the page.
    form = FieldForm(schema=schema, entity=entity, field=field, auto_id=f"more-{field.id}-%s")
    if not wants_fragment(request):
        return editor_page(request, project, tab="schema", selected=entity.id, bound={f"more-{field.id}": form})
    context = {"project": project, "schema": schema, "selected": entity, "field": field, "form": form}
    return render(request, "projects/detail.html#field-edit", context)


@login_required
@require_POST
def field_update(request: ProjectRequest, project_id: int, entity_id: str, field_id: str):
    project, schema = editable_project(request, project_id)
    entity, field = _entity_and_field(schema, entity_id, field_id)
    form = FieldForm(request.POST, schema=schema, entity=entity, field=field)
    slot = f"field-{field.id}"
    return commit_form(request, project, form, slot=slot, selected=entity.id)


@login_required
@require_POST
def field_move(request: ProjectRequest, project_id: int, entity_id: str, field_id: str, direction: str):
    project, schema = editable_project(request, project_id)
    entity, field = _entity_and_field(schema, entity_id, field_id)
    return commit(request, project, edits.move_field(entity, field, direction=direction), selected=entity.id)


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def field_delete(request: ProjectRequest, project_id: int, entity_id: str, field_id: str):
    project, schema = editable_project(request, project_id)
    entity, field = _entity_and_field(schema, entity_id, field_id)
    if request.method == "GET":
        impact = ops.removal_impact(schema, field_id=field.id)
        confirm = {
            "title": f"Delete field {field_label(entity, field)}?",
            "impact": impact,
            "url": request.path,
            "selected": entity.id,
        }
        return panel_response(request, project, confirm=confirm, selected=entity.id)
    return commit(request, project, ops.RemoveField(entity_id=entity.id, field_id=field.id), selected=entity.id)
