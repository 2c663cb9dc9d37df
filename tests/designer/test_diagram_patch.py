"""Drawing only what changed (designer/diagram/patch.py), with the real `dot`: the
changed table and its lines, drawn alone and shifted by the two drawings' origin dots,
are exactly what the whole drawing of the edited schema has for them."""

import re

import pytest

from designer import ops
from designer.diagram import DiagramOptions, build_dot, render
from designer.diagram.dot import entity_dom_id
from designer.diagram.layout import automatic_positions
from designer.diagram.patch import diagram_patch
from designer.examples.synthetic import synthetic_schema
from designer.schema import Group, Position, replace

PAIR = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


@pytest.fixture(scope="module")
def arranged():
    schema = synthetic_schema(entities=60)  # more than MAX_PATCHED
    return replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema)))


def _origin(svg: str) -> tuple[float, float]:
    found = re.search(r'id="diagram_origin".*?cx="([-\d.]+)" cy="([-\d.]+)"', svg, re.S)
    return float(found[1]), float(found[2])


def _element(svg: str, dom_id: str) -> str:
    return re.search(rf'<g id="{dom_id}" class="[^"]*">.*?\n</g>', svg, re.S)[0]


def _numbers(text: str, dx: float = 0, dy: float = 0) -> list[float]:
    """Every coordinate of a drawn element, shifted; the text between them unchanged."""
    values = []
    for shape in re.findall(r'\b(?:points|d)="([^"]*)"', text):
        for x, y in PAIR.findall(shape):
            values += [round(float(x) + dx, 1), round(float(y) + dy, 1)]
    for name, value in re.findall(r'\b(x|y|cx|cy)="(-?[\d.]+)"', text):
        values.append(round(float(value) + (dx if name in ("x", "cx") else dy), 1))
    return values


def _lines_touching(svg: str, dom_id: str) -> dict[str, str]:
    return {
        m[1]: m[0]
        for m in re.finditer(rf'<g id="([^"]+)" class="edge[^"]*end(?:-|&#45;){dom_id}\b[^"]*">.*?\n</g>', svg, re.S)
    }


def test_a_changed_table_drawn_alone_lands_where_the_whole_drawing_has_it(arranged):
    entity = arranged.entities[20]
    wider = replace(entity, fields=(*entity.fields, replace(entity.fields[-1], id="new_f", name="a_new_column")))
    after, _ = ops.apply(arranged, ops.UpdateEntity(entity=wider))
    options = DiagramOptions(selected_entity_id=entity.id)
    patch = diagram_patch(arranged, after, options=options, drawn_selected=entity.id)
    assert patch is not None and patch.redrawn == (entity_dom_id(entity.id),)
    whole = render(build_dot(after, options=options)).decode()
    alone = render(patch.dot).decode()
    assert len(alone) < len(whole) / 5
    (wx, wy), (px, py) = _origin(whole), _origin(alone)
    dom_id = entity_dom_id(entity.id)
    assert "a_new_column" in _element(alone, dom_id)
    # Graphviz writes two decimals: a shifted coordinate may differ in the last one.
    assert _numbers(_element(alone, dom_id), wx - px, wy - py) == pytest.approx(
        _numbers(_element(whole, dom_id)), abs=0.2
    )
    lines = _lines_touching(whole, dom_id)
    assert lines and lines.keys() == _lines_touching(alone, dom_id).keys()
    for line_id, drawn in _lines_touching(alone, dom_id).items():
        assert _numbers(drawn, wx - px, wy - py) == pytest.approx(_numbers(lines[line_id]), abs=0.2)


def test_a_move_and_a_new_selection_redraw_those_tables(arranged):
    first, second = arranged.entities[3], arranged.entities[4]
    place = arranged.diagram.position(first.id)
    after, _ = ops.apply(arranged, ops.SetPositions(positions=(Position(first.id, place.x + 50, place.y),)))
    patch = diagram_patch(arranged, after, options=DiagramOptions(selected_entity_id=second.id), drawn_selected=None)
    assert set(patch.redrawn) == {entity_dom_id(first.id), entity_dom_id(second.id)}


def test_what_cannot_be_patched_is_drawn_whole(arranged):
    entity = arranged.entities[5]
    after, _ = ops.apply(arranged, ops.UpdateEntity(entity=replace(entity, name="renamed")))
    plain = DiagramOptions()
    assert diagram_patch(arranged, after, options=plain, drawn_selected=None) is not None
    focused = DiagramOptions(focus_entity_id=entity.id)
    assert diagram_patch(arranged, after, options=focused, drawn_selected=None) is None
    unarranged = replace(arranged, diagram=replace(arranged.diagram, positions=()))
    assert (
        diagram_patch(unarranged, replace(after, diagram=unarranged.diagram), options=plain, drawn_selected=None)
        is None
    )
    grouped = replace(after, groups=(Group(id="g1", name="g", entity_ids=(entity.id,)),))
    assert diagram_patch(replace(arranged, groups=grouped.groups), grouped, options=plain, drawn_selected=None) is None
    everything = replace(after, entities=tuple(replace(e, comment="x") for e in after.entities))
    assert diagram_patch(arranged, everything, options=plain, drawn_selected=None) is None
