"""Where the diagram's boxes go.

- ``automatic_positions``: a fresh layout of the whole schema or of a selection, by
  Graphviz's force-directed ``sfdp`` on plain boxes of each table's estimated size:
  it fills a screen-shaped area (``dot`` stacks a schema into a tall column), keeps a
  group's tables together (a hidden hub per group pulls them in) and puts an enum
  beside the tables using it (a hidden edge to each). Cheap: no labels to measure.
- ``missing_positions``: places for objects an arranged diagram has not placed yet (a
  new table), beside the tables they relate to, never moving anything else.
- ``box_size``: a box's size in points, estimated the way Graphviz measures our labels.

Positions are box centres in points, y growing downwards (see ``designer.schema.Position``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass

from designer.diagram.render import DiagramError, DiagramTimeout
from designer.schema import Cardinality, Entity, Enum, Note, Position, Schema
from designer.types import display_type

GAP = 48.0  # points between a new box and its neighbour
_CHAR = 6.3  # points per character at the labels' 11 pt (Helvetica, measured against Graphviz)
_ROW = 19.0
_HEADER = 27.0
# Screen-shaped: a layout wider than this (or taller than its inverse) is stretched.
MAX_ASPECT = 2.4


class ByIdentity:
    """Values computed from the immutable objects a schema shares with its edits (an
    edit replaces one table; the other 1,999 are the same objects), found by identity:
    hashing an entity would hash every field, which costs more than most of these values.
    Each value keeps its objects alive, so an id is never reused while it is stored."""

    def __init__(self, limit: int = 50_000):
        self._found: dict[tuple, tuple] = {}
        self._limit = limit

    def get(self, objects: tuple, extra, compute):
        key = (*(id(o) for o in objects), extra)
        hit = self._found.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], objects, strict=True)):
            return hit[1]
        if len(self._found) >= self._limit:
            self._found.clear()
        value = compute()
        self._found[key] = (objects, value)
        return value


_sizes = ByIdentity()


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    def overlaps(self, other: Box, margin: float = 16.0) -> bool:
        return not (
            self.right + margin <= other.left
            or other.right + margin <= self.left
            or self.bottom + margin <= other.top
            or other.bottom + margin <= self.top
        )


def placeable(schema: Schema) -> list[Entity | Enum | Note]:
    return [*schema.entities, *schema.enums, *schema.notes]


def foreign_key_fields(schema: Schema) -> frozenset[str]:
    """The ids of the fields that reference another table (a many-to-many's ends are
    keys, not foreign keys: its join table holds those)."""
    return frozenset(
        f for r in schema.relationships if r.cardinality is not Cardinality.MANY_TO_MANY for f in r.from_field_ids
    )


def box_size(
    schema: Schema,
    obj: Entity | Enum | Note,
    *,
    show: str = "all",
    shown_fields: int | None = None,
    foreign_keys: frozenset[str] | None = None,
) -> tuple[float, float]:
    """(width, height) in points of the box the DOT draws for ``obj``. ``foreign_keys``:
    ``foreign_key_fields(schema)`` when the caller sizes many boxes "keys only"."""
    if isinstance(obj, Entity):
        rows = obj.fields if shown_fields is None else obj.fields[:shown_fields]
        if show == "none":
            rows = ()
        elif show == "keys":
            keys = foreign_key_fields(schema) if foreign_keys is None else foreign_keys
            rows = [f for f in rows if f.id in obj.primary_key or f.id in keys or f.unique]
        widest = len(obj.qualified_name) * (_CHAR + 0.6) + 14
        for f in rows:
            enum = schema.enum(f.type.enum_id) if f.type.enum_id else None
            text = len(f.name) + 1 + len(display_type(f.type, enum_name=enum.name if enum else None)) * 0.9
            widest = max(widest, text * _CHAR + 48)
        return max(widest, 80.0), _HEADER + _ROW * len(rows) + 2
    if isinstance(obj, Enum):
        widest = max([len(obj.name) + 5, *(len(v.name) for v in obj.values)]) * _CHAR + 16
        return max(widest, 60.0), _HEADER + _ROW * len(obj.values)
    lines = obj.content.splitlines() or [""]
    widest = max(len(obj.name), *(len(line) for line in lines)) * _CHAR + 24
    return widest, 24 + 16 * (len(lines) + 1)


def boxes(schema: Schema, *, show: str = "all", shown: dict[str, int] | None = None) -> dict[str, Box]:
    """The estimated box of every placed object, by id."""
    found = {}
    keys = foreign_key_fields(schema) if show == "keys" else None
    index = schema.diagram.position_index
    for obj in placeable(schema):
        position = index.get(obj.id)
        if position is not None:
            width, height = _known_size(schema, obj, show=show, shown_fields=(shown or {}).get(obj.id), keys=keys)
            found[obj.id] = Box(position.x, position.y, width, height)
    return found


def _known_size(schema: Schema, obj, *, show: str, shown_fields: int | None, keys) -> tuple[float, float]:
    """``box_size``, remembered for tables shown whole or by title (a keys-only box
    depends on every relationship, and is measured each time)."""
    if not isinstance(obj, Entity) or show == "keys":
        return box_size(schema, obj, show=show, shown_fields=shown_fields, foreign_keys=keys)
    enums = tuple(schema.enum(f.type.enum_id) for f in obj.fields if f.type.enum_id) if show != "none" else ()
    return _sizes.get(
        (obj, *enums), (show, shown_fields), lambda: box_size(schema, obj, show=show, shown_fields=shown_fields)
    )


def neighbours(schema: Schema) -> dict[str, list[str]]:
    """Objects drawn joined to each object: related tables, an enum and its tables."""
    links: dict[str, list[str]] = {}

    def link(a: str, b: str) -> None:
        if a != b:
            links.setdefault(a, []).append(b)
            links.setdefault(b, []).append(a)

    for r in schema.relationships:
        link(r.from_entity_id, r.to_entity_id)
        if r.join_entity_id and r.cardinality is Cardinality.MANY_TO_MANY:
            link(r.join_entity_id, r.from_entity_id)
            link(r.join_entity_id, r.to_entity_id)
    for entity in schema.entities:
        for f in entity.fields:
            if f.type.enum_id is not None:
                link(f.type.enum_id, entity.id)
    return links


def missing_positions(
    schema: Schema, *, show: str = "all", placed: dict[str, Box] | None = None
) -> tuple[Position, ...]:
    """Places for the objects without one, each beside the placed objects it is joined
    to (else beside the whole drawing), on a free spot: nothing placed moves.
    ``placed``: the boxes of the placed objects, when the caller has them already."""
    index = schema.diagram.position_index
    if all(o.id in index for o in placeable(schema)):
        return ()
    placed = dict(placed) if placed is not None else boxes(schema, show=show)
    links = neighbours(schema)
    keys = foreign_key_fields(schema) if show == "keys" else None
    new = []
    for obj in placeable(schema):
        if obj.id in placed:
            continue
        width, height = box_size(schema, obj, show=show, foreign_keys=keys)
        anchors = [placed[i] for i in links.get(obj.id, ()) if i in placed]
        box = _free_spot(width, height, anchors=anchors, taken=list(placed.values()))
        placed[obj.id] = box
        new.append(Position(obj.id, round(box.x, 1), round(box.y, 1)))
    return tuple(new)


def _free_spot(width: float, height: float, *, anchors: list[Box], taken: list[Box]) -> Box:
    if not taken:
        return Box(width / 2, height / 2, width, height)
    if anchors:
        # Right of the anchors, level with their top; then further down, then further right.
        start_x = max(a.right for a in anchors) + GAP + width / 2
        start_y = min(a.top for a in anchors) + height / 2
    else:
        left, top = min(b.left for b in taken), min(b.top for b in taken)
        right, bottom = max(b.right for b in taken), max(b.bottom for b in taken)
        # Keep the drawing screen-shaped: grow to the right while it is taller than wide.
        if right - left < 1.6 * (bottom - top):
            start_x, start_y = right + GAP + width / 2, top + height / 2
        else:
            start_x, start_y = left + width / 2, bottom + GAP + height / 2
    step = max(40.0, height / 2)
    for column in range(12):
        x = start_x + column * (width + GAP)
        for row in range(40):
            candidate = Box(x, start_y + row * step, width, height)
            if not any(candidate.overlaps(b) for b in taken):
                return candidate
    right, top = max(b.right for b in taken), min(b.top for b in taken)
    return Box(right + GAP + width / 2, top + height / 2, width, height)


def automatic_positions(
    schema: Schema, *, only: Iterable[str] | None = None, show: str = "all", timeout: float = 30.0
) -> tuple[Position, ...]:
    """A full layout of the schema's entities, enums and notes, or with ``only`` of those
    objects alone, laid out among themselves and put back where their group was."""
    chosen = set(only) if only is not None else None
    objects = [o for o in placeable(schema) if chosen is None or o.id in chosen]
    if not objects:
        return ()
    keys = foreign_key_fields(schema) if show == "keys" else None
    sizes = {o.id: box_size(schema, o, show=show, foreign_keys=keys) for o in objects}
    centres = _run_sfdp(_layout_dot(schema, objects, sizes), count=len(objects), timeout=timeout)
    laid = {o.id: Box(*centres[f"o{i}"], *sizes[o.id]) for i, o in enumerate(objects) if f"o{i}" in centres}
    laid = _screen_shaped(laid)
    left, top = min(b.left for b in laid.values()), min(b.top for b in laid.values())
    if chosen is not None:
        before = [b for i, b in boxes(schema, show=show).items() if i in chosen]
        if before:  # the selection stays where it was on the page
            left, top = left - min(b.left for b in before), top - min(b.top for b in before)
    return tuple(Position(i, round(b.x - left, 1), round(b.y - top, 1)) for i, b in laid.items())


def _layout_dot(schema: Schema, objects: list, sizes: dict[str, tuple[float, float]]) -> str:
    node = {o.id: f"o{i}" for i, o in enumerate(objects)}
    lines = [
        "graph layout {",
        '  graph [overlap=prism, overlap_scaling=-1, sep="+16", K=0.25, pack=true, packmode="graph", splines=false, '
        "outputorder=nodesfirst];",
        '  node [shape=box, fixedsize=true, label=""];',
    ]
    for o in objects:
        width, height = sizes[o.id]
        lines.append(f"  {node[o.id]} [width={width / 72:.3f}, height={height / 72:.3f}];")
    seen = set()
    for a, others in neighbours(schema).items():
        for b in others:
            if a in node and b in node and (b, a) not in seen and (a, b) not in seen:
                seen.add((a, b))
                lines.append(f"  {node[a]} -- {node[b]};")
    for number, group in enumerate(schema.groups):
        members = [node[i] for i in group.entity_ids if i in node]
        if len(members) > 1:  # a hidden hub: the group's tables gather round it
            lines.append(f"  g{number} [shape=point, width=0.01, height=0.01];")
            lines += [f"  g{number} -- {m} [weight=4, len=0.4];" for m in members]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _run_sfdp(text: str, *, count: int, timeout: float) -> dict[str, tuple[float, float]]:
    if count == 1:
        return {"o0": (0.0, 0.0)}
    try:
        done = subprocess.run(["sfdp", "-Tplain"], input=text.encode(), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise DiagramTimeout(f"the automatic layout took longer than {timeout:g} s") from None
    except FileNotFoundError:
        raise DiagramError("Graphviz is not installed (the `sfdp` command is missing)") from None
    if done.returncode != 0:
        raise DiagramError("Graphviz failed: " + " ".join(done.stderr.decode(errors="replace").splitlines()[:3]))
    centres = {}
    for line in done.stdout.decode().splitlines():
        parts = line.split()
        if len(parts) > 3 and parts[0] == "node" and parts[1].startswith("o"):
            centres[parts[1]] = (float(parts[2]) * 72, -float(parts[3]) * 72)  # inches, y up → points, y down
    return centres


def _screen_shaped(laid: dict[str, Box]) -> dict[str, Box]:
    """Stretch the short side of a layout far from a screen's shape. Spreading boxes
    apart never makes them overlap."""
    left, right = min(b.left for b in laid.values()), max(b.right for b in laid.values())
    top, bottom = min(b.top for b in laid.values()), max(b.bottom for b in laid.values())
    width, height = max(right - left, 1.0), max(bottom - top, 1.0)
    sx = sy = 1.0
    if width / height > MAX_ASPECT:
        sy = width / height / MAX_ASPECT
    elif height / width > 1.0:  # screens are landscape: never leave it taller than wide
        sx = height / width
    if sx == sy == 1.0:
        return laid
    return {i: Box(b.x * sx, b.y * sy, b.width, b.height) for i, b in laid.items()}
