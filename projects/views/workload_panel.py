"""What the panel's Workload tab shows: the summary, the volumes and the patterns,
each with its form (bound when it is the one that just failed)."""

from __future__ import annotations

from designer.workload import workload_summary
from projects.forms.workload import PatternForm, SqlPatternForm, VolumeForm


def workload_context(schema, bound: dict) -> dict:
    def make(slot, cls, **kwargs):
        return bound.get(slot) or cls(schema=schema, auto_id=f"{slot}-%s", **kwargs)

    def pattern_row(pattern):
        """The pattern, its form, whether it names something deleted, whether it shows open."""
        slot = f"pattern-{pattern.id}"
        return pattern, make(slot, PatternForm, pattern=pattern), pattern.id in stale, slot in bound

    summary = workload_summary(schema)
    stale = set(summary.stale_pattern_ids)
    return {
        "summary": summary,
        "stale": [p for p in schema.patterns if p.id in stale],
        "entities": [
            (load, make(f"volume-{load.entity_id}", VolumeForm, entity=schema.entity(load.entity_id)))
            for load in summary.entities
        ],
        "patterns": [pattern_row(pattern) for pattern in schema.patterns],
        "new_pattern": make("new-pattern", PatternForm),
        "sql_pattern": make("sql-pattern", SqlPatternForm),
        "bound_slots": set(bound),
    }
