# ruff: noqa: S311 — test data from seeded generators, not security
"""Production-like data for a schema: how many rows each table gets, and the rows
themselves as PostgreSQL COPY text.

The plan reads the physical model (``designer.migrate.model``: the tables the DDL
creates, join tables included) and the declared volumes, scaled so the whole load fits
a cap (1 M rows by default). Rows honour what the database will check:

- keys: single-column integer keys are 1..n in row order (as identities give them),
  other keys and unique columns get distinct values; composite keys and unique
  constraints are de-duplicated (a duplicate row is dropped, so a table may hold a few
  rows less than planned: the plan says so);
- foreign keys point at real parent keys with a Zipf skew (a few parents own most of
  the children, as authors and posts do), unique ones one child per parent;
- enums draw from their values, NULLs appear in nullable columns at a ratio chosen by
  the column's name (``deleted_at`` mostly NULL, ``bio`` sometimes), timestamps lie in
  the two years before ``now`` (``created_at`` rises with the row number);
- text is chosen by the column's name with Faker (emails, names, titles, slugs, URLs…).

Check constraints are not parsed: numbers are non-negative and the runner re-adds each
check after loading, reporting any the data breaks. Pure apart from the seeded
randomness: the same plan, seed and ``now`` give the same rows.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from designer.migrate.model import Column, Model, Table, build_model
from designer.schema import Schema, TypeKind

DEFAULT_MAX_ROWS = 1_000_000
UNDECLARED_ROWS = 1_000  # a table with no declared volume (join tables, forgotten ones)
ZIPF_EXPONENT = 1.0
TIME_SPAN_DAYS = 730
POOL_SIZE = 2_000  # Faker values drawn once per kind, then reused: Faker is slow per call
CHUNK_ROWS = 5_000


@dataclass(frozen=True)
class TablePlan:
    table_id: str
    name: str  # qualified, for people
    sql_name: str  # quoted, for SQL
    declared: int | None  # rows the volume declares; None: no volume
    rows: int  # rows to generate
    columns: tuple[str, ...]  # column names COPY writes, in order (quoted)


@dataclass(frozen=True)
class DataPlan:
    tables: tuple[TablePlan, ...]
    scale: float  # generated / declared
    max_rows: int

    @property
    def total_rows(self) -> int:
        return sum(t.rows for t in self.tables)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_table(table: Table) -> str:
    return f"{quote(table.namespace)}.{quote(table.name)}" if table.namespace else quote(table.name)


def data_plan(schema: Schema, *, scale: float = 1.0, max_rows: int = DEFAULT_MAX_ROWS) -> DataPlan:
    """Rows per table: the declared volume times ``scale``, all shrunk by one factor when
    the total passes ``max_rows``. Every table gets at least one row (its children need
    a parent)."""
    model = build_model(schema)
    declared = {t.id: _declared_rows(schema, t) for t in model.tables}
    wanted = {t.id: (declared[t.id] if declared[t.id] is not None else UNDECLARED_ROWS) * scale for t in model.tables}
    total = sum(wanted.values())
    shrink = min(1.0, max_rows / total) if total else 1.0
    tables = []
    for table in model.tables:
        rows = max(1, int(wanted[table.id] * shrink))
        rows = min(rows, _unique_parent_cap(model, table, wanted, shrink))
        columns = tuple(quote(c.name) for c in table.columns)
        tables.append(TablePlan(table.id, table.label, sql_table(table), declared[table.id], rows, columns))
    total_declared = sum(d if d is not None else UNDECLARED_ROWS for d in declared.values())
    generated = sum(t.rows for t in tables)
    return DataPlan(tuple(tables), generated / total_declared if total_declared else 1.0, max_rows)


def _declared_rows(schema: Schema, table: Table) -> int | None:
    volume = schema.volume(table.id)
    return volume.rows if volume is not None and volume.rows > 0 else None


def _unique_parent_cap(model: Model, table: Table, wanted: dict, shrink: float) -> int:
    """A table whose foreign key is unique (one-to-one) has at most one row per parent."""
    cap = 10**12
    for table_id, key in model.foreign_keys:
        if table_id == table.id and _is_unique(table, key.columns):
            cap = min(cap, max(1, int(wanted.get(key.ref_table, 1) * shrink)))
    return cap


def _is_unique(table: Table, column_ids: tuple[str, ...]) -> bool:
    keys = [c.columns for c in table.constraints if c.kind in ("primary", "unique")]
    keys += [
        tuple(i.columns[n].field_id for n in range(len(i.columns)))
        for i in table.indexes
        if i.unique and not i.predicate
    ]
    return any(set(k) <= set(column_ids) for k in keys if k)


# --- the rows ------------------------------------------------------------------------------


@dataclass
class _Context:
    schema: Schema
    model: Model
    plan: DataPlan
    rng: random.Random
    now: datetime
    pools: _Pools
    keys: dict[str, dict[str, list]]  # table id → column id → key values by row

    def rows_of(self, table_id: str) -> int:
        return next((t.rows for t in self.plan.tables if t.table_id == table_id), 0)


def copy_chunks(schema: Schema, plan: DataPlan, *, seed: int = 1, now: datetime) -> Iterator[tuple[TablePlan, str]]:
    """(table, COPY text) pieces, table by table in the plan's order; a table's rows come
    in chunks of ``CHUNK_ROWS`` lines. Foreign keys may point at tables loaded later:
    load with the foreign keys dropped and add them back after."""
    model = build_model(schema)
    rng = random.Random(seed)
    context = _Context(schema, model, plan, rng, now, _Pools(seed), {})
    for table_plan in plan.tables:
        context.keys[table_plan.table_id] = _key_values(context, model.table(table_plan.table_id))
    for table_plan in plan.tables:
        yield from _table_chunks(context, model.table(table_plan.table_id), table_plan)


def _key_values(context: _Context, table: Table) -> dict[str, list]:
    """Values of the columns other tables may reference (single-column keys and unique
    columns), made first so children can point at them whatever the load order."""
    rows = context.rows_of(table.id)
    referenced_columns = {
        c for _, key in context.model.foreign_keys if key.ref_table == table.id for c in key.ref_columns
    }
    foreign = {c for table_id, key in context.model.foreign_keys if table_id == table.id for c in key.columns}
    single_keys = {c.columns[0] for c in table.constraints if c.kind in ("primary", "unique") and len(c.columns) == 1}
    values = {}
    for column_id in sorted((single_keys | referenced_columns) - foreign):
        column = table.column(column_id)
        if column is not None:
            values[column_id] = _unique_values(context, table, column, rows)
    return values


def _unique_values(context: _Context, table: Table, column: Column, rows: int) -> list:
    make = _value_maker(context, table, column, unique=True)
    return [make(i) for i in range(rows)]


def _table_chunks(context: _Context, table: Table, plan: TablePlan) -> Iterator[tuple[TablePlan, str]]:
    makers = _row_makers(context, table, plan.rows)
    unique_sets = _composite_keys(table)
    seen: list[set] = [set() for _ in unique_sets]
    positions = {c.id: n for n, c in enumerate(table.columns)}
    lines: list[str] = []
    for i in range(plan.rows):
        row = _row(makers, i)
        if unique_sets and not _first_time(row, unique_sets, seen, positions):
            row = _row(makers, i + plan.rows)  # one more try with other draws
            if not _first_time(row, unique_sets, seen, positions):
                continue
        lines.append("\t".join(row))
        if len(lines) == CHUNK_ROWS:
            yield plan, "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield plan, "\n".join(lines) + "\n"


def _row(makers, i: int) -> list[str]:
    return [make(i) for make in makers]


def _first_time(row, unique_sets, seen, positions) -> bool:
    keys = [tuple(row[positions[c]] for c in columns) for columns in unique_sets]
    if any(key in found for key, found in zip(keys, seen, strict=True)):
        return False
    for key, found in zip(keys, seen, strict=True):
        found.add(key)
    return True


def _composite_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [c.columns for c in table.constraints if c.kind in ("primary", "unique") and len(c.columns) > 1]
    keys += [
        tuple(k.field_id for k in i.columns)
        for i in table.indexes
        if i.unique and not i.predicate and len(i.columns) > 1 and all(k.field_id for k in i.columns)
    ]
    return keys


def _row_makers(context: _Context, table: Table, rows: int) -> list[Callable[[int], str]]:
    """One maker per column, in the table's column order (the COPY column list)."""
    foreign = {}
    for table_id, key in context.model.foreign_keys:
        if table_id == table.id and all(c not in foreign for c in key.columns):
            for column_id in key.columns:
                foreign[column_id] = key
    makers: list[Callable[[int], str]] = []
    for column in table.columns:
        key = foreign.get(column.id)
        if key is not None:
            makers.append(_reference_maker(context, table, column, key, rows))
        elif column.id in context.keys[table.id]:
            values = context.keys[table.id][column.id]
            makers.append(lambda i, values=values: values[i % len(values)])
        else:
            makers.append(_value_maker(context, table, column, unique=False))
    return makers


def _reference_maker(context: _Context, table: Table, column: Column, key, rows: int):
    """The value of ``column`` from the parent row the key points at. Each column of a
    composite key draws the same parent row (the draw depends only on the row number)."""
    parent_keys = context.keys.get(key.ref_table, {})
    position = key.columns.index(column.id)
    ref_column = key.ref_columns[position]
    values = parent_keys.get(ref_column)
    if not values:
        return lambda i: "\\N"
    draws = _parent_draws(context, table, key, len(values), rows)
    null_ratio = 0.1 if column.nullable else 0.0
    nulls = _null_mask(context, key, rows * 2, null_ratio)
    return lambda i: "\\N" if nulls[i % len(nulls)] else values[draws[i % len(draws)]]


def _parent_draws(context: _Context, table: Table, key, parents: int, rows: int) -> list[int]:
    cache = context.__dict__.setdefault("_draws", {})
    if key.id not in cache:
        rng = random.Random(f"{key.id}:{parents}")
        if _is_unique(table, key.columns):
            cache[key.id] = rng.sample(range(parents), k=min(parents, rows)) * 2
        else:
            cache[key.id] = zipf_draws(rng, parents=parents, count=rows * 2)
    return cache[key.id]


def zipf_draws(rng: random.Random, *, parents: int, count: int, exponent: float = ZIPF_EXPONENT) -> list[int]:
    """``count`` parent positions (0..parents-1), the k-th most popular drawn with weight
    1/k^exponent; which parent is the most popular is shuffled, so it is not always the first."""
    order = list(range(parents))
    rng.shuffle(order)
    cumulative = list(itertools.accumulate(1.0 / (k + 1) ** exponent for k in range(parents)))
    top = cumulative[-1]
    random_ = rng.random
    return [order[bisect.bisect_left(cumulative, random_() * top)] for _ in range(count)]


def _null_mask(context: _Context, key, size: int, ratio: float) -> list[bool]:
    if ratio <= 0:
        return [False]
    rng = random.Random(f"null:{key.id}")
    return [rng.random() < ratio for _ in range(size)]


# --- values by type and name ----------------------------------------------------------------

_NAME_KINDS = (
    (r"e_?mail", "email"),
    (r"slug", "slug"),
    (r"(first|given)_?name", "first_name"),
    (r"(last|family|sur)_?name", "last_name"),
    (r"user_?name|login|handle|nick", "user_name"),
    (r"(display_|full_|^)name$|author|owner", "name"),
    (r"title|subject|headline", "title"),
    (r"body|content|text|description|bio|summary|comment|note|message|details", "paragraph"),
    (r"url|link|website|href", "url"),
    (r"phone|mobile|fax", "phone_number"),
    (r"city|town", "city"),
    (r"country", "country"),
    (r"street|address", "street"),
    (r"zip|postal|postcode", "postcode"),
    (r"company|organi[sz]ation|employer|vendor|supplier", "company"),
    (r"color|colour", "color"),
    (r"ip(_?addr(ess)?)?$", "ip"),
    (r"currency", "currency"),
    (r"lang(uage)?|locale", "language"),
    (r"sku|code|token|key|hash|ref(erence)?$", "code"),
)
_MOSTLY_NULL = re.compile(r"(deleted|archived|cancel+ed|ended|closed|removed|revoked|expired|failed)_?(at|on|date)$")
_OFTEN_NULL = re.compile(r"bio|note|comment|description|middle|suffix|^(last_|updated|published|finished)")
_RISING_TIME = re.compile(r"(created|inserted|registered|joined|added|placed|opened|submitted)_?(at|on|date|time)?$")
_RARE_TRUE = re.compile(r"^(is_)?(deleted|archived|banned|blocked|disabled|spam|test)")


def _null_ratio(column: Column) -> float:
    if not column.nullable:
        return 0.0
    name = column.name.lower()
    if _MOSTLY_NULL.search(name):
        return 0.9
    if _OFTEN_NULL.search(name):
        return 0.3
    return 0.1


def _value_maker(context: _Context, table: Table, column: Column, *, unique: bool) -> Callable[[int], str]:
    """``make(row_number) -> COPY text`` for a column (``\\N`` is NULL)."""
    make = _typed_maker(context, table, column, unique=unique)
    ratio = 0.0 if unique else _null_ratio(column)
    if ratio == 0.0:
        return make
    rng = random.Random(f"null:{table.id}:{column.id}")
    return lambda i: "\\N" if rng.random() < ratio else make(i)


def _typed_maker(context: _Context, table: Table, column: Column, *, unique: bool) -> Callable[[int], str]:
    field_type, name = column.type, column.name.lower()
    rng = random.Random(f"{context.rng.random()}:{column.id}")
    kind, rows = field_type.kind, max(1, context.rows_of(table.id))
    if field_type.array:
        element = _scalar_maker(context, rng, table, column, kind, name, rows=rows, unique=False)
        return lambda i: "{" + ",".join(_array_item(element(i * 3 + n)) for n in range(rng.randint(0, 4))) + "}"
    return _scalar_maker(context, rng, table, column, kind, name, rows=rows, unique=unique)


def _array_item(text: str) -> str:
    return '"' + text.replace("\\\\", "\\\\\\\\").replace('"', '\\\\"') + '"'


def _scalar_maker(
    context, rng: random.Random, table: Table, column: Column, kind: TypeKind, name: str, *, rows: int, unique: bool
):
    if kind in (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT):
        if unique:
            return lambda i: str(i + 1)
        high = 30_000 if kind is TypeKind.SMALLINT else _integer_high(name)
        return lambda i: str(rng.randint(0, high))
    if kind in (TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE):
        return _decimal_maker(rng, column, unique=unique)
    if kind is TypeKind.BOOLEAN:
        share = 0.05 if _RARE_TRUE.search(name) else 0.5
        return lambda i: "t" if rng.random() < share else "f"
    if kind in (TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ, TypeKind.TIME):
        return _time_maker(context, rng, kind, name, rows=rows, unique=unique)
    if kind is TypeKind.UUID:
        return lambda i: str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if kind is TypeKind.JSON:
        return lambda i: f'{{"n": {i}, "tag": "t{rng.randint(0, 50)}"}}'
    if kind is TypeKind.BYTES:
        return lambda i: "\\\\x" + rng.getrandbits(64).to_bytes(8, "big").hex()
    if kind is TypeKind.ENUM:
        values = context.model.enum(column.type.enum_id).values if context.model.enum(column.type.enum_id) else ()
        escaped = [_escape(v) for v in values] or ["\\N"]
        return lambda i: escaped[rng.randrange(len(escaped))]
    if kind is TypeKind.OTHER and (column.type.written or "").lower().startswith("inet"):
        return lambda i: f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
    return _text_maker(context, rng, table, column, name, unique=unique)


def _integer_high(name: str) -> int:
    if re.search(r"qty|quantity|count|number_of|stock", name):
        return 50
    if re.search(r"rating|stars|score|priority|level|rank", name):
        return 5
    if re.search(r"age$", name):
        return 90
    if re.search(r"year", name):
        return 2030
    return 100_000


def _decimal_maker(rng: random.Random, column: Column, *, unique: bool):
    precision, scale = column.type.precision, column.type.scale
    scale = 2 if scale is None else scale
    digits = (precision - scale) if precision else 6
    high = min(10 ** max(digits, 0) - 1, 100_000) if digits > 0 else 0
    if unique:
        return lambda i: f"{(i % (high + 1)) + rng.random():.{scale}f}" if high else f"0.{i:0{scale}d}"[: scale + 2]
    return lambda i: f"{rng.uniform(0, high or 0.99):.{scale}f}" if scale else str(rng.randint(0, high))


def _time_maker(context, rng: random.Random, kind: TypeKind, name: str, *, rows: int, unique: bool):
    """Within the TIME_SPAN_DAYS before ``now``; a creation time rises with the row number
    (rows are loaded in the order an application would have inserted them)."""
    end = context.now.astimezone(UTC).replace(tzinfo=None)
    start = end - timedelta(days=TIME_SPAN_DAYS)
    span = TIME_SPAN_DAYS * 86400
    rising = bool(_RISING_TIME.search(name)) or unique

    def seconds(i: int) -> float:
        if rising:
            return min(span - 1, span * (i % rows) / rows + (0 if unique else rng.random() * 60))
        return rng.random() * span

    if kind is TypeKind.TIME:
        return lambda i: f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    # Formatted by hand from a per-day table: strftime per value was a tenth of the load time.
    days = [(start + timedelta(days=n)).strftime("%Y-%m-%d") for n in range(TIME_SPAN_DAYS + 1)]
    offset = start.hour * 3600 + start.minute * 60 + start.second
    if kind is TypeKind.DATE:
        return lambda i: days[int(seconds(i) + offset) // 86400]
    suffix = "+00" if kind is TypeKind.TIMESTAMPTZ else ""

    def stamp(i: int) -> str:
        day, moment = divmod(int(seconds(i)) + offset, 86400)
        return f"{days[day]} {moment // 3600:02d}:{moment // 60 % 60:02d}:{moment % 60:02d}{suffix}"

    return stamp


_PEOPLE = re.compile(r"user|author|person|people|customer|member|employee|student|contact|account|owner|staff|patient")
_COMPANIES = re.compile(r"compan|organi[sz]ation|vendor|supplier|tenant|customer_org|brand|publisher")


def _text_kind(table: Table, name: str) -> str:
    kind = next((k for pattern, k in _NAME_KINDS if re.search(pattern, name)), "word")
    if name == "name" and not _PEOPLE.search(table.name.lower()):  # tags.name is a word, users.name a person
        return "company" if _COMPANIES.search(table.name.lower()) else "word"
    return kind


def _text_maker(context, rng: random.Random, table: Table, column: Column, name: str, *, unique: bool):
    kind = _text_kind(table, name)
    pool = context.pools.get(kind)
    limit = column.type.length if column.type.kind in (TypeKind.VARCHAR, TypeKind.CHAR) else None
    if unique:
        return _unique_text(pool, kind, limit)
    if limit:
        pool = [v[:limit] for v in pool]
    return lambda i: pool[rng.randrange(len(pool))]


def _unique_text(pool: list[str], kind: str, limit: int | None):
    def make(i: int) -> str:
        tail = str(i + 1)
        base = pool[i % len(pool)]
        if kind == "email":
            local, _, domain = base.partition("@")
            text = f"{local}{tail}@{domain}"
        elif kind == "slug":
            text = f"{base}-{tail}"
        else:
            text = f"{base} {tail}"
        if limit and len(text) > limit:
            text = (base[: max(0, limit - len(tail) - 1)] + "-" + tail)[-limit:]
        return text

    return make


class _Pools:
    """Faker values per kind, drawn once (POOL_SIZE each) and COPY-escaped."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.pools: dict[str, list[str]] = {}

    def get(self, kind: str) -> list[str]:
        if kind not in self.pools:
            self.pools[kind] = [_escape(v) for v in self._draw(kind)]
        return self.pools[kind]

    def _draw(self, kind: str) -> list[str]:
        from faker import Faker  # imported on first use: building a Faker takes a moment

        fake = Faker("en_US")
        fake.seed_instance(f"{self.seed}:{kind}")
        if kind == "slug":
            return [fake.slug() for _ in range(POOL_SIZE)]
        if kind == "paragraph":
            return [fake.paragraph(nb_sentences=3) for _ in range(POOL_SIZE)]
        if kind == "title":
            return [fake.sentence(nb_words=6).rstrip(".") for _ in range(POOL_SIZE)]
        if kind == "word":
            return [fake.word() for _ in range(POOL_SIZE)]
        if kind == "code":
            return [fake.bothify("??-####").upper() for _ in range(POOL_SIZE)]
        if kind == "currency":
            return [fake.currency_code() for _ in range(POOL_SIZE)]
        if kind == "language":
            return [fake.language_code() for _ in range(POOL_SIZE)]
        if kind == "ip":
            return [fake.ipv4() for _ in range(POOL_SIZE)]
        if kind == "street":
            return [fake.street_address() for _ in range(POOL_SIZE)]
        if kind == "color":
            return [fake.color_name() for _ in range(POOL_SIZE)]
        return [str(getattr(fake, kind)()) for _ in range(POOL_SIZE)]


def _escape(text: str) -> str:
    """COPY text format: backslash, tab, newline and carriage return are escaped."""
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")
