"""MongoDB modelling, when MongoDB is the choice or the project's database: embed or
reference from cardinality and access ("6 rules of thumb"), unbounded arrays,
extended references for hot joins, buckets for hot time series, indexes in ESR order."""

from __future__ import annotations

from collections.abc import Iterator

from designer.advice.base import Context, Recommendation, Severity, count, pattern_rate
from designer.advice.index import choose_indexes
from designer.schema import Cardinality, FilterOp, Operation, Relationship

EMBED_RATIO = 50  # children per parent: one-to-few embeds
ARRAY_RATIO = 1_000  # up to here an array of child ids in the parent; beyond, the parent id in the child
ACCUMULATING_SHARE = 0.01  # children added to existing parents per month, as a share of all children
HOT_JOIN_PER_SECOND = 50.0
BUCKET_INSERTS_PER_SECOND = 100.0


def mongo_rules(context: Context) -> Iterator[Recommendation]:
    for relationship in context.schema.relationships:
        if (
            relationship.cardinality is Cardinality.MANY_TO_MANY
            or relationship.from_entity_id == relationship.to_entity_id
        ):
            continue
        yield _embed_or_reference(context, relationship)
    yield from extended_references(context)
    yield from buckets(context)
    if context.is_mongodb:  # otherwise index.pattern already proposes them for the relational design
        yield from esr_indexes(context)


def _ratio(context: Context, relationship: Relationship) -> float | None:
    children, parents = context.rows(relationship.from_entity_id), context.rows(relationship.to_entity_id)
    return children / parents if parents else None


def _accumulates(context: Context, relationship: Relationship) -> bool:
    """Existing parents keep gaining children (comments, revisions, events): an array
    of them would grow without bound, whatever today's ratio."""
    child = context.schema.volume(relationship.from_entity_id)
    parent = context.schema.volume(relationship.to_entity_id)
    if child is None or parent is None or not parent.rows or child.retention_days:
        return False
    to_new_parents = parent.growth_per_month * child.rows / parent.rows
    return child.growth_per_month - to_new_parents > ACCUMULATING_SHARE * child.rows


def _independent(context: Context, relationship: Relationship) -> bool:
    """The child is read on its own (not only by its parent key) or belongs to other parents too."""
    child = relationship.from_entity_id
    own = [p for p in context.reads if p.entity_id == child]
    by_parent = [
        p for p in own if {f.field_id for f in p.filters if f.op is FilterOp.EQ} <= set(relationship.from_field_ids)
    ]
    shared = sum(1 for r in context.schema.relationships if r.from_entity_id == child and r.id != relationship.id)
    return len(by_parent) < len(own) or shared > 0


def _embed_or_reference(context: Context, relationship: Relationship) -> Recommendation:
    child = context.schema.entity(relationship.from_entity_id)
    parent = context.schema.entity(relationship.to_entity_id)
    ratio = _ratio(context, relationship)
    load = context.load(child.id)
    per_parent = (
        f"about {count(ratio)} {child.name} per {parent.name} in 36 months"
        if ratio is not None
        else ("no declared volumes")
    )
    if _accumulates(context, relationship):
        return Recommendation(
            code="mongo.reference",
            severity=Severity.WARNING,
            title=f"Keep {child.name} as its own collection with the {parent.name} id in each document",
            rationale=(
                f"Existing {parent.name} keep gaining {child.name} ({per_parent}, and growing every month): an "
                f"embedded array would grow without bound toward the 16 MB document limit, and every append "
                f"rewrites the {parent.name} document. Store the {parent.name} id in each {child.name} and index it."
            ),
            tradeoffs=f"Reading a {parent.name} with its {child.name} takes a second query or a $lookup.",
            entity_id=child.id,
            field_ids=relationship.from_field_ids,
        )
    if ratio is not None and ratio > ARRAY_RATIO:
        size = ratio * (load.row_bytes if load else 0)
        return Recommendation(
            code="mongo.reference",
            severity=Severity.WARNING,
            title=f"Keep {child.name} as its own collection with the {parent.name} id in each document",
            rationale=(
                f"{per_parent}: embedded, one {parent.name} document would carry ~{count(size)} bytes of "
                f"{child.name} and keep growing toward the 16 MB document limit (an unbounded array). "
                f"One-to-squillions: store the {parent.name} id in each {child.name} and index it."
            ),
            tradeoffs=f"Reading a {parent.name} with its {child.name} takes a second query or a $lookup.",
            entity_id=child.id,
            field_ids=relationship.from_field_ids,
        )
    if _independent(context, relationship) or (ratio is not None and ratio > EMBED_RATIO):
        return Recommendation(
            code="mongo.reference",
            severity=Severity.INFO,
            title=f"Reference {child.name} from {parent.name} instead of embedding",
            rationale=(
                f"{child.name} is read on its own or belongs to more than one parent ({per_parent}): "
                f"embedding would copy it or force reads through {parent.name}. Keep the {parent.name} id "
                f"in {child.name} (or, for up to ~{ARRAY_RATIO} children, an array of child ids in "
                f"{parent.name})."
            ),
            tradeoffs="A second query or $lookup when both are needed together.",
            entity_id=child.id,
            field_ids=relationship.from_field_ids,
        )
    return Recommendation(
        code="mongo.embed",
        severity=Severity.INFO,
        title=f"Embed {child.name} in {parent.name} documents",
        rationale=(
            f"{child.name} is only read through its {parent.name} ({per_parent}): one-to-few, so an array "
            f"of {child.name} inside each {parent.name} document is read and written with it in one "
            "operation, atomically."
        ),
        tradeoffs=(
            f"{child.name} can no longer be queried without its {parent.name}; the array must stay "
            "bounded (cap it, or move old entries out: the subset pattern)."
        ),
        entity_id=child.id,
        field_ids=relationship.from_field_ids,
    )


def extended_references(context: Context) -> Iterator[Recommendation]:
    for pattern in context.reads:
        if pattern.frequency.average_per_second < HOT_JOIN_PER_SECOND:
            continue
        for relationship_id in pattern.joins:
            relationship = context.schema.relationship(relationship_id)
            if relationship.from_entity_id != pattern.entity_id:
                continue
            child, parent = context.schema.entity(pattern.entity_id), context.schema.entity(relationship.to_entity_id)
            yield Recommendation(
                code="mongo.extended-reference",
                severity=Severity.INFO,
                title=f"Copy the {parent.name} fields '{pattern.name}' needs into {child.name} documents",
                rationale=(
                    f"'{pattern.name}' runs {pattern_rate(pattern)} and follows {child.name} → "
                    f"{parent.name} every time: a $lookup per read. Keep the {parent.name} id plus the few "
                    "fields shown (extended reference)."
                ),
                tradeoffs=f"Changes to those {parent.name} fields must be copied to every {child.name} that holds them.",
                entity_id=child.id,
                field_ids=relationship.from_field_ids,
                pattern_ids=(pattern.id,),
            )


def buckets(context: Context) -> Iterator[Recommendation]:
    for entity_id, patterns in context.patterns_by_entity.items():
        inserts = [p for p in patterns if p.operation in (Operation.INSERT, Operation.BULK)]
        rate_in = sum(p.frequency.average_per_second for p in inserts)
        ranged = [
            p
            for p in patterns
            if p.operation in (Operation.LIST, Operation.AGGREGATE)
            and any(f.op in (FilterOp.BETWEEN, FilterOp.GT, FilterOp.GTE, FilterOp.LT, FilterOp.LTE) for f in p.filters)
        ]
        if rate_in < BUCKET_INSERTS_PER_SECOND or not ranged:
            continue
        entity = context.schema.entity(entity_id)
        yield Recommendation(
            code="mongo.bucket",
            severity=Severity.INFO,
            title=f"Bucket {entity.name} by source and time window",
            rationale=(
                f"{entity.name} receives {count(rate_in)} inserts a second and is read by time ranges "
                f"('{ranged[0].name}'): one document per event means that many index entries a second. "
                "Group events into one document per source and hour (the bucket pattern, or a time-series "
                "collection) with precomputed counts."
            ),
            tradeoffs="Single events are no longer addressable by their own id; a bucket must be capped in size.",
            entity_id=entity.id,
            pattern_ids=tuple(p.id for p in ranged),
        )


def esr_indexes(context: Context) -> Iterator[Recommendation]:
    for proposal in choose_indexes(context):
        if proposal.method != "btree":
            continue
        entity = context.schema.entity(proposal.entity_id)
        spec = ", ".join(
            f"{context.field_name(k.field_id) if k.field_id else k.expression}: {-1 if k.order == 'desc' else 1}"
            for k in proposal.keys
        )
        yield Recommendation(
            code="mongo.index",
            severity=Severity.WARNING,
            title=f"db.{entity.name}.createIndex({{{spec}}})",
            rationale=(
                "Serves "
                + ", ".join(f"'{p.name}' ({pattern_rate(p)})" for p in proposal.patterns)
                + ": equality fields first, then the sort, then the range (ESR)."
            ),
            tradeoffs="Each index slows every insert into the collection.",
            entity_id=entity.id,
            field_ids=tuple(k.field_id for k in proposal.keys if k.field_id),
            pattern_ids=tuple(p.id for p in proposal.patterns),
        )
