"""What DBML cannot say, kept in DBML comments that our importer reads back.

Descending index keys, partial-index predicates, covering (INCLUDE) columns, a
relationship's comment and join table, the diagram settings and the declared workload
(access patterns and volumes) have no DBML syntax. The writer appends one comment line
per item::

    //@schema-designer {"index": [0, 1], "table": "users", "orders": ["asc", "desc"]}

The reference parser ignores comments; our importer applies each line to the object at
that position when its names still match (a hand-edited file never gets an item applied
to the wrong object: a mismatch is skipped).
"""

from __future__ import annotations

import json
import re

from designer.formats.codec import from_data, to_data
from designer.problems import SchemaError
from designer.schema import (
    AccessPattern,
    DiagramSettings,
    Schema,
    SortOrder,
    Volume,
    fresh_id,
    replace,
)

MARK = "//@schema-designer "
HEADER = "// Schema Designer: what DBML cannot say, read back by Schema Designer's import."
_LINE = re.compile(r"^\s*//@schema-designer (\{.*\})\s*$", re.MULTILINE)


# --- writing -----------------------------------------------------------------------------


def write(schema: Schema) -> str:
    items = [*_index_items(schema), *_relationship_items(schema)]
    if schema.diagram != DiagramSettings():
        items.append({"diagram": to_data(schema.diagram)})
    if schema.patterns or schema.volumes:
        items.append({"workload": _workload(schema)})
    if not items:
        return ""
    return "\n".join([HEADER, *(MARK + json.dumps(i, ensure_ascii=False, sort_keys=True) for i in items)]) + "\n"


def _index_items(schema: Schema):
    for ti, entity in enumerate(schema.entities):
        names = {f.id: f.name for f in entity.fields}
        for ii, index in enumerate(entity.indexes):
            item = {}
            if any(c.order is SortOrder.DESC for c in index.columns):
                item["orders"] = [c.order.value for c in index.columns]
            if index.predicate:
                item["where"] = index.predicate
            if index.include:
                item["include"] = [names[i] for i in index.include]
            if item:
                yield {"index": [ti, ii], "table": entity.qualified_name, **item}


def _relationship_items(schema: Schema):
    for ri, relationship in enumerate(schema.relationships):
        item = {}
        if relationship.comment:
            item["comment"] = relationship.comment
        if relationship.join_entity_id:
            join = schema.entity(relationship.join_entity_id)
            item["join"] = join.qualified_name if join else None
        if item:
            yield {"relationship": ri, "from": schema.entity(relationship.from_entity_id).qualified_name, **item}


def _workload(schema: Schema) -> dict:
    """Patterns and volumes with every id they mention turned into a path by names, so
    they attach to the freshly imported objects."""
    paths: dict[str, list] = {}
    for entity in schema.entities:
        paths[entity.id] = ["entity", entity.qualified_name]
        for field in entity.fields:
            paths[field.id] = ["field", entity.qualified_name, field.name]
    for ri, relationship in enumerate(schema.relationships):
        paths[relationship.id] = ["relationship", ri]
    return {
        "patterns": [to_data(p) for p in schema.patterns],
        "volumes": [to_data(v) for v in schema.volumes],
        "paths": paths,
    }


# --- reading -----------------------------------------------------------------------------


def read(text: str) -> list[dict]:
    if MARK not in text:
        return []
    items = []
    for match in _LINE.finditer(text):
        try:
            item = json.loads(match[1])
        except json.JSONDecodeError:
            continue  # a damaged line is a plain comment again
        if isinstance(item, dict):
            items.append(item)
    return items


def apply(schema: Schema, items: list[dict]) -> Schema:
    for item in items:
        try:
            schema = _apply_one(schema, item)
        except (KeyError, IndexError, TypeError, ValueError, SchemaError):
            continue  # hand-edited past recognition: the DBML itself still stands
    return schema


def _apply_one(schema: Schema, item: dict) -> Schema:
    if "index" in item:
        return _apply_index(schema, item)
    if "relationship" in item:
        return _apply_relationship(schema, item)
    if "diagram" in item:
        return replace(schema, diagram=from_data(DiagramSettings, item["diagram"]))
    if "workload" in item:
        return _apply_workload(schema, item["workload"])
    return schema


def _apply_index(schema: Schema, item: dict) -> Schema:
    ti, ii = item["index"]
    entity = schema.entities[ti]
    if entity.qualified_name != item["table"]:
        return schema
    index = entity.indexes[ii]
    changes = {}
    if "orders" in item:
        orders = item["orders"]
        if len(orders) != len(index.columns):
            return schema
        changes["columns"] = tuple(replace(c, order=SortOrder(o)) for c, o in zip(index.columns, orders, strict=True))
    if "where" in item:
        changes["predicate"] = str(item["where"])
    if "include" in item:
        changes["include"] = tuple(entity.field_by_name(n).id for n in item["include"])
    indexes = list(entity.indexes)
    indexes[ii] = replace(index, **changes)
    entities = list(schema.entities)
    entities[ti] = replace(entity, indexes=tuple(indexes))
    return replace(schema, entities=tuple(entities))


def _apply_relationship(schema: Schema, item: dict) -> Schema:
    ri = item["relationship"]
    relationship = schema.relationships[ri]
    if schema.entity(relationship.from_entity_id).qualified_name != item["from"]:
        return schema
    changes = {}
    if "comment" in item:
        changes["comment"] = str(item["comment"])
    if item.get("join"):
        join = _entity_named(schema, item["join"])
        changes["join_entity_id"] = join.id
    relationships = list(schema.relationships)
    relationships[ri] = replace(relationship, **changes)
    return replace(schema, relationships=tuple(relationships))


def _entity_named(schema: Schema, qualified: str):
    found = next((e for e in schema.entities if e.qualified_name == qualified), None)
    if found is None:
        raise KeyError(qualified)
    return found


def _apply_workload(schema: Schema, workload: dict) -> Schema:
    new_ids = {old: _resolve(schema, path) for old, path in workload["paths"].items()}
    taken = schema.all_ids()
    patterns = []
    for data in workload["patterns"]:
        data = _renamed(data, new_ids)
        if data.get("id") in taken:
            data["id"] = fresh_id("pat", taken)
        taken.add(data["id"])
        patterns.append(from_data(AccessPattern, data))
    volumes = [from_data(Volume, _renamed(v, new_ids)) for v in workload["volumes"]]
    return replace(schema, patterns=tuple(patterns), volumes=tuple(volumes))


def _resolve(schema: Schema, path: list) -> str | None:
    kind = path[0]
    if kind == "entity":
        return _entity_named(schema, path[1]).id
    if kind == "field":
        return _entity_named(schema, path[1]).field_by_name(path[2]).id
    return schema.relationships[path[1]].id


_ID_KEYS = {"entity_id", "field_id"}
_ID_LISTS = {"returns", "joins", "changes"}


def _renamed(data, new_ids: dict[str, str | None]):
    """The pattern or volume data with every id key mapped to the new document's ids."""
    if isinstance(data, list):
        return [_renamed(item, new_ids) for item in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key in _ID_KEYS:
            out[key] = new_ids[value]
        elif key in _ID_LISTS:
            out[key] = [new_ids[v] for v in value]
        else:
            out[key] = _renamed(value, new_ids)
    return out
