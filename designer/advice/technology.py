"""Technology choice: PostgreSQL or MongoDB as the primary store, Redis beside it when
a cache earns its place. Scored from the declared workload; the rationale quotes the
user's numbers and says what would change the decision."""

from __future__ import annotations

from dataclasses import dataclass

from designer.advice.base import Context, Recommendation, Technology, count, pattern_rate, rate
from designer.schema import AccessPattern, Consistency, TypeKind
from designer.workload import human_bytes

HORIZONTAL_WRITES_PER_SECOND = 5_000  # sustained writes one PostgreSQL primary starts to struggle with
HORIZONTAL_BYTES = 2 * 10**12  # data at 36 months past what one server comfortably holds and backs up
SCORE_MAX = 100


@dataclass(frozen=True)
class Factors:
    entities: int
    relationships: int
    reads_per_second: float
    writes_per_second: float
    join_reads: float  # reads following a relationship to another aggregate
    document_reads: float  # reads of one aggregate with its children
    strong_writes: float
    linked_written_entities: int  # written entities holding a foreign key to another written entity
    json_fields: int
    fields: int
    bytes36: int

    @property
    def density(self) -> float:
        return self.relationships / self.entities if self.entities else 0.0

    def share(self, part: float, whole: float) -> float:
        return part / whole if whole else 0.0

    @property
    def join_share(self) -> float:
        return self.share(self.join_reads, self.reads_per_second)

    @property
    def document_share(self) -> float:
        return self.share(self.document_reads, self.reads_per_second)

    @property
    def strong_share(self) -> float:
        return self.share(self.strong_writes, self.writes_per_second)

    @property
    def json_share(self) -> float:
        return self.share(self.json_fields, self.fields)


def factors(context: Context) -> Factors:
    schema = context.schema
    join_reads = document_reads = 0.0
    for pattern in context.reads:
        per_second = pattern.frequency.average_per_second
        if _document_shaped(context, pattern):
            document_reads += per_second
        elif pattern.joins:
            join_reads += per_second
    written = {p.entity_id for p in context.writes}
    linked = {
        r.from_entity_id
        for r in schema.relationships
        if r.from_entity_id in written and r.to_entity_id in written and r.from_entity_id != r.to_entity_id
    }
    all_fields = [f for e in schema.entities for f in e.fields]
    return Factors(
        entities=len(schema.entities),
        relationships=len(schema.relationships),
        reads_per_second=context.summary.reads_per_second,
        writes_per_second=context.summary.writes_per_second,
        join_reads=join_reads,
        document_reads=document_reads,
        strong_writes=sum(
            p.frequency.average_per_second for p in context.writes if p.consistency is Consistency.STRONG
        ),
        linked_written_entities=len(linked),
        json_fields=sum(1 for f in all_fields if f.type.kind is TypeKind.JSON),
        fields=len(all_fields),
        bytes36=sum(load.projections[-1].bytes for load in context.summary.entities),
    )


def _document_shaped(context: Context, pattern: AccessPattern) -> bool:
    """One aggregate read whole: the entity with its children, every join going from
    the pattern's entity down to rows that reference it."""
    if not pattern.joins:
        return False
    joined = [context.schema.relationship(r) for r in pattern.joins]
    return all(r is not None and r.to_entity_id == pattern.entity_id for r in joined)


def scores(f: Factors) -> dict[str, int]:
    postgresql = (
        40
        + 20 * min(1.0, f.density)
        + 15 * f.join_share
        + 15 * f.strong_share
        + (10 if f.linked_written_entities else 0)
        - 20 * f.document_share
        - 10 * min(1.0, 3 * f.json_share)
    )
    mongodb = (
        30
        + 30 * f.document_share
        + 20 * min(1.0, 3 * f.json_share)
        + 10 * (1 - min(1.0, f.density))
        + (10 if f.writes_per_second >= HORIZONTAL_WRITES_PER_SECOND else 0)
        + (5 if f.bytes36 >= HORIZONTAL_BYTES else 0)
        - 10 * f.join_share
    )
    clamp = lambda x: max(0, min(SCORE_MAX, round(x)))  # noqa: E731
    return {"postgresql": clamp(postgresql), "mongodb": clamp(mongodb)}


def choose(context: Context, cache_recommendations: list[Recommendation]) -> Technology:
    f = factors(context)
    score = scores(f)
    primary = "mongodb" if score["mongodb"] > score["postgresql"] else "postgresql"
    cached_rate = sum(_cached_rate(context, r) for r in cache_recommendations)
    score["redis"] = min(SCORE_MAX, round(cached_rate / 10)) if cache_recommendations else 0
    cache = "redis" if cache_recommendations else None
    return Technology(
        primary=primary,
        cache=cache,
        scores=score,
        rationale=tuple(_rationale(context, f, primary, cache_recommendations)),
        would_change_if=tuple(_would_change(f, primary, cache_recommendations)),
    )


def _cached_rate(context: Context, recommendation: Recommendation) -> float:
    """Reads and writes a second that the cache takes over (the score's scale: 1,000/s is 100)."""
    return sum(context.schema.pattern(p).frequency.average_per_second for p in recommendation.pattern_ids)


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _rationale(context: Context, f: Factors, primary: str, caches: list[Recommendation]) -> list[str]:
    if not context.schema.entities:
        return ["The schema is empty: PostgreSQL is the safe default until entities and access patterns say otherwise."]
    lines = [
        f"{f.entities} entities with {f.relationships} relationships ({f.density:.1f} per entity).",
        f"{_percent(f.join_share)} of reads ({rate(f.join_reads)} of {rate(f.reads_per_second)}) follow a "
        f"relationship to another entity; {_percent(f.document_share)} ({rate(f.document_reads)}) read one "
        "aggregate whole (an entity with its children).",
        f"{_percent(f.strong_share)} of writes ({rate(f.strong_writes)} of {rate(f.writes_per_second)}) need strong "
        f"consistency; {f.linked_written_entities} written "
        f"{'entity references' if f.linked_written_entities == 1 else 'entities reference'} other written entities "
        "(multi-entity writes want transactions).",
        f"{f.json_fields} of {f.fields} fields are JSON (schema variability).",
        f"Data in 36 months: {human_bytes(f.bytes36)}; writes {rate(f.writes_per_second)} on average.",
    ]
    if not context.live_patterns:
        lines.append("No access patterns are declared yet: the choice rests on the schema's shape alone.")
    if primary == "postgresql":
        lines.append(
            "PostgreSQL: relationships, constraints and transactions carry this design; JSONB covers "
            "the flexible parts."
        )
    else:
        lines.append(
            "MongoDB: reads and writes are aggregate-shaped and the structure varies; documents store "
            "each aggregate as it is read."
        )
    for recommendation in caches[:3]:
        pattern = context.schema.pattern(recommendation.pattern_ids[0])
        lines.append(f"Redis — {recommendation.title}: '{pattern.name}' runs {pattern_rate(pattern)}.")
    if len(caches) > 3:
        lines.append(f"Redis — {len(caches) - 3} more caching recommendations below.")
    return lines


def _would_change(f: Factors, primary: str, caches: list[Recommendation]) -> list[str]:
    lines = []
    if primary == "postgresql":
        lines.append(
            f"If most reads fetched one aggregate whole (now {_percent(f.document_share)}) and few "
            f"followed relationships across aggregates (now {_percent(f.join_share)}), with varied JSON "
            "structure, MongoDB would score higher."
        )
        lines.append(
            f"If sustained writes passed about {count(HORIZONTAL_WRITES_PER_SECOND)}/s (now "
            f"{rate(f.writes_per_second)}) or the data about {human_bytes(HORIZONTAL_BYTES)} (now "
            f"{human_bytes(f.bytes36)} at 36 months) on aggregate-shaped data, horizontal scaling "
            "(MongoDB sharding, or Citus) would matter."
        )
    else:
        lines.append(
            f"If reads began joining across aggregates (now {_percent(f.join_share)}) or writes had to "
            f"change several aggregates atomically (now {f.linked_written_entities} linked written "
            "entities), PostgreSQL with JSONB would be the better fit."
        )
    if caches:
        lines.append(
            "If the cached reads had to be strongly consistent, or fell under ~100/s, the cache would "
            "not earn its upkeep."
        )
    else:
        lines.append(
            "A read above ~100/s on rarely written data that may be seconds stale, a hot ranking or a "
            "hot counter would earn Redis beside the primary store."
        )
    return lines
