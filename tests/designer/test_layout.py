"""Arranged diagrams: the automatic layout, places for new objects, drawing pinned."""

import itertools
import math
import re

import pytest

from designer import ops
from designer.diagram import DiagramOptions, build_dot, render
from designer.diagram.layout import automatic_positions, boxes, missing_positions
from designer.formats.dbml import parse_dbml
from designer.problems import SchemaError
from designer.schema import Entity, Position, replace

from .conftest import EXAMPLES

pytestmark = pytest.mark.graphviz


def arranged(schema):
    return replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema)))


@pytest.fixture
def adventureworks():
    return parse_dbml((EXAMPLES / "adventureworks.dbml").read_text())


def test_the_first_layout_places_everything_screen_shaped_without_overlaps(adventureworks):
    schema = arranged(adventureworks)
    placed = boxes(schema)
    assert set(placed) == {o.id for o in (*schema.entities, *schema.enums, *schema.notes)}
    assert not any(a.overlaps(b, margin=0) for a, b in itertools.combinations(placed.values(), 2))
    width = max(b.right for b in placed.values()) - min(b.left for b in placed.values())
    height = max(b.bottom for b in placed.values()) - min(b.top for b in placed.values())
    assert 0.8 <= width / height <= 2.5  # a screen's shape, not dot's 1 : 2 column


def test_enums_sit_beside_the_tables_that_use_them_and_groups_stay_together(blog):
    schema = arranged(blog)
    placed = boxes(schema)
    enum = schema.enums[0]
    users = [e.id for e in schema.entities if any(f.type.enum_id == enum.id for f in e.fields)]

    def distance(a, b):
        return math.dist((placed[a].x, placed[a].y), (placed[b].x, placed[b].y))

    others = [e.id for e in schema.entities if e.id not in users]
    assert min(distance(enum.id, u) for u in users) < max(distance(enum.id, o) for o in others)
    group = schema.groups[0]
    inside = [distance(a, b) for a, b in itertools.combinations(group.entity_ids, 2)]
    outside = [distance(a, b) for a in group.entity_ids for b in others if b not in group.entity_ids]
    assert sum(inside) / len(inside) < sum(outside) / len(outside)


def test_a_new_table_goes_beside_its_neighbour_and_nothing_else_moves(blog):
    schema = arranged(blog)
    users = schema.entity_by_name("users")
    likes = Entity(id="ent_likes", name="likes")
    schema, _ = ops.apply(schema, ops.AddEntity(entity=likes))
    placed = missing_positions(schema)
    assert [p.id for p in placed] == ["ent_likes"]  # only the new one
    after = replace(schema, diagram=replace(schema.diagram, positions=(*schema.diagram.positions, *placed)))
    every = boxes(after)
    assert not any(every["ent_likes"].overlaps(b, margin=0) for i, b in every.items() if i != "ent_likes")
    assert {i: b for i, b in every.items() if i != "ent_likes"} == boxes(schema)
    assert users.id in {p.id for p in schema.diagram.positions}


def test_an_auto_layout_of_chosen_tables_keeps_them_where_they_were(blog):
    schema = arranged(blog)
    chosen = [schema.entity_by_name("tags").id, schema.entity_by_name("post_tags").id]
    before = boxes(schema)
    moved = {p.id: p for p in automatic_positions(schema, only=chosen)}
    assert set(moved) == set(chosen)
    assert min(p.x - before[p.id].width / 2 for p in moved.values()) == pytest.approx(
        min(before[i].left for i in chosen), abs=1
    )


def test_positions_are_an_undoable_edit_and_unknown_objects_are_refused(blog):
    users = blog.entity_by_name("users")
    moved, inverse = ops.apply(blog, ops.SetPositions(positions=(Position(users.id, 5, 6),), label="Move users"))
    assert moved.diagram.position(users.id) == Position(users.id, 5, 6)
    assert ops.apply(moved, inverse)[0] == blog
    assert ops.describe(ops.SetPositions(positions=(Position(users.id, 5, 6),), label="Move users")) == "Move users"
    with pytest.raises(SchemaError):
        ops.apply(blog, ops.SetPositions(positions=(Position("ent_nope", 0, 0),)))


def test_an_arranged_diagram_is_drawn_pinned_with_every_column_of_a_composite_key(rich):
    schema = arranged(rich)
    dot = build_dot(schema)
    assert "layout=nop2" in dot
    for p in schema.diagram.positions:
        assert f'pos="{p.x:.1f},{-p.y:.1f}!"' in dot
    composite = next(r for r in schema.relationships if len(r.from_field_ids) == 2)
    assert len(re.findall(rf'id="rel_{composite.id}(_1)?"', dot)) == 2  # one line per column pair
    assert "on delete cascade" in dot  # the relationship's tooltip
    svg = render(dot, fmt="svg").decode()
    assert all(f'id="entity_{e.id}"' in svg for e in schema.entities)


def test_a_self_reference_loops_beside_the_table(blog):
    users = blog.entity_by_name("users")
    self_ref = replace(
        blog.relationships[0],
        id="rel_self",
        from_entity_id=users.id,
        to_entity_id=users.id,
        from_field_ids=(users.fields[0].id,),
        to_field_ids=(users.fields[0].id,),
    )
    schema = arranged(replace(blog, relationships=(*blog.relationships, self_ref)))
    line = next(line for line in build_dot(schema).splitlines() if 'id="rel_rel_self"' in line)
    assert re.search(r"n\d+:f1r:e -> n\d+:f1r:e", line)  # leaves and enters on the right side


def test_focus_draws_a_neighbourhood_with_dot_even_when_arranged(blog):
    schema = arranged(blog)
    dot = build_dot(schema, options=DiagramOptions(focus_entity_id=schema.entity_by_name("posts").id))
    assert "layout=nop2" not in dot


def _area(placed) -> float:
    every = list(placed.values())
    return (max(b.right for b in every) - min(b.left for b in every)) * (
        max(b.bottom for b in every) - min(b.top for b in every)
    )


def test_keys_only_and_titles_only_layouts_are_really_smaller(adventureworks):
    areas = {}
    for show in ("all", "keys", "none"):
        schema = replace(adventureworks, diagram=replace(adventureworks.diagram, show_columns=show))
        placed = boxes(
            replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema, show=show))),
            show=show,
        )
        assert not any(a.overlaps(b, margin=0) for a, b in itertools.combinations(placed.values(), 2))
        areas[show] = _area(placed)
    # A keys-only box holds its key, foreign-key and unique columns alone.
    assert areas["keys"] < 0.6 * areas["all"]
    assert areas["none"] < 0.6 * areas["keys"]
    # Compact: AdventureWorks' 68 tables took 5,461 x 3,880 px (300,000 px² a table) before.
    assert areas["all"] / len(adventureworks.entities) * (96 / 72) ** 2 < 280_000
