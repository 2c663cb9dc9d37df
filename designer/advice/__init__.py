"""The advisor: recommendations from the schema and its declared workload.

``analyze(schema) -> Analysis`` is pure. One module per rule family (technology,
index, types, model, cache, mongo, scale, security); each rule is a small function
yielding ``Recommendation``s with a stable ``code``. Patterns flagged "needs fixing"
are left out (and named in ``Analysis.notes``), as the workload summary does.
"""

from __future__ import annotations

from collections.abc import Callable

from designer.advice import technology
from designer.advice.base import (
    CATEGORIES,
    SEVERITY_ORDER,
    Analysis,
    Context,
    IndexKey,
    IndexSpec,
    Recommendation,
    Severity,
    Technology,
)
from designer.advice.cache import cache_rules
from designer.advice.dialects import for_dialect
from designer.advice.index import index_rules
from designer.advice.model import model_rules
from designer.advice.mongo import mongo_rules
from designer.advice.output import analysis_to_dict
from designer.advice.review import review_markdown
from designer.advice.scale import scale_rules
from designer.advice.security import security_rules
from designer.advice.types import type_rules
from designer.schema import Schema

__all__ = [
    "CATEGORIES",
    "Analysis",
    "IndexKey",
    "IndexSpec",
    "Recommendation",
    "Severity",
    "Technology",
    "analysis_to_dict",
    "analyze",
    "review_markdown",
]


def analyze(schema: Schema, *, progress: Callable[[float, str], None] | None = None) -> Analysis:
    """``progress(share, message)``, when given, hears how far the analysis is (0..1)."""
    report = progress or (lambda share, message: None)
    context = Context(schema)
    report(0.1, "Reading the workload")
    caches = list(cache_rules(context))
    chosen = technology.choose(context, caches)
    context.primary = chosen.primary
    found = [*caches]
    families = [("Indexes", index_rules), ("Types", type_rules), ("Modelling", model_rules)]
    if chosen.primary == "mongodb" or context.is_mongodb:
        families.append(("MongoDB modelling", mongo_rules))
    families += [("Scale", scale_rules), ("Sensitive data", security_rules)]
    for step, (label, rules) in enumerate(families, start=1):
        report(0.1 + 0.9 * (step - 1) / len(families), f"{label}…")
        found += rules(context)
    found = [for_dialect(context.schema, r, dialect=context.dialect) for r in found]
    found.sort(
        key=lambda r: (
            SEVERITY_ORDER[r.severity],
            list(CATEGORIES).index(r.category),
            context.entity_name(r.entity_id) if r.entity_id else "",
            r.code,
        )
    )
    return Analysis(technology=chosen, recommendations=tuple(found), notes=tuple(_notes(context)))


def _notes(context: Context) -> list[str]:
    notes = []
    stale = [p.name for p in context.schema.patterns if p.id in context.stale_ids]
    if stale:
        notes.append("Left out until fixed (they name something deleted): " + ", ".join(f"'{n}'" for n in stale) + ".")
    if context.schema.entities and not context.schema.patterns:
        notes.append("No access patterns are declared: index, cache and technology advice need the workload tab.")
    if not context.schema.entities:
        notes.append("The schema is empty.")
    return notes
