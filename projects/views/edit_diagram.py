"""Editor: arranging the diagram — a drag moves tables, "Auto layout" lays out the
whole schema or the chosen tables. Both are ordinary undoable edits."""

import math

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from designer import ops
from designer.diagram import DiagramError
from designer.schema import Position
from projects.diagrams import layout_op
from projects.views.editing import commit, editable_project, panel_response, selected_entity_id

MAX_MOVE = 1_000_000.0  # points; anything further is a broken request


@login_required
@require_POST
def diagram_move(request, project_id: int):
    """``move`` = "object id,dx,dy" (points, y down), once per moved object."""
    project, schema = editable_project(request, project_id)
    moves = _moves(request.POST.getlist("move"))
    if moves is None:
        return panel_response(request, project, status=400, errors=["The move could not be read; reload the page."])
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
def diagram_arrange(request, project_id: int):
    """``scope`` = "all", or "chosen" with ``object`` ids (the tables picked with Shift+click)."""
    project, schema = editable_project(request, project_id)
    chosen = [i for i in request.POST.getlist("object") if schema.entity(i) or schema.enum(i)]
    if request.POST.get("scope") == "chosen" and not chosen:
        return panel_response(request, project, status=422, errors=["Pick tables with Shift+click first."])
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
