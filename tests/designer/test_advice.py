"""The advisor's core: pure, no database. Rules are checked on small schemas built for
each point, plus the demo project; bad input must give sensible output, never raise."""

import json
from pathlib import Path

import pytest

from designer import ops
from designer.advice import analysis_to_dict, analyze, review_markdown
from designer.advice.quality import describe, load_fixture
from designer.diagram import build_dot
from designer.examples import blog_schema
from designer.formats.dbml import parse_dbml
from designer.problems import errors
from designer.schema import Consistency, Entity, Field, FieldType, Frequency, Schema, TypeKind, Volume, replace
from designer.sqlpattern import pattern_from_sql
from designer.validate import validate

FIXTURES = Path(__file__).parents[1] / "advisor_fixtures"


def with_patterns(dbml: str, *patterns: tuple, volumes: dict | None = None) -> Schema:
    """``patterns``: (sql, per second[, consistency]) tuples; ``volumes``: entity name → (rows, growth)."""
    schema = parse_dbml(dbml)
    for number, (sql, rate, *rest) in enumerate(patterns, start=1):
        pattern = pattern_from_sql(sql, schema=schema, name=f"p{number}")
        pattern = replace(pattern, frequency=Frequency(average=rate))
        if rest:
            pattern = replace(pattern, consistency=Consistency(rest[0]))
        schema = replace(schema, patterns=(*schema.patterns, pattern))
    found = tuple(
        Volume(entity_id=schema.entity_by_name(name).id, rows=rows, growth_per_month=growth)
        for name, (rows, growth) in (volumes or {}).items()
    )
    return replace(schema, volumes=found)


def items(schema: Schema) -> list[str]:
    return [describe(r, schema) for r in analyze(schema).recommendations]


def by_code(schema: Schema, code: str):
    return [r for r in analyze(schema).recommendations if r.code == code]


ORDERS = """
Table customers {
  id bigint [pk, increment]
  email text [not null]
}
Table orders {
  id bigint [pk, increment]
  tenant_id bigint [not null]
  customer_id bigint [not null, ref: > customers.id]
  status text [not null]
  total "numeric(12,2)" [not null]
  placed_at timestamptz [not null]
  note text
}
"""
BIG = {"orders": (1_000_000, 10_000), "customers": (100_000, 1_000)}


# --- the demo project --------------------------------------------------------------------


def test_demo_gets_postgresql_with_redis_and_an_index_citing_its_pattern():
    schema = blog_schema()
    analysis = analyze(schema)
    assert analysis.technology.primary == "postgresql" and analysis.technology.cache == "redis"
    assert analysis.technology.scores["postgresql"] > analysis.technology.scores["mongodb"]
    assert any("86% of reads" in line for line in analysis.technology.rationale)
    index = next(r for r in analysis.recommendations if r.code == "index.pattern")
    assert index.severity == "critical"
    assert "'recent comments of a post' 150/s (peak 700/s), filters post_id = ?, sorts by created_at desc" in (
        index.rationale
    )
    assert "900k rows now, 3.1M in 36 months" in index.rationale
    assert index.sql == (
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS "comments_post_id_created_at_idx" ON "comments" '
        '("post_id", "created_at" DESC);'
    )


def test_applying_the_demo_index_validates_and_the_advice_is_gone_afterwards():
    schema = blog_schema()
    index = next(r for r in analyze(schema).recommendations if r.code == "index.pattern")
    after, _ = ops.apply(schema, ops.Batch(ops=index.ops))
    assert not errors(validate(after))
    # The diagram marks the two new key columns (post_id, created_at) as indexed.
    assert build_dot(after).count("IX</font>") == build_dot(schema).count("IX</font>") + 2
    remaining = items(after)
    assert "index.pattern comments(post_id, created_at desc)" not in remaining
    assert not any(i.startswith("index.foreign-key comments(post_id") for i in remaining)


def test_demo_cache_names_key_structure_ttl_and_invalidating_writes():
    caches = {r.title: r for r in analyze(blog_schema()).recommendations if r.code == "cache.aside"}
    post = caches["Cache 'post by slug' in Redis (hash)"]
    assert "key posts:slug:{slug}, a hash" in post.rationale and "TTL 300 s" in post.rationale
    assert "delete the key on 'insert post' (8/h), 'update post title and body' (2.5/h)" in post.rationale
    comments = caches["Cache 'recent comments of a post' in Redis (list)"]
    assert "the newest 50 entries" in comments.rationale and "TTL 60 s" in comments.rationale


def test_a_rich_schema_with_hostile_names_and_every_type_analyses():
    schema = parse_dbml((Path(__file__).parent / "fixtures" / "rich.dbml").read_text())
    codes = {r.code for r in analyze(schema).recommendations}
    assert {"type.timestamptz", "type.char", "model.foreign-key-type"} <= codes


# --- indexes -----------------------------------------------------------------------------


def test_equality_then_sort_then_range():
    schema = with_patterns(
        ORDERS, ("SELECT * FROM orders WHERE total > $1 AND customer_id = $2 ORDER BY placed_at DESC", 5), volumes=BIG
    )
    assert "index.pattern orders(customer_id, placed_at desc, total)" in items(schema)


def test_constant_filter_makes_a_partial_index_and_a_hot_narrow_read_covers():
    schema = with_patterns(
        ORDERS,
        ("SELECT id, total FROM orders WHERE customer_id = $1 AND status = 'open' ORDER BY placed_at DESC", 50),
        volumes=BIG,
    )
    [index] = by_code(schema, "index.pattern")
    assert index.index.predicate == "\"status\" = 'open'"
    assert [schema.find_field(i)[1].name for i in index.index.include] == ["id", "total"]
    assert index.sql.endswith('INCLUDE ("id", "total") WHERE "status" = \'open\';')


def test_patterns_sharing_leading_columns_get_one_index():
    schema = with_patterns(
        ORDERS,
        ("SELECT * FROM orders WHERE tenant_id = $1", 30),
        ("SELECT * FROM orders WHERE tenant_id = $1 AND customer_id = $2 ORDER BY placed_at", 10),
        ("SELECT count(*) FROM orders WHERE tenant_id = $1 AND customer_id = $2", 2),
        volumes=BIG,
    )
    [index] = by_code(schema, "index.pattern")
    assert describe(index, schema) == "index.pattern orders(tenant_id, customer_id, placed_at)"
    assert len(index.pattern_ids) == 3 and "3" not in index.title  # one index serves all three


def test_an_existing_index_read_backwards_serves_the_pattern():
    dbml = ORDERS.replace("  note text\n", "  note text\n  Indexes {\n    (customer_id, placed_at)\n  }\n")
    schema = with_patterns(
        dbml, ("SELECT * FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC", 50), volumes=BIG
    )
    assert by_code(schema, "index.pattern") == []


def test_a_prefix_search_gets_a_c_collation_key_in_postgresql():
    # Measured (docs/verification.md): a plain B-tree under C.UTF-8 was walked in name order,
    # 4x slower than no index; the C-collation key turns LIKE 'x%' into a range scan.
    schema = with_patterns(ORDERS, ("SELECT id FROM orders WHERE note LIKE $1 || '%' ORDER BY note", 5), volumes=BIG)
    [index] = by_code(schema, "index.pattern")
    assert describe(index, schema) == "index.pattern orders(note COLLATE C)" and "C collation" in index.tradeoffs
    assert 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_note_prefix_idx" ON "orders" (("note" COLLATE "C"))' in (
        index.sql
    )


def test_a_prefix_search_keeps_a_plain_key_in_mysql():
    # MySQL's B-tree serves LIKE 'x%' under the column's own collation.
    schema = with_patterns(ORDERS, ("SELECT id FROM orders WHERE note LIKE $1 || '%' ORDER BY note", 5), volumes=BIG)
    schema = replace(schema, database_type="mysql")
    [index] = by_code(schema, "index.pattern")
    assert describe(index, schema) == "index.pattern orders(note)"


def test_small_tables_get_no_pattern_index():
    schema = with_patterns(ORDERS, ("SELECT * FROM orders WHERE status = $1", 50), volumes={"orders": (200, 5)})
    assert by_code(schema, "index.pattern") == []


def test_gin_for_containment_and_full_text():
    dbml = 'Table docs {\n id bigint [pk]\n tags "text[]"\n body text\n}'
    schema = with_patterns(
        dbml,
        ("SELECT * FROM docs WHERE tags @> ARRAY[$1]", 5),
        ("SELECT id FROM docs WHERE to_tsvector('english', body) @@ plainto_tsquery($1)", 5),
        ("SELECT id FROM docs WHERE body LIKE '%' || $1 || '%'", 5),
    )
    found = {describe(r, schema): r for r in by_code(schema, "index.pattern")}
    assert set(found) == {
        "index.pattern docs(tags) gin",
        "index.pattern docs(to_tsvector('simple', body)) gin",
        "index.pattern docs(body) gin",
    }
    trigram = found["index.pattern docs(body) gin"]
    assert trigram.ops == () and "gin_trgm_ops" in trigram.sql  # not expressible as a schema edit


def test_lint_of_declared_indexes():
    dbml = """
Table parents {
  id bigint [pk]
}
Table children {
  id bigint [pk]
  parent_id bigint [not null, ref: > parents.id]
  flag boolean
  a int
  b int
  Indexes {
    a [name: 'a_idx']
    (a, b) [name: 'a_b_idx']
    (a, b) [name: 'a_b_again_idx']
    flag [name: 'flag_idx']
    id [name: 'id_idx']
  }
}"""
    schema = with_patterns(dbml, volumes={"children": (100_000, 1_000), "parents": (1_000, 10)})
    found = items(schema)
    assert "index.foreign-key children(parent_id)" in found
    assert "index.redundant children(a)" in found
    assert "index.duplicate children(a, b)" in found
    assert "index.low-cardinality children(flag)" in found
    assert "index.duplicate children(id)" in found  # the primary key already is that index
    for recommendation in analyze(schema).recommendations:
        ops.apply(schema, ops.Batch(ops=recommendation.ops))  # every edit applies


def test_write_heavy_entity_index_nobody_reads_costs_more_than_it_serves():
    dbml = "Table log {\n id bigint [pk]\n kind text\n at timestamptz\n Indexes {\n  kind [name: 'kind_idx']\n }\n}"
    schema = with_patterns(dbml, ("INSERT INTO log (kind, at) VALUES ($1, $2)", 100))
    [cost] = by_code(schema, "index.write-cost")
    assert "100/s writes against 0/s reads" in cost.rationale
    assert isinstance(cost.ops[0], ops.RemoveIndex)


def test_hot_reads_get_denormalising_advice_with_their_costs():
    schema = with_patterns(
        ORDERS,
        (
            "SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = $1 "
            "ORDER BY o.placed_at DESC LIMIT 20",
            4000,
        ),
        ("SELECT count(*) FROM orders WHERE customer_id = $1", 30),
        ("SELECT sum(total) FROM orders WHERE tenant_id = $1", 12, "eventual"),
        ("UPDATE customers SET email = $1 WHERE id = $2", 2),
        volumes=BIG,
    )
    found = {r.code: r for r in analyze(schema).recommendations if r.category == "model"}
    assert {"model.denormalize", "model.counter", "model.materialized-view"} <= set(found)
    assert "(2/s declared)" in found["model.denormalize"].tradeoffs  # the write cost of the copies
    assert "as old as the last refresh" in found["model.materialized-view"].tradeoffs


# --- types ---------------------------------------------------------------------------------


def test_type_rules_change_the_field_and_spell_the_sql():
    dbml = """
Table t {
  id integer [pk, default: `nextval('t_id_seq')`]
  at timestamp
  code "varchar(20)"
  price float8
  cost money
  doc json
}
Table r {
  id bigint [pk]
  t_id integer [ref: > t.id]
}"""
    schema = with_patterns(dbml, volumes={"t": (2_000_000_000, 100_000_000)})
    found = {describe(r, schema): r for r in analyze(schema).recommendations if r.category == "type"}
    assert set(found) == {
        "type.bigint-key t(id)",
        "type.timestamptz t(at)",
        "type.text t(code)",
        "type.money t(price)",
        "type.money t(cost)",
        "type.jsonb t(doc)",
        "type.identity t(id)",
    }
    assert found["type.timestamptz t(at)"].sql == (
        'ALTER TABLE "t" ALTER COLUMN "at" TYPE timestamptz USING "at" AT TIME ZONE \'UTC\';'
    )
    assert found["type.jsonb t(doc)"].sql == 'ALTER TABLE "t" ALTER COLUMN "doc" TYPE jsonb;'
    bigint = found["type.bigint-key t(id)"]
    assert bigint.severity == "critical" and 'ALTER TABLE "r" ALTER COLUMN "t_id" TYPE bigint;' in bigint.sql
    after, _ = ops.apply(schema, ops.Batch(ops=bigint.ops))
    assert after.entity_by_name("r").field_by_name("t_id").type.kind == "bigint" and not errors(validate(after))


def test_type_advice_is_postgresql_advice():
    schema = replace(parse_dbml("Table t {\n id int [pk]\n at timestamp\n}"), database_type="MySQL")
    assert [r for r in analyze(schema).recommendations if r.category == "type"] == []


# --- bad and partial input ---------------------------------------------------------------------


def test_empty_project():
    analysis = analyze(Schema())
    assert analysis.technology.primary == "postgresql" and analysis.technology.cache is None
    assert analysis.recommendations == () and analysis.notes == ("The schema is empty.",)
    assert "Design review" in review_markdown(
        analysis_to_dict(analysis, schema=Schema(), revision=0, internal=True), project_name="empty"
    )


def test_patterns_needing_fixing_are_left_out_and_named():
    schema = with_patterns(ORDERS, ("SELECT * FROM orders WHERE customer_id = $1 ORDER BY placed_at", 50), volumes=BIG)
    orders = schema.entity_by_name("orders")
    schema, _ = ops.apply(schema, ops.RemoveField(entity_id=orders.id, field_id=orders.field_by_name("placed_at").id))
    analysis = analyze(schema)
    assert analysis.notes == ("Left out until fixed (they name something deleted): 'p1'.",)
    assert not any(r.code == "index.pattern" for r in analysis.recommendations)


def test_entities_without_keys_and_patterns_without_filters():
    dbml = "Table a {\n id bigint\n b_id bigint\n}\nTable b {\n name text\n}\nRef: a.b_id > b.name"
    schema = with_patterns(dbml, ("SELECT * FROM a", 10), ("SELECT * FROM b ORDER BY name", 10))
    found = items(schema)
    assert "model.primary-key a" in found and "model.primary-key b" in found
    key = next(r for r in analyze(schema).recommendations if describe(r, schema) == "model.primary-key a")
    after, _ = ops.apply(schema, ops.Batch(ops=key.ops))
    assert after.entity_by_name("a").primary_key == (after.entity_by_name("a").field_by_name("id").id,)


def test_mongodb_project_gets_document_advice_and_create_index():
    schema = replace(
        with_patterns(
            ORDERS,
            ("SELECT * FROM orders WHERE customer_id = $1 ORDER BY placed_at", 20),
            volumes={"orders": (1_000_000, 50_000), "customers": (100_000, 1_000)},  # customers keep ordering
        ),
        database_type="MongoDB",
    )
    codes = {r.code for r in analyze(schema).recommendations}
    assert "mongo.index" in codes and "mongo.reference" in codes
    assert not any(c.startswith(("index.", "type.")) for c in codes)


def test_every_recommendation_of_every_fixture_applies_cleanly():
    for path in sorted(FIXTURES.glob("*.toml")):
        fixture = load_fixture(path.read_text(), name=path.stem)
        for recommendation in analyze(fixture.schema).recommendations:
            if recommendation.ops:
                after, _ = ops.apply(fixture.schema, ops.Batch(ops=recommendation.ops))
                assert not errors(validate(after)), (path.stem, recommendation.code)


# --- output ------------------------------------------------------------------------------------


def test_json_shape_uses_names():
    schema = blog_schema()
    data = analysis_to_dict(analyze(schema), schema=schema, revision=7)
    assert set(data) == {"revision", "technology", "recommendations"} and data["revision"] == 7
    assert set(data["technology"]) == {"primary", "cache", "scores", "rationale", "would_change_if"}
    index = next(r for r in data["recommendations"] if r["code"] == "index.pattern")
    assert set(index) == {
        "code",
        "category",
        "severity",
        "title",
        "rationale",
        "tradeoffs",
        "entity",
        "fields",
        "patterns",
        "sql",
        "index",
    }
    assert index["entity"] == "comments" and index["fields"] == ["post_id", "created_at"]
    assert index["patterns"] == ["recent comments of a post"]
    assert index["index"] == {
        "entity": "comments",
        "columns": [
            {"field": "post_id", "expression": None, "order": "asc"},
            {"field": "created_at", "expression": None, "order": "desc"},
        ],
        "unique": False,
        "predicate": None,
        "include": [],
        "method": "btree",
    }
    json.dumps(data)  # plain data all the way down


def test_hostile_names_are_quoted_in_sql_and_escaped_in_markdown():
    key = Field(id="f1", name="id", type=FieldType(TypeKind.BIGINT), nullable=False)
    password = Field(id="f2", name='password_"x', type=FieldType(TypeKind.TEXT))
    schema = Schema(entities=(Entity(id="e1", name='we"ird *x*', fields=(key, password), primary_key=("f1",)),))
    [password] = by_code(schema, "security.password")
    assert password.sql == 'ALTER TABLE "we""ird *x*" RENAME COLUMN "password_""x" TO "password_""x_hash";'
    text = review_markdown(
        analysis_to_dict(analyze(schema), schema=schema, revision=1, internal=True), project_name="<b>*p*</b>"
    )
    assert "\\<b\\>\\*p\\*\\</b\\>" in text and "<b>" not in text


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.toml")), ids=lambda p: p.stem)
def test_fixtures_parse(path):
    fixture = load_fixture(path.read_text(), name=path.stem)
    assert fixture.schema.patterns and any(i.startswith("technology ") for i in fixture.expected)


def test_identity_advice_on_a_dumped_serial_names_its_own_sequence():
    from designer.formats import import_text

    dump = (
        "CREATE TABLE public.t (id integer NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (id));\n"
        "ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_numbers'::regclass);\n"
    )
    schema = import_text(dump, fmt="postgresql").schema
    assert schema.entities[0].fields[0].sequence == "t_numbers"
    found = {describe(r, schema): r for r in analyze(schema).recommendations if r.category == "type"}
    assert '"t_numbers"' in found["type.identity t(id)"].sql and "t_id_seq" not in found["type.identity t(id)"].sql


def test_bigint_advice_on_a_serial_key_is_applied_as_a_bigserial():
    """Its migration alters the integer type and the sequence (run on PostgreSQL by
    tests/integration/test_advice_sql.py, keys-as-written)."""
    from designer.formats import import_text
    from designer.migrate import diff, render

    schema = import_text("CREATE TABLE t (id serial PRIMARY KEY, v text);", fmt="postgresql").schema
    schema = replace(schema, volumes=(Volume(entity_id=schema.entities[0].id, rows=2_000_000_000),))
    advice = next(r for r in analyze(schema).recommendations if r.code == "type.bigint-key")
    after, _ = ops.Batch(ops=advice.ops).apply(schema)
    assert after.entities[0].fields[0].type.written == "bigserial"
    up = render(diff(schema, after), dialect="postgresql", old=schema, new=after, zero_downtime=False).up
    assert 'TYPE bigint USING "id"::bigint;' in up and "'ALTER SEQUENCE %s AS bigint'" in up


def test_no_foreign_key_index_is_advised_for_mysql_where_innodb_makes_one():
    # Measured (docs/verification.md): on MariaDB the delete's child look-up already used
    # InnoDB's own index (0.35 ms); the advised twin only cost writes.
    dbml = """
Table users {
  id bigint [pk]
}
Table comments {
  id bigint [pk]
  author_id bigint [not null, ref: > users.id]
}
"""
    big = {"users": (1_000_000, 1_000), "comments": (5_000_000, 10_000)}
    schema = with_patterns(dbml, ("DELETE FROM users WHERE id = $1", 1), volumes=big)
    assert [describe(r, schema) for r in by_code(schema, "index.foreign-key")] == [
        "index.foreign-key comments(author_id)"
    ]
    assert by_code(replace(schema, database_type="MySQL"), "index.foreign-key") == []
