"""Draw only what an edit changed (issue 20): on an arranged diagram every table is
pinned where it stands, so a changed table can be drawn alone, with its lines and the
tables at their other ends, and put in place of its old drawing on the page.

``diagram_patch`` says which tables changed between two schemas and builds the DOT of
just those; the page (static/js/diagram.js) removes the old tables and every line that
touches them, and takes from the small drawing the new tables and their lines, shifted
by the difference of the two drawings' origin dots (dot.ORIGIN). None when the edit
cannot be drawn that way: the whole drawing is sent as before."""

from __future__ import annotations

from dataclasses import dataclass

from designer.diagram.dot import DiagramOptions, build_dot, entity_dom_id
from designer.schema import Schema, replace

# More changed tables than this and the whole drawing is as quick to send.
MAX_PATCHED = 40


@dataclass(frozen=True)
class DiagramPatch:
    dot: str  # the changed tables, their lines and the tables at the lines' other ends
    redrawn: tuple[str, ...]  # DOM ids of the tables to take from the patch's drawing
    removed: tuple[str, ...]  # DOM ids of the tables (and their lines) to take off the page first


def diagram_patch(before: Schema, after: Schema, *, options: DiagramOptions, drawn_selected: str | None):
    """The patch from the page's drawing of ``before`` (with ``drawn_selected`` open) to
    ``after`` drawn with ``options``; None: draw the whole diagram."""
    if not _patchable(before, after, options):
        return None
    changed = _changed_tables(before, after)
    if changed is None:
        return None
    changed |= {i for i in (drawn_selected, options.selected_entity_id) if i}  # the open table's frame
    present = {e.id for e in after.entities}
    if len(changed) > MAX_PATCHED or _grouped(before, changed) or _grouped(after, changed):
        return None  # a group's frame is drawn around its tables: the whole drawing then
    lines = tuple(
        r
        for r in after.relationships
        if {r.from_entity_id, r.to_entity_id, r.join_entity_id} & changed
        and r.from_entity_id in present
        and r.to_entity_id in present
    )
    ends = changed | {i for r in lines for i in (r.from_entity_id, r.to_entity_id, r.join_entity_id) if i}
    # Every foreign key of the tables drawn: their FK marks (and so their rows and ports)
    # as on the whole drawing; a line to a table not drawn here is left out by build_dot.
    keys = tuple(r for r in after.relationships if r.from_entity_id in ends)
    part = replace(
        after,
        entities=tuple(e for e in after.entities if e.id in ends),
        relationships=tuple({r.id: r for r in (*lines, *keys)}.values()),
        notes=(),
        groups=(),
    )
    return DiagramPatch(
        dot=build_dot(part, options=options),
        redrawn=tuple(entity_dom_id(i) for i in sorted(changed & present)),
        removed=tuple(entity_dom_id(i) for i in sorted(changed)),
    )


def _patchable(before: Schema, after: Schema, options: DiagramOptions) -> bool:
    """Pinned in both (nothing laid out by Graphviz), the whole diagram shown, and nothing
    drawn besides tables changed: enums, notes, groups and the diagram's settings."""
    whole = options.focus_entity_id is None and options.area_id is None and options.only is None
    plain = not options.heat and not options.highlight
    return (
        whole
        and plain
        and bool(before.diagram.positions)
        and bool(after.diagram.positions)
        and _same(before.enums, after.enums)
        and _same(before.notes, after.notes)
        and _same(before.groups, after.groups)
        and before.diagram.direction == after.diagram.direction
        and before.diagram.show_columns == after.diagram.show_columns
    )


def _same(a, b) -> bool:
    return a is b or a == b


def _changed_tables(before: Schema, after: Schema) -> set[str] | None:
    """Ids of the tables whose drawing changed: edited, added, removed, moved, or at an end
    of a relationship that changed (its FK marks and lines). None: something else moved."""
    old = {e.id: e for e in before.entities}
    changed = {e.id for e in after.entities if old.get(e.id) is not e}
    changed |= old.keys() - {e.id for e in after.entities}
    if before.diagram.positions is not after.diagram.positions:
        was, now = before.diagram.position_index, after.diagram.position_index
        moved = {i for i in was.keys() | now.keys() if was.get(i) != now.get(i)}
        if moved - old.keys() - {e.id for e in after.entities}:
            return None  # an enum or a note moved
        changed |= moved
    if before.relationships is not after.relationships:
        was_r = {r.id: r for r in before.relationships}
        now_r = {r.id: r for r in after.relationships}
        for rel_id in was_r.keys() | now_r.keys():
            a, b = was_r.get(rel_id), now_r.get(rel_id)
            if a is not b:
                changed |= {i for r in (a, b) if r is not None for i in (r.from_entity_id, r.to_entity_id) if i}
    return changed


def _grouped(schema: Schema, ids: set[str]) -> bool:
    return any(ids.intersection(g.entity_ids) for g in schema.groups)
