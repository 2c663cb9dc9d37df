"""Parsing a run of versions with shared entities gives exactly what full parses give."""

import pytest

from designer.examples.history import synthetic_history
from designer.formats.json_doc import schema_from_dict, schema_to_dict
from designer.problems import SchemaError
from designer.versions import schema_after


def test_shared_parsing_equals_full_parsing_and_shares_unchanged_entities():
    documents = [schema_to_dict(s) for s in synthetic_history(entities=30, versions=5)]
    previous = None
    for document in documents:
        schema = schema_after(document, previous=previous)
        assert schema == schema_from_dict(document)
        if previous is not None:
            shared = {id(e) for e in previous[1].entities} & {id(e) for e in schema.entities}
            assert len(shared) > len(schema.entities) // 2  # most entities are the very same objects
        previous = (document, schema)


def test_an_older_document_version_goes_through_the_full_parser(blog):
    old = schema_to_dict(blog) | {"version": 1}
    assert schema_after(old, previous=(schema_to_dict(blog), blog)) == blog


def test_a_broken_changed_entity_is_reported_with_its_path(blog):
    document = schema_to_dict(blog)
    broken = document | {"entities": [*document["entities"][:-1], {"id": "x", "name": 5}]}
    with pytest.raises(SchemaError, match="entities/4"):
        schema_after(broken, previous=(document, blog))
