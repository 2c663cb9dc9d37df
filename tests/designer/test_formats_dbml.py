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
        ("Table a {\n  id int\n  name text [not null\n}\n", "dbml-syntax", 4, "syntax error"),
        ("Table a {\n  id int\n}\n\nRef: a.id > missing.id\n", "dbml-missing-reference", 5, "missing table"),
        ("Table a {\n  id int\n}\nTable b {\n  id int\n}\nRef: a.nope > b.id\n", "dbml-missing-reference", 7, "nope"),
        ("Table a {\n  id int\n}\n\nTable a {\n  x int\n}\n", "dbml-duplicate", 5, "already"),
        ("Table a {\n  id int\n  id text\n}\n", "dbml-duplicate", 3, "twice"),
        ("Enum e {\n  x\n}\nEnum e {\n  y\n}\n", "dbml-duplicate", 4, "already"),
    ],
)
def test_bad_input_names_the_problem_and_line(text, code, line, words):
    with pytest.raises(SchemaError) as caught:
        parse_dbml(text)
    problem = caught.value.problems[0]
    assert problem.code == code
    assert problem.line == line
    assert words in problem.message


def test_names_with_double_quotes_are_refused_on_export(rich):
    from designer.schema import replace

    entity = replace(rich.entities[0], name='say "hi"')
    schema = replace(rich, entities=(entity, *rich.entities[1:]))
    with pytest.raises(SchemaError, match="double quote"):
        to_dbml(schema)


def test_quotes_and_backslashes_in_notes_survive(blog):
    from designer.schema import replace

    tricky = "it's a \\path\\ with 'quotes'"
    users = replace(blog.entities[0], comment=tricky)
    schema = replace(blog, entities=(users, *blog.entities[1:]))
    assert parse_dbml(to_dbml(schema)).entities[0].comment == tricky


def test_the_export_says_what_dbml_leaves_out():
    demo = blog_schema()
    text = to_dbml(demo)
    assert text.startswith(f"// Not in DBML: {len(demo.patterns)} access patterns and 5 volumes.")
    assert parse_dbml(text) == replace(demo, patterns=(), volumes=())
    assert not to_dbml(replace(demo, patterns=(), volumes=())).startswith("//")
