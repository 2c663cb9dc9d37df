"""Type advice for PostgreSQL (the "Don't Do This" wiki, squawk's prefer-* rules):
bigint keys for tables that outgrow 2^31, timestamptz, text over varchar(n) and
char(n), exact money, UUIDv7 keys, jsonb, identity over serial, enum vs lookup table.

Types are read from ``FieldType.kind``; for written types (``FieldType.written``) the
text as written, so ``json`` and ``jsonb`` (both kind json) are told apart."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designer import ops
from designer.advice import sql
from designer.advice.base import Context, Recommendation, Severity, count
from designer.naming import postgresql_name
from designer.schema import Default, DefaultKind, Entity, Field, FieldType, Operation, TypeKind, replace
from designer.types import MYSQL, SQLITE

INT_LIMIT = 2**31 - 1
LISTED_COLUMNS = 8  # a finding names at most this many columns; the SQL has them all
SMALLINT_LIMIT = 2**15 - 1
KEY_HORIZON_MONTHS = 120  # a key type should last the system's life: ten years
KEY_HEADROOM = 0.5  # warn once half the range would be used by then
SECONDS_PER_MONTH = 30 * 24 * 3600
RATE_NAME = re.compile(r"(^|_)(rate|ratio|percent|percentage|pct|factor|multiplier|share|weight)(_|$)")
# A quantity in another unit: pghero's total_time (a double of milliseconds) is no money.
UNIT_NAME = re.compile(
    r"(^|_)(time|duration|ms|msec|millis|seconds|secs|sec|minutes|hours|days|count|calls|rows|size|bytes|score|points)(_|$)"
)
MONEY_NAME = re.compile(r"(^|_)(price|amount|total|cost|balance|fee|salary|money|subtotal|tax|revenue)(_|$)")
STATUS_NAME = re.compile(r"(^|_)(status|state)$|^role$")
# Misfires on the real-world corpus: a state of an address (registry's invoices.seller_state,
# contacts.state beside city and zip) is a region, and roles kept in a table of their own
# (kanboard's project_has_roles) are data, not a fixed set.
ADDRESS_STATE = re.compile(r"(^|_)(address|buyer|seller|billing|shipping|mailing|home|work)_state$")
ADDRESS_PARTS = {"city", "zip", "zip_code", "postcode", "postal_code", "street", "country", "country_code"}
LOOKUP_VALUES = 12  # an enum this long changes often enough to be a table
UUID_LOCALITY_ROWS = 1_000_000
SERIAL_KINDS = {
    "serial": TypeKind.INTEGER,
    "serial4": TypeKind.INTEGER,
    "bigserial": TypeKind.BIGINT,
    "serial8": TypeKind.BIGINT,
    "smallserial": TypeKind.SMALLINT,
    "serial2": TypeKind.SMALLINT,
}
# Turning a serial into an identity drops its sequence default, which a migration between the two
# designs does not say: that advice on a serial carries its SQL but no Apply.
SERIAL_NO_APPLY = " Apply is not offered for a serial column: run the SQL, then import the schema again."
REGCLASS_PART = re.compile(r'"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)')
SEQUENCE_DEFAULT = re.compile(r"nextval\(\s*'(?P<name>(?:[^']|'')+)'", re.IGNORECASE)
# UUIDv7 without PostgreSQL 18's uuidv7(): a random v4 UUID whose first 48 bits become the Unix
# time in milliseconds and whose version nibble becomes 7 (bits 52 and 53 set on top of v4's 0100).
UUIDV7_EXPRESSION = (
    "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing "
    "substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) "
    "from 1 for 6), 52, 1), 53, 1), 'hex')::uuid"
)
TIME_ORDERED = re.compile(r"uuidv7|uuid_send|uuid_generate_v7", re.IGNORECASE)
RANDOM_UUID = re.compile(r"gen_random_uuid|uuid_generate_v4", re.IGNORECASE)


def type_rules(context: Context) -> Iterator[Recommendation]:
    if context.dialect in (MYSQL, SQLITE) or context.is_mongodb:
        return  # the advice below is PostgreSQL's; other dialects spell these differently
    for entity in context.schema.entities:
        for field in entity.fields:
            for rule in FIELD_RULES:
                found = rule(context, entity, field)
                if found is not None:
                    yield found
    found = timestamptz(context)
    if found is not None:
        yield found
    yield from long_enums(context)


def _change(context: Context, entity: Entity, field: Field, new_type: FieldType, **changes) -> tuple:
    updated = replace(field, type=new_type, **changes)
    return (ops.UpdateField(entity_id=entity.id, field=updated),), sql.alter_type(context.schema, entity, updated)


def bigint_key(context: Context, entity: Entity, field: Field):
    # A surrogate key runs out of values; a column of a composite key takes its values elsewhere.
    if entity.primary_key != (field.id,) or field.type.kind not in (TypeKind.INTEGER, TypeKind.SMALLINT):
        return None
    limit = SMALLINT_LIMIT if field.type.kind is TypeKind.SMALLINT else INT_LIMIT
    soon, later = _keys_used(context, entity, months=36), _keys_used(context, entity, months=KEY_HORIZON_MONTHS)
    if later < limit * KEY_HEADROOM:
        return None
    serial = (field.type.written or "").strip().lower() in SERIAL_KINDS
    # A serial stays one (bigserial): the migration alters its integer type and its sequence.
    changes, statement = _change(
        context, entity, field, FieldType(TypeKind.BIGINT, written="bigserial" if serial else None)
    )
    if serial:  # ALTER spells the column's type, not the serial shorthand
        statement = f"ALTER TABLE {sql.table(entity)} ALTER COLUMN {sql.quote(field.name)} TYPE bigint;"
    sequence = _sequence_of(entity, field)
    if sequence is not None:  # ALTER TYPE widens an identity's sequence, not a serial's: it would stop at 2^31
        statement += f"\nALTER SEQUENCE {sequence} AS bigint;"
    references = [
        (context.schema.entity(r.from_entity_id), r.from_field_ids[r.to_field_ids.index(field.id)])
        for r in context.schema.relationships
        if r.to_entity_id == entity.id and field.id in r.to_field_ids
    ]
    for child, fk_id in references:
        fk = child.field(fk_id)
        more, text = _change(context, child, fk, FieldType(TypeKind.BIGINT))
        changes, statement = changes + more, f"{statement}\n{text}"
    when = "in 36 months" if soon >= limit else f"within {KEY_HORIZON_MONTHS // 12} years"
    return Recommendation(
        code="type.bigint-key",
        severity=Severity.CRITICAL if soon >= limit else Severity.WARNING,
        title=f"Make {entity.name}.{field.name} a bigint",
        rationale=(
            f"{entity.name} uses up about {count(soon)} key values in 36 months and {count(later)} in "
            f"{KEY_HORIZON_MONTHS // 12} years (the rows declared now plus every insert, deleted rows included: "
            f"a key is never reused), reaching the {field.type.kind.value} limit of {count(limit)} {when}: "
            f"inserts then fail. The {len(references)} foreign keys referencing it change with it."
        ),
        tradeoffs="4 more bytes per row and per index entry; changing it later rewrites the table under lock.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def _keys_used(context: Context, entity: Entity, *, months: int) -> int:
    """Key values a sequence hands out by ``months`` from now: today's rows plus every row
    inserted meanwhile (the declared growth, or the declared insert patterns when they say
    more), whatever retention deletes later."""
    volume = context.schema.volume(entity.id)
    rows, growth = (volume.rows, volume.growth_per_month) if volume else (0, 0)
    inserts = sum(
        p.frequency.average_per_second
        for p in context.writes
        if p.entity_id == entity.id and p.operation in (Operation.INSERT, Operation.BULK)
    )
    return round(rows + max(growth, inserts * SECONDS_PER_MONTH) * months)


def timestamptz(context: Context) -> Recommendation | None:
    """One finding for the whole schema (per column it was 68 % of all findings on two real
    schemas, drowning the rest), and SQL that keeps the instants: a bare ``TYPE timestamptz``
    reads each value in the session's time zone, shifting the data by its offset unless the
    session happens to be UTC."""
    tables = [
        (entity, [f for f in entity.fields if f.type.kind is TypeKind.TIMESTAMP]) for entity in context.schema.entities
    ]
    tables = [(entity, fields) for entity, fields in tables if fields]
    if not tables:
        return None
    changes, statements = [], []
    for entity, fields in tables:
        clauses = []
        for field in fields:
            updated = replace(field, type=replace(field.type, kind=TypeKind.TIMESTAMPTZ, written=None))
            changes.append(ops.UpdateField(entity_id=entity.id, field=updated))
            column = sql.quote(field.name)
            type_name = sql.column_type(context.schema, updated)
            clauses.append(f"ALTER COLUMN {column} TYPE {type_name} USING {column} AT TIME ZONE 'UTC'")
        statements.append(f"ALTER TABLE {sql.table(entity)} " + ",\n  ".join(clauses) + ";")
    columns = [f"{entity.name}.{field.name}" for entity, fields in tables for field in fields]
    shown = ", ".join(columns[:LISTED_COLUMNS]) + (
        f" and {len(columns) - LISTED_COLUMNS} more" if len(columns) > LISTED_COLUMNS else ""
    )
    single = tables[0][0] if len(tables) == 1 else None
    return Recommendation(
        code="type.timestamptz",
        severity=Severity.WARNING,
        title=f"Use timestamptz for {len(columns)} timestamp column{'s' if len(columns) > 1 else ''} "
        f"in {len(tables)} table{'s' if len(tables) > 1 else ''}",
        rationale=(
            f"{shown} {'is a timestamp' if len(columns) == 1 else 'are timestamps'} without time zone: a "
            "wall-clock reading with no zone, so values written from servers or users in different zones (or "
            "across a DST change) cannot be compared. timestamptz stores an instant (squawk: prefer-timestamptz). "
            "The SQL reads the existing values as UTC (USING … AT TIME ZONE 'UTC'), whatever the session's time "
            "zone; if they were written in another zone, name that zone instead."
        ),
        tradeoffs="Same 8 bytes; each change rewrites its table under an exclusive lock: run them one table at a "
        "time, off-peak.",
        entity_id=single.id if single else None,
        field_ids=tuple(f.id for _, fields in tables for f in fields),
        ops=tuple(changes),
        sql="\n".join(statements),
    )


def text_over_varchar(context: Context, entity: Entity, field: Field):
    if field.type.kind is not TypeKind.VARCHAR or field.type.length is None:
        return None
    check = f"char_length({sql.quote(field.name)}) <= {field.type.length}"
    changes, statement = _change(context, entity, field, FieldType(TypeKind.TEXT, array=field.type.array))
    return Recommendation(
        code="type.text",
        severity=Severity.INFO,
        title=f"Use text for {entity.name}.{field.name} instead of varchar({field.type.length})",
        rationale=(
            f"In PostgreSQL varchar({field.type.length}) is text with a length check that is painful to "
            "change (squawk: prefer-text-field). If the limit is a real rule, keep it as a CHECK "
            f"({check}), which can be changed without touching the column type."
        ),
        tradeoffs="Other databases (MySQL) need a length for indexed strings; the CHECK carries the rule there.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def fixed_char(context: Context, entity: Entity, field: Field):
    if field.type.kind is not TypeKind.CHAR:
        return None
    changes, statement = _change(context, entity, field, FieldType(TypeKind.TEXT, array=field.type.array))
    return Recommendation(
        code="type.char",
        severity=Severity.INFO,
        title=f"Use text for {entity.name}.{field.name} instead of char({field.type.length or 1})",
        rationale=(
            "char(n) pads values with blanks to n characters and compares ignoring them, which surprises "
            "every client; it is never faster than text in PostgreSQL."
        ),
        tradeoffs="A fixed-length code keeps its rule as a CHECK (char_length(x) = n).",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def exact_money(context: Context, entity: Entity, field: Field):
    written = (field.type.written or "").strip().lower()
    name = field.name.lower()
    is_float = field.type.kind in (TypeKind.REAL, TypeKind.DOUBLE) and MONEY_NAME.search(name)
    if not (is_float or written == "money") or (is_float and (RATE_NAME.search(name) or UNIT_NAME.search(name))):
        return None  # tax_rate, fee_percent, total_time: a rate or a duration is not an amount of money
    # Plain numeric: a float converts with every digit it has; numeric(14,2) would round it.
    changes, statement = _change(context, entity, field, FieldType(TypeKind.DECIMAL, array=field.type.array))
    return Recommendation(
        code="type.money",
        severity=Severity.CRITICAL if is_float else Severity.WARNING,
        title=f"Store {entity.name}.{field.name} as numeric, not {written or field.type.kind.value}",
        rationale=(
            f"{entity.name}.{field.name} holds money as {written or field.type.kind.value}: "
            + (
                "binary floating point cannot represent 0.10 exactly, so sums drift by cents."
                if is_float
                else "the money type depends on the lc_monetary setting and has one currency."
            )
            + " numeric (or integer cents) is exact; the SQL converts to plain numeric so no value is "
            "rounded: add a scale once the data says what it is."
        ),
        tradeoffs="numeric arithmetic is slower than float; integer cents is fastest but every reader must scale it.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def uuid_v7(context: Context, entity: Entity, field: Field):
    if field.type.kind is not TypeKind.UUID or entity.primary_key != (field.id,):
        return None
    if field.default is not None and (
        not RANDOM_UUID.search(field.default.value) or TIME_ORDERED.search(field.default.value)
    ):
        return None  # generated some other way, or already time-ordered
    if context.rows(entity.id) < UUID_LOCALITY_ROWS:
        return None  # a small table's key index stays in memory: random keys cost little
    updated = replace(field, default=Default(kind=DefaultKind.EXPRESSION, value=UUIDV7_EXPRESSION))
    return Recommendation(
        code="type.uuid-v7",
        severity=Severity.INFO,
        title=f"Generate {entity.name}.{field.name} as UUIDv7",
        rationale=(
            f"{entity.name}.{field.name} is a random (v4) UUID key: each insert lands on a random page of "
            f"the key's index, so the cache holds little of it and writes scatter. UUIDv7 starts with a "
            f"timestamp, so new keys append like a sequence ({count(context.rows(entity.id))} rows in 36 "
            "months)."
        ),
        tradeoffs="The default is a UUIDv7 built from gen_random_uuid() and the clock, which runs on PostgreSQL "
        "13 and later; on PostgreSQL 18 uuidv7() does the same. The key reveals its creation time.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=(ops.UpdateField(entity_id=entity.id, field=updated),),
        sql=f"ALTER TABLE {sql.table(entity)} ALTER COLUMN {sql.quote(field.name)} SET DEFAULT {UUIDV7_EXPRESSION};",
    )


def jsonb(context: Context, entity: Entity, field: Field):
    if field.type.kind is not TypeKind.JSON or (field.type.written or "").strip().lower() not in ("json", "json[]"):
        return None
    changes, statement = _change(context, entity, field, replace(field.type, written=None))
    return Recommendation(
        code="type.jsonb",
        severity=Severity.WARNING,
        title=f"Use jsonb for {entity.name}.{field.name}",
        rationale=(
            "json stores the text as given and re-parses it on every access; jsonb is parsed once, "
            "supports containment (@>) and GIN indexes."
        ),
        tradeoffs="jsonb drops key order, duplicate keys and whitespace; write cost is slightly higher.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def identity_over_serial(context: Context, entity: Entity, field: Field):
    """A sequence default (``nextval(...)``) or a written ``serial``: an identity column instead."""
    default = field.default.value if field.default else ""
    written = (field.type.written or "").strip().lower()
    sequence = (
        SEQUENCE_DEFAULT.search(default) if field.default and field.default.kind is DefaultKind.EXPRESSION else None
    )
    if sequence is None and written not in SERIAL_KINDS:
        return None
    kind = SERIAL_KINDS.get(written, field.type.kind)
    updated = replace(field, type=replace(field.type, kind=kind, written=None), default=None, identity=True)
    table, column = sql.table(entity), sql.quote(field.name)
    sequence_name = (_sequence_name(sequence["name"]) if sequence else None) or _serial_sequence(entity, field)
    how = f"takes its value from a sequence by default ({default})" if sequence else f"is a {written}"
    return Recommendation(
        code="type.identity",
        severity=Severity.INFO,
        title=f"Make {entity.name}.{field.name} an identity column",
        rationale=(
            f"{entity.name}.{field.name} {how}: the sequence is a separate object with its own permissions "
            "and is not copied by CREATE TABLE LIKE. GENERATED … AS IDENTITY is the standard form (squawk: "
            "prefer-identity). The SQL replaces the sequence and starts the identity after the largest key."
        ),
        tradeoffs="Run it when no insert is running: between dropping the old default and setting the new "
        "start, an insert would get no key." + (SERIAL_NO_APPLY if sequence is None else ""),
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=() if sequence is None else (ops.UpdateField(entity_id=entity.id, field=updated),),
        sql=(
            f"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT;\n"
            f"DROP SEQUENCE IF EXISTS {sequence_name};\n"
            f"ALTER TABLE {table} ALTER COLUMN {column} ADD GENERATED BY DEFAULT AS IDENTITY;\n"
            f"SELECT setval(pg_get_serial_sequence({sql.literal(_regclass_text(entity))}, {sql.literal(field.name)}), "
            f"COALESCE(max({column}), 0) + 1, false) FROM {table};"
        ),
    )


def _sequence_of(entity: Entity, field: Field) -> str | None:
    """The quoted sequence behind a serial column or a nextval() default, or None."""
    default = field.default.value if field.default and field.default.kind is DefaultKind.EXPRESSION else ""
    found = SEQUENCE_DEFAULT.search(default)
    if found is not None:
        return _sequence_name(found["name"]) or _serial_sequence(entity, field)
    return _serial_sequence(entity, field) if (field.type.written or "").strip().lower() in SERIAL_KINDS else None


def _serial_sequence(entity: Entity, field: Field) -> str:
    """The sequence of a serial column: its own name when it has one (Field.sequence), else
    the one PostgreSQL creates, <table>_<column>_seq."""
    name = sql.quote(field.sequence or postgresql_name(entity.name, [field.name], "seq"))
    return f"{sql.quote(entity.namespace)}.{name}" if entity.namespace else name


def _sequence_name(text: str) -> str | None:
    """The sequence named in nextval('...') as quoted SQL, or None when it is not a plain
    (schema-qualified) name: the default is user text, never spliced as it stands."""
    parts, rest = [], text.replace("''", "'").strip()
    while rest:
        match = REGCLASS_PART.match(rest)
        if match is None:
            return None
        parts.append(match[1].replace('""', '"') if match[1] is not None else match[2].lower())
        rest = rest[match.end() :]
        if rest.startswith("."):
            rest = rest[1:]
        elif rest:
            return None
    return ".".join(sql.quote(part) for part in parts) if 0 < len(parts) <= 2 else None


def _regclass_text(entity: Entity) -> str:
    """The table as pg_get_serial_sequence reads it: quoted identifiers inside a string."""
    return sql.table(entity)


def status_without_domain(context: Context, entity: Entity, field: Field):
    if field.type.kind not in (TypeKind.TEXT, TypeKind.VARCHAR) or not STATUS_NAME.search(field.name.lower()):
        return None
    if field.check or any(field.name in c.expression for c in entity.checks):
        return None
    if _region_or_custom_role(context, entity, field.name.lower()):
        return None
    return Recommendation(
        code="type.enum",
        severity=Severity.INFO,
        title=f"Give {entity.name}.{field.name} a fixed set of values",
        rationale=(
            f"{entity.name}.{field.name} is free text, but a {field.name} takes a few known values: a typo "
            "becomes a new state no code handles. An enum fits a short, stable list; a lookup table (with "
            "a foreign key) fits a list that grows or carries data of its own."
        ),
        tradeoffs="Adding an enum value is cheap; removing or renaming one is not. A lookup table costs a join.",
        entity_id=entity.id,
        field_ids=(field.id,),
    )


def _region_or_custom_role(context: Context, entity: Entity, name: str) -> bool:
    if name.endswith("state"):
        siblings = {f.name.lower() for f in entity.fields}
        return bool(ADDRESS_STATE.search(name)) or (name == "state" and bool(siblings & ADDRESS_PARTS))
    return name == "role" and any("role" in e.name.lower() for e in context.schema.entities)


def long_enums(context: Context) -> Iterator[Recommendation]:
    for enum in context.schema.enums:
        if len(enum.values) <= LOOKUP_VALUES:
            continue
        yield Recommendation(
            code="type.lookup-table",
            severity=Severity.INFO,
            title=f"Enum {enum.name} ({len(enum.values)} values) may be better as a lookup table",
            rationale=(
                f"{enum.name} has {len(enum.values)} values: a list that long usually keeps changing, and "
                "an enum value cannot be removed or reordered without recreating the type."
            ),
            tradeoffs="A lookup table needs a join (or a cache) to show labels; an enum is 4 bytes and self-checking.",
            field_ids=(enum.id,),  # keeps the dismissal key apart from other enums'
        )


FIELD_RULES = (
    bigint_key,
    text_over_varchar,
    fixed_char,
    exact_money,
    uuid_v7,
    jsonb,
    identity_over_serial,
    status_without_domain,
)
