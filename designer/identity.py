"""A schema read from outside (a pushed file, a live database) given the ids of the
version it replaces, so comparisons and migrations see renames and changes instead of
"everything removed, everything added".

Every import mints fresh ids (``e_1``, ``f_1``…), while the comparison
(designer.compare) and the migration diff (designer.migrate) match objects by id. Here
objects are matched by name first; what is left over is matched by shape — a table whose
columns are (mostly) the same is a renamed table, a column of the same type at the same
place is a renamed column. Matched objects take the old id; new objects keep theirs,
renumbered where they would collide with an id of the old version.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from designer.formats.codec import to_data
from designer.formats.json_doc import schema_from_dict, schema_to_dict
from designer.schema import DiagramSettings, Entity, Field, Schema

# A leftover table counts as renamed when at least this share of its columns match by name.
RENAMED_TABLE_OVERLAP = 0.6


def adopt_ids(incoming: Schema, *, previous: Schema) -> Schema:
    """``incoming`` with the ids of the objects of ``previous`` it matches."""
    mapping = _entity_and_field_ids(incoming, previous)
    mapping |= _by_key(incoming.enums, previous.enums, key=lambda e: (e.namespace, e.name))
    mapping |= _by_key(incoming.groups, previous.groups, key=lambda g: g.name)
    mapping |= _by_key(incoming.notes, previous.notes, key=lambda n: n.name)
    mapping |= _by_key(incoming.patterns, previous.patterns, key=lambda p: p.name)
    mapping |= _relationship_ids(incoming, previous, mapping)
    mapping |= _entity_part_ids(incoming, previous, mapping)
    mapping |= _renumbered_newcomers(incoming, previous, mapping)
    return schema_from_dict(_renamed(schema_to_dict(incoming), mapping))


def _entity_and_field_ids(incoming: Schema, previous: Schema) -> dict[str, str]:
    pairs = _entity_pairs(incoming.entities, previous.entities)
    mapping: dict[str, str] = {}
    for new, old in pairs:
        mapping[new.id] = old.id
        mapping |= _field_pairs(new.fields, old.fields)
    return mapping


def _entity_pairs(new_entities, old_entities) -> list[tuple[Entity, Entity]]:
    old_by_name = {(e.namespace, e.name): e for e in old_entities}
    pairs = [(e, old_by_name[(e.namespace, e.name)]) for e in new_entities if (e.namespace, e.name) in old_by_name]
    paired_old = {old.id for _, old in pairs}
    paired_new = {new.id for new, _ in pairs}
    left_old = [e for e in old_entities if e.id not in paired_old]
    for new in (e for e in new_entities if e.id not in paired_new):
        best = max(left_old, key=lambda old, new=new: _column_overlap(new, old), default=None)
        if best is not None and _column_overlap(new, best) >= RENAMED_TABLE_OVERLAP:
            pairs.append((new, best))
            left_old.remove(best)
    return pairs


def _column_overlap(new: Entity, old: Entity) -> float:
    new_names, old_names = {f.name for f in new.fields}, {f.name for f in old.fields}
    if not new_names or not old_names:
        return 0.0
    return len(new_names & old_names) / max(len(new_names), len(old_names))


def _field_pairs(new_fields: tuple[Field, ...], old_fields: tuple[Field, ...]) -> dict[str, str]:
    old_by_name = {f.name: f for f in old_fields}
    mapping = {f.id: old_by_name[f.name].id for f in new_fields if f.name in old_by_name}
    left_new = [f for f in new_fields if f.id not in mapping]
    left_old = [f for f in old_fields if f.id not in set(mapping.values())]
    # A leftover column of the same type at the same place is the old one renamed.
    for new in left_new:
        position = new_fields.index(new)
        same_type = [old for old in left_old if _same_type(old, new)]
        at_place = [old for old in same_type if old_fields.index(old) == position]
        chosen = at_place[0] if at_place else (same_type[0] if len(same_type) == 1 and len(left_new) == 1 else None)
        if chosen is not None:
            mapping[new.id] = chosen.id
            left_old.remove(chosen)
    return mapping


def _same_type(a: Field, b: Field) -> bool:
    return dataclasses.replace(a.type, written=None, enum_id=None) == dataclasses.replace(
        b.type, written=None, enum_id=None
    )


def _by_key(new_items, old_items, *, key) -> dict[str, str]:
    old_by_key = {key(item): item.id for item in old_items}
    return {item.id: old_by_key[key(item)] for item in new_items if key(item) in old_by_key}


def _relationship_ids(incoming: Schema, previous: Schema, mapping: dict[str, str]) -> dict[str, str]:
    def key(rel, ids):
        return (
            ids(rel.from_entity_id),
            tuple(map(ids, rel.from_field_ids)),
            ids(rel.to_entity_id),
            tuple(map(ids, rel.to_field_ids)),
        )

    old_by_key = {key(r, lambda i: i): r.id for r in previous.relationships}
    found = {}
    for rel in incoming.relationships:
        old = old_by_key.get(key(rel, lambda i: mapping.get(i, i)))
        if old is not None:
            found[rel.id] = old
    return found


def _entity_part_ids(incoming: Schema, previous: Schema, mapping: dict[str, str]) -> dict[str, str]:
    """Indexes and checks of matched tables: by name, else by what they cover."""
    found: dict[str, str] = {}
    for new in incoming.entities:
        old = previous.entity(mapping.get(new.id, ""))
        if old is None:
            continue
        found |= _by_key(new.indexes, old.indexes, key=lambda i: i.name or "")
        columns = lambda i, ids: tuple((ids(c.field_id), c.expression) for c in i.columns)  # noqa: E731
        old_columns = {columns(i, lambda x: x): i.id for i in old.indexes}
        for index in new.indexes:
            match = old_columns.get(columns(index, lambda x: mapping.get(x, x)))
            if index.id not in found and match is not None and match not in found.values():
                found[index.id] = match
        found |= _by_key(new.checks, old.checks, key=lambda c: c.name or c.expression)
    return found


def _renumbered_newcomers(incoming: Schema, previous: Schema, mapping: dict[str, str]) -> dict[str, str]:
    """New objects whose fresh id is already taken in the old version get another one."""
    taken = _ids(previous) | _ids(incoming) | set(mapping.values())
    renumbered = {}
    for object_id in sorted(_ids(incoming) - set(mapping)):
        if object_id in _ids(previous) or object_id in mapping.values():
            prefix = object_id.rsplit("_", 1)[0] if "_" in object_id else object_id
            n = 1
            while f"{prefix}_{n}" in taken:
                n += 1
            renumbered[object_id] = f"{prefix}_{n}"
            taken.add(renumbered[object_id])
    return renumbered


def _ids(value: Any, found: set[str] | None = None) -> set[str]:
    found = set() if found is None else found
    if dataclasses.is_dataclass(value):
        if isinstance(getattr(value, "id", None), str):
            found.add(value.id)
        for f in dataclasses.fields(value):
            _ids(getattr(value, f.name), found)
    elif isinstance(value, tuple):
        for item in value:
            _ids(item, found)
    return found


def _renamed(data: Any, mapping: dict[str, str]) -> Any:
    """Every id in the document (values and keys: diagram positions are keyed by id) mapped
    at once, so swapped ids never collide half-way."""
    if isinstance(data, str):
        return mapping.get(data, data)
    if isinstance(data, list):
        return [_renamed(v, mapping) for v in data]
    if isinstance(data, dict):
        return {mapping.get(k, k): _renamed(v, mapping) for k, v in data.items()}
    return data


# --- what a database says differently but means the same --------------------------------

_SAME_EXPRESSIONS = ({"now()", "current_timestamp", "current_timestamp()", "transaction_timestamp()"},)


def settle_to(live: Schema, *, design: Schema) -> Schema:
    """``live`` (already given the design's ids) with the spellings the database chose
    replaced by the design's where they mean the same: ``integer`` for ``int``, the name
    a dialect generates for an unnamed index or key, NO ACTION for "the default". What
    is left differs for real."""
    from designer.migrate.model import build_model

    model = build_model(design)
    generated = {index.id: index.name for table in model.tables for index in table.indexes}
    generated |= {key.id: key.name for _table_id, key in model.foreign_keys}
    generated |= {c.id: c.name for table in model.tables for c in table.constraints}
    entities = tuple(_settled_entity(e, design.entity(e.id), generated) for e in live.entities)
    relationships = tuple(_settled_relationship(r, design.relationship(r.id), generated) for r in live.relationships)
    return dataclasses.replace(live, entities=entities, relationships=relationships)


def _settled_entity(live: Entity, design: Entity | None, generated: dict[str, str]) -> Entity:
    if design is None:
        return live
    fields = tuple(_settled_field(f, design.field(f.id)) for f in live.fields)
    indexes = tuple(_settled_name(i, _by_id(design.indexes, i.id), generated) for i in live.indexes)
    checks = tuple(_settled_name(c, _by_id(design.checks, c.id), generated) for c in live.checks)
    return dataclasses.replace(live, fields=fields, indexes=indexes, checks=checks)


def _settled_field(live: Field, design: Field | None) -> Field:
    if design is None:
        return live
    changes = {}
    if live.type != design.type and _same_type(live, design):
        changes["type"] = design.type
    if live.default != design.default and _same_default(live.default, design.default):
        changes["default"] = design.default
    return dataclasses.replace(live, **changes) if changes else live


def _same_default(a, b) -> bool:
    """DEFAULT NULL is no default; ``CURRENT_TIMESTAMP(6)`` (MariaDB) is ``now()``."""
    left, right = (_default_text(d) for d in (a, b))
    return left == right or any(left in same and right in same for same in _SAME_EXPRESSIONS)


def _default_text(default) -> str:
    if default is None:
        return "null"
    text = " ".join(default.value.lower().split())
    return re.sub(r"^(current_timestamp|now)\(\d*\)$", r"\1()", text)


def _settled_name(live, design, generated: dict[str, str]):
    if design is None or live.name == design.name:
        return live
    if design.name is None and live.name == generated.get(design.id):
        return dataclasses.replace(live, name=None)
    return live


def _settled_relationship(live, design, generated: dict[str, str]):
    if design is None:
        return live
    live = _settled_name(live, design, generated)
    changes = {}
    for action in ("on_delete", "on_update"):
        if {getattr(live, action), getattr(design, action)} <= {None, "no_action"}:
            changes[action] = getattr(design, action)
    return dataclasses.replace(live, **changes)


def _by_id(items, item_id: str):
    return next((item for item in items if item.id == item_id), None)


# --- what a plain file cannot say ---------------------------------------------------------


def keep_unsaid(incoming: Schema, *, previous: Schema) -> Schema:
    """A plain DBML or SQL file has no workload and no diagram: pushing one must not wipe
    the project's. ``incoming`` (with ``previous``'s ids) keeps the previous access
    patterns and volumes that still point at existing objects, and the previous diagram
    settings, when it carries none of its own."""
    changes = {}
    if not incoming.patterns and not incoming.volumes:
        present = _ids(incoming)
        old_ids = _ids(previous)
        changes["patterns"] = tuple(p for p in previous.patterns if _points_within(p, old_ids, present))
        changes["volumes"] = tuple(v for v in previous.volumes if _points_within(v, old_ids, present))
    if incoming.diagram == DiagramSettings():
        changes["diagram"] = previous.diagram
    return dataclasses.replace(incoming, **changes) if changes else incoming


def _points_within(item, old_ids: set[str], present: set[str]) -> bool:
    """Every id of the old document that ``item`` names is still in the new one."""
    named = {value for value in _strings(to_data(item)) if value in old_ids} - {getattr(item, "id", None)}
    return named <= present


def _strings(data: Any):
    if isinstance(data, str):
        yield data
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
