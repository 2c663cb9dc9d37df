"""The field grid's edits: a row with its key column and link, and pasted fields."""

import pytest

from designer import field_rows, ops
from designer.examples import blog_schema
from designer.formats.dbml_types import field_type_from_text
from designer.problems import SchemaError
from designer.schema import TypeKind

ROW = {"nullable": True, "default": "", "default_is_expression": False, "identity": False, "check": "", "comment": ""}


def _row(schema, entity, field=None, *, name, type_text, key="", link_to=""):
    op = field_rows.save_row(
        schema, entity, field, key=key, link_to=link_to, name=name, type=field_type_from_text(type_text, ()), **ROW
    )
    after, _ = ops.apply(schema, op)
    return after, op


def test_a_new_row_marked_indexed_adds_the_field_and_its_index_in_one_edit():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    after, op = _row(schema, posts, name="views", type_text="bigint", key="index")
    posts_after = after.entity(posts.id)
    views = posts_after.field_by_name("views")
    assert [i.columns[0].field_id for i in posts_after.indexes if i.name == "posts_views_idx"] == [views.id]
    assert ops.describe(op, schema) == "Add field views; Add index posts_views_idx"


def test_a_row_linked_to_a_table_references_its_primary_key():
    schema = blog_schema()
    posts, users = schema.entity_by_name("posts"), schema.entity_by_name("users")
    after, _ = _row(schema, posts, name="editor_id", type_text="bigint", link_to=users.id)
    editor_id = after.entity(posts.id).field_by_name("editor_id")
    link = next(r for r in after.relationships if r.from_field_ids == (editor_id.id,))
    assert link.to_entity_id == users.id and link.to_field_ids == users.primary_key


def test_the_key_column_makes_a_field_unique_and_a_plain_one_drops_its_index():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    schema, _ = _row(schema, posts, name="views", type_text="bigint", key="index")
    posts = schema.entity(posts.id)
    views = posts.field_by_name("views")
    assert field_rows.row_key(posts, views) == "index"
    schema, _ = _row(schema, posts, views, name="views", type_text="bigint", key="unique")
    posts = schema.entity(posts.id)
    assert field_rows.row_key(posts, posts.field(views.id)) == "unique" and not any(
        i.name == "posts_views_idx" for i in posts.indexes
    )


def test_pasted_lines_become_fields_with_their_types():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    op = field_rows.pasted_fields(schema, posts, "rating smallint not null,\nsummary varchar(300)\n\nlikes bigint")
    after, _ = ops.apply(schema, op)
    added = after.entity(posts.id).fields[-3:]
    assert [(f.name, f.type.kind, f.nullable) for f in added] == [
        ("rating", TypeKind.SMALLINT, False),
        ("summary", TypeKind.VARCHAR, True),
        ("likes", TypeKind.BIGINT, True),
    ]


def test_a_pasted_create_table_gives_an_empty_table_its_key():
    schema = blog_schema()
    schema, _ = ops.apply(schema, field_rows.edits.add_entity(schema, name="labels", with_key=False))
    tags = schema.entity_by_name("labels")
    op = field_rows.pasted_fields(schema, tags, "CREATE TABLE t (id bigint PRIMARY KEY, label text UNIQUE);")
    after, _ = ops.apply(schema, op)
    tags = after.entity(tags.id)
    assert [f.name for f in tags.fields] == ["id", "label"] and tags.primary_key == (tags.fields[0].id,)


def test_a_pasted_enum_type_unknown_here_becomes_text():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    text = "CREATE TYPE mood AS ENUM ('up', 'down');\nCREATE TABLE t (feeling mood NOT NULL);"
    after, _ = ops.apply(schema, field_rows.pasted_fields(schema, posts, text))
    feeling = after.entity(posts.id).field_by_name("feeling")
    assert feeling.type.kind is TypeKind.TEXT and not feeling.nullable
    status = "CREATE TYPE post_status AS ENUM ('draft');\nCREATE TABLE t (state post_status);"
    after, _ = ops.apply(schema, field_rows.pasted_fields(schema, posts, status))
    assert after.entity(posts.id).field_by_name("state").type.enum_id == schema.enums[0].id  # the one here


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("rating smallint,\nsummary varchar(", "line 2"),
        ("title text", "already has title"),
        ("   ", "Nothing to add"),
        ("CREATE TABLE a (x int); CREATE TABLE b (y int);", "one table at a time"),
    ],
)
def test_a_paste_that_cannot_be_read_says_why(text, said):
    schema = blog_schema()
    with pytest.raises(SchemaError) as raised:
        field_rows.pasted_fields(schema, schema.entity_by_name("posts"), text)
    assert said in str(raised.value)
