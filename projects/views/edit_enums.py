"""Editor: enums and their values."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST

from designer import ops
from designer.schema import EnumValue, replace
from projects.forms.editor import EnumForm, EnumValueForm
from projects.views.editing import commit, editable_project, invalid_form


@login_required
@require_POST
def enum_add(request, project_id: int):
    project, schema = editable_project(request, project_id)
    form = EnumForm(request.POST, schema=schema)
    if not form.is_valid():
        return invalid_form(request, project, form_slot="new-enum", form=form)
    return commit(request, project, form.to_op(), form_slot="new-enum", form=form)


@login_required
@require_POST
def enum_value(request, project_id: int, enum_id: str, action: str):
    """add / rename / up / down / remove one value."""
    project, schema = editable_project(request, project_id)
    enum = schema.enum(enum_id)
    if enum is None or action not in {"add", "rename", "up", "down", "remove"}:
        raise Http404("No such enum or action")
    names = [v.name for v in enum.values]
    current = request.POST.get("current", "")
    if action != "add" and current not in names:
        raise Http404("No such value")
    slot = f"enum-{enum.id}-{action}-{current}"
    form = EnumValueForm(request.POST) if action in {"add", "rename"} else None
    if form is not None and not form.is_valid():
        return invalid_form(request, project, form_slot=slot, form=form)
    if action == "rename":
        return commit(request, project, ops.RenameEnumValue(enum_id=enum.id, old=current,
                                                            new=form.cleaned_data["value"]), form_slot=slot, form=form)  # fmt: skip
    values = list(enum.values)
    if action == "add":
        values.append(EnumValue(form.cleaned_data["value"]))
    elif action == "remove":
        values.pop(names.index(current))
    else:
        at = names.index(current)
        to = max(0, min(len(values) - 1, at + (-1 if action == "up" else 1)))
        values.insert(to, values.pop(at))
    return commit(request, project, ops.UpdateEnum(enum=replace(enum, values=tuple(values))), form_slot=slot, form=form)


@login_required
@require_POST
def enum_delete(request, project_id: int, enum_id: str):
    project, schema = editable_project(request, project_id)
    if schema.enum(enum_id) is None:
        raise Http404("No such enum")
    return commit(request, project, ops.RemoveEnum(enum_id=enum_id))
