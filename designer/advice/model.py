"""Modelling advice: repeated or multi-valued fields, relationships implied by names
but missing, one column name with different types, foreign keys whose type differs
from the key they reference, and for hot joins and counts, denormalised columns or
counters with their write cost and staleness."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from designer import ops
from designer.advice import sql
from designer.advice.base import Context, Recommendation, Severity, pattern_rate, rate, rows_phrase, upper_first
from designer.schema import Cardinality, Consistency, Entity, FilterOp, Operation, TypeKind, replace
from designer.types import display_type, reference_type
from designer.workload import human_count

NUMBERED = re.compile(r"^(?P<stem>[a-z_]*?[a-z])_?(?P<n>\d+)$")
LIST_NAME = re.compile(r"(_ids|_list|_csv)$")
IMPLIED_KEY = re.compile(r"^(?P<stem>[a-z][a-z0-9_]*?)_id$")
JOIN_LOOKUP_SECONDS = 1.6e-6  # one parent key lookup, cached (measured: 0.08 ms for a 50-row join)
COSTLY_JOIN_SECONDS_PER_SECOND = 0.1  # denormalise only when the join's lookups take a tenth of a core at peak
DEFAULT_LIST_ROWS = 100  # a list without a LIMIT: assume this many rows a run
HOT_COUNT_PER_SECOND = 20.0
HOT_AGGREGATE_PER_SECOND = 10.0


def model_rules(context: Context) -> Iterator[Recommendation]:
    for entity in context.schema.entities:
        yield from missing_key(context, entity)
        yield from repeated_fields(entity)
        yield from multi_valued_fields(entity)
        yield from implied_relationships(context, entity)
    yield from foreign_key_types(context)
    yield from mixed_column_types(context)
    yield from hot_joins(context)
    yield from hot_counts(context)
    yield from hot_aggregates(context)


def missing_key(context: Context, entity: Entity) -> Iterator[Recommendation]:
    if entity.primary_key:
        return
    candidate = entity.field_by_name("id")
    yield Recommendation(
        code="model.primary-key",
        severity=Severity.WARNING,
        title=f"{entity.name} has no primary key",
        rationale=(
            f"Without a key, duplicate {entity.name} rows cannot be told apart, nothing can reference one, "
            "and logical replication cannot apply updates or deletes to the table."
            + (
                " Its id field is the obvious key."
                if candidate
                else " Add a bigint identity id or declare the natural key."
            )
        ),
        tradeoffs="A key adds a unique index to maintain on every insert.",
        entity_id=entity.id,
        field_ids=(candidate.id,) if candidate else (),
        ops=(ops.SetPrimaryKey(entity_id=entity.id, field_ids=(candidate.id,)),) if candidate else (),
        sql=(f"ALTER TABLE {sql.table(entity)} ADD PRIMARY KEY ({sql.quote(candidate.name)});" if candidate else None),
    )


def repeated_fields(entity: Entity) -> Iterator[Recommendation]:
    """phone1, phone2, phone3: a list squeezed into columns (address_line1/2 is a format, not a list)."""
    groups: dict[str, list] = defaultdict(list)
    for field in entity.fields:
        match = NUMBERED.match(field.name.lower())
        if match and not match["stem"].endswith("line"):
            groups[match["stem"]].append(field)
    for stem, fields in groups.items():
        if len(fields) < 2:
            continue
        names = ", ".join(f.name for f in fields)
        yield Recommendation(
            code="model.repeated-fields",
            severity=Severity.WARNING,
            title=f"{entity.name}: {names} repeat one attribute",
            rationale=(
                f"{entity.name} has {names}: a list of {stem} values spread over numbered columns. A third "
                f"one needs a schema change, searching means OR over every column, and empty slots are "
                f"NULLs. A child entity {entity.name}_{stem}s ({entity.name}_id, {stem}, position) holds any "
                "number."
            ),
            tradeoffs="Reading them back costs a join or an array_agg; a fixed small maximum may be a real rule.",
            entity_id=entity.id,
            field_ids=tuple(f.id for f in fields),
        )


def multi_valued_fields(entity: Entity) -> Iterator[Recommendation]:
    for field in entity.fields:
        name = field.name.lower()
        if field.type.array and name.endswith("_ids"):
            yield Recommendation(
                code="model.join-entity",
                severity=Severity.WARNING,
                title=f"{entity.name}.{field.name} is an array of ids: make it a join entity",
                rationale=(
                    f"{entity.name}.{field.name} holds references in an array: no foreign key can check "
                    "them, deleting the referenced row leaves dangling ids, and finding the rows that "
                    "reference one id needs a GIN index. A join entity with two foreign keys is the "
                    "relational form (a many-to-many relationship in the editor)."
                ),
                tradeoffs="A join entity costs one row per pair and a join to read; the array reads in one row.",
                entity_id=entity.id,
                field_ids=(field.id,),
            )
        elif not field.type.array and field.type.kind in (TypeKind.TEXT, TypeKind.VARCHAR) and LIST_NAME.search(name):
            yield Recommendation(
                code="model.comma-list",
                severity=Severity.WARNING,
                title=f"{entity.name}.{field.name} looks like a list in a string",
                rationale=(
                    f"{entity.name}.{field.name} is text named like a list: values packed with a separator "
                    "cannot be constrained, indexed or joined, and every reader must split them. A child "
                    "entity (or an array, for plain values) keeps them apart."
                ),
                tradeoffs="Existing data must be split once during the migration.",
                entity_id=entity.id,
                field_ids=(field.id,),
            )


def implied_relationships(context: Context, entity: Entity) -> Iterator[Recommendation]:
    """``author_id`` with no relationship, while an entity ``authors``/``author`` exists."""
    by_name = context.entities_by_lower_name
    for field in entity.fields:
        match = IMPLIED_KEY.match(field.name.lower())
        if match is None or field.id in context.related_field_ids or field.id in entity.primary_key:
            continue
        stem = match["stem"]
        target = next((by_name[n] for n in (stem + "s", stem, stem + "es", stem[:-1] + "ies") if n in by_name), None)
        if target is None or target is entity or len(target.primary_key) != 1:
            continue
        key = target.field(target.primary_key[0])
        yield Recommendation(
            code="model.missing-relationship",
            severity=Severity.WARNING,
            title=f"{entity.name}.{field.name} looks like a reference to {target.name} but has no relationship",
            rationale=(
                f"The name {field.name} says it holds a {target.name} key ({target.name}.{key.name}), but no "
                "foreign key says so: nothing stops ids of deleted or never-existing rows."
            ),
            tradeoffs="A foreign key checks every insert and update of the column (cheap with the key's index) "
            "and needs an index on this side for deletes of the parent.",
            entity_id=entity.id,
            field_ids=(field.id,),
            sql=(
                f"ALTER TABLE {sql.table(entity)} ADD CONSTRAINT {sql.quote(entity.name + '_' + field.name + '_fkey')} "
                f"FOREIGN KEY ({sql.quote(field.name)}) REFERENCES {sql.table(target)} ({sql.quote(key.name)}) NOT VALID;"
            ),
        )


def foreign_key_types(context: Context) -> Iterator[Recommendation]:
    for relationship in context.schema.relationships:
        child = context.schema.entity(relationship.from_entity_id)
        parent = context.schema.entity(relationship.to_entity_id)
        if child is None or parent is None:
            continue
        for from_id, to_id in zip(relationship.from_field_ids, relationship.to_field_ids, strict=False):
            fk, key = child.field(from_id), parent.field(to_id)
            if fk is None or key is None or (fk.type.kind, fk.type.length) == (key.type.kind, key.type.length):
                continue
            updated = replace(fk, type=reference_type(key.type))
            yield Recommendation(
                code="model.foreign-key-type",
                severity=Severity.WARNING,
                title=f"{child.name}.{fk.name} ({display_type(fk.type)}) differs from {parent.name}.{key.name} "
                f"({display_type(key.type)})",
                rationale=(
                    "A foreign key should have exactly the referenced key's type: a narrower one overflows "
                    "when the key grows, a different one makes every join compare through a cast."
                ),
                tradeoffs="Changing the column type rewrites the child table.",
                entity_id=child.id,
                field_ids=(fk.id,),
                ops=(ops.UpdateField(entity_id=child.id, field=updated),),
                sql=sql.alter_type(context.schema, child, updated),
            )


def mixed_column_types(context: Context) -> Iterator[Recommendation]:
    """The same column name with different kinds of type across entities (keys named id aside)."""
    seen: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    fk_ids = {i for r in context.schema.relationships for i in r.from_field_ids}
    for entity in context.schema.entities:
        for field in entity.fields:
            if field.name.lower() == "id" or field.id in fk_ids:
                continue  # keys differ per table by design; foreign keys are checked against their key
            seen[field.name.lower()][display_type(field.type)].append((entity, field))
    for name, by_type in seen.items():
        kinds = {(f.type.kind, f.type.array) for group in by_type.values() for _, f in group}
        if len(kinds) < 2:
            continue  # varchar(8) and varchar(50): limits differ by table (a title of a person, of a document)
        places = [(entity, field) for group in by_type.values() for entity, field in group]
        described = "; ".join(f"{t} in {', '.join(e.name for e, _ in group)}" for t, group in by_type.items())
        yield Recommendation(
            code="model.mixed-types",
            severity=Severity.INFO,
            title=f"Column {name} has {len(by_type)} different types",
            rationale=f"{name} is {described}: the same meaning should have one type, or comparing and copying "
            "values between them needs casts and can lose data.",
            tradeoffs="If they mean different things, a more specific name says so.",
            entity_id=places[0][0].id,
            field_ids=tuple(f.id for _, f in places),
        )


def hot_joins(context: Context) -> Iterator[Recommendation]:
    """A hot list that joins to its parents for a few columns: copy them in (extended
    reference), but only when the join is costly. Each listed row costs one key lookup in
    the parent (measured ~1.6 µs with the parent cached: 0.08 ms for 50 rows, issue 19), so
    the join is worth removing only when those lookups take a real share of a core at peak."""
    for pattern in context.reads:
        if pattern.operation is not Operation.LIST:
            continue
        entity = context.schema.entity(pattern.entity_id)
        rows_per_run = pattern.limit or DEFAULT_LIST_ROWS
        lookups = pattern.frequency.peak_per_second * rows_per_run
        cost = lookups * JOIN_LOOKUP_SECONDS
        if cost < COSTLY_JOIN_SECONDS_PER_SECOND:
            continue
        for relationship_id in pattern.joins:
            relationship = context.schema.relationship(relationship_id)
            if relationship.from_entity_id != entity.id or relationship.cardinality is Cardinality.MANY_TO_MANY:
                continue
            parent = context.schema.entity(relationship.to_entity_id)
            updates = [w for w in context.writes if w.entity_id == parent.id and w.operation is Operation.UPDATE]
            update_rate = sum(w.frequency.average_per_second for w in updates)
            yield Recommendation(
                code="model.denormalize",
                severity=Severity.INFO,
                title=f"Copy the {parent.name} columns '{pattern.name}' shows into {entity.name}",
                rationale=(
                    f"'{pattern.name}' runs {pattern_rate(pattern)} and joins {parent.name} for every row it "
                    f"lists (up to {rows_per_run} a run): about {human_count(lookups)} {parent.name} lookups a "
                    f"second at peak, ~{cost:.2f} s of CPU each second at ~{JOIN_LOOKUP_SECONDS * 1e6:.1f} µs a "
                    f"lookup, above the {COSTLY_JOIN_SECONDS_PER_SECOND:g} s threshold (a tenth of a core). "
                    f"Copying the few {parent.name} columns it shows into {entity.name} (an extended reference) "
                    "drops the join."
                ),
                tradeoffs=(
                    f"Each update of those {parent.name} columns ({rate(update_rate)} declared) must also "
                    f"update the {entity.name} rows that copy them, or they are stale until a backfill; "
                    "the copies cost space per row. Below the threshold the join is cheaper than the copies."
                ),
                entity_id=entity.id,
                field_ids=relationship.from_field_ids,
                pattern_ids=(pattern.id,),
            )


def hot_counts(context: Context) -> Iterator[Recommendation]:
    """A hot count of children per parent: keep a counter column on the parent."""
    for pattern in context.reads:
        if pattern.operation is not Operation.COUNT or pattern.frequency.average_per_second < HOT_COUNT_PER_SECOND:
            continue
        keys = [f.field_id for f in pattern.filters if f.op is FilterOp.EQ]
        relationship = next(
            (
                r
                for r in context.schema.relationships
                if r.from_entity_id == pattern.entity_id and r.from_field_ids and set(r.from_field_ids) == set(keys)
            ),
            None,
        )
        if relationship is None:
            continue
        child, parent = context.schema.entity(pattern.entity_id), context.schema.entity(relationship.to_entity_id)
        inserts = [
            w
            for w in context.writes
            if w.entity_id == child.id and w.operation in (Operation.INSERT, Operation.DELETE, Operation.BULK)
        ]
        yield Recommendation(
            code="model.counter",
            severity=Severity.INFO,
            title=f"Keep a {child.name}_count on {parent.name}",
            rationale=(
                f"'{pattern.name}' counts {child.name} per {parent.name} {pattern_rate(pattern)}; each run "
                f"reads every matching row. A counter column on {parent.name}, changed by the inserts and "
                f"deletes of {child.name} ({rate(sum(w.frequency.average_per_second for w in inserts))}), "
                "answers it in one row."
            ),
            tradeoffs="Every insert and delete also updates the parent row (contention on popular parents); a "
            "trigger or the same transaction must keep it right.",
            entity_id=child.id,
            field_ids=tuple(keys),
            pattern_ids=(pattern.id,),
        )


def hot_aggregates(context: Context) -> Iterator[Recommendation]:
    """A hot aggregate that may be a little stale: compute it once per refresh, not per read."""
    for pattern in context.reads:
        if (
            pattern.operation is not Operation.AGGREGATE
            or pattern.frequency.average_per_second < HOT_AGGREGATE_PER_SECOND
        ):
            continue
        if pattern.consistency is not Consistency.EVENTUAL:
            continue  # a strongly consistent aggregate must be computed (or maintained in the same transaction)
        entity = context.schema.entity(pattern.entity_id)
        writes = sum(w.frequency.average_per_second for w in context.writes if w.entity_id == entity.id)
        yield Recommendation(
            code="model.materialized-view",
            severity=Severity.INFO,
            title=f"Serve '{pattern.name}' from a materialized view",
            rationale=(
                f"'{pattern.name}' aggregates {entity.name} {pattern_rate(pattern)} and accepts eventual "
                f"consistency: {upper_first(rows_phrase(context, entity))}, read again on every run. A materialized "
                "view grouped by the pattern's filter columns, refreshed CONCURRENTLY on a schedule, answers it "
                "from precomputed rows."
            ),
            tradeoffs=(
                f"Results are as old as the last refresh; each refresh recomputes the whole aggregate (while "
                f"{entity.name} takes {rate(writes)} writes), and REFRESH … CONCURRENTLY needs a unique index on "
                "the view."
            ),
            entity_id=entity.id,
            field_ids=tuple(f.field_id for f in pattern.filters),
            pattern_ids=(pattern.id,),
        )
