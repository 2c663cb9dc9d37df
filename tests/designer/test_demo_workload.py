"""The demo blog ships with a realistic declared workload that the rest of the product can show."""

from designer.examples import blog_schema
from designer.problems import errors
from designer.schema import READ_OPERATIONS, FilterOp, Operation, Pagination, SortOrder, ValueKind
from designer.validate import validate
from designer.workload import workload_summary


def _named(schema, name):
    return next(p for p in schema.patterns if p.name == name)


def _field_name(schema, field_id):
    return schema.find_field(field_id)[1].name


def test_the_demo_validates_without_errors_or_stale_patterns():
    problems = validate(blog_schema())
    assert errors(problems) == []
    assert "pattern-stale" not in {p.code for p in problems}


def test_published_posts_of_an_author_is_a_keyset_list():
    schema = blog_schema()
    pattern = _named(schema, "published posts of an author, newest first")
    assert pattern.operation is Operation.LIST
    filters = {(_field_name(schema, f.field_id), f.op, f.value_kind, f.value) for f in pattern.filters}
    assert filters == {
        ("author_id", FilterOp.EQ, ValueKind.PARAMETER, None),
        ("status", FilterOp.EQ, ValueKind.CONSTANT, "'published'"),
    }
    assert [(_field_name(schema, s.field_id), s.order) for s in pattern.sort] == [("published_at", SortOrder.DESC)]
    assert (pattern.limit, pattern.pagination) == (20, Pagination.KEYSET)


def test_post_by_slug_and_insert_post():
    schema = blog_schema()
    by_slug = _named(schema, "post by slug")
    assert by_slug.operation is Operation.POINT_LOOKUP
    assert [_field_name(schema, f.field_id) for f in by_slug.filters] == ["slug"]
    insert = _named(schema, "insert post")
    assert insert.operation is Operation.INSERT and "title" in {_field_name(schema, i) for i in insert.changes}


def test_every_entity_has_a_volume_and_the_frequencies_are_realistic():
    schema = blog_schema()
    assert {v.entity_id for v in schema.volumes} == {e.id for e in schema.entities}
    users = schema.volume(schema.entity_by_name("users").id)
    assert (users.rows, users.growth_per_month) == (50_000, 2_000)
    for pattern in schema.patterns:
        assert pattern.frequency.peak_per_second >= pattern.frequency.average_per_second > 0
        assert pattern.latency_ms is not None
    assert len({p.frequency.per for p in schema.patterns}) > 1


def test_the_demo_reads_far_more_than_it_writes():
    summary = workload_summary(blog_schema())
    assert summary.stale_pattern_ids == ()
    assert summary.reads_per_second > 50 * summary.writes_per_second > 0
    assert summary.hottest[0].name == "post by slug"
    assert all(p.operation in READ_OPERATIONS for p in summary.hottest[:3])
