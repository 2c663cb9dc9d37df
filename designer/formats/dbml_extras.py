"""What DBML cannot say, kept in DBML comments that our importer reads back.

Generated columns (and whether stored), how a key is generated (ALWAYS, a serial's own
sequence), MySQL's ON UPDATE and table options, PostgreSQL's table storage parameters and
UNLOGGED, the standalone sequences a default draws from, a column check's name, a UNIQUE constraint
as opposed to a unique index, descending index keys, partial-index predicates, covering (INCLUDE)
columns, a relationship's comment and join table, the diagram settings and the declared workload
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

from pglast.parser import ParseError, parse_sql_json

from designer.formats.codec import from_data, to_data
from designer.problems import SchemaError
from designer.schema import (
    AccessPattern,
    DatabaseObject,
    DefaultKind,
    DiagramSettings,
    Domain,
    Extension,
    ObjectKind,
    Partitioning,
    Schema,
    SortOrder,
    StorageParameter,
    Volume,
    fresh_id,
    replace,
)
from designer.sql.base import STORAGE_NAME, STORAGE_VALUE
from designer.types import POSTGRESQL

MARK = "//@schema-designer "
HEADER = "// Schema Designer: what DBML cannot say, read back by Schema Designer's import."
_NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_LINE = re.compile(r"^\s*//@schema-designer (\{.*\})\s*$", re.MULTILINE)


# --- writing -----------------------------------------------------------------------------


def write(schema: Schema) -> str:
    items = [*_table_items(schema), *_field_items(schema), *_index_items(schema), *_relationship_items(schema)]
    backticked = sorted({(shown_expression(e), e) for e in _expressions(schema) if "`" in e})
    if backticked:
        items.append({"backticks": [list(pair) for pair in backticked]})
    if schema.name is None and (schema.database_type or schema.comment):
        items.append({"project": "unnamed"})  # DBML's Project block needs a name; ours had none
    if schema.diagram != DiagramSettings():
        items.append({"diagram": to_data(schema.diagram)})
    if schema.patterns or schema.volumes:
        items.append({"workload": _workload(schema)})
    items += _declared_items(schema)
    if not items:
        return ""
    return "\n".join([HEADER, *(MARK + json.dumps(i, ensure_ascii=False, sort_keys=True) for i in items)]) + "\n"


# Field attributes DBML has no word for, carried as they are (text or true).
_FIELD_AS_WRITTEN = (
    "identity_always",
    "sequence",
    "generated_virtual",
    "check_name",
    "on_update",
    "filled_by_database",
)
_FIELD_FLAGS = frozenset({"identity_always", "generated_virtual", "filled_by_database"})
_TABLE_AS_WRITTEN = ("charset", "collation")


def _table_items(schema: Schema):
    for ti, entity in enumerate(schema.entities):
        item = {key: getattr(entity, key) for key in _TABLE_AS_WRITTEN if getattr(entity, key)}
        if entity.storage:
            item["storage"] = [[p.name, p.value] for p in entity.storage]
        if entity.unlogged:
            item["unlogged"] = True
        if item:
            yield {"table": ti, "name": entity.qualified_name, **item}


def _field_items(schema: Schema):
    for ti, entity in enumerate(schema.entities):
        for fi, field in enumerate(entity.fields):
            item = {key: getattr(field, key) for key in _FIELD_AS_WRITTEN if getattr(field, key)}
            if field.generated:
                item["generated"] = field.generated
            if _number_respelled(field.default):
                item["default"] = field.default.value  # DBML reads -1.00 as the number -1
            if item:
                yield {"field": [ti, fi], "name": f"{entity.qualified_name}.{field.name}", **item}


def _number_respelled(default) -> bool:
    if default is None or default.kind is not DefaultKind.LITERAL or not _NUMBER.match(default.value):
        return False
    number = float(default.value)
    canonical = str(int(number)) if number.is_integer() and abs(number) < 1e21 else repr(number)
    return canonical != default.value


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
            if index.constraint:
                item["constraint"] = True
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


def shown_expression(text: str) -> str:
    """DBML's backtick expressions cannot hold a backtick (MySQL quotes names with them):
    the DBML shows double quotes, our comment keeps the text as written."""
    return text.replace("`", '"')


def _expressions(schema: Schema):
    for entity in schema.entities:
        for field in entity.fields:
            if field.default is not None and field.default.kind is DefaultKind.EXPRESSION:
                yield field.default.value
            if field.check:
                yield field.check
        yield from (c.expression for c in entity.checks)
        yield from (c.expression for i in entity.indexes for c in i.columns if c.expression is not None)


def _restore_backticks(schema: Schema, pairs: list) -> Schema:
    original = {shown: written for shown, written in pairs}

    def back(text):
        return original.get(text, text) if text is not None else None

    entities = []
    for entity in schema.entities:
        fields = tuple(
            replace(
                f,
                check=back(f.check),
                default=replace(f.default, value=back(f.default.value))
                if f.default is not None and f.default.kind is DefaultKind.EXPRESSION
                else f.default,
            )
            for f in entity.fields
        )
        checks = tuple(replace(c, expression=back(c.expression)) for c in entity.checks)
        indexes = tuple(
            replace(i, columns=tuple(replace(c, expression=back(c.expression)) for c in i.columns))
            for i in entity.indexes
        )
        entities.append(replace(entity, fields=fields, checks=checks, indexes=indexes))
    return replace(schema, entities=tuple(entities))


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
    if "partitioning" in item:  # names its table too: before the table items
        return _apply_partitioning(schema, item)
    if "table" in item and "index" not in item:
        return _apply_table(schema, item)
    if "field" in item:
        return _apply_field(schema, item)
    if "index" in item:
        return _apply_index(schema, item)
    if "relationship" in item:
        return _apply_relationship(schema, item)
    if "backticks" in item:
        return _restore_backticks(schema, item["backticks"])
    if item.get("project") == "unnamed":
        return replace(schema, name=None)
    if "diagram" in item:
        return replace(schema, diagram=from_data(DiagramSettings, item["diagram"]))
    if "workload" in item:
        return _apply_workload(schema, item["workload"])
    if "domains" in item:
        return replace(schema, domains=from_data(tuple[Domain, ...], item["domains"]))
    if "extensions" in item:
        return replace(schema, extensions=from_data(tuple[Extension, ...], item["extensions"]))
    if "sequences" in item:
        return _apply_sequences(schema, item["sequences"])
    return schema


def _apply_sequences(schema: Schema, sequences: list) -> Schema:
    """Standalone sequences back as objects; a line whose SQL is anything but one CREATE
    SEQUENCE of that name (hand-edited) is left out, since the DDL would run it as it is."""
    taken = schema.all_ids()
    objects = list(schema.objects)
    for namespace, name, sql in sequences:
        if _creates_sequence(str(sql), namespace, str(name)):
            objects.append(
                DatabaseObject(
                    id=fresh_id("obj", taken),
                    kind=ObjectKind.SEQUENCE,
                    name=str(name),
                    namespace=namespace if isinstance(namespace, str) else None,
                    sql=str(sql),
                    dialect=POSTGRESQL,
                )
            )
    return replace(schema, objects=tuple(objects))


def _creates_sequence(sql: str, namespace, name: str) -> bool:
    try:
        statements = json.loads(parse_sql_json(sql)).get("stmts", [])
    except ParseError:
        return False
    if len(statements) != 1 or "CreateSeqStmt" not in statements[0]["stmt"]:
        return False
    written = statements[0]["stmt"]["CreateSeqStmt"]["sequence"]
    return written.get("relname") == name and written.get("schemaname") in (namespace, None, "public")


def _apply_field(schema: Schema, item: dict) -> Schema:
    ti, fi = item["field"]
    entity = schema.entities[ti]
    field = entity.fields[fi]
    if f"{entity.qualified_name}.{field.name}" != item["name"]:
        return schema
    changes = {}
    if "generated" in item:
        changes["generated"] = str(item["generated"])
    if "default" in item and field.default is not None:
        changes["default"] = replace(field.default, value=str(item["default"]))
    for key in _FIELD_AS_WRITTEN:
        if key in item:
            changes[key] = item[key] is True if key in _FIELD_FLAGS else str(item[key])
    fields = list(entity.fields)
    fields[fi] = replace(field, **changes)
    entities = list(schema.entities)
    entities[ti] = replace(entity, fields=tuple(fields))
    return replace(schema, entities=tuple(entities))


def _apply_table(schema: Schema, item: dict) -> Schema:
    ti = item["table"]
    entity = schema.entities[ti]
    if entity.qualified_name != item["name"]:
        return schema
    changes = {key: str(item[key]) for key in _TABLE_AS_WRITTEN if key in item}
    if item.get("unlogged") is True:
        changes["unlogged"] = True
    storage = _storage(item.get("storage"))
    if storage:
        changes["storage"] = storage
    entities = list(schema.entities)
    entities[ti] = replace(entity, **changes)
    return replace(schema, entities=tuple(entities))


def _storage(pairs) -> tuple[StorageParameter, ...]:
    """``[["fillfactor", "90"]]`` → storage parameters; a hand-edited pair that is not a name
    and a plain value is left out (the DDL writer would refuse it)."""
    if not isinstance(pairs, list):
        return ()
    return tuple(
        StorageParameter(str(pair[0]), str(pair[1]))
        for pair in pairs
        if isinstance(pair, list)
        and len(pair) == 2
        and STORAGE_NAME.fullmatch(str(pair[0]))
        and STORAGE_VALUE.fullmatch(str(pair[1]))
    )


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
    if item.get("constraint") is True:
        changes["constraint"] = True
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


def _declared_items(schema: Schema) -> list[dict]:
    """Domains, extensions, standalone sequences (a column's default may draw from one) and
    each table's partitioning: PostgreSQL DDL, no DBML syntax."""
    items = []
    if schema.domains:
        items.append({"domains": to_data(schema.domains)})
    if schema.extensions:
        items.append({"extensions": to_data(schema.extensions)})
    sequences = [o for o in schema.objects if o.kind is ObjectKind.SEQUENCE and o.dialect == POSTGRESQL]
    if sequences:
        items.append({"sequences": [[o.namespace, o.name, o.sql] for o in sequences]})
    for entity in schema.entities:
        if entity.partitioning is not None:
            items.append({"table": entity.qualified_name, "partitioning": to_data(entity.partitioning)})
    return items


def _apply_partitioning(schema: Schema, item: dict) -> Schema:
    entity = _entity_named(schema, item["table"])
    changed = replace(entity, partitioning=from_data(Partitioning, item["partitioning"]))
    return replace(schema, entities=tuple(changed if e.id == entity.id else e for e in schema.entities))


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
        field = _entity_named(schema, path[1]).field_by_name(path[2])
        if field is None:  # the column was removed or renamed by hand: the workload item no longer fits
            raise KeyError(path[2])
        return field.id
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
