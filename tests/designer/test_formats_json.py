import json

import pytest

from designer.examples.synthetic import synthetic_schema
from designer.formats import dump_schema, import_text
from designer.formats.codec import from_data, to_data
from designer.formats.json_doc import dumps, loads, schema_from_dict, schema_to_dict
from designer.problems import SchemaError
from designer.schema import (
    AccessPattern,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    PatternKind,
    Per,
    Schema,
    SortKey,
    SortOrder,
    ValueKind,
    Volume,
    replace,
)


def with_workload(schema: Schema) -> Schema:
    posts = schema.entity_by_name("posts")
    pattern = AccessPattern(
        id="pat_1",
        name="published posts of an author",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=posts.id,
        filters=(
            Filter(field_id=posts.field_by_name("author_id").id, op=FilterOp.EQ),
            Filter(
                field_id=posts.field_by_name("status").id,
                op=FilterOp.EQ,
                value_kind=ValueKind.CONSTANT,
                value="'published'",
            ),
        ),
        sort=(SortKey(field_id=posts.field_by_name("published_at").id, order=SortOrder.DESC),),
        limit=20,
        frequency=Frequency(average=40, peak=300, per=Per.SECOND),
    )
    return replace(
        schema, patterns=(pattern,), volumes=(Volume(entity_id=posts.id, rows=400_000, growth_per_month=15_000),)
    )


def test_exact_round_trip_of_rich_schema_with_workload(rich, blog):
    for schema in (rich, with_workload(blog), synthetic_schema(entities=60)):
        assert loads(dumps(schema)) == schema
        assert schema_from_dict(json.loads(json.dumps(schema_to_dict(schema)))) == schema


def test_document_is_versioned_and_deterministic(blog):
    data = json.loads(dumps(blog))
    assert (data["format"], data["version"]) == ("schema-designer", 2)
    assert dumps(blog) == dumps(loads(dumps(blog)))


def test_defaults_are_omitted_to_keep_documents_small(blog):
    data = schema_to_dict(blog)
    bio = data["entities"][0]["fields"][3]
    assert bio == {"id": bio["id"], "name": "bio", "type": {"kind": "text"}}


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"format": "other", "version": 1}, "not a schema-designer document"),
        ({"format": "schema-designer", "version": 99}, "newer than this program"),
        ({"format": "schema-designer", "version": 1, "entities": {}}, "expected a list"),
        (
            {"format": "schema-designer", "version": 1, "entities": [{"id": "e", "name": "x", "colour": 1}]},
            "unknown key 'colour'",
        ),
        ({"format": "schema-designer", "version": 1, "entities": [{"id": "e"}]}, "missing key 'name'"),
        ({"format": "schema-designer", "version": 1, "diagram": {"direction": "XY"}}, "is not one of"),
    ],
)
def test_malformed_documents_say_what_is_wrong(document, words):
    with pytest.raises(SchemaError) as caught:
        schema_from_dict(document)
    assert words in caught.value.problems[0].message


def test_json_syntax_error_has_line_and_column():
    with pytest.raises(SchemaError) as caught:
        loads('{\n  "format": "schema-designer",\n  "version": 1,,\n}')
    assert caught.value.problems[0].line == 3


def test_error_path_points_into_the_document():
    bad = {
        "format": "schema-designer",
        "version": 1,
        "entities": [{"id": "e", "name": "x", "fields": [{"id": "f", "name": "a", "type": {"kind": "widget"}}]}],
    }
    with pytest.raises(SchemaError) as caught:
        schema_from_dict(bad)
    assert caught.value.problems[0].path == "entities/0/fields/0/type/kind"


def test_codec_handles_floats_given_as_ints_and_rejects_bools():
    assert from_data(Frequency, {"average": 3}) == Frequency(average=3.0)
    with pytest.raises(SchemaError):
        from_data(Volume, {"entity_id": "e", "rows": True})
    assert to_data(Frequency(average=2.0, per=Per.MINUTE)) == {"average": 2.0, "per": "minute"}


def test_format_dispatch(blog):
    for fmt in ("dbml", "json"):
        assert import_text(dump_schema(blog, fmt=fmt), fmt=fmt).schema == blog


def test_a_memo_converts_only_new_objects_and_gives_the_same_document(blog):
    from designer import ops
    from designer.formats.json_doc import schema_to_dict

    memo = {}
    assert schema_to_dict(blog, memo=memo) == schema_to_dict(blog)
    users = blog.entity_by_name("users")
    after, _ = ops.apply(blog, ops.UpdateEntity(entity=replace(users, name="people")))
    known = len(memo)
    assert schema_to_dict(after, memo=memo) == schema_to_dict(after)
    assert len(memo) - known <= 3  # the new schema, the renamed entity and their tuples are new; the rest reused


def test_document_text_dumps_only_the_parts_an_edit_changed(blog):
    from designer import ops
    from designer.formats.json_doc import document_text

    parts, texts = {}, {}
    assert json.loads(document_text(schema_to_dict(blog, memo=parts), memo=texts)) == schema_to_dict(blog)
    users = blog.entity_by_name("users")
    after, _ = ops.apply(blog, ops.UpdateEntity(entity=replace(users, name="people")))
    known = set(texts)
    text = document_text(schema_to_dict(after, memo=parts), memo=texts)
    assert json.loads(text) == schema_to_dict(after)
    assert text == document_text(schema_to_dict(after, memo=parts), memo={})  # nothing stale: the same text afresh
    # of the tables and relationships, only the renamed table is dumped; lists are joined from their parts
    assert [data["name"] for key, (data, _) in texts.items() if key not in known and isinstance(data, dict)] == [
        "people"
    ]
