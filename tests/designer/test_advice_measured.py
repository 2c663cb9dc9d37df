"""The advisor where measurement on a real database proved it wrong (issue 19): each test
fails on the advisor as it was (invalid predicates, shared names, partitioning by a column
the reads ignore, cheap joins denormalised, served patterns called scans, noisy lint)."""

from designer import ops
from designer.advice import analyze
from designer.advice.quality import describe
from designer.formats.dbml import parse_dbml
from designer.problems import errors
from designer.schema import SortOrder, Volume, replace
from designer.validate import validate
from tests.advice_constants import constants_schema
from tests.designer.test_advice import by_code, with_patterns


def index_sql(schema) -> list[str]:
    return [r.sql for r in analyze(schema).recommendations if r.code == "index.pattern"]


# --- the SQL of partial indexes, and their names ------------------------------------------------


def test_constants_typed_in_the_editor_become_valid_quoted_predicates():
    found = "\n".join(index_sql(constants_schema()))
    assert """WHERE "status" IN ('todo', 'in_progress');""" in found
    assert """WHERE "status" IN ('blocked', 'it''s');""" in found
    assert """WHERE "status" = 'review';""" in found  # a bare word is the text it spells
    assert """WHERE "status" = 'x''); DROP TABLE orders; --';""" in found  # one literal, never SQL
    assert """WHERE "priority" = 1 AND "archived" = FALSE;""" in found
    assert """WHERE "deleted_at" IS NULL;""" in found


def test_a_partial_and_a_plain_index_on_one_column_get_different_names():
    orders = [r for r in analyze(constants_schema()).recommendations if r.title.endswith("orders (placed_at)")]
    names = [r.ops[0].index.name for r in orders]
    assert len(orders) == 2 and names == ["orders_placed_at_idx", "orders_placed_at2_idx"]
    after, _ = ops.apply(constants_schema(), ops.Batch(ops=tuple(op for r in orders for op in r.ops)))
    assert not errors(validate(after))


def test_a_recommended_name_avoids_the_names_the_schema_already_uses():
    dbml = """
Table orders {
  id bigint [pk]
  status text
  placed_at timestamptz
  Indexes {
    status [name: 'orders_placed_at_idx']
  }
}"""
    schema = with_patterns(dbml, ("SELECT * FROM orders WHERE placed_at >= $1", 50), volumes={"orders": (10**6, 0)})
    [recommendation] = by_code(schema, "index.pattern")
    assert recommendation.ops[0].index.name == "orders_placed_at2_idx"


# --- existing indexes serve patterns ----------------------------------------------------------

POSTS = """
Table users {
  id bigint [pk]
}
Table posts {
  id bigint [pk]
  author_id bigint [not null, ref: > users.id]
  status text [not null]
  created_at timestamptz [not null]
  Indexes {
    author_id [name: 'posts_author_idx']
    created_at [name: 'posts_live_idx', type: btree, note: 'partial']
  }
}"""
BIG_POSTS = {"posts": (5_000_000, 100_000), "users": (100_000, 1_000)}


def test_a_unique_key_bound_by_the_pattern_serves_it():
    schema = with_patterns(POSTS, ("SELECT * FROM posts WHERE id = $1 AND author_id = $2", 500), volumes=BIG_POSTS)
    assert by_code(schema, "index.pattern") == []


def test_a_partial_index_whose_predicate_the_pattern_implies_serves_it():
    schema = with_patterns(
        POSTS, ("SELECT * FROM posts WHERE status = 'live' ORDER BY created_at LIMIT 20", 500), volumes=BIG_POSTS
    )
    posts = schema.entity_by_name("posts")
    live = replace(posts.indexes[1], predicate="(status = 'live')")
    schema = replace(
        schema, entities=tuple(replace(e, indexes=(e.indexes[0], live)) if e is posts else e for e in schema.entities)
    )
    assert by_code(schema, "index.pattern") == []


def test_an_index_on_the_leading_column_means_no_scan_and_no_critical():
    schema = with_patterns(
        POSTS, ("SELECT * FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20", 500), volumes=BIG_POSTS
    )
    [recommendation] = by_code(schema, "index.pattern")
    assert recommendation.severity == "info"
    assert "index posts_author_idx already narrows each run" in recommendation.rationale
    assert "scans the table" not in recommendation.rationale


# --- foreign keys -------------------------------------------------------------------------------


def test_a_foreign_key_index_says_it_serves_the_check_of_parent_deletes():
    join_from_the_child = "SELECT p.id, u.id FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = $1"
    schema = with_patterns(
        POSTS.replace("    author_id [name: 'posts_author_idx']\n", ""), (join_from_the_child, 50), volumes=BIG_POSTS
    )
    [fk] = by_code(schema, "index.foreign-key")
    assert "for deletes of users" in fk.title
    assert "No declared pattern reads posts by author_id" in fk.rationale
    assert "foreign-key check of deletes of users" in fk.rationale


def test_a_partial_index_serves_the_foreign_key_check_only_when_it_is_the_not_null_one():
    def with_predicate(predicate):
        schema = with_patterns(POSTS, volumes=BIG_POSTS)
        posts = schema.entity_by_name("posts")
        index = replace(posts.indexes[0], predicate=predicate)
        return replace(
            schema, entities=tuple(replace(e, indexes=(index,)) if e is posts else e for e in schema.entities)
        )

    assert by_code(with_predicate('"author_id" IS NOT NULL'), "index.foreign-key") == []
    [fk] = by_code(with_predicate("status = 'live'"), "index.foreign-key")
    assert "is partial (WHERE status = 'live'), so it cannot answer the check" in fk.rationale


# --- partitioning and denormalising -------------------------------------------------------------

COMMENTS = """
Table posts {
  id bigint [pk]
}
Table comments {
  id bigint [pk]
  post_id bigint [not null, ref: > posts.id]
  body text
  created_at timestamptz [not null]
}"""
HUGE = {"comments": (150_000_000, 5_000_000), "posts": (1_000_000, 10_000)}


def test_no_time_partitioning_when_the_reads_are_by_post():
    schema = with_patterns(
        COMMENTS, ("SELECT * FROM comments WHERE post_id = $1 ORDER BY created_at", 100), volumes=HUGE
    )
    assert by_code(schema, "scale.partition") == []


def test_no_partitioning_by_a_time_column_the_table_does_not_have():
    schema = with_patterns(
        "Table logs {\n id bigint [pk]\n level text\n}",
        ("SELECT * FROM logs WHERE level = $1", 5),
        volumes={"logs": (200_000_000, 1_000_000)},
    )
    assert by_code(schema, "scale.partition") == []


def test_time_partitioning_when_the_reads_bound_the_time_column():
    schema = with_patterns(
        COMMENTS, ("SELECT * FROM comments WHERE created_at >= $1 AND created_at < $2", 5), volumes=HUGE
    )
    [partition] = by_code(schema, "scale.partition")
    assert partition.title == "Partition comments by created_at"
    assert "the declared reads bound created_at with a range" in partition.rationale
    assert partition.sql.startswith(
        'CREATE TABLE "comments_partitioned" (LIKE "comments" INCLUDING ALL EXCLUDING INDEXES) '
        'PARTITION BY RANGE ("created_at");\nALTER TABLE "comments_partitioned" ADD PRIMARY KEY ("id", "created_at");'
    )


USERS_COMMENTS = """
Table users {
  id bigint [pk]
  name text
}
Table comments {
  id bigint [pk]
  user_id bigint [not null, ref: > users.id]
  post_id bigint [not null]
  created_at timestamptz
}"""


def test_a_cheap_join_is_not_denormalised_and_a_costly_one_states_the_threshold():
    query = (
        "SELECT c.id, u.name FROM comments c JOIN users u ON u.id = c.user_id WHERE c.post_id = $1 "
        "ORDER BY c.created_at DESC LIMIT 50"
    )
    cheap = with_patterns(USERS_COMMENTS, (query, 150))  # the demo's 0.08 ms join at 150/s
    assert by_code(cheap, "model.denormalize") == []
    [costly] = by_code(with_patterns(USERS_COMMENTS, (query, 2000)), "model.denormalize")
    assert "about 100k users lookups a second at peak" in costly.rationale
    assert "above the 0.1 s threshold (a tenth of a core)" in costly.rationale


# --- lint ---------------------------------------------------------------------------------------


def test_timestamps_are_one_finding_for_the_schema_and_keep_their_instants():
    schema = parse_dbml(
        "Table t {\n id bigint [pk]\n a timestamp\n b timestamp\n c timestamptz\n}\n"
        "Table u {\n id bigint [pk]\n d timestamp\n}"
    )
    [finding] = by_code(schema, "type.timestamptz")
    assert finding.title == "Use timestamptz for 3 timestamp columns in 2 tables"
    assert finding.rationale.startswith("t.a, t.b, u.d are timestamps without time zone")
    assert finding.sql == (
        'ALTER TABLE "t" ALTER COLUMN "a" TYPE timestamptz USING "a" AT TIME ZONE \'UTC\',\n'
        '  ALTER COLUMN "b" TYPE timestamptz USING "b" AT TIME ZONE \'UTC\';\n'
        'ALTER TABLE "u" ALTER COLUMN "d" TYPE timestamptz USING "d" AT TIME ZONE \'UTC\';'
    )
    after, _ = ops.apply(schema, ops.Batch(ops=finding.ops))
    assert by_code(after, "type.timestamptz") == []


def test_a_tax_id_that_references_a_row_is_not_a_national_id():
    dbml = """
Table taxes {
  id bigint [pk]
}
Table invoices {
  id bigint [pk]
  tax_id bigint [ref: > taxes.id]
}
Table people {
  id bigint [pk]
  tax_id text
}"""
    assert [describe(r, parse_dbml(dbml)) for r in by_code(parse_dbml(dbml), "security.national-id")] == [
        "security.national-id people(tax_id)"
    ]


def test_a_rate_is_not_money_and_money_is_converted_without_rounding():
    # total_time: pghero_query_stats' milliseconds (the real-world corpus), a quantity in another unit.
    schema = parse_dbml("Table items {\n id bigint [pk]\n tax_rate float8\n total_time float8\n price float8\n}")
    [money] = by_code(schema, "type.money")
    assert describe(money, schema) == "type.money items(price)"
    assert money.sql == 'ALTER TABLE "items" ALTER COLUMN "price" TYPE numeric;'


def test_indexes_that_differ_in_order_include_or_predicate_are_not_duplicates():
    dbml = """
Table t {
  id bigint [pk]
  a text
  b text
  Indexes {
    a [name: 'a_asc']
    (a, b) [name: 'a_b']
    a [name: 'a_again']
  }
}"""
    schema = parse_dbml(dbml)
    entity = schema.entities[0]
    a_asc, a_b, a_again = entity.indexes
    desc = replace(a_again, columns=(replace(a_again.columns[0], order=SortOrder.DESC),), name="a_desc")
    covering = replace(a_again, include=(entity.field_by_name("id").id,), name="a_covering")
    partial = replace(a_again, predicate="b IS NULL", name="a_partial")
    same = replace(a_again, name="a_same")
    found = {}
    for extra in (desc, covering, partial, same):
        variant = replace(schema, entities=(replace(entity, indexes=(a_b, extra)),))
        found[extra.name] = [(r.code, r.title) for r in analyze(variant).recommendations if r.code.startswith("index.")]
    assert found["a_covering"] == [] and found["a_partial"] == []  # a_b holds no id, and every row
    assert [c for c, _ in found["a_desc"]] == ["index.redundant"]  # a B-tree reads both ways
    assert [c for c, _ in found["a_same"]] == ["index.redundant"]
    variant = replace(schema, entities=(replace(entity, indexes=(a_asc, same)),))
    assert [r.code for r in analyze(variant).recommendations if r.code.startswith("index.")] == ["index.duplicate"]


def test_an_integer_key_that_ten_years_of_inserts_exhaust_gets_bigint_advice():
    schema = with_patterns(
        "Table events {\n id integer [pk, increment]\n kind text\n}", ("INSERT INTO events (kind) VALUES ($1)", 5)
    )
    schema = replace(schema, volumes=(Volume(entity_id=schema.entities[0].id, rows=1_000, retention_days=30),))
    [bigint] = by_code(schema, "type.bigint-key")
    assert bigint.severity == "warning" and "deleted rows included" in bigint.rationale


def test_a_written_serial_key_gets_identity_advice_with_runnable_sql():
    schema = parse_dbml("Table t {\n id serial [pk]\n}")
    [identity] = by_code(schema, "type.identity")
    assert identity.sql == (
        'ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;\n'
        'DROP SEQUENCE IF EXISTS "t_id_seq";\n'
        'ALTER TABLE "t" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY;\n'
        'SELECT setval(pg_get_serial_sequence(\'"t"\', \'id\'), COALESCE(max("id"), 0) + 1, false) FROM "t";'
    )


def test_only_a_value_that_can_be_a_credential_is_flagged_as_a_password_or_a_secret():
    # Misfires on the real-world corpus (graphile-starter, guacamole, panoptes, registry, synapse).
    dbml = """
Table users {
  id bigint [pk]
  password text
  reset_password_token varchar
  reset_password_sent_at timestamp
  failed_password_attempts int
  password_salt bytea
  encrypted_password varchar
  api_key text
  token_used_ts_ms bigint
  refresh_token_id bigint
}"""
    schema = parse_dbml(dbml)
    found = [describe(r, schema) for r in analyze(schema).recommendations if r.code.startswith("security.")]
    assert sorted(f for f in found if "password" in f or "secret" in f) == [
        "security.password users(password)",
        "security.password users(reset_password_token)",
        "security.secret users(api_key)",
    ]


def test_a_state_of_an_address_and_a_role_kept_in_a_roles_table_are_not_a_fixed_set_of_values():
    dbml = """
Table contacts {
  id bigint [pk]
  status text
  state text
  city text
  seller_state text
  organizational_role text
}
Table jobs {
  id bigint [pk]
  state text
}
Table users {
  id bigint [pk]
  role text
}"""
    schema = parse_dbml(dbml)
    assert sorted(describe(r, schema) for r in by_code(schema, "type.enum")) == [
        "type.enum contacts(status)",
        "type.enum jobs(state)",
        "type.enum users(role)",
    ]
    with_roles = parse_dbml(dbml + "\nTable project_has_roles {\n  id bigint [pk]\n  role text\n}")
    assert "type.enum users(role)" not in [describe(r, with_roles) for r in by_code(with_roles, "type.enum")]
