"""Workload edits from plain values, without Django: access patterns and volumes as the
workload forms ask for them, and the input only the schema can judge, refused."""

import pytest

from designer import ops
from designer.problems import SchemaError
from designer.schema import (
    Consistency,
    FilterOp,
    Operation,
    Pagination,
    PatternKind,
    Per,
    Schema,
    SortOrder,
    ValueKind,
)
from designer.workload_edits import (
    ConditionRow,
    SortRow,
    add_pattern_from_sql,
    pattern_values,
    save_pattern,
    set_volume,
)


def fields(schema, entity="posts"):
    return schema.entity_by_name(entity).field_by_name


def add(schema, **values):
    """The pattern a ``save_pattern`` call adds, applied to ``schema``."""
    op = save_pattern(
        schema, **{"name": "p", "entity_id": schema.entity_by_name("posts").id, "operation": "list", **values}
    )
    assert isinstance(op, ops.AddPattern)
    after, _ = ops.apply(schema, op)
    return after.pattern(op.pattern.id)


def refused(call, **values) -> list[tuple[str, str]]:
    with pytest.raises(SchemaError) as raised:
        call(**values)
    return [(p.path, p.message) for p in raised.value.problems]


def test_a_pattern_from_its_parts(blog):
    field = fields(blog)
    author = blog.relationships[0]
    pattern = add(
        blog,
        name=" drafts of an author ",
        description="  ",
        operation="list",
        limit=20,
        pagination="keyset",
        filters=[ConditionRow(field("author_id").id, "=", ""), ConditionRow(field("status").id, "=", " 'draft' ")],
        sort=[SortRow(field("created_at").id, "desc")],
        returns=[field("id").id, field("title").id],
        joins=[author.id],
        frequency=12,
        peak=40,
        per="minute",
        latency_ms=50,
        consistency="eventual",
    )
    assert (pattern.name, pattern.description, pattern.kind) == ("drafts of an author", None, PatternKind.READ)
    author_filter, status_filter = pattern.filters
    assert (author_filter.value_kind, author_filter.value) == (ValueKind.PARAMETER, None)
    assert (status_filter.value_kind, status_filter.value) == (ValueKind.CONSTANT, "'draft'")
    assert [(s.field_id, s.order) for s in pattern.sort] == [(field("created_at").id, SortOrder.DESC)]
    assert (pattern.limit, pattern.pagination, pattern.joins) == (20, Pagination.KEYSET, (author.id,))
    assert (pattern.frequency.average, pattern.frequency.peak, pattern.frequency.per) == (12, 40, Per.MINUTE)
    assert (pattern.latency_ms, pattern.consistency) == (50, Consistency.EVENTUAL)
    assert pattern.returns == (field("id").id, field("title").id)


@pytest.mark.parametrize("op", list(FilterOp))
def test_every_operator_as_a_parameter(blog, op):
    value = "meta.lang" if op is FilterOp.JSON_PATH else ""
    (condition,) = add(blog, filters=[ConditionRow(fields(blog)("title").id, op.value, value)]).filters
    assert condition.op is op and condition.value_kind is ValueKind.PARAMETER
    assert condition.value == (value or None)


@pytest.mark.parametrize(
    "op", [op for op in FilterOp if op not in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL, FilterOp.JSON_PATH)]
)
def test_every_operator_that_compares_takes_a_constant(blog, op):
    (condition,) = add(blog, filters=[ConditionRow(fields(blog)("title").id, op.value, "'x'")]).filters
    assert (condition.op, condition.value_kind, condition.value) == (op, ValueKind.CONSTANT, "'x'")


def test_blank_rows_are_ignored_and_a_blank_order_is_ascending(blog):
    title = fields(blog)("title").id
    pattern = add(blog, filters=[ConditionRow(), ConditionRow("", "<", "5")], sort=[SortRow(title, ""), SortRow()])
    assert pattern.filters == () and [s.order for s in pattern.sort] == [SortOrder.ASC]


def test_a_null_check_with_a_value_and_a_json_path_without_one_are_refused(blog):
    title = fields(blog)("title").id
    rows = [ConditionRow(title, "is_null", "'x'"), ConditionRow(title, "json_path", " ")]
    assert refused(add, schema=blog, filters=rows) == [
        ("filters", "title IS NULL takes no value; clear the value box."),
        ("filters", "Give the JSON path for title, e.g. address.city."),
    ]


def test_conditions_and_sort_keys_on_fields_of_another_entity_are_refused(blog):
    email = fields(blog, "users")("email").id
    problems = refused(
        add,
        schema=blog,
        filters=[ConditionRow(email)],
        sort=[SortRow(email)],
        returns=[email],
        changes=[email],
        operation="update",
    )
    assert problems == [
        ("filters", "A condition names a field that posts does not have."),
        ("sort", "A sort key names a field that posts does not have."),
        ("returns", "A returned field is not a field of posts."),
        ("changes", "A written field is not a field of posts."),
    ]


def test_unknown_operators_orders_and_choices_are_refused(blog):
    title = fields(blog)("title").id
    problems = refused(
        add,
        schema=blog,
        filters=[ConditionRow(title, "~~", "")],
        sort=[SortRow(title, "sideways")],
        operation="guess",
        pagination="pages",
        per="fortnight",
        consistency="maybe",
    )
    assert [message for _, message in problems] == [
        "Unknown operation 'guess'.",
        "Unknown pagination 'pages'.",
        "Unknown frequency unit 'fortnight'.",
        "Unknown consistency 'maybe'.",
        "Unknown condition operator '~~'.",
        "Unknown sort order 'sideways'.",
    ]


def test_joins_follow_relationships_of_the_target_only(blog):
    posts = blog.entity_by_name("posts")
    unrelated = next(r for r in blog.relationships if posts.id not in (r.from_entity_id, r.to_entity_id))
    problems = refused(add, schema=blog, joins=[unrelated.id, "rel_gone"])
    assert problems == [
        ("joins", "A join follows a relationship posts takes no part in."),
        ("joins", "A join follows a relationship that does not exist."),
    ]


def test_a_join_entity_can_follow_its_many_to_many(blog):
    from designer import edits

    users, tags = blog.entity_by_name("users"), blog.entity_by_name("tags")
    schema, _ = ops.apply(
        blog, edits.add_relationship(blog, from_entity_id=users.id, to_entity_id=tags.id, cardinality="many_to_many")
    )
    join = schema.entity_by_name("users_tags")
    many = next(r for r in schema.relationships if r.join_entity_id == join.id)
    op = save_pattern(schema, name="tags of users", entity_id=join.id, operation="list", joins=[many.id])
    assert op.pattern.joins == (many.id,)


@pytest.mark.parametrize("operation", list(Operation))
def test_the_kind_follows_the_operation_and_only_writes_keep_written_fields(blog, operation):
    title = fields(blog)("title").id
    pattern = add(blog, operation=operation.value, changes=[title])
    is_write = operation in (Operation.INSERT, Operation.UPDATE, Operation.DELETE, Operation.UPSERT, Operation.BULK)
    assert pattern.kind is (PatternKind.WRITE if is_write else PatternKind.READ)
    assert pattern.changes == ((title,) if is_write else ())


def test_frequency_and_numbers_are_checked_together_with_the_name(blog):
    problems = refused(add, schema=blog, name=" ", frequency=-1, peak=-2, limit=0, latency_ms=0)
    assert [path for path, _ in problems] == ["name", "frequency", "peak", "limit", "latency_ms"]
    assert ("peak", "The peak cannot be below the average.") in problems


def test_a_pattern_needs_an_entity_that_exists(blog):
    assert refused(save_pattern, schema=blog, name="p", entity_id="ent_gone", operation="list") == [
        ("entity", "The target entity no longer exists.")
    ]
    assert refused(save_pattern, schema=Schema(), name="p", entity_id="", operation="list") == [
        ("entity", "Add an entity first: a pattern reads or writes one.")
    ]


def test_an_opened_pattern_saves_back_unchanged(blog):
    field = fields(blog)
    pattern = add(
        blog,
        filters=[
            ConditionRow(field("status").id, "=", "'draft'"),
            ConditionRow(field("body").id, "json_path", "meta.lang"),
            ConditionRow(field("published_at").id, "is_not_null"),
        ],
        sort=[SortRow(field("slug").id, "desc")],
        operation="update",
        changes=[field("title").id],
        peak=3,
        per="hour",
    )
    schema, _ = ops.apply(blog, ops.AddPattern(pattern=pattern))
    op = save_pattern(schema, pattern, **pattern_values(pattern))
    assert op == ops.UpdatePattern(pattern=pattern)


def test_a_pattern_from_sql_runs_at_the_frequency_given(blog):
    op = add_pattern_from_sql(blog, sql="SELECT * FROM posts WHERE slug = $1", frequency=5, per="minute")
    assert op.pattern.operation is Operation.POINT_LOOKUP
    assert (op.pattern.frequency.average, op.pattern.frequency.per) == (5, Per.MINUTE)
    assert refused(add_pattern_from_sql, schema=blog, sql="SELECT 1", frequency=-1, per="week") == [
        ("per", "Unknown frequency unit 'week'."),
        ("frequency", "The frequency cannot be negative."),
    ]
    with pytest.raises(SchemaError, match="nowhere"):
        add_pattern_from_sql(blog, sql="SELECT * FROM nowhere")


def test_a_volume_from_its_numbers(blog):
    posts = blog.entity_by_name("posts")
    op = set_volume(blog, entity_id=posts.id, rows=1000, growth_per_month=600, retention_days=90)
    after, _ = ops.apply(blog, op)
    volume = after.volume(posts.id)
    assert (volume.rows, volume.growth_per_month, volume.retention_days, volume.avg_row_bytes) == (1000, 600, 90, None)


def test_a_negative_volume_or_a_missing_entity_is_refused(blog):
    posts = blog.entity_by_name("posts").id
    problems = refused(
        set_volume, schema=blog, entity_id=posts, rows=-1, growth_per_month=-1, retention_days=0, avg_row_bytes=0
    )
    assert [path for path, _ in problems] == ["rows", "growth_per_month", "retention_days", "avg_row_bytes"]
    assert refused(set_volume, schema=blog, entity_id="ent_gone", rows=1) == [
        ("entity", "The entity no longer exists.")
    ]
