"""The declared workload in numbers: how busy each entity is and how big it grows.

Everything here is an estimate from what the user declared (access patterns with their
frequencies, volumes with their growth); nothing is measured. The numbers exist to
compare entities with each other and to show orders of magnitude, so the rules are
simple and documented, and a person can redo every figure by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from designer.schema import (
    READ_OPERATIONS,
    AccessPattern,
    Entity,
    FieldType,
    Schema,
    TypeKind,
    Volume,
)
from designer.validate import pattern_missing_parts

TUPLE_HEADER_BYTES = 24  # PostgreSQL's 23-byte heap tuple header, aligned
TEXT_BYTES = 64
ARRAY_HEADER_BYTES = 24
ARRAY_ELEMENTS = 4
UNKNOWN_DECIMAL_BYTES = 16
DAYS_PER_MONTH = 30
HORIZON_MONTHS = (0, 12, 36)  # the projections every summary carries: now, in a year, in three
HOTTEST_PATTERNS = 5

# Average stored sizes in bytes, PostgreSQL-like. Variable-length kinds get a typical
# value, not a maximum: these feed an estimate, never a capacity guarantee.
FIXED_BYTES = {
    TypeKind.SMALLINT: 2,
    TypeKind.INTEGER: 4,
    TypeKind.BIGINT: 8,
    TypeKind.REAL: 4,
    TypeKind.DOUBLE: 8,
    TypeKind.TEXT: TEXT_BYTES,
    TypeKind.BOOLEAN: 1,
    TypeKind.DATE: 4,
    TypeKind.TIME: 8,
    TypeKind.TIMESTAMP: 8,
    TypeKind.TIMESTAMPTZ: 8,
    TypeKind.UUID: 16,
    TypeKind.JSON: 256,
    TypeKind.BYTES: 128,
    TypeKind.ENUM: 4,  # PostgreSQL stores an enum value as its 4-byte oid
}


# --- sizes and projections --------------------------------------------------------------


def estimate_row_bytes(entity: Entity) -> int:
    """The average size of one row of ``entity``: 24 bytes of tuple header plus each field.

    Field sizes: the ``FIXED_BYTES`` table, and
    - ``varchar(n)``: 1 + min(n // 2, 64) (half full on average, never more than a text);
    - ``char(n)``: 1 + n (blank-padded to its length);
    - ``decimal(p, s)``: 8 + 2 * ceil(p / 4) (two bytes per four digits), 16 without a precision;
    - an array: 24 bytes of header + 4 elements of the element's size;
    - a type with no portable kind (``other``): as a text.

    Null bitmaps and alignment padding are ignored: they move the result by a few bytes.
    """
    return TUPLE_HEADER_BYTES + sum(_field_bytes(field.type) for field in entity.fields)


def _field_bytes(field_type: FieldType) -> int:
    element = _element_bytes(field_type)
    return ARRAY_HEADER_BYTES + ARRAY_ELEMENTS * element if field_type.array else element


def _element_bytes(field_type: FieldType) -> int:
    if field_type.kind is TypeKind.VARCHAR:
        return 1 + min((field_type.length or 0) // 2, TEXT_BYTES)
    if field_type.kind is TypeKind.CHAR:
        return 1 + (field_type.length or 1)
    if field_type.kind is TypeKind.DECIMAL:
        if field_type.precision is None:
            return UNKNOWN_DECIMAL_BYTES
        return 8 + 2 * math.ceil(field_type.precision / 4)
    # A type with no portable kind (geometry, inet, a domain...): sized like a text.
    return FIXED_BYTES.get(field_type.kind, TEXT_BYTES)


def row_bytes(entity: Entity, *, schema: Schema) -> int:
    """The declared average row size when the volume gives one, else the estimate."""
    volume = schema.volume(entity.id)
    if volume is not None and volume.avg_row_bytes is not None:
        return volume.avg_row_bytes
    return estimate_row_bytes(entity)


def projected_rows(volume: Volume, *, months: float) -> int:
    """How many rows ``volume``'s entity holds ``months`` from now (months of 30 days).

    Kept forever: ``rows + growth_per_month * months``.

    With a retention of R days, rows older than R days are deleted. Today's rows are
    assumed to be spread evenly over the retention window (the steady state), so they
    expire linearly and are all gone after R days; new rows are kept for at most R days:

        t = 30 * months
        rows * max(0, 1 - t / R) + growth_per_month * min(t, R) / 30

    After the window has passed this is the cap ``growth_per_month * R / 30``, whatever
    today's count was; a table already at the cap stays there. Rounded to whole rows.
    """
    if months == 0:  # today is what was declared, even for a zero-day retention
        return volume.rows
    if volume.retention_days is None:
        return round(volume.rows + volume.growth_per_month * months)
    days = DAYS_PER_MONTH * months
    window = volume.retention_days
    remaining_share = max(0.0, 1 - days / window) if window else 0.0
    kept_new = volume.growth_per_month * min(days, window) / DAYS_PER_MONTH
    return round(volume.rows * remaining_share + kept_new)


# --- the summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    months: int  # from now; 0 is today
    rows: int
    bytes: int  # rows x row size: table data only, no indexes or bloat


@dataclass(frozen=True)
class EntityLoad:
    entity_id: str
    name: str
    reads_per_second: float  # average, joins included
    peak_reads_per_second: float  # sum of the patterns' peaks: an upper bound
    writes_per_second: float
    peak_writes_per_second: float
    row_bytes: int
    has_volume: bool  # False: no volume declared, the projections are all zero
    projections: tuple[Projection, ...]  # one per HORIZON_MONTHS, in that order
    pattern_ids: tuple[str, ...]  # patterns reading or writing it, directly or by a join

    @property
    def per_second(self) -> float:
        return self.reads_per_second + self.writes_per_second

    @property
    def read_share(self) -> float | None:
        """Reads as a share of all operations (0..1); None without any load."""
        return self.reads_per_second / self.per_second if self.per_second else None

    @property
    def mix(self) -> str | None:
        """'read' or 'write', whichever dominates (an even split counts as 'read')."""
        share = self.read_share
        if share is None:
            return None
        return "read" if share >= 0.5 else "write"


@dataclass(frozen=True)
class WorkloadSummary:
    entities: tuple[EntityLoad, ...]  # in the schema's order
    reads_per_second: float  # one per pattern execution: joins do not add queries
    writes_per_second: float
    peak_per_second: float  # every pattern at its peak at once: an upper bound
    hottest: tuple[AccessPattern, ...]  # busiest first (average per second, then name)
    stale_pattern_ids: tuple[str, ...]  # name something deleted: left out of every number

    @property
    def queries_per_second(self) -> float:
        return self.reads_per_second + self.writes_per_second

    def entity(self, entity_id: str) -> EntityLoad | None:
        return next((load for load in self.entities if load.entity_id == entity_id), None)


@dataclass
class _Tally:
    reads: float = 0.0
    peak_reads: float = 0.0
    writes: float = 0.0
    peak_writes: float = 0.0
    pattern_ids: tuple[str, ...] = ()

    def add(self, pattern: AccessPattern, *, as_read: bool) -> None:
        if as_read:
            self.reads += pattern.frequency.average_per_second
            self.peak_reads += pattern.frequency.peak_per_second
        else:
            self.writes += pattern.frequency.average_per_second
            self.peak_writes += pattern.frequency.peak_per_second
        if pattern.id not in self.pattern_ids:
            self.pattern_ids += (pattern.id,)


def workload_summary(schema: Schema, *, top: int = HOTTEST_PATTERNS) -> WorkloadSummary:
    """Per-entity load and growth, totals, and the ``top`` busiest patterns.

    A pattern counts as a read or a write on its own entity (by its operation) and as a
    read on every entity its joins reach (both ends of each joined relationship and a
    many-to-many's join entity), since following a relationship reads those rows.
    """
    stale = tuple(p.id for p in schema.patterns if pattern_missing_parts(schema, p))
    live = [p for p in schema.patterns if p.id not in stale]
    tallies = {entity.id: _Tally() for entity in schema.entities}
    for pattern in live:
        tallies[pattern.entity_id].add(pattern, as_read=pattern.operation in READ_OPERATIONS)
        for entity_id in _joined_entity_ids(schema, pattern):
            tallies[entity_id].add(pattern, as_read=True)
    reads = [p for p in live if p.operation in READ_OPERATIONS]
    writes = [p for p in live if p.operation not in READ_OPERATIONS]
    return WorkloadSummary(
        entities=tuple(_entity_load(schema, entity, tallies[entity.id]) for entity in schema.entities),
        reads_per_second=sum(p.frequency.average_per_second for p in reads),
        writes_per_second=sum(p.frequency.average_per_second for p in writes),
        peak_per_second=sum(p.frequency.peak_per_second for p in live),
        hottest=tuple(sorted(live, key=lambda p: (-p.frequency.average_per_second, p.name))[:top]),
        stale_pattern_ids=stale,
    )


def _joined_entity_ids(schema: Schema, pattern: AccessPattern) -> list[str]:
    """Entities reached by the pattern's joins, each once, without the pattern's own."""
    reached: list[str] = []
    for relationship_id in pattern.joins:
        relationship = schema.relationship(relationship_id)
        ends = (relationship.from_entity_id, relationship.to_entity_id, relationship.join_entity_id)
        for entity_id in ends:
            if entity_id is not None and entity_id != pattern.entity_id and entity_id not in reached:
                reached.append(entity_id)
    return reached


def _entity_load(schema: Schema, entity: Entity, tally: _Tally) -> EntityLoad:
    volume = schema.volume(entity.id)
    size = row_bytes(entity, schema=schema)
    projections = []
    for months in HORIZON_MONTHS:
        rows = projected_rows(volume, months=months) if volume is not None else 0
        projections.append(Projection(months=months, rows=rows, bytes=rows * size))
    return EntityLoad(
        entity_id=entity.id,
        name=entity.name,
        reads_per_second=tally.reads,
        peak_reads_per_second=tally.peak_reads,
        writes_per_second=tally.writes,
        peak_writes_per_second=tally.peak_writes,
        row_bytes=size,
        has_volume=volume is not None,
        projections=tuple(projections),
        pattern_ids=tally.pattern_ids,
    )


# --- for the diagram --------------------------------------------------------------------


def load_heat(schema: Schema) -> tuple[tuple[str, float], ...]:
    """Each entity's average load as a share of the busiest one's (0..1), in the shape
    ``DiagramOptions.heat`` takes. Empty without any load, so the diagram keeps its colours."""
    loads = workload_summary(schema).entities
    busiest = max((load.per_second for load in loads), default=0.0)
    if busiest == 0:
        return ()
    return tuple((load.entity_id, load.per_second / busiest) for load in loads)


# --- human formatting -------------------------------------------------------------------

_COUNT_UNITS = ("", "k", "M", "B", "T")
_BYTE_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")
_SLOW_RATES = ((60, "min"), (3600, "h"), (86400, "day"))


def human_count(n: float) -> str:
    """12_300_000 → '12.3M'; 999 → '999'; 1500 → '1.5k' (thousands: k, M, B, T)."""
    number, unit = _scaled(n, _COUNT_UNITS)
    return f"{number}{unit}"


def human_bytes(n: float) -> str:
    """Decimal units (1 kB = 1000 bytes), as disk vendors and cloud bills count:
    1_500_000_000 → '1.5 GB'; 512 → '512 B'."""
    number, unit = _scaled(n, _BYTE_UNITS)
    return f"{number} {unit}"


def human_rate(per_second: float) -> str:
    """1200 → '1.2k/s', 2.5 → '2.5/s'; below one a second the rate is shown per minute,
    hour or day so it stays a readable number: 0.05 → '3/min', 1/86400 → '1/day'."""
    if per_second == 0 or per_second >= 1:
        return f"{human_count(per_second)}/s"
    seconds, unit = next(((s, u) for s, u in _SLOW_RATES if per_second * s >= 1), _SLOW_RATES[-1])
    return f"{human_count(per_second * seconds)}/{unit}"


def _scaled(n: float, units: tuple[str, ...]) -> tuple[str, str]:
    """n divided by 1000 until it is below 1000, with one decimal below 100. A number
    past any real workload (stored before the limits existed) shows as "—", never an error."""
    try:
        value = float(n)
    except OverflowError:
        return "—", ""
    if not math.isfinite(value):
        return "—", ""
    for unit in units[:-1]:
        text = _short_number(value)
        if float(text) < 1000:  # compared after rounding: 999.96 shows as '1k', not '1000'
            return text, unit
        value /= 1000
    return _short_number(value), units[-1]


def _short_number(value: float) -> str:
    text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return text.removesuffix(".0")
