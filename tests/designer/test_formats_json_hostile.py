"""The JSON reader refuses what would break the app later, with a path and a message."""

import json

import pytest

from designer.examples import blog_schema
from designer.formats.json_doc import dumps, loads
from designer.problems import SchemaError
from designer.validate import validate

BASE = json.loads(dumps(blog_schema()))


def with_pattern(frequency: str) -> str:
    document = json.loads(json.dumps(BASE))
    entity = document["entities"][0]["id"]
    document["patterns"] = [
        {
            "id": "pat_9",
            "name": "p",
            "kind": "read",
            "operation": "list",
            "entity_id": entity,
            "frequency": {"average": 12345},
        }
    ]
    return json.dumps(document).replace("12345", frequency)


def refusal(text: str) -> str:
    with pytest.raises(SchemaError) as raised:
        loads(text)
    return str(raised.value)


def test_deep_nesting_is_refused_without_recursion():
    assert "nested deeper than 32 levels" in refusal("[" * 10_000 + "]" * 10_000)
    assert "nested deeper" in refusal('{"a": ' * 5000 + "1" + "}" * 5000)


def test_brackets_inside_strings_do_not_count_as_nesting():
    document = json.loads(json.dumps(BASE))
    document["comment"] = "[" * 100
    assert loads(json.dumps(document)).comment == "[" * 100


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("NaN", "NaN is not a number"),
        ("Infinity", "Infinity is not a number"),
        ("-Infinity", "not a number"),
        ("1" + "0" * 5000, "too many digits"),
        ("1e400", "too large"),
        ("1e308", "out of range"),
    ],
)
def test_numbers_a_document_cannot_hold_are_refused_with_their_path(number, words):
    message = refusal(with_pattern(number))
    assert "patterns/0/frequency/average" in message and words in message


def test_numbers_in_range_for_json_but_not_for_a_workload_fail_validation():
    schema = loads(with_pattern("1e14"))
    [problem] = [p for p in validate(schema) if p.code == "out-of-range"]
    assert problem.path == "patterns/pat_9/frequency/average"


@pytest.mark.parametrize("bad_id", ["a/b", "", "../..", "x y", "é", "a" * 65, "-lead", "<b>"])
def test_ids_must_match_the_id_pattern(bad_id):
    document = json.loads(json.dumps(BASE))
    document["entities"][0]["id"] = bad_id
    assert "entities/0/id" in refusal(json.dumps(document))


def test_references_must_match_the_id_pattern_too():
    document = json.loads(json.dumps(BASE))
    document["relationships"][0]["from_entity_id"] = "../etc"
    assert "relationships/0/from_entity_id" in refusal(json.dumps(document))


def test_a_million_character_name_is_read_then_refused_by_the_limits():
    document = json.loads(json.dumps(BASE))
    document["entities"][0]["name"] = "x" * 1_000_000
    problems = [p for p in validate(loads(json.dumps(document))) if p.code == "too-long"]
    assert problems and "at most 200 characters" in problems[0].message


def test_a_normal_document_still_round_trips():
    assert loads(dumps(blog_schema())) == blog_schema()


def test_a_nul_character_is_refused_with_its_path():
    document = json.loads(json.dumps(BASE))
    document["enums"][0]["values"][0]["name"] = "a\u0000b"
    assert "enums/0/values/0/name" in refusal(json.dumps(document)) and "NUL" in refusal(json.dumps(document))
