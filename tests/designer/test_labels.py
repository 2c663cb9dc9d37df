"""The one home of labels: relationships, indexes, fields and patterns as history,
comparisons, the editor and the workload tab name them."""

from designer import labels
from designer.schema import (
    AccessPattern,
    Cardinality,
    Filter,
    FilterOp,
    IndexColumn,
    Operation,
    Pagination,
    PatternKind,
    RefAction,
    SortKey,
    SortOrder,
    ValueKind,
    replace,
)


def test_a_relationship_reads_from_the_foreign_key_to_the_key_with_its_cardinality(blog):
    relationship = next(r for r in blog.relationships if r.name == "comments_post_fk")
    assert labels.relationship_label(blog, relationship) == "comments.post_id → posts.id"
    assert labels.relationship_label(blog, relationship, actions=True) == (
        "comments.post_id → posts.id (on delete cascade)"
    )
    one = replace(relationship, cardinality=Cardinality.ONE_TO_ONE, on_update=RefAction.SET_NULL)
    assert labels.relationship_label(blog, one, actions=True) == (
        "comments.post_id — posts.id (on delete cascade) (on update set null)"
    )
    many = replace(relationship, cardinality=Cardinality.MANY_TO_MANY)
    assert labels.relationship_label(blog, many) == "comments.post_id ↔ posts.id"


def test_composite_keys_and_deleted_parts(blog):
    relationship = next(r for r in blog.relationships if r.name == "comments_post_fk")
    comments = blog.entity_by_name("comments")
    composite = replace(relationship, from_field_ids=(comments.fields[1].id, "fld_gone"))
    assert labels.relationship_label(blog, composite).startswith("comments(post_id, ?) → ")
    assert labels.relationship_label(blog, replace(relationship, to_entity_id="ent_gone")).endswith("→ ?")


def test_an_index_by_its_name_or_its_columns_and_its_definition(blog):
    posts = blog.entity_by_name("posts")
    index = posts.indexes[0]
    assert labels.index_label(posts, index) == "posts_author_published_idx"
    unnamed = replace(
        index,
        name=None,
        unique=True,
        include=(posts.field_by_name("title").id,),
        predicate="published_at > now()",
        columns=(replace(index.columns[0], order=SortOrder.DESC), IndexColumn(expression="lower(slug)")),
    )
    assert labels.index_label(posts, unnamed) == "on posts (author_id, lower(slug))"
    assert labels.index_definition(posts, unnamed) == (
        "unique btree (author_id desc, lower(slug)) include (title) where published_at > now()"
    )


def test_fields_by_entity_and_types_with_enum_names(blog):
    posts = blog.entity_by_name("posts")
    assert labels.field_label(posts, posts.field_by_name("title")) == "posts.title"
    assert labels.field_type_label(blog, posts.field_by_name("status")) == "post_status"


def test_a_pattern_as_one_line_of_sql(blog):
    posts = blog.entity_by_name("posts")
    field = posts.field_by_name
    pattern = AccessPattern(
        id="pat_1",
        name="feed",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=posts.id,
        filters=(
            Filter(field("author_id").id, FilterOp.EQ),
            Filter(field("status").id, FilterOp.IN, ValueKind.CONSTANT, "('draft')"),
            Filter(field("title").id, FilterOp.PREFIX),
            Filter(field("body").id, FilterOp.JSON_PATH, value="meta.lang"),
            Filter(field("published_at").id, FilterOp.IS_NOT_NULL),
            Filter("fld_gone", FilterOp.BETWEEN),
        ),
        sort=(SortKey(field("created_at").id, SortOrder.DESC),),
        limit=20,
        pagination=Pagination.KEYSET,
    )
    assert labels.pattern_sentence(blog, pattern) == (
        "list posts WHERE author_id = ? AND status IN ('draft') AND title LIKE ? || '%' AND body -> meta.lang = ? "
        "AND published_at IS NOT NULL AND ? BETWEEN ? AND ? ORDER BY created_at DESC LIMIT 20 (keyset pagination)"
    )
    assert (
        labels.pattern_sentence(
            blog, replace(pattern, entity_id="ent_gone", filters=(), sort=(), limit=None, pagination=Pagination.NONE)
        )
        == "list (deleted entity)"
    )
    assert labels.pattern_label(pattern) == "'feed'"
