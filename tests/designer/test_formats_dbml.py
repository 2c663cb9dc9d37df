import pytest

from designer.examples import blog_schema
from designer.formats.dbml import parse_dbml, to_dbml
from designer.problems import SchemaError
from designer.schema import Cardinality, DefaultKind, RefAction, TypeKind, replace


def test_rich_file_round_trips_losslessly(rich):
    assert parse_dbml(to_dbml(rich)) == rich


def test_round_trip_twice_gives_identical_text(rich):
    assert to_dbml(parse_dbml(to_dbml(rich))) == to_dbml(rich)


def test_blog_demo_round_trips(blog):
    assert parse_dbml(to_dbml(blog)) == blog
    assert [e.name for e in blog.entities] == ["users", "posts", "comments", "tags", "post_tags"]


def test_reserved_words_case_and_unicode_names_are_accepted(rich):
    names = {(e.namespace, e.name) for e in rich.entities}
    assert {("core", "user"), (None, "order"), (None, "User")} <= names
    user = rich.entity_by_name("user", "core")
    assert [f.name for f in user.fields][:3] == ["id", "User Name", "名前"]


def test_composite_primary_key_and_composite_reference(rich):
    order = rich.entity_by_name("order")
    line = rich.entity_by_name("order_line")
    assert [order.field(i).name for i in order.primary_key] == ["shop_id", "number"]
    ref = next(r for r in rich.relationships if r.name == "order_lines")
    assert ref.from_entity_id == line.id and ref.to_entity_id == order.id
    assert [line.field(i).name for i in ref.from_field_ids] == ["shop_id", "order_number"]
    assert (ref.on_delete, ref.on_update) == (RefAction.CASCADE, RefAction.NO_ACTION)


def test_reference_kinds_are_normalised(rich):
    kinds = {r.cardinality for r in rich.relationships}
    assert kinds == {Cardinality.ONE_TO_MANY, Cardinality.ONE_TO_ONE, Cardinality.MANY_TO_MANY}
    reverse = next(r for r in rich.relationships if r.on_update is RefAction.SET_DEFAULT)
    # `user.id < "User".id` means "User" holds the key: it is the referencing side.
    assert rich.entity(reverse.from_entity_id).name == "User"


def test_types_defaults_and_enums(rich):
    user = rich.entity_by_name("user", "core")
    by_name = {f.name: f for f in user.fields}
    assert by_name["User Name"].type.kind is TypeKind.VARCHAR and by_name["User Name"].type.length == 80
    assert (by_name["score"].type.precision, by_name["score"].type.scale) == (12, 4)
    assert by_name["tags"].type.array
    assert by_name["id"].default.kind is DefaultKind.EXPRESSION
    assert by_name["level"].default.value == "'low'"
    assert rich.enum(by_name["level"].type.enum_id).name == "public_level"
    state = rich.entity_by_name("order").field_by_name("state")
    assert rich.enum(state.type.enum_id).namespace == "core"


def test_groups_notes_and_index_settings(rich):
    sales = next(g for g in rich.groups if g.name == "sales")
    assert sales.color == "#0A7B83" and sales.comment == "money"
    assert rich.notes[0].content.startswith("Orders belong")
    order = rich.entity_by_name("order")
    methods = [i.method.value for i in order.indexes]
    assert methods == ["btree", "hash", "brin"]
    assert order.indexes[1].columns[0].expression == "lower(state::text)"
    assert "\n" in rich.comment


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("Table a {\n  id int\n  name text [not null\n}\n", "dbml-syntax", 4, "Expect"),
        ("Table a {\n  id int\n}\n\nRef: a.id > missing.id\n", "dbml-syntax", 5, "'missing' does not exist"),
        ("Table a {\n  id int\n}\nTable b {\n  id int\n}\nRef: a.nope > b.id\n", "dbml-syntax", 7, "'nope'"),
        ("Table a {\n  id int\n}\n\nTable a {\n  x int\n}\n", "dbml-syntax", 5, "already exists"),
        ("Table a {\n  id int\n  id text\n}\n", "dbml-syntax", 2, "Duplicate column 'id'"),
        ("Enum e {\n  x\n}\nEnum e {\n  y\n}\n", "dbml-syntax", 4, "already exists"),
        ("Table t {\n}", "dbml-syntax", 1, "at least one column"),
    ],
)
def test_bad_input_names_the_problem_and_line(text, code, line, words):
    with pytest.raises(SchemaError) as caught:
        parse_dbml(text)
    problem = caught.value.problems[0]
    assert problem.code == code
    assert problem.line == line
    assert words in problem.message


def test_names_with_double_quotes_round_trip(rich):
    entity = replace(rich.entities[0], name='say "hi"')
    schema = replace(rich, entities=(entity, *rich.entities[1:]))
    assert parse_dbml(to_dbml(schema)) == schema


def test_quotes_and_backslashes_in_notes_survive(blog):
    from designer.schema import replace

    tricky = "it's a \\path\\ with 'quotes'"
    users = replace(blog.entities[0], comment=tricky)
    schema = replace(blog, entities=(users, *blog.entities[1:]))
    assert parse_dbml(to_dbml(schema)).entities[0].comment == tricky


def test_the_workload_survives_our_own_round_trip_in_comments():
    demo = blog_schema()
    text = to_dbml(demo)
    assert text.startswith(f"// Not in DBML: {len(demo.patterns)} access patterns and 5 volumes,")
    assert parse_dbml(text) == demo
    assert not to_dbml(replace(demo, patterns=(), volumes=())).startswith("//")


def test_what_dbml_cannot_say_round_trips_through_our_comments(rich):
    from designer.schema import Direction, IndexColumn, SortOrder

    order = rich.entity_by_name("order")
    by_name = {f.name: f.id for f in order.fields}
    index = replace(
        order.indexes[0],
        columns=(
            IndexColumn(field_id=by_name["buyer_id"]),
            IndexColumn(field_id=by_name["placed_at"], order=SortOrder.DESC),
        ),
        predicate="state <> 'new'",
        include=(by_name["state"],),
    )
    order = replace(order, indexes=(index, *order.indexes[1:]))
    relationship = replace(rich.relationships[0], comment="lines go with their order")
    many = next(r for r in rich.relationships if r.cardinality is Cardinality.MANY_TO_MANY)
    many = replace(many, join_entity_id=rich.entity_by_name("order_line").id)
    schema = replace(
        rich,
        entities=tuple(order if e.id == order.id else e for e in rich.entities),
        relationships=tuple(
            relationship if r.id == relationship.id else many if r.id == many.id else r for r in rich.relationships
        ),
        diagram=replace(rich.diagram, direction=Direction.TOP_BOTTOM, show_columns="keys"),
    )
    text = to_dbml(schema)
    assert "//@schema-designer" in text
    assert parse_dbml(text) == schema


def test_our_comments_never_apply_to_the_wrong_object_after_a_hand_edit(rich):
    from designer.schema import IndexColumn, SortOrder

    order = rich.entity_by_name("order")
    index = replace(order.indexes[0], columns=(IndexColumn(field_id=order.fields[0].id, order=SortOrder.DESC),))
    schema = replace(
        rich, entities=tuple(replace(order, indexes=(index,)) if e.id == order.id else e for e in rich.entities)
    )
    text = to_dbml(schema).replace('Table "order" {', 'Table "orders" {').replace('"order".', '"orders".')
    text = text.replace('  "order"\n', '  "orders"\n')
    imported = parse_dbml(text).entity_by_name("orders")
    assert imported.indexes[0].columns[0].order is SortOrder.ASC


def test_records_are_reported_not_silently_dropped():
    from designer.formats.dbml import import_dbml

    result = import_dbml("Table t {\n  id int\n}\n\nRecords t(id) {\n  1\n  2\n}\n")
    assert [(n.code, n.line) for n in result.notices] == [("dbml-records-left-out", 1)]
    assert "2 Records rows" in result.notices[0].message


def test_defaults_keep_their_kind_null_and_negatives():
    schema = parse_dbml("Table t {\n  a int [default: -1]\n  b text [default: null]\n  c text [default: 'null']\n}\n")
    defaults = [f.default.value for f in schema.entities[0].fields]
    assert defaults == ["-1", "null", "'null'"]
    assert "default: -1" in to_dbml(schema) and "default: null" in to_dbml(schema)


def test_types_are_kept_as_written():
    text = 'Table t {\n  a jsonb\n  b bytea\n  c float8\n  d int(11)\n  e "geometry(Point, 4326)"\n  f text[][]\n}\n'
    out = to_dbml(parse_dbml(text))
    for written in ("jsonb", "bytea", "float8", "int(11)", '"geometry(Point, 4326)"', "text[][]"):
        assert f" {written}" in out
