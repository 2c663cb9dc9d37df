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
from designer.schema import Default, DefaultKind, Entity, Field, FieldType, TypeKind, replace
from designer.types import MYSQL, SQLITE

INT_LIMIT = 2**31 - 1
MONEY_NAME = re.compile(r"(^|_)(price|amount|total|cost|balance|fee|salary|money|subtotal|tax|revenue)(_|$)")
STATUS_NAME = re.compile(r"(^|_)(status|state|role)$")
LOOKUP_VALUES = 12  # an enum this long changes often enough to be a table
UUID_LOCALITY_ROWS = 1_000_000
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
    yield from long_enums(context)


def _change(context: Context, entity: Entity, field: Field, new_type: FieldType, **changes) -> tuple:
    updated = replace(field, type=new_type, **changes)
    return (ops.UpdateField(entity_id=entity.id, field=updated),), sql.alter_type(context.schema, entity, updated)


def bigint_key(context: Context, entity: Entity, field: Field):
    # A surrogate key runs out of values; a column of a composite key takes its values elsewhere.
    if entity.primary_key != (field.id,) or field.type.kind not in (TypeKind.INTEGER, TypeKind.SMALLINT):
        return None
    rows36 = context.rows(entity.id)
    if rows36 <= INT_LIMIT:
        return None
    changes, statement = _change(context, entity, field, FieldType(TypeKind.BIGINT))
    references = [
        (context.schema.entity(r.from_entity_id), r.from_field_ids[r.to_field_ids.index(field.id)])
        for r in context.schema.relationships
        if r.to_entity_id == entity.id and field.id in r.to_field_ids
    ]
    for child, fk_id in references:
        fk = child.field(fk_id)
        more, text = _change(context, child, fk, FieldType(TypeKind.BIGINT))
        changes, statement = changes + more, f"{statement}\n{text}"
    return Recommendation(
        code="type.bigint-key",
        severity=Severity.CRITICAL,
        title=f"Make {entity.name}.{field.name} a bigint",
        rationale=(
            f"{entity.name} is projected at {count(rows36)} rows in 36 months, past the {field.type.kind.value} "
            f"limit of {count(INT_LIMIT)}: inserts start failing when the key runs out. The "
            f"{len(references)} foreign keys referencing it change with it."
        ),
        tradeoffs="4 more bytes per row and per index entry; changing it later rewrites the table under lock.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
    )


def timestamptz(context: Context, entity: Entity, field: Field):
    if field.type.kind is not TypeKind.TIMESTAMP:
        return None
    changes, statement = _change(context, entity, field, replace(field.type, kind=TypeKind.TIMESTAMPTZ, written=None))
    return Recommendation(
        code="type.timestamptz",
        severity=Severity.WARNING,
        title=f"Use timestamptz for {entity.name}.{field.name}",
        rationale=(
            f"{entity.name}.{field.name} is a timestamp without time zone: it stores a wall-clock reading "
            "with no zone, so values written from servers or users in different zones (or across a DST "
            "change) cannot be compared. timestamptz stores an instant (squawk: prefer-timestamptz)."
        ),
        tradeoffs="Same 8 bytes; existing values are read in the session time zone when converted.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=changes,
        sql=statement,
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
    is_float = field.type.kind in (TypeKind.REAL, TypeKind.DOUBLE) and MONEY_NAME.search(field.name.lower())
    if not (is_float or written == "money"):
        return None
    changes, statement = _change(context, entity, field, FieldType(TypeKind.DECIMAL, precision=14, scale=2))
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
            + " numeric(14,2) (or integer cents) is exact."
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
    if field.default is not None and not RANDOM_UUID.search(field.default.value):
        return None  # generated some other way (perhaps already time-ordered)
    if context.rows(entity.id) < UUID_LOCALITY_ROWS:
        return None  # a small table's key index stays in memory: random keys cost little
    updated = replace(field, default=Default(kind=DefaultKind.EXPRESSION, value="uuidv7()"))
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
        tradeoffs="uuidv7() is built into PostgreSQL 18; before that generate it in the application or an "
        "extension. The key reveals its creation time.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=(ops.UpdateField(entity_id=entity.id, field=updated),),
        sql=f"ALTER TABLE {sql.table(entity)} ALTER COLUMN {sql.quote(field.name)} SET DEFAULT uuidv7();",
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
    default = field.default.value if field.default else ""
    if field.default is None or field.default.kind is not DefaultKind.EXPRESSION or "nextval(" not in default:
        return None
    updated = replace(field, default=None, identity=True)
    return Recommendation(
        code="type.identity",
        severity=Severity.INFO,
        title=f"Make {entity.name}.{field.name} an identity column",
        rationale=(
            f"{entity.name}.{field.name} takes its value from a sequence by default ({default}), as serial "
            "does: the sequence is a separate object with its own permissions and is not copied by CREATE "
            "TABLE LIKE. GENERATED … AS IDENTITY is the standard form (squawk: prefer-identity)."
        ),
        tradeoffs="The existing sequence must be attached (or its value carried over) when converting.",
        entity_id=entity.id,
        field_ids=(field.id,),
        ops=(ops.UpdateField(entity_id=entity.id, field=updated),),
        sql=(
            f"ALTER TABLE {sql.table(entity)} ALTER COLUMN {sql.quote(field.name)} DROP DEFAULT;\n"
            f"ALTER TABLE {sql.table(entity)} ALTER COLUMN {sql.quote(field.name)} ADD GENERATED BY DEFAULT AS "
            "IDENTITY;"
        ),
    )


def status_without_domain(context: Context, entity: Entity, field: Field):
    if field.type.kind not in (TypeKind.TEXT, TypeKind.VARCHAR) or not STATUS_NAME.search(field.name.lower()):
        return None
    if field.check or any(field.name in c.expression for c in entity.checks):
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
    timestamptz,
    text_over_varchar,
    fixed_char,
    exact_money,
    uuid_v7,
    jsonb,
    identity_over_serial,
    status_without_domain,
)
