"""Editor: arranging the diagram — a drag moves tables, "Auto layout" lays out the
whole schema or the chosen tables; subject areas are saved and removed. All are
ordinary undoable edits. In a subject area (``area`` in the request) moves and layouts
change the area's own arrangement, not the whole diagram's."""

import math

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from designer import ops
from designer.diagram import DiagramError, DiagramOptions, visible_entity_ids
from designer.diagram.areas import area_schema, arranged_area
from designer.diagram.layout import automatic_positions
from designer.schema import Position, SubjectArea, replace
from projects.access import ProjectRequest
from projects.diagrams import layout_op
from projects.views.editing import commit, editable_project, panel_response, selected_entity_id

MAX_MOVE = 1_000_000.0  # points; anything further is a broken request


@login_required
@require_POST
def diagram_move(request: ProjectRequest, project_id: int):
    """``move`` = "object id,dx,dy" (points, y down), once per moved object."""
    project, schema = editable_project(request, project_id)
    moves = _moves(request.POST.getlist("move"))
    if moves is None:
        return panel_response(request, project, status=400, errors=["The move could not be read; reload the page."])
    area = _area(request, schema)
    if area is not None:
        return _move_in_area(request, project, schema, area, moves)
    first_layout = None
    if not schema.diagram.positions:  # drawn by `dot` so far: its one full layout comes first
        try:
            first_layout = layout_op(schema)
        except DiagramError as error:
            return panel_response(request, project, status=422, errors=[str(error)])
        schema = ops.apply(schema, first_layout)[0]
    placed = []
    for object_id, dx, dy in moves:
        old = schema.diagram.position(object_id)
        if old is None:
            return panel_response(request, project, status=422, errors=["That object is no longer on the diagram."])
        placed.append(Position(object_id, round(old.x + dx, 1), round(old.y + dy, 1)))
    op = ops.SetPositions(positions=tuple(placed), label=_move_label(schema, placed))
    if first_layout is not None:
        op = ops.Batch(ops=(first_layout, op))
    return commit(request, project, op, selected=selected_entity_id(request, schema))


@login_required
@require_POST
def diagram_arrange(request: ProjectRequest, project_id: int):
    """``scope`` = "all", or "chosen" with ``object`` ids (the tables picked with Shift+click)."""
    project, schema = editable_project(request, project_id)
    chosen = [i for i in request.POST.getlist("object") if schema.entity(i) or schema.enum(i)]
    if request.POST.get("scope") == "chosen" and not chosen:
        return panel_response(request, project, status=422, errors=["Pick tables with Shift+click first."])
    area = _area(request, schema)
    if area is not None:
        return _arrange_area(
            request, project, schema, area, chosen=chosen if request.POST.get("scope") == "chosen" else None
        )
    try:
        op = layout_op(schema, only=chosen if request.POST.get("scope") == "chosen" else None)
    except DiagramError as error:
        return panel_response(request, project, status=422, errors=[str(error)])
    return commit(request, project, op, selected=selected_entity_id(request, schema))


def _moves(values: list[str]) -> list[tuple[str, float, float]] | None:
    moves = []
    for value in values:
        parts = value.rsplit(",", 2)
        if len(parts) != 3:
            return None
        try:
            dx, dy = float(parts[1]), float(parts[2])
        except ValueError:
            return None
        if not (math.isfinite(dx) and math.isfinite(dy)) or max(abs(dx), abs(dy)) > MAX_MOVE:
            return None
        moves.append((parts[0], dx, dy))
    return moves or None


def _move_label(schema, placed: list[Position]) -> str:
    if len(placed) == 1:
        obj = schema.entity(placed[0].id) or schema.enum(placed[0].id)
        return f"Move {obj.name}" if obj is not None else "Move 1 object"
    return f"Move {len(placed)} objects"


# --- subject areas ----------------------------------------------------------------------

MAX_AREA_NAME = 80


@login_required
@require_POST
def diagram_area_save(request: ProjectRequest, project_id: int):
    """A new subject area named ``area_name`` of the tables picked with Shift+click
    (``object``), else of the tables the diagram shows now (a focus and its depth);
    laid out on its own. The response shows it."""
    project, schema = editable_project(request, project_id)
    name = request.POST.get("area_name", "").strip()
    if not name or len(name) > MAX_AREA_NAME:
        return panel_response(
            request, project, status=422, errors=[f"Name the subject area (1 to {MAX_AREA_NAME} characters)."]
        )
    chosen = [i for i in dict.fromkeys(request.POST.getlist("object")) if schema.entity(i)]
    if not chosen:
        focus = request.POST.get("focus") or None
        if focus is None or schema.entity(focus) is None:
            return panel_response(
                request,
                project,
                status=422,
                errors=["Pick tables with Shift+click, or focus on a table, to make a subject area of them."],
            )
        chosen = visible_entity_ids(schema, DiagramOptions(focus_entity_id=focus, depth=_depth(request)))
    taken = {a.id for a in schema.diagram.areas}
    area_id = next(f"area_{n}" for n in range(1, len(taken) + 2) if f"area_{n}" not in taken)
    try:
        area = arranged_area(schema, SubjectArea(area_id, name, tuple(chosen)))
    except DiagramError as error:
        return panel_response(request, project, status=422, errors=[str(error)])
    _show_area(request, area_id)
    return commit(
        request, project, ops.SetSubjectArea(area_id=area_id, area=area), selected=selected_entity_id(request, schema)
    )


@login_required
@require_POST
def diagram_area_remove(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    area = _area(request, schema)
    if area is None:
        return panel_response(request, project, status=422, errors=["That subject area no longer exists."])
    _show_area(request, "")
    return commit(
        request, project, ops.SetSubjectArea(area_id=area.id, area=None), selected=selected_entity_id(request, schema)
    )


def _area(request, schema) -> SubjectArea | None:
    area_id = request.POST.get("area") or ""
    return schema.diagram.area(area_id) if area_id else None


def _show_area(request, area_id: str) -> None:
    """The response draws this area (or the whole diagram): the request's view settings say so."""
    params = request.POST.copy()
    params["area"] = area_id
    params.pop("focus", None)
    request.POST = params


def _depth(request) -> int:
    try:
        return max(1, min(5, int(request.POST.get("depth", "1"))))
    except ValueError:
        return 1


def _move_in_area(request, project, schema, area: SubjectArea, moves):
    shown = area_schema(schema, area)
    if not shown.diagram.positions:  # drawn by `dot` so far: its own layout comes first
        try:
            area = arranged_area(schema, area)
        except DiagramError as error:
            return panel_response(request, project, status=422, errors=[str(error)])
        shown = area_schema(schema, area)
    placed = {p.id: p for p in area.positions}
    for object_id, dx, dy in moves:
        old = shown.diagram.position(object_id)
        if old is None:
            return panel_response(request, project, status=422, errors=["That object is no longer on the diagram."])
        placed[object_id] = Position(object_id, round(old.x + dx, 1), round(old.y + dy, 1))
    op = ops.SetSubjectArea(area_id=area.id, area=replace(area, positions=tuple(placed.values())))
    return commit(request, project, op, selected=selected_entity_id(request, schema))


def _arrange_area(request, project, schema, area: SubjectArea, *, chosen: list[str] | None):
    try:
        if chosen is None:
            area = arranged_area(schema, area)
        else:
            placed = {p.id: p for p in area.positions}
            shown = area_schema(schema, area)
            placed.update((p.id, p) for p in automatic_positions(shown, only=chosen))
            area = replace(area, positions=tuple(placed.values()))
    except DiagramError as error:
        return panel_response(request, project, status=422, errors=[str(error)])
    return commit(
        request, project, ops.SetSubjectArea(area_id=area.id, area=area), selected=selected_entity_id(request, schema)
    )
