"""Editor: the declared workload — access patterns (by form or pasted SQL) and volumes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from designer import ops
from projects.access import ProjectRequest
from projects.forms.workload import PatternForm, SqlPatternForm, VolumeForm
from projects.views.editing import commit, commit_form, editable_project, editor_page, wants_fragment


@login_required
@require_POST
def pattern_add(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    form = PatternForm(request.POST, schema=schema, auto_id="new-pattern-%s")
    return commit_form(request, project, form, slot="new-pattern")


@login_required
@require_POST
def pattern_update(request: ProjectRequest, project_id: int, pattern_id: str):
    project, schema = editable_project(request, project_id)
    pattern = _pattern(schema, pattern_id)
    slot = f"pattern-{pattern.id}"
    form = PatternForm(request.POST, schema=schema, pattern=pattern, auto_id=f"{slot}-%s")
    return commit_form(request, project, form, slot=slot)


@login_required
@require_POST
def pattern_delete(request: ProjectRequest, project_id: int, pattern_id: str):
    project, schema = editable_project(request, project_id)
    return commit(request, project, ops.RemovePattern(pattern_id=_pattern(schema, pattern_id).id))


@login_required
@require_POST
def pattern_from_sql(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    form = SqlPatternForm(request.POST, schema=schema, auto_id="sql-pattern-%s")
    return commit_form(request, project, form, slot="sql-pattern")


@login_required
@require_GET
@vary_on_headers("HX-Request")
def pattern_form(request: ProjectRequest, project_id: int):
    """The pattern form again for another target entity (its fields and joins), keeping
    what was typed in the entity-independent boxes (for a request not from htmx: the
    page's Workload tab with that form open)."""
    project, schema = editable_project(request, project_id)
    pattern = _pattern(schema, request.GET["pattern"]) if request.GET.get("pattern") else None
    slot = f"pattern-{pattern.id}" if pattern else "new-pattern"
    kept = {name: request.GET.get(name) for name in PatternForm.KEPT_ON_ENTITY_CHANGE if name in request.GET}
    form = PatternForm(schema=schema, pattern=pattern, initial=kept, auto_id=f"{slot}-%s")
    if not wants_fragment(request):
        return editor_page(request, project, tab="workload", bound={slot: form})
    context = {"project": project, "schema": schema, "form": form, "pattern": pattern, "can_edit": True}
    return render(request, "projects/detail.html#pattern-form", context)


@login_required
@require_POST
def volume_set(request: ProjectRequest, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity = schema.entity(entity_id)
    if entity is None:
        raise Http404("No such entity (it may have been deleted)")
    slot = f"volume-{entity.id}"
    form = VolumeForm(request.POST, schema=schema, entity=entity, auto_id=f"{slot}-%s")
    return commit_form(request, project, form, slot=slot)


def _pattern(schema, pattern_id: str):
    pattern = schema.pattern(pattern_id)
    if pattern is None:
        raise Http404("No such access pattern (it may have been deleted)")
    return pattern
