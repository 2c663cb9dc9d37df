"""Scale advice: partitioning for very large or retention-bound tables, connection
pool sizing from peak concurrency (Little's law), read replicas for read-heavy mixes."""

from __future__ import annotations

import math
from collections.abc import Iterator

from designer.advice import sql
from designer.advice.base import Context, Recommendation, Severity, count, rate, upper_first
from designer.schema import Entity, TypeKind

PARTITION_ROWS = 100_000_000
RETENTION_PARTITION_ROWS = 1_000_000
POOL_PEAK_PER_SECOND = 500.0
DEFAULT_QUERY_MS = 5.0  # a pattern without a latency target: a typical indexed query
REPLICA_READS_PER_SECOND = 2_000.0
REPLICA_READ_SHARE = 0.9
TIME_KINDS = (TypeKind.TIMESTAMPTZ, TypeKind.TIMESTAMP, TypeKind.DATE)
TIME_NAMES = ("created_at", "occurred_at", "recorded_at", "timestamp", "ts", "time", "at", "received_at", "sent_at")


def scale_rules(context: Context) -> Iterator[Recommendation]:
    for entity in context.schema.entities:
        found = partitioning(context, entity)
        if found is not None:
            yield found
    yield from pool_size(context)
    yield from read_replicas(context)


def _time_field(entity: Entity):
    candidates = [f for f in entity.fields if f.type.kind in TIME_KINDS and not f.type.array]
    return next((f for name in TIME_NAMES for f in candidates if f.name.lower() == name), None) or (
        candidates[0] if candidates else None
    )


def partitioning(context: Context, entity: Entity) -> Recommendation | None:
    volume = context.schema.volume(entity.id)
    rows36 = context.rows(entity.id)
    retention = volume.retention_days if volume else None
    huge = rows36 >= PARTITION_ROWS
    if not huge and not (retention and rows36 >= RETENTION_PARTITION_ROWS):
        return None
    column = _time_field(entity)
    by = column.name if column else "a time column"
    reasons = []
    if huge:
        reasons.append(
            f"{entity.name} is projected at {count(rows36)} rows in 36 months, past ~{count(PARTITION_ROWS)}: "
            "indexes outgrow memory and VACUUM takes hours"
        )
    if retention:
        grow = volume.growth_per_month
        reasons.append(
            f"rows are kept {retention} days ({count(grow)} new a month, so about "
            f"{count(rows36)} live): deleting expired rows one by one bloats the table, dropping a whole "
            "partition is instant"
        )
    statement = (
        (
            f"-- {entity.name} recreated as a partitioned table (new table, copy, swap):\n"
            f"CREATE TABLE {sql.table(entity)} (...) PARTITION BY RANGE ({sql.quote(by)});"
        )
        if column
        else None
    )
    return Recommendation(
        code="scale.partition",
        severity=Severity.WARNING,
        title=f"Partition {entity.name} by {by}",
        rationale=upper_first("; ".join(reasons))
        + f". Range partitions by {by} (monthly"
        + (", or matching the retention" if retention else "")
        + ") keep each one small.",
        tradeoffs="Primary and unique keys must include the partition column; queries that do not filter on it "
        "visit every partition; partitions must be created ahead (pg_partman or a scheduled job).",
        entity_id=entity.id,
        field_ids=(column.id,) if column else (),
        sql=statement,
    )


def pool_size(context: Context) -> Iterator[Recommendation]:
    peak = context.summary.peak_per_second
    if peak < POOL_PEAK_PER_SECOND or context.primary != "postgresql":
        return  # the advice below is PostgreSQL's (PgBouncer); MongoDB drivers pool on their own
    # Latency targets are upper bounds (p95), not how long a query holds its connection: use the typical time.
    busy = sum(
        p.frequency.peak_per_second * min(p.latency_ms or DEFAULT_QUERY_MS, DEFAULT_QUERY_MS) / 1000
        for p in context.live_patterns
    )
    pool = max(10, math.ceil(busy * 2))
    yield Recommendation(
        code="scale.pool",
        severity=Severity.INFO,
        title=f"Size the connection pool for about {math.ceil(busy)} busy connections at peak",
        rationale=(
            f"At peak the declared patterns run {rate(peak)}; an indexed query holds its connection "
            f"~{DEFAULT_QUERY_MS:g} ms, so about {busy:.0f} queries are in flight at "
            f"once (Little's law). A pool of ~{pool} server connections behind PgBouncer in transaction mode "
            "serves that; thousands of direct client connections would cost memory and context switches."
        ),
        tradeoffs="Transaction pooling breaks session state (SET, advisory locks, prepared statements without "
        "protocol support).",
    )


def read_replicas(context: Context) -> Iterator[Recommendation]:
    summary = context.summary
    total = summary.queries_per_second
    share = summary.reads_per_second / total if total else 0.0
    if summary.reads_per_second < REPLICA_READS_PER_SECOND or share < REPLICA_READ_SHARE:
        return
    eventual = [p for p in context.reads if p.consistency.value == "eventual"]
    yield Recommendation(
        code="scale.read-replicas",
        severity=Severity.INFO,
        title="Send eventually consistent reads to read replicas",
        rationale=(
            f"{round(100 * share)}% of the load is reads ({rate(summary.reads_per_second)} of {rate(total)}); "
            f"{len(eventual)} read patterns accept eventual consistency and can go to replicas, leaving the "
            "primary for writes and strong reads."
        ),
        tradeoffs="Replicas lag (usually milliseconds, seconds under load): a user may not see their own write "
        "unless that read goes to the primary.",
        pattern_ids=tuple(p.id for p in eventual),
    )
