"""The ER diagram: schema → DOT (pure) → SVG/PNG/PDF by running Graphviz's `dot`."""

from designer.diagram.dot import DiagramOptions, build_dot, visible_entity_ids
from designer.diagram.render import DiagramError, DiagramTimeout, diagram_cache_key, render, start_render

__all__ = [
    "DiagramError",
    "DiagramOptions",
    "DiagramTimeout",
    "build_dot",
    "diagram_cache_key",
    "render",
    "start_render",
    "visible_entity_ids",
]
