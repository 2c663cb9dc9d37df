"""Subject areas: a named subset of the tables drawn on its own, with its own places."""

from __future__ import annotations

from designer.diagram.layout import automatic_positions
from designer.schema import Schema, SubjectArea, replace


def area_schema(schema: Schema, area: SubjectArea) -> Schema:
    """The schema as the area shows it: its tables, the lines among them, the enums
    they use, their groups, and the area's own arrangement (none yet: laid out by
    ``dot``). Notes belong to the whole diagram."""
    chosen = set(area.entity_ids)
    entities = tuple(e for e in schema.entities if e.id in chosen)
    used_enums = {f.type.enum_id for e in entities for f in e.fields if f.type.enum_id is not None}
    relationships = tuple(
        r
        for r in schema.relationships
        if r.from_entity_id in chosen
        and r.to_entity_id in chosen
        and (r.join_entity_id is None or r.join_entity_id in chosen)
    )
    groups = tuple(
        replace(g, entity_ids=tuple(i for i in g.entity_ids if i in chosen))
        for g in schema.groups
        if any(i in chosen for i in g.entity_ids)
    )
    placed = {e.id for e in entities} | used_enums
    positions = tuple(p for p in area.positions if p.id in placed)
    return replace(
        schema,
        entities=entities,
        relationships=relationships,
        enums=tuple(e for e in schema.enums if e.id in used_enums),
        groups=groups,
        notes=(),
        diagram=replace(schema.diagram, positions=positions),
    )


def arranged_area(schema: Schema, area: SubjectArea) -> SubjectArea:
    """The area with a fresh automatic layout of its own tables and enums."""
    return replace(area, positions=automatic_positions(area_schema(schema, replace(area, positions=()))))


def filter_choices(schema: Schema) -> list[tuple[str, str]]:
    """(value, label) of each way to narrow the diagram: a group's tables, or a database
    schema's (namespace's) when there are several."""
    choices = [(f"group:{g.id}", f"group {g.name}") for g in schema.groups if g.entity_ids]
    namespaces = sorted({e.namespace or "" for e in schema.entities})
    if len(namespaces) > 1:
        choices += [(f"schema:{n}", f"schema {n or '(default)'}") for n in namespaces]
    return choices


def filtered_area(schema: Schema, only: str) -> SubjectArea | None:
    """The tables of a group or a database schema, in the whole diagram's places; None
    for a filter that matches nothing (the whole diagram is drawn)."""
    kind, _, value = only.partition(":")
    if kind == "group":
        group = next((g for g in schema.groups if g.id == value), None)
        ids = group.entity_ids if group else ()
    elif kind == "schema":
        ids = tuple(e.id for e in schema.entities if (e.namespace or "") == value)
    else:
        ids = ()
    known = {e.id for e in schema.entities}
    ids = tuple(i for i in ids if i in known)
    return SubjectArea("filter", only, ids, schema.diagram.positions) if ids else None
