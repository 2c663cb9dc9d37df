"""Diagram view settings from a page's query parameters: per viewer and bookmarkable;
unknown values fall back to the defaults instead of failing."""

from collections.abc import Mapping

from designer.diagram.areas import filter_choices
from designer.diagram.dot import DiagramOptions
from designer.schema import Direction
from designer.workload import load_heat


def diagram_options(params: Mapping[str, str], schema, *, selected: str | None = None) -> DiagramOptions:
    focus = params.get("focus") or None
    if focus is not None and schema.entity(focus) is None:
        focus = None
    direction = params.get("direction")
    show = params.get("columns")
    try:
        depth = max(1, min(5, int(params.get("depth", "1"))))
    except ValueError:
        depth = 1
    area = params.get("area") or None
    if area is not None and schema.diagram.area(area) is None:
        area = None
    only = params.get("only") or None
    if only is not None and only not in {value for value, _ in filter_choices(schema)}:
        only = None
    chosen = selected or params.get("selected") or focus
    # "load": headers coloured from idle blue to busiest red by declared reads and writes.
    heat = load_heat(schema) if params.get("colour") == "load" else ()
    return DiagramOptions(
        direction=Direction(direction) if direction in {d.value for d in Direction} else None,
        focus_entity_id=focus,
        depth=depth,
        show_columns=show if show in {"all", "keys", "none"} else None,
        selected_entity_id=chosen if chosen and schema.entity(chosen) else None,
        heat=heat,
        area_id=area,
        only=only,
    )
