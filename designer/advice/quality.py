"""Measuring the advisor: fixture projects with hand-written expected recommendations,
scored by precision and recall.

A fixture is TOML text (read by the caller): the schema as DBML, the access patterns
as the SQL the application runs (``designer.sqlpattern``) with their frequencies, the
volumes, and ``[expected]``: the technology, the cache, and one line per
recommendation in the compact form ``describe`` gives, e.g.
``index.pattern comments(post_id, created_at desc)``, ``type.timestamptz posts(published_at)``,
``security.personal-data users``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from designer.advice.base import Analysis, Recommendation
from designer.formats.dbml import parse_dbml
from designer.schema import Consistency, Frequency, Per, Schema, Volume, replace
from designer.sqlpattern import pattern_from_sql

# Codes whose recommendations are per field: the fields are part of what must match.
FIELD_LEVEL = (
    "type.",
    "security.password",
    "security.secret",
    "security.card",
    "security.bank-account",
    "security.national-id",
    "model.missing-relationship",
    "model.foreign-key-type",
    "model.comma-list",
    "model.join-entity",
)


@dataclass(frozen=True)
class Fixture:
    name: str
    schema: Schema
    expected: frozenset[str]


@dataclass(frozen=True)
class Score:
    name: str
    expected: frozenset[str]
    found: frozenset[str]

    @property
    def hits(self) -> frozenset[str]:
        return self.expected & self.found

    @property
    def precision(self) -> float:
        return len(self.hits) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.hits) / len(self.expected) if self.expected else 1.0


def load_fixture(text: str, *, name: str) -> Fixture:
    data = tomllib.loads(text)
    schema = parse_dbml(data["dbml"])
    for spec in data.get("patterns", ()):
        pattern = pattern_from_sql(spec["sql"], schema=schema, name=spec["name"])
        frequency = Frequency(average=float(spec["rate"]), peak=spec.get("peak"), per=Per(spec.get("per", "second")))
        pattern = replace(
            pattern,
            frequency=frequency,
            consistency=Consistency(spec.get("consistency", "strong")),
            latency_ms=spec.get("latency_ms"),
        )
        schema = replace(schema, patterns=(*schema.patterns, pattern))
    volumes = []
    for spec in data.get("volumes", ()):
        entity = _entity(schema, spec["entity"])
        volumes.append(
            Volume(
                entity_id=entity.id,
                rows=spec.get("rows", 0),
                growth_per_month=spec.get("growth", 0),
                retention_days=spec.get("retention_days"),
                avg_row_bytes=spec.get("row_bytes"),
            )
        )
    expected = data["expected"]
    items = {f"technology {expected['technology']}", *expected.get("recommendations", ())}
    if expected.get("cache"):
        items.add(f"cache {expected['cache']}")
    return Fixture(name=name, schema=replace(schema, volumes=tuple(volumes)), expected=frozenset(items))


def _entity(schema: Schema, qualified: str):
    namespace, _, name = qualified.rpartition(".")
    entity = schema.entity_by_name(name, namespace or None)
    if entity is None:
        raise ValueError(f"no entity {qualified!r} in the fixture's schema")
    return entity


def found_items(analysis: Analysis, schema: Schema) -> frozenset[str]:
    items = {f"technology {analysis.technology.primary}"}
    if analysis.technology.cache:
        items.add(f"cache {analysis.technology.cache}")
    items.update(describe(r, schema) for r in analysis.recommendations)
    return frozenset(items)


def describe(recommendation: Recommendation, schema: Schema) -> str:
    """The compact form the fixtures write: code, entity, and the columns that matter."""
    entity = schema.entity(recommendation.entity_id) if recommendation.entity_id else None
    text = recommendation.code + (f" {entity.name}" if entity else "")
    if recommendation.index is not None and recommendation.code.startswith("index."):
        spec = recommendation.index
        columns = [_column(schema, c) for c in spec.columns]
        flags = [
            w
            for w, on in (("partial", spec.predicate), ("covering", spec.include), ("gin", spec.method == "gin"))
            if on
        ]
        return f"{text}({', '.join(columns)})" + "".join(f" {f}" for f in flags)
    if recommendation.code.startswith(FIELD_LEVEL) and recommendation.field_ids:
        found = [f for f in map(schema.find_field, recommendation.field_ids) if f]
        names = [field.name if entity else f"{owner.name}.{field.name}" for owner, field in found]
        return f"{text}({', '.join(names)})" if entity else f"{text} ({', '.join(names)})"
    return text


def _column(schema: Schema, column) -> str:
    if column.expression:
        return column.expression.replace('"', "")
    found = schema.find_field(column.field_id)
    name = found[1].name if found else "?"
    return f"{name} desc" if column.order == "desc" else name


def score(fixture: Fixture, analysis: Analysis) -> Score:
    return Score(name=fixture.name, expected=fixture.expected, found=found_items(analysis, fixture.schema))


def overall(scores: list[Score]) -> tuple[float, float]:
    """Micro-averaged: every expected and every found recommendation counts once."""
    hits = sum(len(s.hits) for s in scores)
    found = sum(len(s.found) for s in scores)
    expected = sum(len(s.expected) for s in scores)
    return (hits / found if found else 1.0), (hits / expected if expected else 1.0)


# --- rule precision on a corpus of schemas -----------------------------------------------------
#
# A corpus is a directory of schemas: fixture projects (.toml, judged by their expected lists)
# and plain schemas (.dbml, .sql: PostgreSQL, MySQL or SQLite DDL) that a person judged in
# ``judgements.toml``: one table per schema file stem, ``right = [...]`` and ``wrong = [...]``
# in the compact form ``describe`` gives. A finding nobody judged counts as unjudged, never
# as right: precision is measured over judged findings only.


@dataclass(frozen=True)
class CorpusSchema:
    name: str
    schema: Schema
    right: frozenset[str]  # findings judged right (a fixture: its expected list)
    wrong: frozenset[str] | None = None  # None: everything not right is wrong (a fixture)


@dataclass(frozen=True)
class RuleScore:
    code: str
    findings: int
    right: int
    wrong: int

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def corpus_schema(text: str, *, name: str, filename: str, judgements: dict) -> CorpusSchema:
    """One file of a corpus; ``judgements`` is this schema's table of judgements.toml (or {})."""
    if filename.endswith(".toml"):
        fixture = load_fixture(text, name=name)
        return CorpusSchema(name, fixture.schema, fixture.expected)
    from designer.formats import detect_format, import_text

    schema = import_text(text, fmt=detect_format(text, filename=filename)).schema
    return CorpusSchema(name, schema, frozenset(judgements.get("right", ())), frozenset(judgements.get("wrong", ())))


def rule_scores(entries: list[tuple[CorpusSchema, Analysis]]) -> list[RuleScore]:
    """Per rule code: its findings over the corpus, and how many were judged right or wrong."""
    tally: dict[str, list[int]] = {}
    for entry, analysis in entries:
        for recommendation in analysis.recommendations:
            item = describe(recommendation, entry.schema)
            counts = tally.setdefault(recommendation.code, [0, 0, 0])
            counts[0] += 1
            if item in entry.right:
                counts[1] += 1
            elif entry.wrong is None or item in entry.wrong:
                counts[2] += 1
    return [RuleScore(code, *counts) for code, counts in sorted(tally.items())]


def unjudged(entry: CorpusSchema, analysis: Analysis) -> list[str]:
    if entry.wrong is None:
        return []
    items = {describe(r, entry.schema) for r in analysis.recommendations}
    return sorted(items - entry.right - entry.wrong)
