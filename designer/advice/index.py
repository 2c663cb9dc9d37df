"""Index advice: the indexes the declared access patterns need, chosen as a small set,
plus the lint of the indexes already declared (unindexed foreign keys, duplicates,
prefix-redundant indexes, low-cardinality keys, write cost on write-heavy tables).

Column order follows Equality → Sort → Range (rules.md): equality columns bound the
scan, the sort column then returns rows in order, one range bound ends the scan.
Equality columns shared by more patterns of the entity go first so one index can
serve several patterns through its leading columns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from designer import ops
from designer.advice import literals, sql
from designer.advice.base import (
    Context,
    IndexKey,
    IndexSpec,
    Recommendation,
    Severity,
    count,
    pattern_rate,
    rate,
    rows_phrase,
    upper_first,
)
from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Filter,
    FilterOp,
    Index,
    IndexColumn,
    IndexMethod,
    Operation,
    SortOrder,
    TypeKind,
    ValueKind,
)
from designer.types import MYSQL, SQLITE

EQUALITY = frozenset({FilterOp.EQ, FilterOp.IN})
RANGE = frozenset({FilterOp.LT, FilterOp.LTE, FilterOp.GT, FilterOp.GTE, FilterOp.BETWEEN, FilterOp.PREFIX})
TEXT_KINDS = frozenset({TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR})
GIN_FILTERS = frozenset({FilterOp.ARRAY_CONTAINS, FilterOp.FULL_TEXT, FilterOp.CONTAINS})
CONSTANT_PREDICATES = frozenset({FilterOp.EQ, FilterOp.IN, FilterOp.IS_NULL, FilterOp.IS_NOT_NULL})
HOT_PER_SECOND = 10.0  # a pattern this busy earns a covering index
FEW_COLUMNS = 4  # at most this many returned columns go into INCLUDE
CHURN_SHARE = 0.5  # writes at least this share of reads: no covering index (see _covering)
LARGE_TEXT_NAMES = frozenset(
    {
        "body",
        "content",
        "description",
        "text",
        "html",
        "markdown",
        "payload",
        "notes",
        "bio",
        "message",
        "comment",
        "details",
    }
)
SMALL_TABLE_ROWS = 1_000  # a scan of fewer rows costs about what an index lookup does (Dexter's halving)
BIG_CHILD_ROWS = 10_000
FULL_TEXT_CONFIG = "simple"


@dataclass
class Proposal:
    entity_id: str
    keys: tuple[IndexKey, ...]
    equality: int  # how many leading keys are equality columns (their order is free)
    predicate: str | None = None
    method: str = "btree"
    include: tuple[str, ...] = ()
    patterns: list[AccessPattern] = field(default_factory=list)
    applicable: bool = True  # False: PostgreSQL needs an operator class we cannot model (trigram)
    partly: _Existing | None = None  # an existing index that already narrows the pattern's rows

    @property
    def per_second(self) -> float:
        return sum(p.frequency.average_per_second for p in self.patterns)

    def key_ids(self) -> tuple[str, ...]:
        return tuple(k.field_id or f"expr:{k.expression}" for k in self.keys)


def index_rules(context: Context) -> Iterator[Recommendation]:
    if context.is_mongodb:
        return  # a MongoDB project gets its indexes from mongo.index, in createIndex form
    chosen = choose_indexes(context)
    for proposal in chosen:
        yield _pattern_index(context, proposal)
    yield from unindexed_foreign_keys(context, chosen)
    yield from duplicate_and_redundant(context)
    yield from low_cardinality(context)
    yield from write_cost(context)


# --- one ideal index per pattern ------------------------------------------------------------


def ideal_index(context: Context, pattern: AccessPattern, *, equality_rank: Counter) -> Proposal | None:
    entity = context.schema.entity(pattern.entity_id)
    equality, ranges, predicates, special = [], [], [], None
    for condition in pattern.filters:
        predicate = _predicate(entity, condition)
        if predicate is not None and context.dialect == MYSQL:
            equality.append(IndexKey(field_id=condition.field_id))  # no partial indexes: the column leads instead
        elif predicate is not None:
            predicates.append(predicate)
        elif condition.op in EQUALITY:
            equality.append(IndexKey(field_id=condition.field_id))
        elif condition.op is FilterOp.JSON_PATH:
            equality.append(IndexKey(expression=_json_expression(entity, condition)))
        elif condition.op is FilterOp.PREFIX and _byte_ordered_prefix(context, entity, condition):
            ranges.append(IndexKey(expression=prefix_expression(entity.field(condition.field_id).name)))
        elif condition.op in RANGE:
            ranges.append(IndexKey(field_id=condition.field_id))
        elif condition.op in GIN_FILTERS and special is None:
            special = condition
    if special is not None:
        return _gin_proposal(entity, special, pattern, predicates)
    equality = sorted(dict.fromkeys(equality), key=lambda k: -equality_rank[k.field_id or k.expression])
    used = {k.field_id for k in equality} | _prefixed_in_c(context, entity, pattern)
    sort = [IndexKey(field_id=s.field_id, order=s.order.value) for s in pattern.sort if s.field_id not in used]
    used |= {k.field_id for k in sort}
    # one range bounds the scan; later ones only filter
    ranged = [k for k in ranges if k.field_id is None or k.field_id not in used][:1]
    keys = (*equality, *sort, *ranged)
    if not keys:
        return None
    return Proposal(
        entity_id=entity.id,
        keys=keys,
        equality=len(equality),
        predicate=" AND ".join(dict.fromkeys(predicates)) or None,
        include=_covering(context, entity, pattern, keys, _prefixed_in_c(context, entity, pattern)),
        patterns=[pattern],
    )


def prefix_expression(column: str) -> str:
    """The key of a prefix search in PostgreSQL. ``LIKE 'x%'`` becomes a range scan of a
    B-tree only when the index compares bytes: the C collation (or text_pattern_ops, which
    the schema document cannot express). Under any other collation, C.UTF-8 included, a
    plain index on the column is no help: measured on 200,000 products, the planner walked
    it in name order and discarded 99,476 rows to keep 10, 4x slower than no index."""
    return f'{sql.quote(column)} COLLATE "C"'


def _byte_ordered_prefix(context: Context, entity: Entity, condition: Filter) -> bool:
    """MySQL's and SQLite's own LIKE rules decide there; PostgreSQL needs the C key."""
    found = entity.field(condition.field_id)
    textual = found is not None and found.type.kind in TEXT_KINDS and not found.type.array
    return context.dialect not in (MYSQL, SQLITE) and textual


def _prefixed_in_c(context: Context, entity: Entity, pattern: AccessPattern) -> set[str]:
    """Fields searched by prefix through a C-collation key. Their sort cannot come from that
    index (its order is bytes, the query's is the column's collation): the few matching rows
    are sorted instead, so the sort key is left out rather than leading a useless walk."""
    return {f.field_id for f in pattern.filters if f.op is FilterOp.PREFIX and _byte_ordered_prefix(context, entity, f)}


def _gin_proposal(entity: Entity, condition: Filter, pattern: AccessPattern, predicates) -> Proposal:
    column = entity.field(condition.field_id)
    if condition.op is FilterOp.FULL_TEXT:
        key = IndexKey(expression=f"to_tsvector('{FULL_TEXT_CONFIG}', {sql.quote(column.name)})")
        return Proposal(entity.id, (key,), 0, " AND ".join(predicates) or None, "gin", patterns=[pattern])
    applicable = condition.op is FilterOp.ARRAY_CONTAINS or column.type.kind is TypeKind.JSON
    return Proposal(
        entity.id,
        (IndexKey(field_id=column.id),),
        0,
        " AND ".join(predicates) or None,
        "gin",
        patterns=[pattern],
        applicable=applicable,
    )


def _covering(context: Context, entity: Entity, pattern: AccessPattern, keys, keyed: set[str]) -> tuple[str, ...]:
    """Returned columns outside the key, when a hot pattern returns few: index-only scans.
    ``keyed``: fields that are keys under an expression (a C-collation prefix key)."""
    if pattern.frequency.average_per_second < HOT_PER_SECOND or not pattern.returns:
        return ()
    load = context.load(entity.id)
    if load is not None and load.writes_per_second >= CHURN_SHARE * load.reads_per_second:
        # Index-only scans skip the heap only for all-visible pages; constant updates keep
        # pages dirty, so the heap is visited anyway and INCLUDE only adds weight.
        return ()
    # Key columns are in the index already; a column the predicate pins to a constant needs no copy.
    in_key = (
        {k.field_id for k in keys}
        | keyed
        | {f.field_id for f in pattern.filters if f.value_kind is ValueKind.CONSTANT and f.op in CONSTANT_PREDICATES}
    )
    extra = [f for f in pattern.returns if f not in in_key and entity.field(f) is not None]
    big = [f for f in extra if _large(entity.field(f))]
    return tuple(extra) if 0 < len(extra) <= FEW_COLUMNS and not big else ()


def _large(column) -> bool:
    """Columns too wide to copy into an index (B-tree entries are capped near 2.7 kB)."""
    if column.type.kind in (TypeKind.JSON, TypeKind.BYTES) or column.type.array:
        return True
    return column.type.kind is TypeKind.TEXT and column.name.lower() in LARGE_TEXT_NAMES


def _predicate(entity: Entity, condition: Filter) -> str | None:
    """The partial index's WHERE for a constant filter (None: not a constant filter), rebuilt
    from its parsed values: the value box is free text, spliced as typed it gave ``IN 'a','b'``."""
    field = entity.field(condition.field_id)
    column = sql.quote(field.name)
    values = literals.constants(condition.value) if condition.value_kind is ValueKind.CONSTANT else ()
    if condition.op not in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL) and (
        condition.op not in CONSTANT_PREDICATES or not values
    ):
        return None
    if condition.op is FilterOp.IS_NULL or (values and all(v.kind == "null" for v in values)):
        return f"{column} IS NULL"
    if condition.op is FilterOp.IS_NOT_NULL:
        return f"{column} IS NOT NULL"
    written = list(dict.fromkeys(literals.literal(v, field.type) for v in values if v.kind != "null"))
    if len(written) == 1:
        return f"{column} = {written[0]}"
    return f"{column} IN ({', '.join(written)})"


def _json_expression(entity: Entity, condition: Filter) -> str:
    return f"{sql.quote(entity.field(condition.field_id).name)} #>> {sql.literal(condition.value or '{}')}"


# --- which patterns already have an index ----------------------------------------------------


@dataclass(frozen=True)
class _Existing:
    keys: tuple[str, ...]
    orders: tuple[str, ...]
    method: str = "btree"
    predicate: str | None = None
    unique: bool = False
    index: Index | None = None  # None: the primary key or a unique field


def existing_indexes(entity: Entity) -> list[_Existing]:
    found = []
    if entity.primary_key:
        found.append(_Existing(keys=entity.primary_key, orders=("asc",) * len(entity.primary_key), unique=True))
    found += [_Existing(keys=(f.id,), orders=("asc",), unique=True) for f in entity.fields if f.unique]
    for index in entity.indexes:
        keys = tuple(c.field_id or f"expr:{c.expression}" for c in index.columns)
        orders = tuple(c.order.value for c in index.columns)
        found.append(_Existing(keys, orders, index.method.value, index.predicate, index.unique, index))
    return found


def _serves(existing: _Existing, proposal: Proposal) -> bool:
    """Whether ``existing`` answers the proposal's patterns as well as the proposal would:
    the same method, a predicate the pattern implies, and either a unique key bound by the
    pattern's equalities (one row at most) or the proposal's keys as its leading columns."""
    if existing.method != proposal.method or not predicate_implied(existing.predicate, proposal.predicate):
        return False
    wanted = proposal.key_ids()
    n = proposal.equality
    if existing.unique and existing.keys and set(existing.keys) <= set(wanted[:n]):
        return True
    if len(existing.keys) < len(wanted) or set(existing.keys[:n]) != set(wanted[:n]):
        return False
    if existing.keys[n : len(wanted)] != wanted[n:]:
        return False
    return _same_direction(existing.orders[n : len(wanted)], tuple(k.order for k in proposal.keys[n:]))


def _partly_serves(existing: _Existing, proposal: Proposal) -> bool:
    """``existing`` leads with one of the proposal's equality columns (or its first key): it
    already narrows each run to the matching rows, so the pattern does not scan the table."""
    if existing.method != proposal.method or not existing.keys or not proposal.keys:
        return False
    if not predicate_implied(existing.predicate, proposal.predicate):
        return False
    leading = set(proposal.key_ids()[: proposal.equality]) or {proposal.key_ids()[0]}
    return existing.keys[0] in leading


def predicate_implied(have: str | None, want: str | None) -> bool:
    """A partial index serves a query whose conditions imply its predicate: here, every
    conjunct of ``have`` is a conjunct of ``want`` (compared ignoring case, quotes and blanks)."""
    return not have or conjuncts(have) <= conjuncts(want or "")


def conjuncts(predicate: str) -> frozenset[str]:
    """The predicate's top-level AND terms (outside strings and parentheses), normalised."""
    parts, current, depth, quoted = [], [], 0, False
    for piece in re.split(r"('|\(|\)|\band\b)", _unwrap(predicate), flags=re.IGNORECASE):
        if piece == "'":
            quoted = not quoted
        elif not quoted and piece in ("(", ")"):
            depth += 1 if piece == "(" else -1
        elif not quoted and depth == 0 and piece.lower() == "and":
            parts.append("".join(current))
            current = []
            continue
        current.append(piece)
    parts.append("".join(current))
    return frozenset(_normal(p) for p in parts if p.strip())


def _unwrap(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", _unwrap(text).replace('"', "").replace("`", "")).lower()


def _same_direction(have: tuple[str, ...], want: tuple[str, ...]) -> bool:
    """A B-tree reads both ways: (a asc, b desc) also serves (a desc, b asc)."""
    flipped = tuple("desc" if o == "asc" else "asc" for o in want)
    return len(want) <= 1 or have in (want, flipped)


def _covers(big: Proposal, small: Proposal) -> bool:
    if big.entity_id != small.entity_id or big.method != small.method or big.predicate != small.predicate:
        return False
    existing = _Existing(
        keys=big.key_ids(), orders=tuple(k.order for k in big.keys), method=big.method, predicate=big.predicate
    )
    return _serves(existing, small) and (
        not small.include or set(small.include) <= set(big.include) | set(big.key_ids())
    )


def choose_indexes(context: Context) -> list[Proposal]:
    """One proposal per pattern no index serves, then merged: hottest first, a proposal
    whose leading columns serve another takes its patterns (no index per pattern)."""
    proposals = []
    for entity_id, patterns in context.patterns_by_entity.items():
        entity = context.schema.entity(entity_id)
        if _small(context, entity):
            continue
        rank = Counter(
            f.field_id for p in patterns for f in p.filters if f.op in EQUALITY and f.value_kind is ValueKind.PARAMETER
        )
        existing = existing_indexes(entity)
        for pattern in patterns:
            if pattern.operation in (Operation.INSERT, Operation.BULK) or (not pattern.filters and not pattern.sort):
                continue
            proposal = ideal_index(context, pattern, equality_rank=rank)
            if proposal is not None and not _buildable(context, proposal):
                continue
            if proposal is not None and not any(_serves(e, proposal) for e in existing):
                proposal.partly = next((e for e in existing if _partly_serves(e, proposal)), None)
                proposals.append(proposal)
    chosen: list[Proposal] = []
    for proposal in sorted(proposals, key=lambda p: (-p.per_second, p.patterns[0].name)):
        host = next((c for c in chosen if _covers(c, proposal)), None)
        if host is not None:
            host.patterns += proposal.patterns
            continue
        absorbed = [c for c in chosen if _covers(proposal, c)]
        for other in absorbed:
            proposal.patterns += other.patterns
            chosen.remove(other)
        chosen.append(proposal)
    return chosen


def _buildable(context: Context, proposal: Proposal) -> bool:
    """GIN, full text and JSON path keys are PostgreSQL's: MySQL and SQLite projects get none."""
    if context.dialect not in (MYSQL, SQLITE):
        return True
    return proposal.method == "btree" and not any(k.expression for k in proposal.keys)


def _small(context: Context, entity: Entity) -> bool:
    load = context.load(entity.id)
    return load is not None and load.has_volume and context.rows(entity.id) < SMALL_TABLE_ROWS


# --- the recommendation for a chosen index ---------------------------------------------------


def _pattern_index(context: Context, proposal: Proposal) -> Recommendation:
    entity = context.schema.entity(proposal.entity_id)
    names = [_key_name(entity, k) for k in proposal.keys]
    index = Index(
        id=context.new_id("idx"),
        columns=tuple(
            IndexColumn(field_id=k.field_id, expression=k.expression, order=SortOrder(k.order)) for k in proposal.keys
        ),
        name=context.index_name(entity, [_plain_name(entity, k) for k in proposal.keys]),
        method=IndexMethod(proposal.method),
        predicate=proposal.predicate,
        include=proposal.include,
    )
    per_second, rows36 = proposal.per_second, context.rows(entity.id)
    severity = Severity.INFO
    if proposal.partly is not None:
        severity = Severity.INFO  # measured: an index on the leading column already answers in well under 1 ms
    elif per_second >= 10 and rows36 >= 1_000_000:
        severity = Severity.CRITICAL
    elif per_second >= 1 or rows36 >= 100_000:
        severity = Severity.WARNING
    kind = _kind(proposal)
    spec = IndexSpec(
        entity.id, proposal.keys, predicate=proposal.predicate, include=proposal.include, method=proposal.method
    )
    return Recommendation(
        code="index.pattern",
        severity=severity,
        title=f"{kind} index on {entity.name} ({', '.join(n or '?' for n in names)})",
        rationale=_pattern_rationale(context, entity, proposal),
        tradeoffs=_tradeoffs(context, entity, proposal),
        entity_id=entity.id,
        field_ids=tuple(k.field_id for k in proposal.keys if k.field_id),
        pattern_ids=tuple(p.id for p in proposal.patterns),
        ops=(ops.AddIndex(entity_id=entity.id, index=index),) if proposal.applicable else (),
        sql=_index_sql(context, entity, index, proposal),
        index=spec,
    )


def _kind(proposal: Proposal) -> str:
    if proposal.method == "gin":
        return "GIN"
    flags = (
        ("partial", proposal.predicate),
        ("covering", proposal.include),
        ("expression", any(k.expression for k in proposal.keys)),
    )
    words = [word for word, on in flags if on] + ["composite" if len(proposal.keys) > 1 else "single-column"]
    return " ".join(words).capitalize()


def _plain_name(entity: Entity, key: IndexKey) -> str:
    """For the generated index name: the field, or a word for an expression."""
    found = entity.field(key.field_id) if key.field_id else None
    if found is None and key.expression:
        found = next((f for f in entity.fields if key.expression == prefix_expression(f.name)), None)
        return f"{found.name}_prefix" if found else "expr"
    return found.name if found else "expr"


def _key_name(entity: Entity, key: IndexKey) -> str:
    if key.field_id:
        found = entity.field(key.field_id)
        return (found.name if found else "?") + (" desc" if key.order == "desc" else "")
    return key.expression or "?"


def _pattern_rationale(context: Context, entity: Entity, proposal: Proposal) -> str:
    sentences = []
    for pattern in sorted(proposal.patterns, key=lambda p: -p.frequency.average_per_second)[:3]:
        sentences.append(f"{entity.name} runs '{pattern.name}' {pattern_rate(pattern)}, {_shape(context, pattern)}.")
    if len(proposal.patterns) > 3:
        sentences.append(f"{len(proposal.patterns) - 3} more patterns use the same leading columns.")
    sentences.append(_current_access(context, entity, proposal))
    sentences.append(_why_this_shape(context, proposal))
    return " ".join(s for s in sentences if s)


def _current_access(context: Context, entity: Entity, proposal: Proposal) -> str:
    """How the patterns run today: through an index that covers part of the proposal, or a scan."""
    them = "these patterns" if len(proposal.patterns) > 1 else "it"
    if proposal.partly is None:
        return f"{upper_first(rows_phrase(context, entity))}; no declared index serves {them}, so each run scans the table."
    label = _label(entity, proposal.partly)
    lead = context.field_name(proposal.partly.keys[0])
    return (
        f"{upper_first(rows_phrase(context, entity))}; {label} already narrows each run to the rows with "
        f"its {lead}, so this index only saves reading and sorting those rows: worth it when one {lead} "
        "has many rows."
    )


def _shape(context: Context, pattern: AccessPattern) -> str:
    parts = []
    conditions = [_condition_text(context, f) for f in pattern.filters]
    if conditions:
        parts.append("filters " + " and ".join(conditions))
    if pattern.sort:
        parts.append("sorts by " + ", ".join(f"{context.field_name(s.field_id)} {s.order.value}" for s in pattern.sort))
    if pattern.limit:
        parts.append(f"limit {pattern.limit}")
    return ", ".join(parts) or "reads every row"


def _condition_text(context: Context, condition: Filter) -> str:
    name = context.field_name(condition.field_id)
    value = condition.value if condition.value_kind is ValueKind.CONSTANT and condition.value else "?"
    words = {
        FilterOp.IS_NULL: f"{name} IS NULL",
        FilterOp.IS_NOT_NULL: f"{name} IS NOT NULL",
        FilterOp.PREFIX: f"{name} LIKE '…%'",
        FilterOp.CONTAINS: f"{name} LIKE '%…%'",
        FilterOp.FULL_TEXT: f"{name} @@ query",
        FilterOp.ARRAY_CONTAINS: f"{name} @> ?",
        FilterOp.JSON_PATH: f"{name} #>> {condition.value} = ?",
        FilterOp.IN: f"{name} IN {value}",
    }
    return words.get(condition.op, f"{name} {condition.op.value} {value}")


def _why_this_shape(context: Context, proposal: Proposal) -> str:
    if proposal.method == "gin":
        return "A B-tree cannot answer containment or full-text operators; GIN indexes each element or lexeme."
    equality, rest = proposal.keys[: proposal.equality], proposal.keys[proposal.equality :]
    sort_ids = {s.field_id for p in proposal.patterns for s in p.sort}
    parts = []
    if equality:
        names = ", ".join(_column_name(context, k) for k in equality)
        parts.append(
            f"the equality columns ({names}) lead" if len(equality) > 1 else f"the equality column ({names}) leads"
        )
    for key in rest:
        if key.field_id in sort_ids:
            parts.append(f"then the sort ({_column_name(context, key)}) returns rows in order, so a LIMIT stops early")
        else:
            parts.append(f"then the range on {_column_name(context, key)} bounds the scan")
    reasons = [upper_first(", ".join(parts)) + " (Equality → Sort → Range)."] if len(parts) > 1 else []
    if proposal.predicate:
        reasons.append(
            f"The constant filter becomes the predicate ({proposal.predicate}): a partial index "
            "holds only the rows the pattern can return."
        )
    if proposal.include:
        reasons.append("The few returned columns ride along in INCLUDE so the hot read is an index-only scan.")
    return " ".join(reasons)


def _column_name(context: Context, key: IndexKey) -> str:
    return context.field_name(key.field_id) if key.field_id else (key.expression or "?")


def _tradeoffs(context: Context, entity: Entity, proposal: Proposal) -> str:
    load = context.load(entity.id)
    writes = load.writes_per_second if load else 0.0
    parts = [
        f"Every write to {entity.name} ({rate(writes)}) also updates this index"
        if writes
        else f"No writes to {entity.name} are declared; each one will also update this index"
    ]
    if load and load.mix == "write" and writes > proposal.per_second:
        parts[0] += f", more often than it is read through it ({rate(proposal.per_second)}): weigh it"
    parts.append("it is built with CREATE INDEX CONCURRENTLY, which takes longer but does not block writes")
    if not proposal.applicable:
        parts.append(
            "LIKE '%x%' needs the pg_trgm operator class (gin_trgm_ops), which the schema document "
            "cannot express: run the SQL by hand"
        )
    if proposal.predicate:
        parts.append("queries must repeat the predicate exactly for the planner to use it")
    if any(k.expression == prefix_expression(f.name) for k in proposal.keys for f in entity.fields):
        parts.append(
            "the key is compared in the C collation (byte order), the only B-tree order LIKE 'x%' can use "
            "under any database collation; an ORDER BY of the column still sorts the matching rows"
        )
    return "; ".join(parts) + "."


def _index_sql(context: Context, entity: Entity, index: Index, proposal: Proposal) -> str:
    if not proposal.applicable:
        column = sql.quote(entity.field(proposal.keys[0].field_id).name)
        return (
            f"CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "
            f"{sql.quote(index.name)} ON {sql.table(entity)} USING gin ({column} gin_trgm_ops);"
        )
    return sql.create_index(context.schema, entity, index)


# --- lint of declared indexes ----------------------------------------------------------------


def unindexed_foreign_keys(context: Context, chosen: list[Proposal]) -> Iterator[Recommendation]:
    """A foreign key whose columns lead no index: deleting a parent (or changing its key)
    makes PostgreSQL look for children, a scan of the child table each time. Not on
    MySQL/MariaDB: InnoDB creates an index for every foreign key that has none (measured by
    Verify on MariaDB 10.11: the delete's look-up took 0.35 ms before the recommended
    index, whose twin then only cost writes)."""
    if context.dialect == MYSQL:
        return
    proposed: dict[str, list[tuple[str, ...]]] = {}
    for proposal in chosen:
        proposed.setdefault(proposal.entity_id, []).append(proposal.key_ids())
    seen = set()
    for relationship in context.schema.relationships:
        if relationship.cardinality is Cardinality.MANY_TO_MANY:
            continue
        child = context.schema.entity(relationship.from_entity_id)
        columns = relationship.from_field_ids
        if child is None or (child.id, columns) in seen:
            continue
        seen.add((child.id, columns))
        usable = [e for e in existing_indexes(child) if e.method == "btree" and _serves_fk_check(child, e, columns)]
        leading = [e.keys for e in usable] + proposed.get(child.id, [])
        if any(set(keys[: len(columns)]) == set(columns) for keys in leading):
            continue
        partial = [e for e in existing_indexes(child) if e.predicate and set(e.keys[: len(columns)]) == set(columns)]
        yield _fk_recommendation(context, child, relationship, partial)


def _serves_fk_check(child: Entity, existing: _Existing, columns: tuple[str, ...]) -> bool:
    """The check looks for children with the parent's key, so it never matches a NULL: a
    partial index serves it only when its predicate is implied by that, i.e. when it is
    ``<fk column> IS NOT NULL`` (for some of the key's columns), or there is none."""
    if not existing.predicate:
        return True
    allowed = {_normal(f"{child.field(c).name} IS NOT NULL") for c in columns if child.field(c)}
    return conjuncts(existing.predicate) <= allowed


def _fk_recommendation(context: Context, child: Entity, relationship, partial: list[_Existing]) -> Recommendation:
    parent = context.schema.entity(relationship.to_entity_id)
    names = [context.field_name(i) for i in relationship.from_field_ids]
    rows36 = context.rows(child.id)
    deletes = [p for p in context.writes if p.entity_id == parent.id and p.operation is Operation.DELETE]
    severity = Severity.WARNING if rows36 >= BIG_CHILD_ROWS or deletes else Severity.INFO
    index = Index(
        id=context.new_id("idx"),
        columns=tuple(IndexColumn(field_id=i) for i in relationship.from_field_ids),
        name=context.index_name(child, names),
    )
    action = relationship.on_delete.value.replace("_", " ") if relationship.on_delete else "no action"
    columns = ", ".join(names)
    readers = _patterns_reading(context, child, relationship)
    if readers:
        purpose = (
            f"It serves the foreign-key check of deletes of {parent.name} and "
            + ", ".join(f"'{p.name}'" for p in readers[:3])
            + "."
        )
    else:
        purpose = (
            f"No declared pattern reads {child.name} by {columns}: what this index is for is the "
            f"foreign-key check of deletes of {parent.name} (and of changes to its key)."
        )
    if deletes:
        purpose += f" {parent.name} declares deletes ({', '.join(pattern_rate(p) for p in deletes[:2])})."
    if partial:
        purpose += (
            f" {_label(child, partial[0])} is partial (WHERE {partial[0].predicate}), so it cannot answer the "
            "check, which looks for every child of the parent."
        )
    return Recommendation(
        code="index.foreign-key",
        severity=severity,
        title=f"Index the foreign key {child.name}({columns}) for deletes of {parent.name}",
        rationale=(
            f"{child.name}.{columns} references {parent.name} (on delete {action}) but leads no index: every "
            f"delete or key change in {parent.name} scans {child.name} for its children. "
            f"{upper_first(rows_phrase(context, child))}. {purpose}"
        ),
        tradeoffs=f"One more index for each write to {child.name} to maintain; if {parent.name} rows are never "
        "deleted and no query reads by this key, it can be left out.",
        entity_id=child.id,
        field_ids=relationship.from_field_ids,
        ops=(ops.AddIndex(entity_id=child.id, index=index),),
        sql=sql.create_index(context.schema, child, index),
        index=IndexSpec(child.id, tuple(IndexKey(field_id=i) for i in relationship.from_field_ids)),
    )


def _patterns_reading(context: Context, child: Entity, relationship) -> list[AccessPattern]:
    """Reads that filter the child by the foreign key, or join from the parent to its children."""
    columns = set(relationship.from_field_ids)
    filtering = [p for p in context.reads if p.entity_id == child.id and columns <= _equality_columns(p)]
    # A join from the child looks the parent up by its key; only one from the parent reads children by this one.
    joining = [p for p in context.reads if relationship.id in p.joins and p.entity_id == relationship.to_entity_id]
    return filtering + [p for p in joining if p not in filtering]


def _equality_columns(pattern: AccessPattern) -> set[str]:
    return {f.field_id for f in pattern.filters if f.op in EQUALITY}


def duplicate_and_redundant(context: Context) -> Iterator[Recommendation]:
    """Only an identical index, or one whose keys are a true leftmost prefix of another of
    the same method and predicate (orders alike, its INCLUDE columns carried by the other),
    is redundant: a different order, INCLUDE, predicate or method serves other queries."""
    for entity in context.schema.entities:
        existing = existing_indexes(entity)
        for position, candidate in enumerate(existing):
            if candidate.index is None or candidate.unique:
                continue
            for other_position, other in enumerate(existing):
                if other is candidate or not _same_kind(candidate, other):
                    continue
                if _identical(candidate, other) and (other.index is None or other_position < position):
                    reason = f"it has the same keys, order, INCLUDE, predicate and method as {_label(entity, other)}"
                    yield _drop(context, entity, candidate.index, "index.duplicate", reason)
                    break
                if candidate.method == "btree" and _leftmost_prefix(candidate, other):
                    reason = (
                        f"its keys are the leading keys of {_label(entity, other)} (same order, method and "
                        "predicate), which serves every query it serves"
                    )
                    yield _drop(context, entity, candidate.index, "index.redundant", reason)
                    break


def _same_kind(a: _Existing, b: _Existing) -> bool:
    same_predicate = (a.predicate is None) == (b.predicate is None) and (
        a.predicate is None or conjuncts(a.predicate) == conjuncts(b.predicate)
    )
    return a.method == b.method and same_predicate


def _include(existing: _Existing) -> frozenset[str]:
    return frozenset(existing.index.include) if existing.index is not None else frozenset()


def _identical(a: _Existing, b: _Existing) -> bool:
    return a.keys == b.keys and a.orders == b.orders and _include(a) == _include(b)


def _leftmost_prefix(small: _Existing, big: _Existing) -> bool:
    n = len(small.keys)
    if len(big.keys) <= n or big.keys[:n] != small.keys:
        return False
    flipped = tuple("desc" if o == "asc" else "asc" for o in small.orders)
    return big.orders[:n] in (small.orders, flipped) and _include(small) <= set(big.keys) | _include(big)


def _label(entity: Entity, existing: _Existing) -> str:
    if existing.index is None:
        names = ", ".join(entity.field(k).name for k in existing.keys if entity.field(k))
        return f"the {'primary key' if existing.keys == entity.primary_key else 'unique constraint'} ({names})"
    return f"index {existing.index.name or '(unnamed)'}"


def _drop(context: Context, entity: Entity, index: Index, code: str, reason: str) -> Recommendation:
    names = [context.field_name(c.field_id) if c.field_id else c.expression for c in index.columns]
    load = context.load(entity.id)
    writes = rate(load.writes_per_second) if load else "0/s"
    return Recommendation(
        code=code,
        severity=Severity.WARNING,
        title=f"Drop {'duplicate' if code.endswith('duplicate') else 'redundant'} index "
        f"{index.name or '(unnamed)'} on {entity.name}",
        rationale=f"Index {index.name or '(unnamed)'} on {entity.name}({', '.join(names)}): {reason}.",
        tradeoffs=f"Dropping it saves its upkeep on every write ({writes}) and its disk; nothing reads through it "
        "that the other cannot serve.",
        entity_id=entity.id,
        field_ids=tuple(c.field_id for c in index.columns if c.field_id),
        ops=(ops.RemoveIndex(entity_id=entity.id, index_id=index.id),),
        sql=sql.drop_index(entity, index),
        index=_spec_of(entity, index),
    )


def _spec_of(entity: Entity, index: Index) -> IndexSpec:
    keys = tuple(IndexKey(c.field_id, c.expression, c.order.value) for c in index.columns)
    return IndexSpec(entity.id, keys, index.unique, index.predicate, index.include, index.method.value)


def low_cardinality(context: Context) -> Iterator[Recommendation]:
    """A one-column index on a boolean or an enum: a handful of values, each matching a
    large share of the rows, so the planner prefers a scan."""
    for entity in context.schema.entities:
        for index in entity.indexes:
            if len(index.columns) != 1 or index.unique or index.predicate or not index.columns[0].field_id:
                continue
            column = entity.field(index.columns[0].field_id)
            if column is None or column.type.kind not in (TypeKind.BOOLEAN, TypeKind.ENUM) or column.type.array:
                continue
            yield Recommendation(
                code="index.low-cardinality",
                severity=Severity.WARNING,
                title=f"Index {index.name or '(unnamed)'} on {entity.name}.{column.name} has few distinct values",
                rationale=(
                    f"{column.name} is a {column.type.kind.value}: each value matches a large share of "
                    f"{entity.name}'s rows, so PostgreSQL scans the table instead. A partial index "
                    f"(WHERE {sql.quote(column.name)} = <the rare value>) or the column as the second key "
                    "of a composite index is what helps."
                ),
                tradeoffs="Replacing it needs the rare value (or the query it serves), which only you know.",
                entity_id=entity.id,
                field_ids=(column.id,),
                sql=f"-- for example:\n{sql.drop_index(entity, index)}",
                index=_spec_of(entity, index),
            )


def write_cost(context: Context) -> Iterator[Recommendation]:
    """On a write-heavy entity, a secondary index no read pattern uses costs more than it serves."""
    for entity in context.schema.entities:
        load = context.load(entity.id)
        if load is None or load.mix != "write" or load.writes_per_second < 1:
            continue
        read_columns = {
            f.field_id
            for p in context.patterns_by_entity.get(entity.id, ())
            if p.operation not in (Operation.INSERT, Operation.BULK)
            for f in p.filters
        } | {s.field_id for p in context.patterns_by_entity.get(entity.id, ()) for s in p.sort}
        fk_columns = {
            r.from_field_ids[0]
            for r in context.schema.relationships
            if r.from_entity_id == entity.id and r.from_field_ids
        }
        for index in entity.indexes:
            lead = index.columns[0].field_id if index.columns else None
            if index.unique or lead in read_columns or lead in fk_columns:
                continue
            yield Recommendation(
                code="index.write-cost",
                severity=Severity.WARNING,
                title=f"Index {index.name or '(unnamed)'} costs {entity.name} more than it serves",
                rationale=(
                    f"{entity.name} takes {rate(load.writes_per_second)} writes against "
                    f"{rate(load.reads_per_second)} reads, and no declared read filters or sorts by "
                    f"{context.field_name(lead) if lead else 'its expression'}: each of those writes "
                    f"updates the index ({count(context.rows(entity.id))} rows in 36 months) for no "
                    "declared benefit."
                ),
                tradeoffs="Keep it if a query you have not declared (reports, admin screens) needs it.",
                entity_id=entity.id,
                field_ids=tuple(c.field_id for c in index.columns if c.field_id),
                ops=(ops.RemoveIndex(entity_id=entity.id, index_id=index.id),),
                sql=sql.drop_index(entity, index),
                index=_spec_of(entity, index),
            )
