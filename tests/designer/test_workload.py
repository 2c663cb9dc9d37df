"""The workload summary: sizes, projections and loads, each checked against numbers
worked out by hand from the rules documented in designer/workload.py."""

import pytest

from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    PatternKind,
    Per,
    Relationship,
    Schema,
    TypeKind,
    Volume,
)
from designer.workload import (
    estimate_row_bytes,
    human_bytes,
    human_count,
    human_rate,
    load_heat,
    projected_rows,
    row_bytes,
    workload_summary,
)


def _entity(entity_id, *kinds_or_types):
    fields = tuple(
        Field(id=f"{entity_id}_f{n}", name=f"f{n}", type=t if isinstance(t, FieldType) else FieldType(t))
        for n, t in enumerate(kinds_or_types)
    )
    return Entity(id=entity_id, name=entity_id, fields=fields, primary_key=(fields[0].id,))


def _read(pattern_id, entity_id, average, *, peak=None, per=Per.SECOND, joins=(), name=None):
    return AccessPattern(
        id=pattern_id,
        name=name or pattern_id,
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=entity_id,
        joins=joins,
        frequency=Frequency(average=average, peak=peak, per=per),
    )


def _write(pattern_id, entity_id, average, *, peak=None, per=Per.SECOND):
    return AccessPattern(
        id=pattern_id,
        name=pattern_id,
        kind=PatternKind.WRITE,
        operation=Operation.INSERT,
        entity_id=entity_id,
        frequency=Frequency(average=average, peak=peak, per=per),
    )


def _ref(rel_id, source, target, cardinality=Cardinality.ONE_TO_MANY, join=None):
    return Relationship(
        id=rel_id,
        cardinality=cardinality,
        from_entity_id=source,
        from_field_ids=(f"{source}_f0",),
        to_entity_id=target,
        to_field_ids=(f"{target}_f0",),
        join_entity_id=join,
    )


# --- row sizes ----------------------------------------------------------------------------


def test_row_size_is_the_header_plus_each_field_by_hand():
    entity = _entity(
        "t",
        TypeKind.BIGINT,  # 8
        TypeKind.INTEGER,  # 4
        TypeKind.SMALLINT,  # 2
        TypeKind.UUID,  # 16
        TypeKind.BOOLEAN,  # 1
        TypeKind.TIMESTAMPTZ,  # 8
        TypeKind.DATE,  # 4
        TypeKind.TEXT,  # 64
        TypeKind.JSON,  # 256
        TypeKind.BYTES,  # 128
        TypeKind.DOUBLE,  # 8
        TypeKind.REAL,  # 4
    )
    assert estimate_row_bytes(entity) == 24 + 8 + 4 + 2 + 16 + 1 + 8 + 4 + 64 + 256 + 128 + 8 + 4


def test_sized_and_array_types_follow_the_documented_rules():
    entity = _entity(
        "t",
        FieldType(TypeKind.VARCHAR, length=20),  # 1 + 10
        FieldType(TypeKind.VARCHAR, length=1000),  # 1 + 64 (never more than a text)
        FieldType(TypeKind.CHAR, length=2),  # 1 + 2
        FieldType(TypeKind.DECIMAL, precision=12, scale=2),  # 8 + 2 * 3
        FieldType(TypeKind.DECIMAL),  # 16
        FieldType(TypeKind.ENUM, enum_id="e"),  # 4
        FieldType(TypeKind.INTEGER, array=True),  # 24 + 4 * 4
        FieldType(TypeKind.TEXT, array=True),  # 24 + 4 * 64
    )
    assert estimate_row_bytes(entity) == 24 + 11 + 65 + 3 + 14 + 16 + 4 + 40 + 280


def test_a_declared_row_size_wins_over_the_estimate():
    entity = _entity("t", TypeKind.BIGINT)
    assert row_bytes(entity, schema=Schema(entities=(entity,))) == 32
    declared = Schema(entities=(entity,), volumes=(Volume(entity_id="t", avg_row_bytes=500),))
    assert row_bytes(entity, schema=declared) == 500


# --- projections --------------------------------------------------------------------------


@pytest.mark.parametrize(("months", "rows"), [(0, 1_000), (12, 1_000 + 12 * 50), (36, 1_000 + 36 * 50)])
def test_kept_forever_grows_linearly(months, rows):
    assert projected_rows(Volume(entity_id="t", rows=1_000, growth_per_month=50), months=months) == rows


@pytest.mark.parametrize(
    ("months", "rows"),
    [
        (0, 100_000),
        # t = 180 days of a 360-day window: 100k * (1 - 180/360) + 3000 * 180/30
        (6, 50_000 + 18_000),
        # the window has passed: the cap, 3000 rows a month kept 360 days = 36_000
        (12, 36_000),
        (36, 36_000),
    ],
)
def test_retention_decays_to_the_cap_once_the_window_has_passed(months, rows):
    volume = Volume(entity_id="t", rows=100_000, growth_per_month=3_000, retention_days=360)
    assert projected_rows(volume, months=months) == rows


@pytest.mark.parametrize("months", [0, 12, 36])
def test_a_table_at_its_retention_cap_stays_there(months):
    # 90 days of 10k rows a month is 30k rows: the steady state
    volume = Volume(entity_id="t", rows=30_000, growth_per_month=10_000, retention_days=90)
    assert projected_rows(volume, months=months) == 30_000


def test_a_small_table_with_retention_grows_up_to_the_cap():
    volume = Volume(entity_id="t", rows=0, growth_per_month=1_000, retention_days=60)
    assert [projected_rows(volume, months=m) for m in (0, 1, 2, 12)] == [0, 1_000, 2_000, 2_000]


def test_zero_retention_keeps_nothing_after_today():
    volume = Volume(entity_id="t", rows=500, growth_per_month=100, retention_days=0)
    assert [projected_rows(volume, months=m) for m in (0, 12)] == [500, 0]


def test_the_summary_projects_rows_and_bytes_now_in_a_year_and_in_three():
    entity = _entity("t", TypeKind.BIGINT, TypeKind.TEXT)  # 24 + 8 + 64 = 96 bytes
    schema = Schema(entities=(entity,), volumes=(Volume(entity_id="t", rows=1_000, growth_per_month=100),))
    load = workload_summary(schema).entity("t")
    assert load.has_volume and load.row_bytes == 96
    assert [(p.months, p.rows, p.bytes) for p in load.projections] == [
        (0, 1_000, 96_000),
        (12, 2_200, 211_200),
        (36, 4_600, 441_600),
    ]


def test_an_entity_without_a_volume_projects_nothing():
    entity = _entity("t", TypeKind.BIGINT)
    load = workload_summary(Schema(entities=(entity,))).entity("t")
    assert not load.has_volume
    assert [p.rows for p in load.projections] == [0, 0, 0]


# --- loads --------------------------------------------------------------------------------

USERS, POSTS, TAGS, POST_TAGS = (_entity(name, TypeKind.BIGINT) for name in ("users", "posts", "tags", "post_tags"))
RELATIONSHIPS = (
    _ref("rel_author", "posts", "users"),
    _ref("rel_m2m", "posts", "tags", Cardinality.MANY_TO_MANY, join="post_tags"),
)


def _schema(*patterns):
    return Schema(entities=(USERS, POSTS, TAGS, POST_TAGS), relationships=RELATIONSHIPS, patterns=patterns)


def test_reads_and_writes_are_counted_per_second_with_their_peaks():
    schema = _schema(
        _read("list", "posts", 120, peak=600, per=Per.MINUTE),  # 2/s, peak 10/s
        _read("get", "posts", 3),  # no peak: the peak is the average
        _write("add", "posts", 7_200, peak=36_000, per=Per.HOUR),  # 2/s, peak 10/s
    )
    posts = workload_summary(schema).entity("posts")
    assert posts.reads_per_second == pytest.approx(5)
    assert posts.peak_reads_per_second == pytest.approx(13)
    assert posts.writes_per_second == pytest.approx(2)
    assert posts.peak_writes_per_second == pytest.approx(10)
    assert posts.read_share == pytest.approx(5 / 7)
    assert posts.mix == "read"
    assert posts.pattern_ids == ("list", "get", "add")


def test_joins_count_as_reads_on_the_joined_entities():
    schema = _schema(_read("with_author", "posts", 4, peak=8, joins=("rel_author",)))
    summary = workload_summary(schema)
    users = summary.entity("users")
    assert (users.reads_per_second, users.peak_reads_per_second, users.writes_per_second) == (4, 8, 0)
    assert users.pattern_ids == ("with_author",)
    assert summary.entity("posts").reads_per_second == 4
    assert summary.queries_per_second == 4  # one query, however many tables it reads


def test_a_many_to_many_join_reads_the_other_end_and_the_join_entity():
    summary = workload_summary(_schema(_read("tagged", "posts", 2, joins=("rel_m2m",))))
    assert summary.entity("tags").reads_per_second == 2
    assert summary.entity("post_tags").reads_per_second == 2
    assert summary.entity("users").reads_per_second == 0


def test_joining_back_to_the_patterns_own_entity_counts_it_once():
    summary = workload_summary(_schema(_read("tag_posts", "post_tags", 1, joins=("rel_m2m",))))
    assert [summary.entity(e).reads_per_second for e in ("post_tags", "posts", "tags")] == [1, 1, 1]


def test_totals_and_the_hottest_patterns():
    schema = _schema(
        _read("a", "posts", 5, peak=20, name="b-second"),
        _read("b", "posts", 5, name="a-first"),  # a tie on the rate: the name decides
        _read("c", "users", 1),
        _write("d", "posts", 2, peak=4),
    )
    summary = workload_summary(schema, top=3)
    assert [p.id for p in summary.hottest] == ["b", "a", "d"]
    assert (summary.reads_per_second, summary.writes_per_second, summary.queries_per_second) == (11, 2, 13)
    assert summary.peak_per_second == 20 + 5 + 1 + 4


def test_stale_patterns_are_left_out_of_the_numbers_and_listed():
    schema = _schema(
        _read("live", "posts", 1),
        _read("gone_entity", "comments", 100),
        _read("gone_join", "posts", 100, joins=("rel_deleted",)),
        AccessPattern(
            id="gone_field",
            name="gone field",
            kind=PatternKind.READ,
            operation=Operation.POINT_LOOKUP,
            entity_id="posts",
            filters=(Filter(field_id="fld_deleted", op=FilterOp.EQ),),
            frequency=Frequency(average=100),
        ),
    )
    summary = workload_summary(schema)
    assert summary.stale_pattern_ids == ("gone_entity", "gone_join", "gone_field")
    assert summary.queries_per_second == 1
    assert summary.entity("posts").pattern_ids == ("live",)
    assert [p.id for p in summary.hottest] == ["live"]


def test_an_entity_without_load_has_no_share_and_no_mix():
    users = workload_summary(_schema()).entity("users")
    assert (users.per_second, users.read_share, users.mix) == (0, None, None)


# --- for the diagram ----------------------------------------------------------------------


def test_heat_is_each_entitys_load_as_a_share_of_the_busiest():
    schema = _schema(_read("r", "posts", 6, joins=("rel_author",)), _write("w", "posts", 2), _write("u", "users", 1))
    heat = dict(load_heat(schema))
    assert heat == {"users": pytest.approx(7 / 8), "posts": 1.0, "tags": 0.0, "post_tags": 0.0}
    assert all(0 <= share <= 1 for share in heat.values())


def test_heat_is_in_the_shape_the_diagram_options_take():
    from designer.diagram.dot import DiagramOptions, build_dot

    heat = load_heat(_schema(_read("r", "posts", 1)))
    assert isinstance(heat, tuple) and all(isinstance(pair, tuple) and len(pair) == 2 for pair in heat)
    assert "#DC2626" in build_dot(_schema(), options=DiagramOptions(heat=heat))  # the hottest header is red


def test_no_load_means_no_heat():
    assert load_heat(_schema()) == ()


def _mixes(schema) -> dict[str, str]:
    return {load.entity_id: load.mix for load in workload_summary(schema).entities if load.mix is not None}


def test_the_mix_says_read_or_write_for_entities_with_load():
    schema = _schema(_read("r", "posts", 1), _write("w", "users", 3), _read("r2", "users", 1))
    assert _mixes(schema) == {"posts": "read", "users": "write"}


def test_an_even_split_counts_as_read():
    assert _mixes(_schema(_read("r", "posts", 1), _write("w", "posts", 1))) == {"posts": "read"}


# --- formatting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1_000, "1k"),
        (1_500, "1.5k"),
        (12_300_000, "12.3M"),
        (250_000, "250k"),
        (999_960, "1M"),
        (4_200_000_000, "4.2B"),
    ],
)
def test_human_count(n, text):
    assert human_count(n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 B"), (512, "512 B"), (1_500, "1.5 kB"), (1_500_000_000, "1.5 GB"), (2_000_000_000_000, "2 TB")],
)
def test_human_bytes_uses_decimal_units(n, text):
    assert human_bytes(n) == text


@pytest.mark.parametrize(
    ("per_second", "text"),
    [
        (0, "0/s"),
        (1, "1/s"),
        (2.5, "2.5/s"),
        (1_200, "1.2k/s"),
        (0.05, "3/min"),
        (1 / 3600, "1/h"),
        (2 / 86400, "2/day"),
        (1 / 864000, "0.1/day"),
    ],
)
def test_human_rate_switches_to_slower_units_below_one_a_second(per_second, text):
    assert human_rate(per_second) == text


def test_a_type_with_no_portable_kind_is_sized_like_a_text():
    from designer.schema import Entity, Field, FieldType, TypeKind
    from designer.workload import TEXT_BYTES, TUPLE_HEADER_BYTES, estimate_row_bytes

    entity = Entity(
        id="e1", name="places", fields=(Field(id="f1", name="at", type=FieldType(TypeKind.OTHER, written="geometry")),)
    )
    assert estimate_row_bytes(entity) == TUPLE_HEADER_BYTES + TEXT_BYTES
