"""History lines for an edit that adds a table together with its place on the diagram."""

from designer import ops
from designer.examples import blog_schema
from designer.schema import Entity, Position


def test_adding_a_table_with_its_place_tells_only_the_table():
    schema = blog_schema()
    orders = Entity(id="ent_orders", name="orders")
    edit = ops.Batch(ops=(ops.AddEntity(entity=orders), ops.SetPositions(positions=(Position("ent_orders", 1, 2),))))
    assert ops.narrate(edit, schema) == "added entity orders"
    assert ops.describe(edit, schema) == "Add entity orders"


def test_a_labelled_layout_in_a_batch_is_still_told():
    schema = blog_schema()
    layout = ops.SetPositions(positions=(), label="Auto layout")
    edit = ops.Batch(ops=(ops.AddEntity(entity=Entity(id="ent_o", name="o")), layout))
    assert ops.narrate(edit, schema) == "added entity o; auto layout"
