"""Editor: enums and their values."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST

from designer import edits, ops
from projects.access import ProjectRequest
from projects.forms.editor import EnumForm, EnumValueForm
from projects.views.editing import commit, commit_form, editable_project, invalid_form


@login_required
@require_POST
def enum_add(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    form = EnumForm(request.POST, schema=schema)
    return commit_form(request, project, form, slot="new-enum")


@login_required
@require_POST
def enum_value(request: ProjectRequest, project_id: int, enum_id: str, action: str):
    """add / rename / up / down / remove one value."""
    project, schema = editable_project(request, project_id)
    enum = schema.enum(enum_id)
    if enum is None or action not in {"add", "rename", "up", "down", "remove"}:
        raise Http404("No such enum or action")
    current = request.POST.get("current", "")
    if action != "add" and current not in [v.name for v in enum.values]:
        raise Http404("No such value")
    slot = f"enum-{enum.id}-{action}-{current}"
    form = EnumValueForm(request.POST) if action in {"add", "rename"} else None
    if form is not None and not form.is_valid():
        return invalid_form(request, project, form_slot=slot, form=form)
    value = form.cleaned_data["value"] if form is not None else ""
    op = edits.change_enum_value(enum, action=action, current=current, value=value)
    return commit(request, project, op, form_slot=slot, form=form)


@login_required
@require_POST
def enum_delete(request: ProjectRequest, project_id: int, enum_id: str):
    project, schema = editable_project(request, project_id)
    if schema.enum(enum_id) is None:
        raise Http404("No such enum")
    return commit(request, project, ops.RemoveEnum(enum_id=enum_id))
