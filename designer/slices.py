"""Whole-schema rules run one table (or one relationship) at a time, each answer kept
beside the object it came from, so an edit that changes one table re-runs the rules on
that table only (issue 20: nothing proportional to the whole schema on a one-table edit).

A rule run this way must be *local*: what it finds about a table depends on that table
and the schema's context (its enums, database type, name and comment), nothing else;
a relationship rule's findings about a relationship depend on it and its two tables.
Everything else a local rule finds is found on the schema without its tables. The
answers equal the whole-schema rule's as multisets (order aside): tests/designer/
test_slices.py checks it rule by rule on real and synthetic schemas.

``memo`` is a plain dict owned by the caller (a long-lived process keeps one; see
projects/memo.py). Objects are compared by identity, never equality, and kept in the
memo with their answer, so an id is not reused meanwhile."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from itertools import chain, compress
from operator import is_not

from designer.schema import DiagramSettings, Schema

Rule = Callable[[Schema], Iterable]


def _context(schema: Schema) -> Schema:
    return replace(
        schema,
        entities=(),
        relationships=(),
        groups=(),
        notes=(),
        patterns=(),
        volumes=(),
        diagram=DiagramSettings(),
    )


_FIELDS = tuple(f.name for f in fields(Schema))


def _slicer(context: Schema) -> Callable[..., Schema]:
    """``replace(context, **changes)`` for thousands of slices: dataclasses.replace runs
    every field through __init__, a third of a cold run."""
    base = {name: getattr(context, name) for name in _FIELDS}

    def slice_of(**changes) -> Schema:
        made = object.__new__(Schema)
        made.__dict__.update(base)
        made.__dict__.update(changes)
        return made

    return slice_of


def _context_objects(schema: Schema) -> tuple:
    """What a table's findings may read besides the table: kept with each family's answers
    and compared by identity (an id alone could be reused once the old tuple is gone)."""
    return (schema.enums, schema.domains, schema.extensions, schema.objects)


def _answers(memo: dict, rules: Sequence[tuple[str, Rule]], schema: Schema, *, kind: str) -> dict:
    """The answers kept for ``rules`` in ``schema``'s context: object id → (object, ...,
    findings). One dict per family, keyed by a plain id, so that looking up thousands of
    unchanged objects on every edit costs little; the dict holds the context objects too,
    so while it lives their ids are not reused. Emptied when the answers of objects gone
    since outnumber the objects there are (each edit leaves one stale answer behind)."""
    context = _context_objects(schema)
    family = (kind, tuple(name for name, _ in rules), *map(id, context), schema.database_type, schema.name)
    family += (schema.comment,)
    answers = memo.get(family)
    if answers is None or any(a is not b for a, b in zip(answers[_CONTEXT], context, strict=True)):
        answers = memo[family] = {_CONTEXT: context}
    elif len(answers) > 2 * (len(schema.entities) + len(schema.relationships)) + 64:
        answers.clear()
        answers[_CONTEXT] = context
    return answers


_CONTEXT, _REST, _ALIGNED = "context", "rest", "aligned"  # never an id() (an int)


def run_local(rules: Sequence[tuple[str, Rule]], schema: Schema, *, memo: dict | None) -> list:
    """Every finding of ``rules`` (named: the names key the memo) on ``schema``: per table
    from the memo where that very table object was judged in the same context, the rest
    (the schema without its tables: enums, relationships, notes...) run now."""
    if memo is None:
        return [found for _, rule in rules for found in rule(schema)]
    answers = _answers(memo, rules, schema, kind="table")
    entities = schema.entities
    per, redo = _aligned(answers.get(_ALIGNED), entities)
    kept = answers.get
    around: dict | None = None  # what a table's slice finds anyway; worked out on the first miss
    for i in redo:
        entity = entities[i]
        answer = kept(id(entity))
        if answer is None or answer[0] is not entity:
            if around is None:
                context = _context(schema)
                slice_of = _slicer(context)
                around = {name: Counter(rule(context)) for name, rule in rules}
            alone = slice_of(entities=(entity,))
            answer = answers[id(entity)] = (
                entity,
                [f for name, rule in rules for f in _without(rule(alone), around[name])],
            )
        per[i] = answer[1]
    answers[_ALIGNED] = (entities, per)
    return [*chain.from_iterable(per), *_rest(answers, rules, schema)]


def _aligned(last: tuple | None, objects: tuple) -> tuple[list, Iterable[int]]:
    """(the findings per position, the positions to look at): where the last call had as
    many objects, only the positions whose object is not the very same one (found in C by
    identity: 10,000 tables in well under a millisecond); else every position."""
    if last is not None and len(last[0]) == len(objects):
        return list(last[-1]), _changed(last[0], objects)
    return [()] * len(objects), range(len(objects))


def _changed(old: tuple, new: tuple) -> list[int]:
    return list(compress(range(len(new)), map(is_not, old, new)))


def _rest(answers: dict, rules: Sequence[tuple[str, Rule]], schema: Schema) -> list:
    """What ``rules`` find on ``schema`` without its tables (its relationships, enums...),
    kept while every part of it is the very object it was (an edit of a table keeps them)."""
    parts = tuple(getattr(schema, name) for name in _FIELDS if name != "entities")
    kept = answers.get(_REST)
    if kept is None or any(a is not b for a, b in zip(kept[0], parts, strict=True)):
        without_tables = replace(schema, entities=())
        kept = answers[_REST] = (parts, [found for _, rule in rules for found in rule(without_tables)])
    return kept[1]


def run_per_relationship(rules: Sequence[tuple[str, Rule]], schema: Schema, *, memo: dict | None) -> list:
    """Every finding of relationship-local ``rules`` (finding nothing without
    relationships), per relationship from the memo where it and its tables are the very
    objects judged before in the same context."""
    if memo is None:
        return [found for _, rule in rules for found in rule(schema)]
    answers = _answers(memo, rules, schema, kind="relationship")
    relationships, entities = schema.relationships, schema.entities
    last = answers.get(_ALIGNED)
    per, redo = _aligned(last, relationships)
    if last is not None and len(last[0]) == len(relationships):
        # A relationship left alone is looked at again only when one of its tables changed.
        if len(last[1]) != len(entities):
            redo = range(len(relationships))
        elif moved := {e.id for i in _changed(last[1], entities) for e in (last[1][i], entities[i])}:
            ends = (
                i
                for i, r in enumerate(relationships)
                if r.from_entity_id in moved or r.to_entity_id in moved or r.join_entity_id in moved
            )
            redo = sorted({*redo, *ends})
    kept = answers.get
    table = schema.entities_by_id.get
    slice_of = None
    for i in redo:
        relationship = relationships[i]
        ends = (
            table(relationship.from_entity_id),
            table(relationship.to_entity_id),
            table(relationship.join_entity_id) if relationship.join_entity_id else None,
        )
        answer = kept(id(relationship))
        if (
            answer is None
            or answer[0] is not relationship
            or answer[1][0] is not ends[0]
            or answer[1][1] is not ends[1]
            or answer[1][2] is not ends[2]
        ):
            slice_of = slice_of or _slicer(_context(schema))
            tables = tuple({id(e): e for e in ends if e is not None}.values())
            alone = slice_of(entities=tables, relationships=(relationship,))
            answer = answers[id(relationship)] = (relationship, ends, [f for _, rule in rules for f in rule(alone)])
        per[i] = answer[2]
    answers[_ALIGNED] = (relationships, entities, per)
    return list(chain.from_iterable(per))


def _without(findings: Iterable, around: Counter) -> list:
    left = Counter(around)
    kept = []
    for item in findings:
        if left[item] > 0:
            left[item] -= 1
        else:
            kept.append(item)
    return kept
