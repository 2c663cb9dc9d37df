"""Caching advice: Redis beside the primary store where the workload earns it —
hot reads of rarely written data that may be a little stale (cache-aside), hot
rankings (sorted sets), hot counters. Each names the key schema, the structure,
the TTL from the consistency need, and the writes that invalidate it."""

from __future__ import annotations

from collections.abc import Iterator

from designer.advice.base import Context, Recommendation, Severity, pattern_rate, rate
from designer.schema import AccessPattern, Consistency, FilterOp, Operation, SortOrder, TypeKind

HOT_READ_PER_SECOND = 100.0
HOT_PEAK_PER_SECOND = 500.0
RARELY_WRITTEN = 0.05  # writes at most this share of the pattern's reads
RANKING_PER_SECOND = 10.0
HOT_FIELD_PER_SECOND = 50.0
NUMERIC = (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE)


def cache_rules(context: Context) -> Iterator[Recommendation]:
    ranked = set()
    for recommendation in rankings(context):
        ranked.update(recommendation.pattern_ids)
        yield recommendation
    for pattern in context.reads:
        if pattern.id not in ranked and _cacheable(context, pattern):
            yield _cache_aside(context, pattern)
    yield from hot_fields(context)


def _cacheable(context: Context, pattern: AccessPattern) -> bool:
    frequency = pattern.frequency
    hot = frequency.average_per_second >= HOT_READ_PER_SECOND or frequency.peak_per_second >= HOT_PEAK_PER_SECOND
    if not hot or pattern.consistency is not Consistency.EVENTUAL or pattern.operation is Operation.SEARCH:
        return False
    return _write_rate(context, pattern) <= RARELY_WRITTEN * frequency.average_per_second


def _touched_entities(context: Context, pattern: AccessPattern) -> set[str]:
    touched = {pattern.entity_id}
    for relationship_id in pattern.joins:
        relationship = context.schema.relationship(relationship_id)
        touched |= {relationship.from_entity_id, relationship.to_entity_id}
    return touched


def _invalidating(context: Context, pattern: AccessPattern) -> list[AccessPattern]:
    touched = _touched_entities(context, pattern)
    return [w for w in context.writes if w.entity_id in touched]


def _write_rate(context: Context, pattern: AccessPattern) -> float:
    return sum(w.frequency.average_per_second for w in _invalidating(context, pattern))


def _key(context: Context, pattern: AccessPattern) -> str:
    entity = context.schema.entity(pattern.entity_id)
    parts = [entity.name]
    for condition in pattern.filters:
        name = context.field_name(condition.field_id)
        parts.append(f"{name}:{{{name}}}" if condition.value is None else f"{name}:{condition.value.strip(chr(39))}")
    if pattern.sort:
        parts.append("by_" + "_".join(context.field_name(s.field_id) for s in pattern.sort))
    return ":".join(parts)


def _structure(context: Context, pattern: AccessPattern) -> tuple[str, str]:
    if pattern.operation is Operation.POINT_LOOKUP:
        return "hash", "one hash per row (HGETALL), the joined fields copied in"
    if pattern.operation in (Operation.COUNT, Operation.AGGREGATE):
        return "string", "the computed value (GET/SET)"
    sort_field = context.schema.find_field(pattern.sort[0].field_id)[1] if pattern.sort else None
    if sort_field is not None and sort_field.type.kind in NUMERIC:
        return "sorted set", "members scored by the sort key (ZRANGE … REV LIMIT)"
    return "list", f"the newest {pattern.limit or 'N'} entries (LPUSH + LTRIM, LRANGE)"


def _ttl(pattern: AccessPattern) -> int:
    """Seconds of staleness the reader accepts; shorter for lists, which change more often."""
    return 300 if pattern.operation is Operation.POINT_LOOKUP else 60


def _cache_aside(context: Context, pattern: AccessPattern) -> Recommendation:
    entity = context.schema.entity(pattern.entity_id)
    structure, how = _structure(context, pattern)
    writes = _invalidating(context, pattern)
    invalidated_by = (
        ", ".join(f"'{w.name}' ({rate(w.frequency.average_per_second)})" for w in writes) or "no declared write"
    )
    return Recommendation(
        code="cache.aside",
        severity=Severity.INFO,
        title=f"Cache '{pattern.name}' in Redis ({structure})",
        rationale=(
            f"'{pattern.name}' reads {entity.name} {pattern_rate(pattern)} with eventual consistency, while "
            f"the data it reads is written {rate(_write_rate(context, pattern))}: almost every read finds "
            f"the same answer. Cache-aside: key {_key(context, pattern)}, a {structure} — {how}; TTL "
            f"{_ttl(pattern)} s; delete the key on {invalidated_by}."
        ),
        tradeoffs=(
            "Readers may see data up to the TTL old if an invalidation is missed; one more service to run "
            "and watch; a cold cache after a restart sends the full load to the database."
        ),
        entity_id=entity.id,
        field_ids=tuple(f.field_id for f in pattern.filters),
        pattern_ids=(pattern.id,),
    )


def rankings(context: Context) -> Iterator[Recommendation]:
    """A hot top-N sorted by a number that is updated often: a Redis sorted set keeps
    the ranking current at O(log n) per update instead of re-sorting in the database."""
    for pattern in context.reads:
        if pattern.operation is not Operation.LIST or not pattern.sort or not pattern.limit or pattern.limit > 1000:
            continue
        key = pattern.sort[0]
        found = context.schema.find_field(key.field_id)
        if found is None or found[1].type.kind not in NUMERIC or key.order is not SortOrder.DESC:
            continue
        updates = [w for w in context.writes if w.entity_id == pattern.entity_id and key.field_id in w.changes]
        update_rate = sum(w.frequency.average_per_second for w in updates)
        if pattern.frequency.average_per_second < RANKING_PER_SECOND or update_rate < RANKING_PER_SECOND:
            continue
        entity, score = found
        yield Recommendation(
            code="cache.ranking",
            severity=Severity.WARNING,
            title=f"Keep the {entity.name} ranking by {score.name} in a Redis sorted set",
            rationale=(
                f"'{pattern.name}' reads the top {pattern.limit} of {entity.name} by {score.name} "
                f"{pattern_rate(pattern)} while {score.name} changes {rate(update_rate)} ("
                + ", ".join(f"'{w.name}'" for w in updates)
                + "). A sorted set "
                f"{entity.name}:by_{score.name} (ZADD on each write, ZRANGE … REV LIMIT 0 "
                f"{pattern.limit - 1} to read) answers both in O(log n); no TTL — it is the live ranking, "
                "written through alongside the database."
            ),
            tradeoffs=(
                "Two writes per score change (database and Redis) and a rebuild job from the database "
                "after data loss; ties need a tiebreak encoded in the score."
            ),
            entity_id=entity.id,
            field_ids=(score.id,),
            pattern_ids=(pattern.id, *(w.id for w in updates)),
        )


def hot_fields(context: Context) -> Iterator[Recommendation]:
    """A hot update that only changes one field: a number bumped (views, likes) is a
    Redis counter; a timestamp refreshed (last seen, heartbeat) is presence. Either way
    Redis absorbs the writes and the database gets them in batches."""
    for pattern in context.writes:
        if pattern.operation is not Operation.UPDATE or len(pattern.changes) != 1:
            continue
        found = context.schema.find_field(pattern.changes[0])
        if found is None or pattern.frequency.average_per_second < HOT_FIELD_PER_SECOND:
            continue
        entity, column = found
        if column.type.kind in NUMERIC[:3]:
            yield _counter(context, pattern, entity, column)
        elif column.type.kind in (TypeKind.TIMESTAMPTZ, TypeKind.TIMESTAMP):
            yield _presence(pattern, entity, column)


def _counter(context: Context, pattern: AccessPattern, entity, column) -> Recommendation:
    by = [context.field_name(f.field_id) for f in pattern.filters if f.op is FilterOp.EQ]
    return Recommendation(
        code="cache.counter",
        severity=Severity.INFO,
        title=f"Count {entity.name}.{column.name} in Redis and flush in batches",
        rationale=(
            f"'{pattern.name}' updates only {column.name} {pattern_rate(pattern)}: each update writes a whole new "
            f"{entity.name} row version and contends on hot rows. INCR "
            f"{entity.name}:{{{'}:{'.join(by) or 'id'}}}:{column.name} (a string) absorbs them; a job adds the "
            "totals to the database every few seconds."
        ),
        tradeoffs="Up to one flush interval of counts is lost if Redis is lost without persistence.",
        entity_id=entity.id,
        field_ids=(column.id,),
        pattern_ids=(pattern.id,),
    )


def _presence(pattern: AccessPattern, entity, column) -> Recommendation:
    return Recommendation(
        code="cache.presence",
        severity=Severity.INFO,
        title=f"Keep {entity.name}.{column.name} in Redis (presence)",
        rationale=(
            f"'{pattern.name}' refreshes only {column.name} {pattern_rate(pattern)}: a new {entity.name} row "
            f"version (and index entries) per heartbeat. A sorted set {entity.name}:{column.name} (ZADD id now; "
            "ZRANGE BYSCORE for who is online) answers presence from memory; copy the value to the database "
            "every few minutes."
        ),
        tradeoffs="The database value lags by the copy interval; presence is lost with Redis unless persisted.",
        entity_id=entity.id,
        field_ids=(column.id,),
        pattern_ids=(pattern.id,),
    )
