"""Access patterns from SQL: every filter and operation, joins, and every way to fail."""

import pytest

from designer.problems import SchemaError, errors
from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Index,
    IndexColumn,
    Operation,
    Pagination,
    PatternKind,
    Relationship,
    Schema,
    SortKey,
    SortOrder,
    TypeKind,
    ValueKind,
    replace,
)
from designer.sqlpattern import pattern_from_sql
from designer.validate import validate

BIGINT, TEXT, STAMP = FieldType(TypeKind.BIGINT), FieldType(TypeKind.TEXT), FieldType(TypeKind.TIMESTAMPTZ)


def _entity(entity_id, name, *fields, primary_key=("id",), namespace=None, indexes=()):
    built = tuple(Field(id=f"{entity_id}.{n}", name=n, type=t, unique=n in ("email", "slug")) for n, t in fields)
    key = tuple(f"{entity_id}.{n}" for n in primary_key)
    return Entity(id=entity_id, name=name, fields=built, primary_key=key, namespace=namespace, indexes=indexes)


def _ref(rel_id, source, field, target, cardinality=Cardinality.ONE_TO_MANY, join_entity_id=None):
    return Relationship(
        id=rel_id,
        cardinality=cardinality,
        from_entity_id=source,
        from_field_ids=(f"{source}.{field}",),
        to_entity_id=target,
        to_field_ids=(f"{target}.id",),
        join_entity_id=join_entity_id,
    )


SCHEMA = Schema(
    entities=(
        _entity(
            "u",
            "users",
            ("id", BIGINT),
            ("email", TEXT),
            ("display_name", TEXT),
            ("profile", FieldType(TypeKind.JSON)),
            ('we"ird; DROP', TEXT),
        ),
        _entity(
            "p",
            "posts",
            ("id", BIGINT),
            ("author_id", BIGINT),
            ("editor_id", BIGINT),
            ("title", TEXT),
            ("slug", TEXT),
            ("body", TEXT),
            ("status", FieldType(TypeKind.ENUM, enum_id="status")),
            ("labels", FieldType(TypeKind.TEXT, array=True)),
            ("published_at", STAMP),
            ("created_at", STAMP),
        ),
        _entity(
            "c",
            "comments",
            ("id", BIGINT),
            ("post_id", BIGINT),
            ("author_id", BIGINT),
            ("body", TEXT),
            ("created_at", STAMP),
        ),
        _entity("t", "tags", ("id", BIGINT), ("name", TEXT)),
        _entity("pt", "post_tags", ("post_id", BIGINT), ("tag_id", BIGINT), primary_key=("post_id", "tag_id")),
        _entity("ev", "events", ("id", BIGINT), ("kind", TEXT), namespace="audit"),
        _entity("mx", "Mixed", ("id", BIGINT), ("Name", TEXT)),
        _entity(
            "m",
            "memberships",
            ("org_id", BIGINT),
            ("user_id", BIGINT),
            primary_key=(),
            indexes=(
                Index(
                    id="m_idx",
                    unique=True,
                    columns=(IndexColumn(field_id="m.org_id"), IndexColumn(field_id="m.user_id")),
                ),
            ),
        ),
    ),
    relationships=(
        _ref("rel_author", "p", "author_id", "u"),
        _ref("rel_editor", "p", "editor_id", "u"),
        _ref("rel_comment_post", "c", "post_id", "p"),
        _ref("rel_comment_author", "c", "author_id", "u"),
        _ref("rel_pt_post", "pt", "post_id", "p"),
        _ref("rel_pt_tag", "pt", "tag_id", "t"),
        _ref("rel_m2m", "p", "id", "t", cardinality=Cardinality.MANY_TO_MANY, join_entity_id="pt"),
    ),
    enums=(Enum(id="status", name="post_status", values=(EnumValue("draft"), EnumValue("published"))),),
)


def _pattern(sql, **kw) -> AccessPattern:
    return pattern_from_sql(sql, schema=SCHEMA, **kw)


def _filters(sql):
    return _pattern(sql).filters


def _problems(sql):
    with pytest.raises(SchemaError) as raised:
        _pattern(sql)
    return raised.value.problems


def _codes(sql):
    return [p.code for p in _problems(sql)]


def _text(sql):
    return " | ".join(p.message for p in _problems(sql))


# --- filters ------------------------------------------------------------------------------

PARAM, CONST = ValueKind.PARAMETER, ValueKind.CONSTANT


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("slug = $1", Filter("p.slug", FilterOp.EQ)),
        ("$1 = slug", Filter("p.slug", FilterOp.EQ)),
        ("status = 'published'", Filter("p.status", FilterOp.EQ, CONST, "'published'")),
        ("status = 'published'::post_status", Filter("p.status", FilterOp.EQ, CONST, "'published'")),
        ("id IN (1, 2, 3)", Filter("p.id", FilterOp.IN, CONST, "(1, 2, 3)")),
        ("id IN ($1, $2)", Filter("p.id", FilterOp.IN)),
        ("id = ANY($1)", Filter("p.id", FilterOp.IN)),
        ("status = 'draft' OR status = 'published'", Filter("p.status", FilterOp.IN, CONST, "('draft', 'published')")),
        ("created_at < $1", Filter("p.created_at", FilterOp.LT)),
        ("created_at <= $1", Filter("p.created_at", FilterOp.LTE)),
        (
            "created_at > now() - interval '7 days'",
            Filter("p.created_at", FilterOp.GT, CONST, "now() - CAST('7 days' AS interval)"),
        ),
        ("created_at >= $1", Filter("p.created_at", FilterOp.GTE)),
        ("$1 < created_at", Filter("p.created_at", FilterOp.GT)),
        ("created_at BETWEEN $1 AND $2", Filter("p.created_at", FilterOp.BETWEEN)),
        ("id BETWEEN 10 AND 20", Filter("p.id", FilterOp.BETWEEN, CONST, "10 AND 20")),
        ("title LIKE 'How to%'", Filter("p.title", FilterOp.PREFIX, CONST, "'How to%'")),
        ("title LIKE $1 || '%'", Filter("p.title", FilterOp.PREFIX)),
        ("title ILIKE $1 || '%'", Filter("p.title", FilterOp.PREFIX)),
        ("published_at IS NULL", Filter("p.published_at", FilterOp.IS_NULL, CONST)),
        ("published_at IS NOT NULL", Filter("p.published_at", FilterOp.IS_NOT_NULL, CONST)),
        ("labels @> ARRAY[$1]", Filter("p.labels", FilterOp.ARRAY_CONTAINS)),
        ("labels @> ARRAY['sql']", Filter("p.labels", FilterOp.ARRAY_CONTAINS, CONST, "ARRAY['sql']")),
    ],
)
def test_each_condition_becomes_its_filter(where, expected):
    assert _filters(f"SELECT * FROM posts WHERE {where} ORDER BY id") == (expected,)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("title LIKE '%sql%'", Filter("p.title", FilterOp.CONTAINS, CONST, "'%sql%'")),
        ("title ILIKE '%' || $1 || '%'", Filter("p.title", FilterOp.CONTAINS)),
        ("to_tsvector('english', body) @@ plainto_tsquery('english', $1)", Filter("p.body", FilterOp.FULL_TEXT)),
        ("body @@ to_tsquery('cat')", Filter("p.body", FilterOp.FULL_TEXT, CONST, "to_tsquery('cat')")),
    ],
)
def test_contains_and_full_text_filters_make_a_search(where, expected):
    pattern = _pattern(f"SELECT * FROM posts WHERE {where}")
    assert pattern.filters == (expected,)
    assert pattern.operation is Operation.SEARCH


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("profile->>'city' = $1", Filter("u.profile", FilterOp.JSON_PATH, PARAM, "{city}")),
        ("profile->'address'->>'city' = $1", Filter("u.profile", FilterOp.JSON_PATH, PARAM, "{address,city}")),
        ("profile #>> '{address,city}' = 'Oslo'", Filter("u.profile", FilterOp.JSON_PATH, CONST, "{address,city}")),
    ],
)
def test_json_paths_keep_the_path_as_the_value(where, expected):
    assert _filters(f"SELECT * FROM users WHERE {where}") == (expected,)


def test_conditions_joined_by_and_become_filters_in_order():
    filters = _filters("SELECT * FROM posts WHERE author_id = $1 AND (status = 'published' AND title IS NOT NULL)")
    assert [f.field_id for f in filters] == ["p.author_id", "p.status", "p.title"]


# --- parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "placeholder", ["$1", ":slug", "%(slug)s", "%s", "?"], ids=["dollar", "colon", "pyformat", "format", "qmark"]
)
def test_every_placeholder_style_is_a_parameter(placeholder):
    pattern = _pattern(f"SELECT * FROM posts WHERE slug = {placeholder} AND id > {placeholder} LIMIT 5")
    assert [f.value_kind for f in pattern.filters] == [PARAM, PARAM]


def test_placeholder_lookalikes_in_strings_comments_and_casts_stay_text():
    sql = "SELECT * FROM posts /* :x ? */ WHERE status = ':draft?' AND id = $1::bigint -- :y"
    assert _filters(sql) == (Filter("p.status", FilterOp.EQ, CONST, "':draft?'"), Filter("p.id", FilterOp.EQ))


def test_the_jsonb_has_key_operator_is_not_a_placeholder():
    assert "has no filter form" in _text("SELECT * FROM users WHERE profile ? 'city'")


# --- operations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "operation"),
    [
        ("SELECT * FROM posts WHERE slug = $1", Operation.POINT_LOOKUP),
        ("SELECT * FROM posts WHERE id = $1 AND status = 'published'", Operation.POINT_LOOKUP),
        ("SELECT * FROM post_tags WHERE post_id = $1 AND tag_id = $2", Operation.POINT_LOOKUP),
        ("SELECT * FROM memberships WHERE org_id = $1 AND user_id = $2", Operation.POINT_LOOKUP),
        ("SELECT * FROM memberships WHERE org_id = $1", Operation.LIST),
        ("SELECT * FROM posts WHERE slug = $1 ORDER BY id", Operation.LIST),
        ("SELECT * FROM posts WHERE id IN ($1, $2)", Operation.LIST),
        ("SELECT * FROM posts WHERE author_id = $1", Operation.LIST),
        ("SELECT * FROM posts WHERE body @@ to_tsquery($1)", Operation.SEARCH),
        ("SELECT count(*) FROM posts WHERE author_id = $1", Operation.COUNT),
        ("SELECT count(id) FROM posts", Operation.COUNT),
        ("SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)", Operation.COUNT),
        ("SELECT max(created_at), count(*) FROM posts", Operation.AGGREGATE),
        ("SELECT coalesce(sum(id), 0) FROM posts", Operation.AGGREGATE),
        ("SELECT author_id FROM posts GROUP BY author_id HAVING count(*) > 5", Operation.AGGREGATE),
        ("INSERT INTO posts (title, slug) VALUES ($1, $2)", Operation.INSERT),
        ("INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", Operation.UPSERT),
        ("INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = excluded.name", Operation.UPSERT),
        ("INSERT INTO tags (name) VALUES ($1), ($2), ($3)", Operation.BULK),
        ("COPY posts (title, body) FROM STDIN", Operation.BULK),
        ("UPDATE posts SET title = $1 WHERE id = $2", Operation.UPDATE),
        ("DELETE FROM comments WHERE post_id = $1", Operation.DELETE),
    ],
)
def test_each_operation_from_its_sql(sql, operation):
    pattern = _pattern(sql)
    assert pattern.operation is operation
    assert pattern.kind is (
        PatternKind.READ
        if operation in (Operation.POINT_LOOKUP, Operation.LIST, Operation.SEARCH, Operation.COUNT, Operation.AGGREGATE)
        else PatternKind.WRITE
    )
    assert not errors(validate(replace(SCHEMA, patterns=(pattern,))))  # the result is a valid pattern


def test_an_exists_check_keeps_its_inner_filters():
    pattern = _pattern("SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)")
    assert (pattern.entity_id, pattern.filters) == ("u", (Filter("u.email", FilterOp.EQ),))


def test_writes_record_the_fields_they_change():
    assert _pattern("INSERT INTO posts (title, slug) VALUES ($1, $2)").changes == ("p.title", "p.slug")
    assert _pattern("INSERT INTO tags VALUES ($1, $2)").changes == ("t.id", "t.name")  # the first fields, in order
    assert _pattern("COPY tags FROM STDIN").changes == ("t.id", "t.name")
    update = _pattern("UPDATE posts SET title = $1, body = body || $2 WHERE id = $3 RETURNING id, slug")
    assert (update.changes, update.filters, update.returns) == (
        ("p.title", "p.body"),
        (Filter("p.id", FilterOp.EQ),),
        ("p.id", "p.slug"),
    )
    delete = _pattern("DELETE FROM comments WHERE post_id = $1 AND created_at < now()")
    assert [f.op for f in delete.filters] == [FilterOp.EQ, FilterOp.LT]


# --- order, limit, pagination, returns ----------------------------------------------------


def test_order_by_limit_and_offset():
    pattern = _pattern("SELECT * FROM posts WHERE author_id = $1 ORDER BY created_at DESC, id LIMIT 20 OFFSET 40")
    assert pattern.sort == (SortKey("p.created_at", SortOrder.DESC), SortKey("p.id", SortOrder.ASC))
    assert (pattern.limit, pattern.pagination) == (20, Pagination.OFFSET)


def test_a_limit_chosen_at_run_time_is_unknown():
    assert _pattern("SELECT * FROM posts ORDER BY id LIMIT $1").limit is None
    assert _pattern("SELECT * FROM posts ORDER BY id").limit is None


def test_a_cursor_on_the_first_sort_key_is_keyset_pagination():
    pattern = _pattern(
        "SELECT id, title FROM posts WHERE author_id = $1 AND status = 'published' AND published_at < $2 "
        "ORDER BY published_at DESC LIMIT 20"
    )
    assert pattern.pagination is Pagination.KEYSET
    assert [f.field_id for f in pattern.filters] == ["p.author_id", "p.status"]  # the cursor is implied
    assert pattern.name == "posts by author_id, status, published_at desc"


def test_the_keyset_cursor_follows_the_sort_direction():
    ascending = _pattern("SELECT * FROM posts WHERE id > $1 ORDER BY id LIMIT 10")
    assert (ascending.pagination, ascending.filters) == (Pagination.KEYSET, ())
    against = _pattern("SELECT * FROM posts WHERE id > $1 ORDER BY id DESC LIMIT 10")
    assert (against.pagination, against.filters) == (Pagination.NONE, (Filter("p.id", FilterOp.GT),))
    fixed = _pattern("SELECT * FROM posts WHERE id < 100 ORDER BY id DESC")
    assert fixed.pagination is Pagination.NONE and len(fixed.filters) == 1


def test_the_select_list_is_what_returns():
    assert _pattern("SELECT title, slug FROM posts").returns == ("p.title", "p.slug")
    assert _pattern("SELECT * FROM posts").returns == ()
    assert _pattern("SELECT p.* FROM posts p").returns == ()
    assert _pattern("SELECT lower(title) AS t, id FROM posts").returns == ("p.title", "p.id")


# --- joins --------------------------------------------------------------------------------


def test_a_join_follows_its_relationship_and_may_return_joined_fields():
    pattern = _pattern(
        "SELECT p.title, u.display_name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.slug = $1"
    )
    assert pattern.joins == ("rel_author",)
    assert pattern.returns == ("p.title", "u.display_name")
    assert pattern.operation is Operation.POINT_LOOKUP


def test_the_on_columns_choose_between_two_relationships():
    assert _pattern("SELECT * FROM posts p LEFT JOIN users u ON p.editor_id = u.id").joins == ("rel_editor",)
    assert "several relationships join users" in _text("SELECT * FROM posts p JOIN users u USING (id)")


def test_joins_chain_through_a_join_table():
    pattern = _pattern(
        "SELECT t.* FROM posts p JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = pt.tag_id WHERE p.id = $1"
    )
    assert pattern.joins == ("rel_pt_post", "rel_pt_tag")
    assert pattern.returns == ("t.id", "t.name")


def test_a_join_without_a_declared_relationship_is_unmappable():
    assert "no declared relationship joins events" in _text("SELECT * FROM posts p JOIN audit.events e ON e.id = p.id")


def test_a_join_condition_must_only_equate_columns():
    text = _text("SELECT * FROM posts p JOIN users u ON u.id = p.author_id AND u.email LIKE 'a%'")
    assert "a join condition can only equate columns" in text


def test_conditions_and_order_on_a_joined_table_are_unmappable():
    problems = _problems(
        "SELECT * FROM posts p JOIN comments c ON c.post_id = p.id WHERE c.body = $1 ORDER BY c.created_at"
    )
    assert [p.code for p in problems] == ["sql-unmappable", "sql-unmappable"]
    assert all("joined comments" in p.message and "declare a pattern on comments" in p.message for p in problems)


# --- names --------------------------------------------------------------------------------


def test_the_default_name_describes_the_pattern_and_a_given_name_wins():
    assert _pattern("SELECT * FROM posts WHERE slug = $1").name == "posts by slug"
    assert _pattern("SELECT count(*) FROM posts WHERE author_id = $1").name == "count posts by author_id"
    assert _pattern("INSERT INTO tags (name) VALUES ($1)").name == "insert tags"
    assert _pattern("UPDATE posts SET title = $1 WHERE id = $2").name == "update posts by id"
    assert _pattern("SELECT * FROM posts", name="all posts").name == "all posts"


def test_a_new_pattern_gets_a_fresh_id_and_the_default_frequency():
    pattern = _pattern("SELECT * FROM posts")
    assert pattern.id not in SCHEMA.all_ids() and pattern.id.startswith("pat_")
    assert pattern.frequency.average_per_second == 1


def test_names_match_exactly_then_ignoring_case_and_respect_schemas():
    assert _pattern('SELECT * FROM "Mixed" WHERE "Name" = $1').entity_id == "mx"
    assert _pattern("SELECT * FROM mixed WHERE name = $1").filters == (Filter("mx.Name", FilterOp.EQ),)
    assert _pattern("SELECT * FROM audit.events WHERE kind = $1").entity_id == "ev"
    assert _pattern("SELECT * FROM events").entity_id == "ev"  # only one schema has it
    assert _pattern("SELECT * FROM public.posts").entity_id == "p"
    assert _codes("SELECT * FROM public.events") == ["sql-unknown-table"]


def test_a_name_matching_several_entities_ignoring_case_must_be_exact():
    twins = replace(SCHEMA, entities=(*SCHEMA.entities, replace(SCHEMA.entities[6], id="mx2", name="MIXED")))
    with pytest.raises(SchemaError) as raised:
        pattern_from_sql("SELECT * FROM mixed", schema=twins)
    assert "matches several entities" in raised.value.problems[0].message
    assert pattern_from_sql('SELECT * FROM "MIXED"', schema=twins).entity_id == "mx2"


def test_hostile_quoted_identifiers_are_names_not_sql():
    pattern = _pattern('SELECT "we""ird; DROP" FROM "users" WHERE "we""ird; DROP" = $1')
    assert pattern.returns == ('u.we"ird; DROP',)
    problems = _problems('SELECT * FROM "posts; DROP TABLE users" WHERE "<script>" = 1')
    assert [p.code for p in problems] == ["sql-unknown-table"]
    assert problems[0].message == "no entity is named posts; DROP TABLE users"


# --- failures -----------------------------------------------------------------------------


def test_unknown_tables_and_columns():
    assert _codes("SELECT * FROM nope") == ["sql-unknown-table"]
    assert _problems("SELECT nope FROM posts")[0].message == "posts has no field named nope"
    assert _codes("SELECT x.id FROM posts p") == ["sql-unknown-table"]
    assert _codes("INSERT INTO posts (nope) VALUES ($1)") == ["sql-unknown-column"]
    assert _codes("UPDATE posts SET nope = 1") == ["sql-unknown-column"]


def test_a_syntax_error_says_where():
    [problem] = _problems("SELECT *\nFROM posts\nWHERE AND slug = $1")
    assert (problem.code, problem.line, problem.column) == ("sql-syntax", 3, 7)


def test_a_syntax_error_after_a_rewritten_placeholder_points_into_the_original_text():
    sql = "SELECT * FROM posts WHERE slug = :slug AND AND id = 1"
    [problem] = _problems(sql)
    assert (problem.line, problem.column) == (1, sql.index("AND id") + 1)


def test_nothing_or_several_statements():
    assert _codes("") == ["sql-syntax"]
    assert _codes("-- just a comment") == ["sql-syntax"]
    [problem] = _problems("SELECT * FROM posts; SELECT * FROM users")
    assert problem.code == "sql-unmappable" and "found 2" in problem.message


def test_or_across_columns_is_unmappable():
    assert "OR only maps when it compares one column" in _text("SELECT * FROM posts WHERE id = $1 OR slug = $2")


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        ("SELECT * FROM posts WHERE id IN (SELECT post_id FROM comments)", "subqueries are not supported"),
        ("SELECT * FROM posts WHERE id = (SELECT max(post_id) FROM comments)", "subqueries are not supported"),
        ("SELECT * FROM (SELECT * FROM posts) AS p", "a subquery in FROM"),
        ("SELECT (SELECT count(*) FROM comments) FROM posts", "subqueries are not supported"),
        ("WITH recent AS (SELECT * FROM posts) SELECT * FROM recent", "WITH queries are not supported"),
        ("SELECT id FROM posts UNION SELECT id FROM tags", "UNION"),
        ("INSERT INTO tags (name) SELECT title FROM posts", "INSERT ... SELECT"),
        ("SELECT * FROM posts, users", "JOIN ... ON"),
        ("SELECT 1", "without FROM"),
        ("CREATE TABLE x (id int)", "only SELECT, INSERT, UPDATE, DELETE"),
        ("SELECT * FROM posts WHERE lower(title) = $1", "must name a column, not an expression"),
        ("SELECT * FROM posts WHERE author_id = editor_id", "must be a parameter or a constant"),
        ("SELECT * FROM posts WHERE title LIKE $1", "LIKE only maps as a prefix"),
        ("SELECT * FROM posts WHERE title LIKE '%sql'", "LIKE only maps as a prefix"),
        ("SELECT * FROM posts WHERE NOT (id = 1)", "has no filter form"),
        ("SELECT * FROM posts WHERE id NOT IN (1, 2)", "has no filter form"),
        ("SELECT * FROM users WHERE profile->>'age' > $1", "JSON path can only be compared with ="),
        ("SELECT * FROM posts ORDER BY 1", "ORDER BY must name a column"),
        ("UPDATE posts SET title = $1 FROM users WHERE users.id = posts.author_id", "UPDATE ... FROM"),
        ("DELETE FROM posts USING users WHERE users.id = posts.author_id", "DELETE ... USING"),
    ],
)
def test_unmappable_parts_are_said_clearly(sql, said):
    problems = _problems(sql)
    assert "sql-unmappable" in [p.code for p in problems]
    assert said in " | ".join(p.message for p in problems)


def test_every_problem_is_listed_at_once_and_nothing_partial_is_returned():
    problems = _problems("SELECT nope FROM posts WHERE id = $1 OR slug = $2 AND title LIKE $3 ORDER BY missing")
    assert sorted(p.code for p in problems) == ["sql-unknown-column", "sql-unknown-column", "sql-unmappable"]
    problems = _problems("SELECT nope FROM posts WHERE title LIKE $1 AND lower(slug) = $2")
    assert [p.code for p in problems] == ["sql-unmappable", "sql-unmappable", "sql-unknown-column"]
