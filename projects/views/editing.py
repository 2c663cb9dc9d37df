"""What every editor action shares: read the base revision, apply the op through the
service, and answer with the re-rendered panel plus the new diagram (out of band),
or with the panel showing the errors (422), the stored schema untouched.

The page and every piece htmx swaps come from one template, projects/detail.html, as
named partials. A GET answers htmx with its partial and anyone else (a link opened
directly or in a new tab, no JavaScript) with the whole page in the same state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from designer import ops
from designer.diagram import DiagramOptions
from designer.diagram.options import diagram_options
from designer.problems import Problem, SchemaError
from projects import selectors, services
from projects.diagrams import (
    PatchedDiagram,
    UnchangedDiagram,
    diagram_for_page_soon,
    diagram_patch_for_page,
    drawn_selected,
    drawn_token,
    placement_for,
    sketch_for_page,
)
from projects.forms.editor import EntityForm, EnumForm, FieldForm, IndexForm, NewEntityForm
from projects.forms.relationships import RelationshipForm
from projects.templatetags.editor import changed_entity_rows
from projects.views.access import project_access
from projects.views.advice_panel import advice_context
from projects.views.workload_panel import workload_context
from projects.warnings_panel import warning_groups


def base_revision(request) -> int | None:
    try:
        return int(request.POST.get("base_revision", ""))
    except ValueError:
        return None


def selected_entity_id(request, schema) -> str | None:
    chosen = request.POST.get("selected") or request.GET.get("selected")
    return chosen if chosen and schema.entity(chosen) is not None else None


@dataclass(frozen=True)
class PanelState:
    """What the panel shows besides the stored schema.

    ``selected``: the open entity's id (None: as the request says); ``tab``: the panel's
    tab (None: as the request says); ``bound``: form slot ("new-field", "field-<id>",
    ...) → the form shown open: the refused one, whose errors and typing show, or the one
    a page request asked for; ``errors``: messages for the top of the panel;
    ``warnings``: the edit's validation warnings (None: validate now); ``confirm``: a
    removal to confirm; ``diagram``: the drawing when already under way."""

    selected: str | None = None
    tab: str | None = None
    bound: Mapping[str, Any] = field(default_factory=dict)
    errors: Sequence[str] = ()
    warnings: list[Problem] | None = None
    confirm: dict | None = None
    diagram: Any = None
    announce: str = ""  # what the edit did, said by the page's live region
    entity_rows: tuple | None = None  # the page keeps its entity list but for these rows (None: it all)


def wants_fragment(request) -> bool:
    """htmx swapping a piece of the page. Its history restore asks for the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def panel_response(request, project, *, status: int = 200, **state) -> HttpResponse:
    """The editor panel for ``project`` as stored now, with the diagram and the header
    out of band; a GET not from htmx gets the whole page showing the same.
    ``state``: the fields of PanelState."""
    if request.method == "GET" and not wants_fragment(request):
        return editor_page(request, project, status=status, **state)
    context = panel_context(request, project, PanelState(**state))
    return render(request, "projects/detail.html#response", {**context, "oob": True}, status=status)


def editor_page(request, project, *, status: int = 200, **state) -> HttpResponse:
    """The whole editor page; ``state``: the fields of PanelState."""
    context = panel_context(request, project, PanelState(**state), whole_page=True)
    return render(request, "projects/detail.html", context, status=status)


def page_options(request, schema, *, selected=None) -> tuple[str | None, DiagramOptions]:
    """The selected entity and the diagram settings this request asks for."""
    selected = selected if selected is not None else selected_entity_id(request, schema)
    params = request.POST if request.method == "POST" else request.GET
    return selected, diagram_options(params, schema, selected=selected)


def panel_tab(request) -> str:
    """Which tab of the panel to show: the schema editor, the declared workload or the advice."""
    params = request.POST if request.method == "POST" else request.GET
    return params.get("tab") if params.get("tab") in ("workload", "advice") else "schema"


def panel_context(request, project, state: PanelState = PanelState(), *, whole_page: bool = False) -> dict:
    """``whole_page``: for the editor page (a large diagram opens on its sketch); else for
    the panel's answer (the diagram out of band: nothing, a patch or the whole drawing)."""
    schema = selectors.project_schema(project)
    selected, options = page_options(request, schema, selected=state.selected)
    entity = schema.entity(selected) if selected else None
    for slot, form in state.bound.items():
        form.auto_id = f"{slot}-%s"  # a refused form keeps the ids the page had (labels, focus, tests)
    diagram = state.diagram
    drawn = drawn_token(project.revision, options)
    if diagram is None:
        if whole_page:
            diagram = sketch_for_page(schema, options=options)
        else:
            diagram = _kept_or_patched(request, project, schema, options, drawn=drawn)
    if diagram is None:  # first: it lays out while the rest renders
        diagram = diagram_for_page_soon(schema, options=options)
    tab = state.tab or panel_tab(request)
    return {
        "project": project,
        "schema": schema,
        "selected": entity,
        "tab": tab,
        "forms": editor_forms(schema, entity, state.bound) if tab == "schema" else {},
        "workload": workload_context(schema, state.bound) if tab == "workload" else {},
        "advice": advice_context(project) if tab == "advice" else {},
        "errors": state.errors,
        "warning_groups": warning_groups(schema, dismissed=project.dismissed_warnings, found=state.warnings),
        "confirm": state.confirm,
        "options": options,
        "access": request.access,
        "can_edit": request.access.can_edit,
        "diagram": diagram,
        "drawn": drawn,
        "entity_rows": None if whole_page else state.entity_rows,
        # Said by the page's live region: what the edit did, or why it was not saved.
        "announce": state.announce or (f"Not saved: {state.errors[0]}" if state.errors else ""),
    }


def _kept_or_patched(request, project, schema, options, *, drawn: str):
    """The page shows this very drawing: nothing to send; the drawing of this revision with
    another table open: the two tables' frames; else None (the whole drawing)."""
    page = _page_drawn(request)
    if page == drawn:
        return UnchangedDiagram()
    selected_before = drawn_selected(page, revision=project.revision, options=options)
    if selected_before is None:
        return None
    return diagram_patch_for_page(schema, schema, options=options, selected_before=selected_before)


def _page_drawn(request) -> str:
    params = request.POST if request.method == "POST" else request.GET
    return params.get("drawn", "")


def editor_forms(schema, entity, bound: dict) -> dict:
    """Every form the panel shows, unbound unless it is the one that just failed (then
    it keeps what the person typed and shows its errors). Ids are unique per slot."""

    def make(slot, cls, **kwargs):
        return bound.get(slot) or cls(schema=schema, auto_id=f"{slot}-%s", **kwargs)

    forms = {
        "new_entity": make("new-entity", NewEntityForm),
        "new_enum": make("new-enum", EnumForm),
        "new_relationship": make(
            "new-relationship", RelationshipForm, initial={"from_entity": entity.id if entity else ""}
        ),
        "bound_slots": set(bound),
    }
    if entity is not None:
        forms["entity"] = make("entity", EntityForm, entity=entity)
        # A field's edit form is fetched when the field is opened; only a failed one comes along.
        # Every field is a row of the grid, saved as it changes; a refused one keeps what was typed.
        # The whole field form ("more") comes along only when a page asked for it open.
        forms["fields"] = [
            (f, make(f"field-{f.id}", FieldForm, entity=entity, field=f), bound.get(f"more-{f.id}"))
            for f in entity.fields
        ]
        forms["new_field"] = make("new-field", FieldForm, entity=entity)
        forms["new_index"] = make("new-index", IndexForm, entity=entity)
    return forms


def commit(request, project, op, *, form_slot=None, form=None, selected=None, summary=None) -> HttpResponse:
    """Apply ``op`` on the revision the user saw. Conflicts answer 409, invalid results 422.

    The op is applied once: to the stored revision the person saw, with the diagram's
    places for what it adds; the drawing of the result starts while the service stores it
    (under the row lock it is stored as it is, or rebased when a teammate got there first)."""
    revision = base_revision(request)
    if revision is None:
        return panel_response(request, project, status=400, errors=["The form lost its revision; reload the page."])
    diagram = rows = None
    try:
        prepared = prepare(project, op, revision=revision)
        if prepared is not None:
            op = prepared.op
            _, options = page_options(request, prepared.after, selected=selected)
            diagram = _patch(request, project, prepared, options) or diagram_for_page_soon(
                prepared.after, options=options
            )
            rows = changed_entity_rows(selectors.project_schema(project), prepared.after)
        project_after, warnings = services.apply_op(
            project_id=project.pk, user=request.user, op=op, base_revision=revision, summary=summary, prepared=prepared
        )
    except services.StaleRevision as error:  # a conflict: show what is stored now, keep what they typed
        project = project_access(request, project.pk, need="edit").project
        bound = {form_slot: form} if form_slot else {}
        return panel_response(request, project, status=409, bound=bound, errors=[str(error)], selected=selected)
    except SchemaError as error:
        messages = [p.message for p in error.problems]
        if form_slot and form is not None:  # next to the input that caused them, not at the top
            for message in messages:
                form.add_error(None, message)
            return panel_response(request, project, status=422, bound={form_slot: form}, selected=selected)
        return panel_response(request, project, status=422, selected=selected, errors=messages)
    if project_after.revision != revision + 1:
        diagram = rows = None  # cannot happen under the row lock; never show a drawing of another schema
    return panel_response(
        request,
        project_after,
        warnings=warnings,
        selected=selected,
        diagram=diagram,
        entity_rows=rows,
        announce=selectors.revision_narrative(project=project_after),
    )


def _patch(request, project, prepared, options) -> PatchedDiagram | None:
    """Only the tables the edit changed, when the page shows the drawing of the revision
    edited, in the same view."""
    selected_before = drawn_selected(request.POST.get("drawn", ""), revision=prepared.base_revision, options=options)
    if selected_before is None:
        return None
    before = selectors.project_schema(project)
    return diagram_patch_for_page(before, prepared.after, options=options, selected_before=selected_before)


def prepare(project, op, *, revision: int) -> services.PreparedEdit | None:
    """The edit applied to the revision the person saw, when that is the one this request
    read (otherwise the service rebases it under the lock; positions are not added then,
    the next edit places what is missing). Raises SchemaError for a refused op."""
    if revision != project.revision:
        return None
    before = selectors.project_schema(project)
    placement = None if isinstance(op, ops.SetPositions) else placement_for  # a move places nothing new
    return services.edit_prepare(before=before, op=op, base_revision=revision, placement=placement)


def invalid_form(request, project, *, form_slot, form, selected=None) -> HttpResponse:
    return panel_response(request, project, status=422, bound={form_slot: form}, selected=selected)


def commit_form(request, project, form, *, slot: str, selected: str | None = None) -> HttpResponse:
    """A form's edit: the form again with its errors where it stood (422), or its op committed."""
    if not form.is_valid():
        return invalid_form(request, project, form_slot=slot, form=form, selected=selected)
    return commit(request, project, form.to_op(), form_slot=slot, form=form, selected=selected)


def editable_project(request, project_id: int):
    project = project_access(request, project_id, need="edit").project
    return project, selectors.project_schema(project)
