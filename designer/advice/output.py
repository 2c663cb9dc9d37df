"""An analysis as plain data: the JSON the CLI prints (entity and field names, not
ids), plus, for the web side's storage, each recommendation's key and ops."""

from __future__ import annotations

from designer.advice.base import Analysis, IndexSpec, Recommendation
from designer.ops import op_to_dict
from designer.schema import Schema


def analysis_to_dict(analysis: Analysis, *, schema: Schema, revision: int, internal: bool = False) -> dict:
    """``internal`` adds what Apply and Dismiss need (``key``, ``entity_id``, ``ops``) and the notes."""
    technology = analysis.technology
    data = {
        "revision": revision,
        "technology": {
            "primary": technology.primary,
            "cache": technology.cache,
            "scores": dict(technology.scores),
            "rationale": list(technology.rationale),
            "would_change_if": list(technology.would_change_if),
        },
        "recommendations": [_recommendation(r, schema, internal=internal) for r in analysis.recommendations],
    }
    if internal:
        data["notes"] = list(analysis.notes)
    return data


def _recommendation(recommendation: Recommendation, schema: Schema, *, internal: bool) -> dict:
    entity = schema.entity(recommendation.entity_id) if recommendation.entity_id else None
    data = {
        "code": recommendation.code,
        "category": recommendation.category,
        "severity": recommendation.severity.value,
        "title": recommendation.title,
        "rationale": recommendation.rationale,
        "tradeoffs": recommendation.tradeoffs,
        "entity": entity.name if entity else None,
        "fields": [name for name in (_field_name(schema, i) for i in recommendation.field_ids) if name],
        "patterns": [p.name for p in (schema.pattern(i) for i in recommendation.pattern_ids) if p],
        "sql": recommendation.sql,
        "index": _index(recommendation.index, schema) if recommendation.index else None,
    }
    if internal:
        data["key"] = recommendation.key
        data["entity_id"] = recommendation.entity_id
        data["ops"] = [op_to_dict(op) for op in recommendation.ops]
    return data


def _field_name(schema: Schema, field_id: str) -> str | None:
    found = schema.find_field(field_id)
    return found[1].name if found else None


def _index(spec: IndexSpec, schema: Schema) -> dict:
    entity = schema.entity(spec.entity_id)
    return {
        "entity": entity.name if entity else None,
        "columns": [
            {
                "field": _field_name(schema, c.field_id) if c.field_id else None,
                "expression": c.expression,
                "order": c.order,
            }
            for c in spec.columns
        ],
        "unique": spec.unique,
        "predicate": spec.predicate,
        "include": [name for name in (_field_name(schema, i) for i in spec.include) if name],
        "method": spec.method,
    }
