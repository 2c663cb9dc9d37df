"""The first paint of a large arranged diagram (issue 20): every table as a box with
its name where the drawing has it, every relationship as a straight line, in a few
hundred bytes a table, written here without Graphviz. The page shows it at once and
swaps in the full drawing when it arrives (static/js/diagram.js keeps the view: the
boxes carry the same ids as the drawing's tables).

Coordinates are the document's points (y down), the drawing's own scale, so the view
carried across the swap stays where it was."""

from __future__ import annotations

import html
import re

from designer.diagram.dot import entity_dom_id
from designer.diagram.layout import boxes
from designer.schema import Schema

PAD = 20.0
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not allowed in XML at all


def sketch_svg(schema: Schema, *, show: str) -> str:
    placed = boxes(schema, show=show)
    tables = [(e, placed[e.id]) for e in schema.entities if e.id in placed]
    if not tables:
        return ""
    left = min(b.left for _, b in tables) - PAD
    top = min(b.top for _, b in tables) - PAD
    width = max(b.right for _, b in tables) + PAD - left
    height = max(b.bottom for _, b in tables) + PAD - top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sketch" viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}">'
        '<g class="viewport"><g class="graph">'
    ]
    for relationship in schema.relationships:
        ends = placed.get(relationship.from_entity_id), placed.get(relationship.to_entity_id)
        if ends[0] is None or ends[1] is None:
            continue
        source, target = ends
        x1 = source.right if target.x > source.x else source.left
        x2 = target.left if target.x > source.x else target.right
        classes = " ".join(f"end-{entity_dom_id(i)}" for i in (relationship.from_entity_id, relationship.to_entity_id))
        parts.append(
            f'<g class="edge {classes}"><path fill="none" stroke="#64748B" d="M{x1:.0f},{source.y:.0f}L{x2:.0f},{target.y:.0f}"/></g>'
        )
    for entity, box in tables:  # after the lines: a table covers the lines behind it
        parts.append(
            f'<g id="{entity_dom_id(entity.id)}" class="node entity">'
            f'<rect x="{box.left:.0f}" y="{box.top:.0f}" width="{box.width:.0f}" height="{box.height:.0f}" '
            'fill="white" stroke="#CBD5E1"/>'
            f'<rect x="{box.left:.0f}" y="{box.top:.0f}" width="{box.width:.0f}" height="24" fill="#334155"/>'
            f'<text x="{box.left + 6:.0f}" y="{box.top + 16:.0f}" fill="white" font-size="11">{_text(entity.name)}</text></g>'
        )
    # The point (0, 0), as in every pinned drawing (dot.ORIGIN): a patch lands by it.
    parts.append('<g id="diagram_origin"><ellipse cx="0" cy="0" rx="0" ry="0" fill="none"/></g>')
    parts.append("</g></g></svg>")
    return "".join(parts)


def _text(name: str) -> str:
    return html.escape(_CONTROL.sub("", name), quote=True)
