"""Subject areas: a named subset of the tables with its own arrangement, stored in the
document's diagram settings, edited by an op with an exact inverse."""

import pytest

from designer import ops
from designer.diagram import DiagramOptions, build_dot
from designer.diagram.areas import area_schema, arranged_area
from designer.examples import blog_schema
from designer.formats.json_doc import dumps, loads
from designer.problems import SchemaError
from designer.schema import Position, SubjectArea


def blog_area(schema, *names):
    return SubjectArea("area_1", "Writing", tuple(schema.entity_by_name(n).id for n in names))


def test_an_area_is_added_replaced_and_removed_and_each_undone_exactly():
    schema = blog_schema()
    area = blog_area(schema, "users", "posts")
    added, undo_add = ops.apply(schema, ops.SetSubjectArea(area_id="area_1", area=area))
    assert added.diagram.areas == (area,)
    assert ops.apply(added, undo_add)[0] == schema

    placed = SubjectArea("area_1", "Writing", area.entity_ids, (Position(area.entity_ids[0], 10.0, 20.0),))
    moved, undo_move = ops.apply(added, ops.SetSubjectArea(area_id="area_1", area=placed))
    assert moved.diagram.area("area_1").positions == placed.positions
    assert ops.apply(moved, undo_move)[0] == added

    removed, undo_remove = ops.apply(moved, ops.SetSubjectArea(area_id="area_1", area=None))
    assert removed.diagram.areas == ()
    assert ops.apply(removed, undo_remove)[0] == moved
    # The stored op and its inverse load back as they were.
    assert ops.op_from_dict(ops.op_to_dict(undo_remove)) == undo_remove


def test_areas_survive_the_document_round_trip():
    schema = blog_schema()
    area = arranged_area(schema, blog_area(schema, "users", "posts", "comments"))
    with_area = ops.apply(schema, ops.SetSubjectArea(area_id="area_1", area=area))[0]
    assert loads(dumps(with_area)) == with_area
    assert "areas" not in dumps(schema)  # absent when there are none: old documents unchanged


@pytest.mark.parametrize(
    ("area", "message"),
    [
        (SubjectArea("area_1", "  ", ("x",)), "needs a name"),
        (SubjectArea("area_1", "Empty", ()), "at least one table"),
        (SubjectArea("area_1", "Ghost", ("no_such_table",)), "No table"),
    ],
)
def test_a_bad_area_is_refused_with_a_message(area, message):
    with pytest.raises(SchemaError, match=message):
        ops.apply(blog_schema(), ops.SetSubjectArea(area_id="area_1", area=area))


@pytest.mark.graphviz
def test_an_area_is_drawn_alone_in_its_own_arrangement():
    schema = blog_schema()
    area = arranged_area(schema, blog_area(schema, "users", "posts"))
    schema = ops.apply(schema, ops.SetSubjectArea(area_id="area_1", area=area))[0]
    shown = area_schema(schema, area)
    assert [e.name for e in shown.entities] == ["users", "posts"]
    assert all(r.from_entity_id in area.entity_ids and r.to_entity_id in area.entity_ids for r in shown.relationships)
    used_enums = {f.type.enum_id for e in shown.entities for f in e.fields if f.type.enum_id}
    assert {p.id for p in shown.diagram.positions} == set(area.entity_ids) | used_enums
    dot = build_dot(schema, options=DiagramOptions(area_id="area_1"))
    assert "layout=nop2" in dot  # pinned: the area's own places
    assert dot.count('class="entity') == 2
    users = next(p for p in area.positions if p.id == area.entity_ids[0])
    assert f'pos="{users.x:.1f},{-users.y:.1f}!"' in dot
    # An unknown area draws the whole diagram.
    assert build_dot(schema, options=DiagramOptions(area_id="area_9")).count('class="entity') == len(schema.entities)


def test_a_group_or_schema_filter_draws_those_tables_where_they_are():
    from designer.diagram.areas import filter_choices, filtered_area
    from designer.diagram.layout import automatic_positions
    from designer.schema import replace

    schema = blog_schema()
    schema = replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema)))
    group = schema.groups[0]
    assert (f"group:{group.id}", f"group {group.name}") in filter_choices(schema)
    assert not any(value.startswith("schema:") for value, _ in filter_choices(schema))  # one schema: no choice
    dot = build_dot(schema, options=DiagramOptions(only=f"group:{group.id}"))
    assert dot.count('class="entity') == len(group.entity_ids)
    first = schema.diagram.position(group.entity_ids[0])
    assert f'pos="{first.x:.1f},{-first.y:.1f}!"' in dot  # the whole diagram's places
    assert filtered_area(schema, "group:no_such_group") is None
    assert filtered_area(schema, "nonsense") is None
    split = replace(schema, entities=(replace(schema.entities[0], namespace="audit"), *schema.entities[1:]))
    assert ("schema:audit", "schema audit") in filter_choices(split)
    assert build_dot(split, options=DiagramOptions(only="schema:audit")).count('class="entity') == 1
