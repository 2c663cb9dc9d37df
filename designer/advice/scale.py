"""Scale advice: partitioning for very large or retention-bound tables, connection
pool sizing from peak concurrency (Little's law), read replicas for read-heavy mixes."""

from __future__ import annotations

import math
from collections.abc import Iterator

from designer.advice import sql
from designer.advice.base import Context, Recommendation, Severity, count, rate, upper_first
from designer.naming import fit_identifier
from designer.schema import Entity, FilterOp, Pagination, TypeKind

PARTITION_ROWS = 100_000_000
RETENTION_PARTITION_ROWS = 1_000_000
POOL_PEAK_PER_SECOND = 500.0
DEFAULT_QUERY_MS = 5.0  # a pattern without a latency target: a typical indexed query
REPLICA_READS_PER_SECOND = 2_000.0
REPLICA_READ_SHARE = 0.9
TIME_KINDS = (TypeKind.TIMESTAMPTZ, TypeKind.TIMESTAMP, TypeKind.DATE)
TIME_READ_SHARE = 0.5  # the range reads on the time column make at least this share of the entity's reads
RANGE_OPS = frozenset({FilterOp.LT, FilterOp.LTE, FilterOp.GT, FilterOp.GTE, FilterOp.BETWEEN})


def scale_rules(context: Context) -> Iterator[Recommendation]:
    for entity in context.schema.entities:
        found = partitioning(context, entity)
        if found is not None:
            yield found
    yield from pool_size(context)
    yield from read_replicas(context)


def _time_field(context: Context, entity: Entity):
    """The time column most of the entity's declared reads bound with a range, or None.

    Measured (issue 19): comments partitioned by date while their reads were by post got
    3.4 times slower, since each read then visits every partition. Time partitions pay only when
    the reads themselves prune them."""
    reads = [p for p in context.reads if p.entity_id == entity.id]
    total = sum(p.frequency.average_per_second for p in reads)
    by_column: dict[str, float] = {}
    for pattern in reads:
        bounded = [f.field_id for f in pattern.filters if f.op in RANGE_OPS]
        if pattern.pagination is Pagination.KEYSET and pattern.sort:
            bounded.append(pattern.sort[0].field_id)  # "since $2 ORDER BY it": the range is the keyset's
        times = [entity.field(i) for i in bounded if entity.field(i) is not None]
        column = next((c for c in times if c.type.kind in TIME_KINDS and not c.type.array), None)
        if column is not None:
            by_column[column.id] = by_column.get(column.id, 0.0) + pattern.frequency.average_per_second
    if not by_column:
        return None
    best = max(by_column, key=by_column.get)
    return entity.field(best) if total and by_column[best] >= TIME_READ_SHARE * total else None


def partitioning(context: Context, entity: Entity) -> Recommendation | None:
    if entity.partitioning is not None:
        return None  # partitioned already
    volume = context.schema.volume(entity.id)
    rows36 = context.rows(entity.id)
    retention = volume.retention_days if volume else None
    huge = rows36 >= PARTITION_ROWS
    if not huge and not (retention and rows36 >= RETENTION_PARTITION_ROWS):
        return None
    column = _time_field(context, entity)
    if column is None:
        return None  # no time column, or the reads do not filter on it: partitions would only slow them
    by = column.name
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
    reasons.append(f"the declared reads bound {by} with a range, so each one visits only the partitions it needs")
    statement = _partitioned_copy(entity, column)
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
        field_ids=(column.id,),
        sql=statement,
    )


def _partitioned_copy(entity: Entity, column) -> str:
    """Runnable first step: an empty partitioned twin of the table (its key extended by the
    partition column, as PostgreSQL requires) with a default partition; copying the rows in
    batches and swapping the names follow, by hand, while writes are paused or dual-written."""
    twin = fit_identifier(f"{entity.name}_partitioned")
    qualified = f"{sql.quote(entity.namespace)}.{sql.quote(twin)}" if entity.namespace else sql.quote(twin)
    default = fit_identifier(f"{entity.name}_p_default")
    default_qualified = (
        f"{sql.quote(entity.namespace)}.{sql.quote(default)}" if entity.namespace else sql.quote(default)
    )
    lines = [
        f"CREATE TABLE {qualified} (LIKE {sql.table(entity)} INCLUDING ALL EXCLUDING INDEXES) "
        f"PARTITION BY RANGE ({sql.quote(column.name)});",
    ]
    key = [entity.field(i).name for i in entity.primary_key if entity.field(i)]
    if key:
        key += [] if column.name in key else [column.name]
        lines.append(f"ALTER TABLE {qualified} ADD PRIMARY KEY ({', '.join(sql.quote(k) for k in key)});")
    lines += [
        f"CREATE TABLE {default_qualified} PARTITION OF {qualified} DEFAULT;",
        f"-- then: one partition per month (CREATE TABLE … PARTITION OF {qualified} FOR VALUES FROM … TO …),",
        f"-- copy {entity.name} in batches, recreate its indexes and swap the names in one transaction.",
    ]
    return "\n".join(lines)


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
