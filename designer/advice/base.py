"""What the advisor returns, and the context every rule reads.

A ``Recommendation`` carries ids (for Apply, dismissals and renames) and names (for
people and the JSON output). ``Context`` computes the workload once per analysis
(``designer.workload``), so each rule is a small function over ready numbers.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from designer.migrate.model import build_model
from designer.naming import fit_identifier, index_name
from designer.ops import Op
from designer.schema import (
    READ_OPERATIONS,
    AccessPattern,
    Entity,
    Schema,
    fresh_id,
)
from designer.types import dialect_of
from designer.workload import EntityLoad, WorkloadSummary, human_count, human_rate, workload_summary

KEY_SUBJECT_CHARS = 120


class Severity(StrEnum):
    CRITICAL = "critical"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.CRITICAL: 0, Severity.WARNING: 1, Severity.INFO: 2}

CATEGORIES = {
    "index": "Indexes",
    "type": "Types",
    "model": "Modelling",
    "cache": "Caching",
    "mongo": "MongoDB modelling",
    "scale": "Scale",
    "security": "Sensitive data",
}


@dataclass(frozen=True)
class IndexKey:
    field_id: str | None = None
    expression: str | None = None
    order: str = "asc"


@dataclass(frozen=True)
class IndexSpec:
    """A proposed index, by ids (names are resolved when written out)."""

    entity_id: str
    columns: tuple[IndexKey, ...]
    unique: bool = False
    predicate: str | None = None
    include: tuple[str, ...] = ()
    method: str = "btree"

    @property
    def field_ids(self) -> tuple[str | None, ...]:
        return tuple(c.field_id for c in self.columns)


@dataclass(frozen=True)
class Recommendation:
    code: str
    severity: Severity
    title: str
    rationale: str
    tradeoffs: str = ""
    entity_id: str | None = None
    field_ids: tuple[str, ...] = ()
    pattern_ids: tuple[str, ...] = ()
    ops: tuple[Op, ...] = ()
    sql: str | None = None
    index: IndexSpec | None = None

    @property
    def category(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def key(self) -> str:
        """Stable across renames (ids, not names): what a dismissal remembers. Long
        subjects (many fields, an expression) are hashed so the key stays short."""
        if self.index is not None:
            parts = [c.field_id or c.expression or "" for c in self.index.columns]
            subject = f"{','.join(parts)}:{self.index.predicate or ''}"
        else:
            subject = ",".join(self.field_ids)
        if len(subject) > KEY_SUBJECT_CHARS:
            subject = hashlib.sha256(subject.encode()).hexdigest()[:16]
        return f"{self.code}:{self.entity_id or ''}:{subject}"


@dataclass(frozen=True)
class Technology:
    primary: str  # "postgresql" | "mongodb"
    cache: str | None  # "redis" | None
    scores: dict[str, int]
    rationale: tuple[str, ...]
    would_change_if: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    technology: Technology
    recommendations: tuple[Recommendation, ...]
    notes: tuple[str, ...] = ()  # what the advisor left out and why (stale patterns...)


@dataclass
class Context:
    """The schema with its workload numbers, computed once for every rule."""

    schema: Schema
    primary: str = "postgresql"  # the technology choice, set once made (some advice is PostgreSQL's)
    summary: WorkloadSummary = field(init=False)
    taken_ids: set[str] = field(init=False)

    def __post_init__(self):
        self.summary = workload_summary(self.schema)
        self.taken_ids = self.schema.all_ids()

    @functools.cached_property
    def stale_ids(self) -> frozenset[str]:
        return frozenset(self.summary.stale_pattern_ids)

    @functools.cached_property
    def live_patterns(self) -> tuple[AccessPattern, ...]:
        return tuple(p for p in self.schema.patterns if p.id not in self.stale_ids)

    @functools.cached_property
    def reads(self) -> tuple[AccessPattern, ...]:
        return tuple(p for p in self.live_patterns if p.operation in READ_OPERATIONS)

    @functools.cached_property
    def writes(self) -> tuple[AccessPattern, ...]:
        return tuple(p for p in self.live_patterns if p.operation not in READ_OPERATIONS)

    @functools.cached_property
    def _loads(self) -> dict[str, EntityLoad]:
        return {load.entity_id: load for load in self.summary.entities}

    @functools.cached_property
    def patterns_by_entity(self) -> dict[str, list[AccessPattern]]:
        grouped: dict[str, list[AccessPattern]] = {}
        for pattern in self.live_patterns:
            grouped.setdefault(pattern.entity_id, []).append(pattern)
        return grouped

    @functools.cached_property
    def entities_by_lower_name(self) -> dict[str, Entity]:
        return {e.name.lower(): e for e in reversed(self.schema.entities)}  # the first of a name wins

    @functools.cached_property
    def related_field_ids(self) -> frozenset[str]:
        """Fields on either end of some relationship."""
        return frozenset(i for r in self.schema.relationships for i in (*r.from_field_ids, *r.to_field_ids))

    @functools.cached_property
    def dialect(self) -> str | None:
        return dialect_of(self.schema.database_type)

    @property
    def is_mongodb(self) -> bool:
        return (self.schema.database_type or "").strip().lower() in ("mongodb", "mongo")

    def load(self, entity_id: str) -> EntityLoad | None:
        return self._loads.get(entity_id)

    def rows(self, entity_id: str, *, months: int = 36) -> int:
        load = self.load(entity_id)
        if load is None:
            return 0
        return next((p.rows for p in load.projections if p.months == months), 0)

    def new_id(self, prefix: str) -> str:
        return fresh_id(prefix, self.taken_ids)

    @functools.cached_property
    def taken_names(self) -> set[tuple[str, str]]:
        """(namespace, lower-cased name) of every relation the schema's DDL creates: tables,
        indexes (declared, generated, behind primary keys and uniques) and identity sequences.
        PostgreSQL keeps them in one namespace per schema, so a recommended index named like
        any of them would be skipped by IF NOT EXISTS (MySQL compares index names ignoring case)."""
        taken = set()
        for table in build_model(self.schema).tables:
            names = [table.name, *(i.name for i in table.indexes)]
            names += [c.name for c in table.constraints if c.kind in ("primary", "unique")]
            names += [fit_identifier(f"{table.name}_{c.name}_seq") for c in table.columns if c.identity]
            taken |= {(table.namespace or "", name.lower()) for name in names}
        return taken

    def index_name(self, entity: Entity, columns: list[str], *, unique: bool = False) -> str:
        """A name for a recommended index, unique in the entity's schema: against what exists
        and against every recommendation made so far (two on orders(placed_at), one partial and
        one plain, must not share one)."""
        suffix = "key" if unique else "idx"
        name, n = index_name(entity.name, columns, unique=unique), 1
        while (entity.namespace or "", name.lower()) in self.taken_names:
            n += 1
            name = fit_identifier("_".join([entity.name, *columns]) + f"{n}_{suffix}")
        self.taken_names.add((entity.namespace or "", name.lower()))
        return name

    def field_name(self, field_id: str | None) -> str:
        found = self.schema.find_field(field_id) if field_id else None
        return found[1].name if found else "?"

    def entity_name(self, entity_id: str | None) -> str:
        entity = self.schema.entity(entity_id) if entity_id else None
        return entity.name if entity else "?"


def rate(per_second: float) -> str:
    return human_rate(per_second)


def count(n: float) -> str:
    return human_count(n)


def pattern_rate(pattern: AccessPattern) -> str:
    """'150/s (peak 700/s)'."""
    average = rate(pattern.frequency.average_per_second)
    if pattern.frequency.peak is not None and pattern.frequency.peak != pattern.frequency.average:
        return f"{average} (peak {rate(pattern.frequency.peak_per_second)})"
    return average


def rows_phrase(context: Context, entity: Entity) -> str:
    """'comments holds 900k rows now, 3.1M in 36 months' (or that no volume is declared)."""
    load = context.load(entity.id)
    if load is None or not load.has_volume:
        return f"{entity.name} has no declared volume"
    now, later = context.rows(entity.id, months=0), context.rows(entity.id, months=36)
    return f"{entity.name} holds {count(now)} rows now, {count(later)} in 36 months"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
