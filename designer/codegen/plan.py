"""What every generator needs to know about a schema beyond its objects: which
relationships are foreign keys (and from which side), which many-to-many ones need a
join the ORM makes itself, and neutral names for the relation properties on each side.

Relation names are computed once here, in words, so the Prisma, Drizzle, TypeORM and
Django outputs of one schema name their relations the same way (styled per language).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from designer.codegen.names import singular, words
from designer.migrate.model import build_model
from designer.schema import Cardinality, Entity, Field, Relationship, Schema
from designer.sql import FragmentError, expression_sql
from designer.types import POSTGRESQL, SQLITE, UnportableType, dialect_of, sql_type


class CodegenError(ValueError):
    """The schema cannot be written for this target; the message says what to change."""


@dataclass(frozen=True)
class Link:
    """A foreign key: ``source`` holds ``source_fields``, which refer to ``target``."""

    relationship: Relationship
    source: Entity
    target: Entity
    source_fields: tuple[Field, ...]
    target_fields: tuple[Field, ...]
    forward: str  # the relation property on source: "author"
    backward: str  # the property on target: "posts", or "posts_author" when ambiguous
    label: str  # a relation name, needed when the pair has several links or is a self link
    ambiguous: bool

    @property
    def optional(self) -> bool:
        return any(f.nullable for f in self.source_fields)

    @property
    def references_unique(self) -> bool:
        """The referenced columns are a key of the target: ORMs relate only those (MySQL's
        InnoDB also accepts a foreign key to any indexed column)."""
        return is_unique(self.target, self.target_fields)

    @property
    def one_to_one(self) -> bool:
        return self.relationship.cardinality is Cardinality.ONE_TO_ONE and is_unique(self.source, self.source_fields)


@dataclass(frozen=True)
class Join:
    """A many-to-many without a join entity: the ORM (or we) make the join table."""

    relationship: Relationship
    left: Entity
    right: Entity
    left_name: str  # property on left listing rights
    right_name: str
    label: str

    @property
    def table(self) -> str:
        return f"{self.left.name}_{self.right.name}"


@dataclass(frozen=True)
class Plan:  # frozen; constraint_names is cached in the instance dict, as Schema's lookups are
    schema: Schema
    dialect: str  # postgresql | mysql | sqlite
    links: tuple[Link, ...]
    joins: tuple[Join, ...]
    # relationship ids whose child documents live inside the parent (document stores only)
    embed: frozenset[str] = frozenset()

    def links_from(self, entity: Entity) -> list[Link]:
        return self._by_end[0].get(entity.id, [])

    def links_to(self, entity: Entity) -> list[Link]:
        return self._by_end[1].get(entity.id, [])

    @functools.cached_property
    def _by_end(self) -> tuple[dict[str, list[Link]], dict[str, list[Link]]]:
        """Links by source and by target entity id: every generator asks per entity."""
        sources: dict[str, list[Link]] = {}
        targets: dict[str, list[Link]] = {}
        for link in self.links:
            sources.setdefault(link.source.id, []).append(link)
            targets.setdefault(link.target.id, []).append(link)
        return sources, targets

    @functools.cached_property
    def constraint_names(self) -> dict[str, str]:
        """The name our DDL (designer.migrate) gives each key, unique constraint, index and
        foreign key, by id: ``<entity id>#pkey``, ``<field id>#unique``, an index's id, a
        relationship's id. Generators that name constraints use these, so the ORM's own
        migrations create the same names as ours."""
        model = build_model(self.schema)
        names = {c.id: c.name for table in model.tables for c in table.constraints}
        names.update({i.id: i.name for table in model.tables for i in table.indexes})
        names.update({c.id: c.name for _, c in model.foreign_keys})
        return names

    def enum_values(self, enum_id: str | None) -> tuple[str, ...]:
        enum = self.schema.enum(enum_id) if enum_id else None
        return tuple(v.name for v in enum.values) if enum else ()

    def table_name(self, entity: Entity) -> str:
        """As our DDL names it: a namespace is a schema in PostgreSQL and a database in
        MySQL; SQLite has one namespace per file, so there the table is "<namespace>.<name>"."""
        if entity.namespace and self.dialect == SQLITE:
            return f"{entity.namespace}.{entity.name}"
        return entity.name

    def namespace(self, entity: Entity) -> str | None:
        return entity.namespace if self.dialect != SQLITE else None

    def native(self, field: Field) -> str:
        """The column type as our own DDL writes it (designer/types.py)."""
        enum = self.schema.enum(field.type.enum_id) if field.type.enum_id else None
        try:
            return sql_type(
                field.type,
                dialect=self.dialect,
                source_dialect=dialect_of(self.schema.database_type),
                enum_name=enum.name if enum else None,
                enum_values=tuple(v.name for v in enum.values) if enum else (),
            )
        except UnportableType as error:
            raise CodegenError(f"{field.name}: {error}") from error

    def sql_expression(self, text: str, *, owner: str) -> str:
        """An expression (a default, a predicate) as our own DDL writes it for this dialect:
        printed from its parse (designer/sql), so generated code never carries the raw text."""
        try:
            return expression_sql(text, dialect=self.dialect, source=dialect_of(self.schema.database_type))
        except FragmentError as error:
            raise CodegenError(f"{owner}: the expression {text!r} {error}") from error


_SERIALS = {"smallserial": "smallserial", "serial2": "smallserial", "serial": "serial", "serial4": "serial"}
_SERIALS |= {"bigserial": "bigserial", "serial8": "bigserial"}


def serial_of(field: Field, dialect: str) -> str | None:
    """A PostgreSQL column written serial/bigserial/smallserial (its own sequence, as our DDL
    keeps it): the ORM's serial spelling makes the same column; None for any other."""
    if dialect != POSTGRESQL or field.type.array:
        return None
    return _SERIALS.get((field.type.written or "").strip().lower())


def key_of(entity: Entity) -> tuple[str, ...]:
    """The primary key, or for a table without one the key ORMs that need one can use in its
    place: its first unique, not-null, non-partial column set (a unique column, or a unique
    index on columns). Empty when the table has neither."""
    if entity.primary_key:
        return entity.primary_key
    for f in entity.fields:
        if f.unique and not f.nullable and not f.type.array:
            return (f.id,)
    for index in entity.indexes:
        ids = tuple(c.field_id for c in index.columns)
        fields = [entity.field(i) for i in ids if i]
        if index.unique and not index.predicate and len(fields) == len(ids) and not any(f.nullable for f in fields):
            return ids
    return ()


def array_items(value: str) -> list[str] | None:
    """A PostgreSQL array literal default (``'{}'``, ``'{a,"b c"}'``) → its items as text;
    None for anything that is not a plain one-dimensional array literal."""
    text = unquoted(value.strip())
    if text == value.strip() or not (text.startswith("{") and text.endswith("}")):
        return None
    body = text[1:-1]
    if not body:
        return []
    if "{" in body:
        return None
    items = re.findall(r'"((?:[^"\\]|\\.)*)"|([^,]+)', body)
    return [quoted.replace('\\"', '"').replace("\\\\", "\\") if quoted else bare.strip() for quoted, bare in items]


def is_unique(entity: Entity, fields: tuple[Field, ...]) -> bool:
    ids = {f.id for f in fields}
    if len(fields) == 1 and fields[0].unique:
        return True
    if ids == set(entity.primary_key):
        return True
    return any(i.unique and i.predicate is None and {c.field_id for c in i.columns} == ids for i in entity.indexes)


def make_plan(schema: Schema, *, dialect: str, embed: frozenset[str] = frozenset()) -> Plan:
    links = _links(schema)
    joins = tuple(
        Join(
            relationship=r,
            left=schema.entity(r.from_entity_id),
            right=schema.entity(r.to_entity_id),
            left_name=schema.entity(r.to_entity_id).name,
            right_name=schema.entity(r.from_entity_id).name,
            label=f"{schema.entity(r.from_entity_id).name}_{schema.entity(r.to_entity_id).name}",
        )
        for r in schema.relationships
        if r.cardinality is Cardinality.MANY_TO_MANY
        and not r.join_entity_id
        and schema.entity(r.from_entity_id)
        and schema.entity(r.to_entity_id)
    )
    return Plan(schema=schema, dialect=dialect, links=links, joins=joins, embed=frozenset(embed))


def _links(schema: Schema) -> tuple[Link, ...]:
    # A many-to-many with a join entity is carried by the join entity's own two foreign
    # keys (an explicit join model in every ORM), so only one-to-* become links.
    relationships = [r for r in schema.relationships if r.cardinality is not Cardinality.MANY_TO_MANY]
    pairs = Counter(frozenset((r.from_entity_id, r.to_entity_id)) for r in relationships)
    links = []
    labels: set[str] = set()
    for r in relationships:
        source, target = schema.entity(r.from_entity_id), schema.entity(r.to_entity_id)
        if source is None or target is None:
            continue
        source_fields = tuple(source.field(i) for i in r.from_field_ids)
        target_fields = tuple(target.field(i) for i in r.to_field_ids)
        if None in source_fields or None in target_fields or not source_fields:
            continue
        ambiguous = pairs[frozenset((source.id, target.id))] > 1 or source.id == target.id
        forward = _forward_name(source_fields, target, ambiguous=ambiguous)
        while f"{source.name}_{forward}" in labels:  # two keys to one table read alike: keep both
            forward = f"{forward}_{len(labels)}"
        one = r.cardinality is Cardinality.ONE_TO_ONE
        back = singular(source.name) if one else source.name
        backward = f"{back}_{forward}" if ambiguous else back
        label = f"{source.name}_{forward}"
        labels.add(label)
        links.append(
            Link(
                relationship=r,
                source=source,
                target=target,
                source_fields=source_fields,
                target_fields=target_fields,
                forward=forward,
                backward=backward,
                label=label,
                ambiguous=ambiguous,
            )
        )
    return tuple(links)


def _forward_name(fields: tuple[Field, ...], target: Entity, *, ambiguous: bool) -> str:
    """``author_id`` → ``author``; a composite or unsuffixed key → the target's name, or,
    where several keys (or a key to its own table) would read alike, the key's columns and the
    target (``reports_to`` → ``reports_to_employee``), so relation names never clash."""
    if len(fields) == 1:
        parts = words(fields[0].name)
        if len(parts) > 1 and parts[-1] in ("id", "key", "fk", "ref"):
            return "_".join(parts[:-1])
    if ambiguous:
        return "_".join([*(f.name for f in fields), singular(target.name)])
    return singular(target.name)


def unquoted(literal: str) -> str:
    """A literal default as stored (SQL text: ``'it''s'``, ``0``, ``true``) → its value."""
    if len(literal) >= 2 and literal[0] == literal[-1] == "'":
        return literal[1:-1].replace("''", "'")
    return literal
