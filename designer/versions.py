"""Reading a run of released versions' documents quickly.

Consecutive versions share most of their entities. Parsing every document whole
(``schema_from_dict``) builds the same objects again and again; here an entity whose
stored data equals the previous version's is taken from that version's schema
(schemas are immutable, so sharing is safe) and only changed entities are built.
The result equals ``schema_from_dict`` of each document (a test checks it).
"""

from __future__ import annotations

from typing import Any

from designer.formats.codec import from_data
from designer.formats.json_doc import schema_from_dict
from designer.schema import FORMAT_VERSION, Entity, Schema, replace


def schema_after(document: Any, *, previous: tuple[Any, Schema] | None = None) -> Schema:
    """``document`` parsed, reusing what it shares with ``previous`` (its document and schema)."""
    if previous is None or not _current(document) or not _current(previous[0]):
        return schema_from_dict(document)  # older formats go through their upgrade
    old_document, old_schema = previous
    old_data = {data.get("id"): data for data in old_document.get("entities", ()) if isinstance(data, dict)}
    old_entities = {entity.id: entity for entity in old_schema.entities}
    entities = document.get("entities", [])
    if not isinstance(entities, list):
        return schema_from_dict(document)  # let the full parser say what is wrong
    built = []
    for position, data in enumerate(entities):
        key = data.get("id") if isinstance(data, dict) else None
        if key in old_entities and old_data.get(key) == data:
            built.append(old_entities[key])
        else:
            built.append(from_data(Entity, data, path=f"/entities/{position}"))
    rest = schema_from_dict({**document, "entities": []})
    return replace(rest, entities=tuple(built))


def _current(document: Any) -> bool:
    return isinstance(document, dict) and document.get("version") == FORMAT_VERSION
