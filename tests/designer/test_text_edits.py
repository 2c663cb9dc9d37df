"""The schema edited as DBML: the text's difference as named ops, renames kept."""

import pytest

from designer import ops, text_edits
from designer.examples import blog_schema
from designer.formats import dump_schema
from designer.problems import SchemaError


def edited(schema, change):
    return change(dump_schema(schema, fmt="dbml"))


def plan(schema, text):
    after = text_edits.schema_from_text(schema, text)
    return after, text_edits.ops_between(schema, after)


def test_the_unchanged_text_is_no_edit():
    schema = blog_schema()
    assert plan(schema, dump_schema(schema, fmt="dbml"))[1] == []


def test_renames_stay_renames_and_the_ops_make_the_text():
    schema = blog_schema()
    text = edited(schema, lambda t: t.replace('"posts"', '"articles"').replace('"display_name"', '"full_name"'))
    after, steps = plan(schema, text)
    assert [ops.describe(op, schema) for op in steps] == [
        "Update field full_name (renamed from display_name)",
        "Update entity articles (renamed from posts)",
    ]
    result = schema
    for op in steps:
        result, _ = ops.apply(result, op)
    assert result == after
    assert result.entity_by_name("articles").id == schema.entity_by_name("posts").id
    assert result.patterns == schema.patterns  # what DBML cannot say is kept


def test_added_and_removed_tables_fields_and_references():
    schema = blog_schema()
    text = edited(schema, lambda t: t.replace('  "bio" text\n', "") + '\nTable "badges" {\n  "id" bigint [pk]\n}\n')
    _, steps = plan(schema, text)
    assert [ops.describe(op, schema) for op in steps] == ["Remove field bio", "Add entity badges"]


def test_text_that_cannot_be_read_names_its_line():
    schema = blog_schema()
    with pytest.raises(SchemaError) as raised:
        plan(schema, edited(schema, lambda t: t.replace('"bio" text', '"bio" text [nonsense')))
    assert {p.line for p in raised.value.problems} >= {19}
