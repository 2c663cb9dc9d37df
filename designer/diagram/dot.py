"""Schema → DOT text with HTML-like table labels and crow's foot ends.

Security: node ids are synthetic (n1, e1, c1…), every user string goes through
``_html`` (labels) or ``_quoted`` (attributes), and colours must be ``#rrggbb``.
Speed: one pass over the schema with id maps; no quadratic lookups.
"""

from __future__ import annotations

import functools
import html
import re
from collections import deque
from dataclasses import dataclass

from designer.diagram import highlight as marks
from designer.diagram.areas import area_schema, filtered_area
from designer.diagram.layout import Box, ByIdentity, box_size, boxes, missing_positions
from designer.diagram.render import FONT
from designer.labels import relationship_label
from designer.schema import Cardinality, Direction, Entity, Field, Relationship, Schema
from designer.types import display_type

HEADER = "#334155"
SELECTED = "#2563EB"
BORDER = "#CBD5E1"
MUTED = "#64748B"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PLAIN = re.compile(r"[A-Za-z0-9_ .,:;()?*+=/|-]+")  # nothing to escape: most names and types


@dataclass(frozen=True)
class DiagramOptions:
    direction: Direction | None = None  # None: the schema's own setting
    focus_entity_id: str | None = None
    depth: int = 1
    show_columns: str | None = None  # "all" | "keys" | "none"; None: the schema's setting
    selected_entity_id: str | None = None
    heat: tuple[tuple[str, float], ...] = ()  # entity id → 0..1 load, colours the header
    # entity / field id → added | changed | removed: a comparison's marks (see highlight.py)
    highlight: tuple[tuple[str, str], ...] = ()
    area_id: str | None = None  # a subject area: its tables alone, in its own arrangement
    only: str | None = None  # "group:<id>" or "schema:<name>": those tables alone, where they are

    @functools.cached_property
    def highlighted(self) -> dict[str, str]:
        return dict(self.highlight)


def visible_entity_ids(schema: Schema, options: DiagramOptions) -> list[str]:
    if options.focus_entity_id is None or schema.entity(options.focus_entity_id) is None:
        return [e.id for e in schema.entities]
    neighbours: dict[str, set[str]] = {}
    for r in schema.relationships:
        ends = [r.from_entity_id, r.to_entity_id] + ([r.join_entity_id] if r.join_entity_id else [])
        for a in ends:
            neighbours.setdefault(a, set()).update(b for b in ends if b != a)
    seen = {options.focus_entity_id: 0}
    queue = deque([options.focus_entity_id])
    while queue:
        current = queue.popleft()
        if seen[current] >= options.depth:
            continue
        for other in neighbours.get(current, ()):
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
    return [e.id for e in schema.entities if e.id in seen]


def build_dot(schema: Schema, *, options: DiagramOptions = DiagramOptions()) -> str:
    area = schema.diagram.area(options.area_id) if options.area_id else None
    if area is None and options.only:
        area = filtered_area(schema, options.only)
    if area is not None:
        schema = area_schema(schema, area)
    direction = (options.direction or schema.diagram.direction).value
    show = options.show_columns or schema.diagram.show_columns
    visible = visible_entity_ids(schema, options)
    node_of = {entity_id: f"n{i}" for i, entity_id in enumerate(visible, start=1)}
    # A many-to-many's ends are keys, not foreign keys (its join table holds those).
    fk_fields = {
        f for r in schema.relationships if r.cardinality is not Cardinality.MANY_TO_MANY for f in r.from_field_ids
    }
    heat = dict(options.heat)
    pinned = _pinned_positions(schema, options, show)
    layout = "layout=nop2, splines=line" if pinned else f"rankdir={direction}, splines=true, nodesep=0.6, ranksep=1.1"
    lines = [
        "digraph schema {",
        # Lines first: a table's white body covers any line that passes behind it.
        f'  graph [{layout}, outputorder=edgesfirst, bgcolor="transparent", fontname="{FONT}", pad=0.3];',
        f'  node [shape=plain, fontname="{FONT}", fontsize=11];',
        f'  edge [color="{MUTED}", penwidth=1.3, arrowsize=1.1, dir=both];',
    ]
    shown_ports: dict[str, dict[str, str]] = {}
    grouped = _grouped_entities(schema, node_of)
    for entity in schema.entities:
        if entity.id not in node_of or entity.id in grouped:
            continue
        lines.append(
            _pin(
                _node(schema, entity, node_of[entity.id], show, fk_fields, heat, options, shown_ports),
                pinned,
                entity.id,
            )
        )
    for number, group in enumerate(schema.groups, start=1):
        members = [e for e in (schema.entity(i) for i in group.entity_ids) if e is not None and e.id in node_of]
        if not members:
            continue
        colour = _colour(group.color, "#94A3B8")
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(
            f'    label=<<b>{_html(group.name)}</b>>; fontname="{FONT}"; fontsize=12; '
            f'style="rounded,filled"; color="{colour}"; fillcolor="{colour}18"; fontcolor="{colour}";'
            + _cluster_bb([pinned[e.id] for e in members if e.id in pinned])
        )
        for entity in members:
            node = _node(schema, entity, node_of[entity.id], show, fk_fields, heat, options, shown_ports)
            lines.append("  " + _pin(node, pinned, entity.id))
        lines.append("  }")
    lines += [_pin(line, pinned, enum_id) for enum_id, line in _enum_nodes(schema, node_of)]
    if options.focus_entity_id is None:
        lines += [_pin(line, pinned, note_id) for note_id, line in _note_nodes(schema)]
    lines += [
        edge
        for r in schema.relationships
        if _both_visible(r, node_of)
        for edge in _edges_of(schema, r, node_of, shown_ports, pinned, show)
    ]
    lines += _enum_links(schema, node_of, shown_ports)
    if pinned:
        lines.append(ORIGIN)
    lines.append("}")
    return "\n".join(lines) + "\n"


# A pinned drawing's point (0, 0), drawn as an invisible dot: Graphviz moves a drawing so
# that its corner is at the origin, so a drawing of a few tables (designer/diagram/patch.py)
# lands where the whole one has them once shifted by the difference of the two dots.
ORIGIN = '  origin [id="diagram_origin", shape=point, width=0.01, color="transparent", pos="0,0!"];'


def _pinned_positions(schema: Schema, options: DiagramOptions, show: str) -> dict[str, Box]:
    """Arranged diagrams (stored positions, no focus) are drawn where the person put
    each box; objects not placed yet go beside their neighbours. Empty: Graphviz's
    ``dot`` lays the diagram out."""
    if not schema.diagram.positions or options.focus_entity_id is not None:
        return {}
    found = boxes(schema, show=show)
    for p in missing_positions(schema, show=show, placed=found):
        obj = schema.entity(p.id) or schema.enum(p.id) or next(n for n in schema.notes if n.id == p.id)
        found[p.id] = Box(p.x, p.y, *box_size(schema, obj, show=show))
    return found


def _pin(line: str, pinned: dict[str, Box], object_id: str) -> str:
    box = pinned.get(object_id)
    if box is None:
        return line
    # Graphviz's y axis points up; ours (and the screen's) down.
    return line.replace(" [", f' [pos="{box.x:.1f},{-box.y:.1f}!", ', 1)


def _cluster_bb(members: list[Box]) -> str:
    """A group's frame around its pinned tables (``nop2`` draws a cluster only with a bb)."""
    if not members:
        return ""
    pad = 14.0
    left, right = min(b.left for b in members) - pad, max(b.right for b in members) + pad
    top, bottom = min(b.top for b in members) - pad - 18, max(b.bottom for b in members) + pad
    return f' bb="{left:.1f},{-bottom:.1f},{right:.1f},{-top:.1f}";'


def _grouped_entities(schema: Schema, node_of: dict[str, str]) -> set[str]:
    grouped: set[str] = set()
    for group in schema.groups:
        grouped.update(i for i in group.entity_ids if i in node_of and i not in grouped)
    return grouped


def _node(schema, entity: Entity, node_id: str, show, fk_fields, heat, options, shown_ports) -> str:
    selected = entity.id == options.selected_entity_id
    highlighted = options.highlighted
    status = highlighted.get(entity.id)
    header = marks.header_colour(status, comparing=bool(highlighted)) or _header_colour(entity, heat, selected)
    drawn = [(n, f) for n, f in enumerate(entity.fields, start=1) if _field_shown(entity, f, show, fk_fields)]
    shown_ports[entity.id] = {f.id: f"f{n}" for n, f in drawn}
    shown = [f for _, f in drawn]
    looks = NodeLooks(
        header=header,
        selected=selected,
        status=status,
        shown=tuple(f.id for f in shown),
        foreign_keys=frozenset(f.id for f in entity.fields if f.id in fk_fields),
        enum_names=tuple(_enum_name(schema, f) for f in shown),
        field_statuses=tuple(marks.field_status(status, highlighted.get(f.id)) for f in shown) if highlighted else (),
    )
    return _node_texts.get((entity,), (node_id, looks), lambda: _node_text(entity, node_id, looks))


@dataclass(frozen=True)
class NodeLooks:
    """Everything besides the entity itself that its node's text depends on."""

    header: str
    selected: bool
    status: str | None
    shown: tuple[str, ...]  # the ids of the fields drawn
    foreign_keys: frozenset[str]
    enum_names: tuple[str | None, ...]  # per field drawn
    field_statuses: tuple[str | None, ...]  # per field drawn; () when nothing is compared


def _enum_name(schema: Schema, field: Field) -> str | None:
    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    return enum.name if enum else None


# An edit changes one table; the other 1,999 nodes of a large diagram come back from
# here unchanged (entities are immutable and shared between a schema and its edits).
_node_texts = ByIdentity()
_edge_texts = ByIdentity()


def _node_text(entity: Entity, node_id: str, looks: NodeLooks) -> str:
    title = marks.name_markup(_html(entity.name), looks.status)
    if entity.namespace:
        title = f'<font point-size="9" color="#E2E8F0">{_html(entity.namespace)}.</font>{title}'
    rows = [
        f'<tr><td colspan="3" bgcolor="{looks.header}" align="left" cellpadding="6">'
        f'<font color="white"><b>{title}</b></font></td></tr>'
    ]
    indexed = {column.field_id for index in entity.indexes for column in index.columns}
    fields = {f.id: (position, f) for position, f in enumerate(entity.fields, start=1)}
    for number, field_id in enumerate(looks.shown):
        position, field = fields[field_id]
        row = RowLooks(
            port=f"f{position}",
            foreign_key=field_id in looks.foreign_keys,
            indexed=field_id in indexed,
            enum_name=looks.enum_names[number],
            status=looks.field_statuses[number] if looks.field_statuses else None,
        )
        rows.append(_field_row(entity, field, row))
    border = SELECTED if looks.selected else BORDER
    width = "2" if looks.selected else "1"
    table = (
        f'<table border="{width}" cellborder="0" cellspacing="0" cellpadding="3" bgcolor="white" '
        f'color="{border}">{"".join(rows)}</table>'
    )
    classes = ("entity selected" if looks.selected else "entity") + marks.css_class(looks.status)
    tooltip = _quoted(_entity_tip(entity))
    return f'  {node_id} [id="{entity_dom_id(entity.id)}", class="{classes}", tooltip={tooltip}, label=<{table}>];'


def _entity_tip(entity: Entity) -> str:
    """The table's note and its columns' notes, shown on hover."""
    parts = [entity.comment or entity.qualified_name]
    parts += [f"{f.name}: {f.comment}" for f in entity.fields if f.comment]
    return " · ".join(parts)


def _field_shown(entity: Entity, field: Field, show: str, fk_fields: set[str]) -> bool:
    if show == "none":
        return False
    if show == "keys":
        return field.id in entity.primary_key or field.id in fk_fields or field.unique
    return True


@dataclass(frozen=True)
class RowLooks:
    port: str
    foreign_key: bool
    indexed: bool  # a key column of a declared index: shows what an index edit changed
    enum_name: str | None
    status: str | None


def _field_row(entity: Entity, field: Field, looks: RowLooks) -> str:
    primary = field.id in entity.primary_key
    markers = [
        mark
        for mark, present in (("PK", primary), ("FK", looks.foreign_key), ("UQ", field.unique), ("IX", looks.indexed))
        if present
    ]
    type_name = display_type(field.type, enum_name=looks.enum_name)
    name = _html(field.name)
    if primary:
        name = f"<b>{name}</b>"
    name = marks.name_markup(name, looks.status)
    # Nullable as Prisma writes it, "text?": in the type's own text, not one more
    # element per column for the browser to lay out.
    nullable = "?" if field.nullable else ""
    fill = marks.row_attribute(looks.status)
    port = looks.port
    return (
        f'<tr><td port="{port}" align="left"{fill}>{name}</td>'
        f'<td align="left"{fill}><font color="{MUTED}" point-size="10">{_html(type_name)}{nullable}</font></td>'
        f'<td align="right" port="{port}r"{fill}>{_markers(markers)}</td></tr>'
    )


def _markers(markers: list[str]) -> str:
    # Graphviz refuses an empty <font></font>; an empty cell draws no blank <text>.
    return f'<font color="{SELECTED}" point-size="9">{" ".join(markers)}</font>' if markers else ""


def _header_colour(entity: Entity, heat: dict[str, float], selected: bool) -> str:
    if entity.id in heat:
        return _heat_colour(heat[entity.id])
    if selected:
        return SELECTED
    return _colour(entity.color, HEADER)


def _heat_colour(load: float) -> str:
    """Cool blue (idle) to hot red (busiest)."""
    t = max(0.0, min(1.0, load))
    red = int(0x3B + (0xDC - 0x3B) * t)
    green = int(0x82 + (0x26 - 0x82) * t)
    blue = int(0xF6 + (0x26 - 0xF6) * t)
    return f"#{red:02X}{green:02X}{blue:02X}"


def _enum_nodes(schema: Schema, node_of: dict[str, str]) -> list[tuple[str, str]]:
    used = {f.type.enum_id for e in schema.entities if e.id in node_of for f in e.fields if f.type.enum_id is not None}
    lines = []
    for number, enum in enumerate(schema.enums, start=1):
        if enum.id not in used and len(node_of) != len(schema.entities):
            continue
        values = "".join(f'<tr><td align="left">{_html(v.name)}</td></tr>' for v in enum.values)
        label = (
            f'<table border="1" cellborder="0" cellspacing="0" cellpadding="3" bgcolor="#FFFBEB" color="#F59E0B">'
            f'<tr><td bgcolor="#F59E0B" align="left"><font color="white"><i>enum </i><b>{_html(enum.name)}</b>'
            f"</font></td></tr>{values}</table>"
        )
        notes = [f"{v.name}: {v.comment}" for v in enum.values if v.comment]
        tooltip = _quoted(" · ".join([enum.comment or f"enum {enum.name}", *notes]))
        lines.append(
            (enum.id, f'  e{number} [id="enum_{_attr_id(enum.id)}", class="enum", tooltip={tooltip}, label=<{label}>];')
        )
    return lines


def _enum_links(schema: Schema, node_of: dict[str, str], shown_ports) -> list[str]:
    """A faint dashed line from each enum-typed column to its enum: it says which
    tables use the enum, and the layout puts the enum beside them."""
    enum_node = {enum.id: f"e{number}" for number, enum in enumerate(schema.enums, start=1)}
    lines = []
    for entity in schema.entities:
        if entity.id not in node_of:
            continue
        ports = shown_ports.get(entity.id, {})
        for f in entity.fields:
            if f.type.enum_id in enum_node:
                source = f"{node_of[entity.id]}:{ports[f.id]}" if f.id in ports else node_of[entity.id]
                lines.append(
                    f'  {source} -> {enum_node[f.type.enum_id]} [dir=none, style=dashed, color="#F59E0B99", '
                    f'penwidth=1, class="enum-link end-{entity_dom_id(entity.id)}"];'
                )
    return lines


def _note_nodes(schema: Schema) -> list[tuple[str, str]]:
    return [
        (
            note.id,
            f'  c{number} [id="note_{_attr_id(note.id)}", class="note", shape=note, style=filled, '
            f'fillcolor="#FEF9C3", color="#EAB308", margin="0.15,0.1", '
            f"label=<<b>{_html(note.name)}</b><br/>{_html(note.content, multiline=True)}>];",
        )
        for number, note in enumerate(schema.notes, start=1)
    ]


def _both_visible(relationship: Relationship, node_of: dict[str, str]) -> bool:
    # A many-to-many with a drawn join table is already shown by the join table's two edges.
    if relationship.join_entity_id is not None and relationship.join_entity_id in node_of:
        return False
    return relationship.from_entity_id in node_of and relationship.to_entity_id in node_of


def _edges_of(schema: Schema, relationship: Relationship, node_of, shown_ports, pinned, show: str) -> list[str]:
    """``_edges``, remembered while the relationship, its tables, their nodes and the
    sides the line leaves from are the same (keys only: the ports shown depend on
    every relationship, so measured each time)."""
    if show == "keys":
        return _edges(schema, relationship, node_of, shown_ports, pinned)
    ends = (
        schema.entity(relationship.from_entity_id),
        schema.entity(relationship.to_entity_id),
        schema.entity(relationship.join_entity_id) if relationship.join_entity_id else None,
    )
    extra = (
        node_of[relationship.from_entity_id],
        node_of[relationship.to_entity_id],
        show,
        _sides(relationship, pinned),
    )
    return _edge_texts.get(
        (relationship, *ends), extra, lambda: _edges(schema, relationship, node_of, shown_ports, pinned)
    )


def _edges(schema: Schema, relationship: Relationship, node_of, shown_ports, pinned) -> list[str]:
    """One line per column pair: a composite key is drawn from and to every column."""
    tail, head = _crows_feet(relationship, optional=_is_optional(schema, relationship))
    pairs = list(zip(relationship.from_field_ids, relationship.to_field_ids, strict=False)) or [(None, None)]
    sides = _sides(relationship, pinned)
    tooltip = _quoted(_relationship_tip(schema, relationship))
    # The tables a line joins, by their node ids: hovering a table lights its lines and neighbours.
    ends = " ".join(f"end-{entity_dom_id(i)}" for i in (relationship.from_entity_id, relationship.to_entity_id))
    lines, drawn = [], set()
    for number, (from_field, to_field) in enumerate(pairs):
        source = _endpoint(node_of, shown_ports, relationship.from_entity_id, from_field, sides[0])
        target = _endpoint(node_of, shown_ports, relationship.to_entity_id, to_field, sides[1])
        if (source, target) in drawn:  # columns hidden: one line between the tables is enough
            continue
        drawn.add((source, target))
        suffix = f"_{number}" if number else ""
        lines.append(
            f'  {source} -> {target} [arrowtail="{tail}", arrowhead="{head}", '
            f'id="rel_{_attr_id(relationship.id)}{suffix}", class="relationship {ends}", tooltip={tooltip}];'
        )
    return lines


def _relationship_tip(schema: Schema, relationship: Relationship) -> str:
    """Shown on hover over the line: its name, its ends and its referential actions."""
    text = relationship_label(schema, relationship, actions=True)
    return f"{relationship.name}: {text}" if relationship.name else text


def _sides(relationship: Relationship, pinned: dict) -> tuple[str | None, str | None]:
    """Which side of each table a line leaves from: "e" (right) or "w" (left), None
    for Graphviz to choose. A self-reference leaves and enters on the right: a loop
    beside the table, never across its columns. Pinned tables face each other; tables
    stacked one above the other both use their left side, so the line runs beside them."""
    if relationship.from_entity_id == relationship.to_entity_id:
        return "e", "e"
    source, target = pinned.get(relationship.from_entity_id), pinned.get(relationship.to_entity_id)
    if source is None or target is None:
        return None, None
    if abs(source.x - target.x) < (source.width + target.width) / 2:
        return "w", "w"
    return ("e", "w") if source.x < target.x else ("w", "e")


def _endpoint(node_of, shown_ports, entity_id: str, field_id: str | None, side: str | None) -> str:
    port = shown_ports.get(entity_id, {}).get(field_id) if field_id else None
    if port is None:
        return f"{node_of[entity_id]}:{side}" if side else node_of[entity_id]
    # A row's left cell carries its port, its right cell the same port + "r".
    if side == "e":
        return f"{node_of[entity_id]}:{port}r:e"
    return f"{node_of[entity_id]}:{port}:w" if side == "w" else f"{node_of[entity_id]}:{port}"


def _is_optional(schema: Schema, relationship: Relationship) -> bool:
    source = schema.entity(relationship.from_entity_id)
    fields = [source.field(i) for i in relationship.from_field_ids] if source else []
    return any(f is not None and f.nullable for f in fields)


def _crows_feet(relationship: Relationship, *, optional: bool) -> tuple[str, str]:
    """(tail at the referencing side, head at the referenced side). Nearest the table
    first: ``teeodot`` = zero or one, ``teetee`` = exactly one, ``crowodot`` = zero or
    many. The referenced side is optional when the foreign key may be NULL."""
    if relationship.cardinality is Cardinality.MANY_TO_MANY:
        return "crowodot", "crowodot"
    head = "teeodot" if optional else "teetee"
    tail = "teeodot" if relationship.cardinality is Cardinality.ONE_TO_ONE else "crowodot"
    return tail, head


def _colour(value: str | None, fallback: str) -> str:
    return value if value and _COLOUR.match(value) else fallback


def entity_dom_id(entity_id: str) -> str:
    """The id of an entity's group in the drawn SVG (what the page's scripts look up)."""
    return f"entity_{_attr_id(entity_id)}"


def _attr_id(value: str) -> str:
    # Ids are ours (prefix_N) but arrive through documents anyone can upload: keep them inert.
    return re.sub(r"[^A-Za-z0-9_]", "_", value)


def _html(text: str, *, multiline: bool = False) -> str:
    """Escape for a Graphviz HTML-like label: markup characters become entities;
    control characters go; newlines become breaks only where asked."""
    if _PLAIN.fullmatch(text):
        return text
    clean = _CONTROL.sub("", text)
    # Graphviz 2.43 reads "]" right before a tag ("]</b>") as the end of a CDATA section
    # and reports a syntax error for the whole diagram: write it as a character reference.
    # Graphviz also expands escapes (\\N: the node id) in label text: a backslash is doubled.
    escaped = html.escape(clean, quote=True).replace("]", "&#93;").replace("\\", "\\\\")
    if multiline:
        return "<br/>".join(escaped.splitlines()) or " "
    return escaped.replace("\n", " ").replace("\r", " ") or " "


def _quoted(text: str) -> str:
    """A DOT double-quoted string for attributes such as tooltips. Graphviz expands
    escapes like \\N (node name) there even when the backslash is doubled, so a
    backslash is shown as a look-alike (U+29F5) instead."""
    clean = _CONTROL.sub("", text).replace("\r", " ").replace("\n", " ").replace("\\", "\u29f5")
    return '"' + clean.replace('"', '\\"') + '"'
