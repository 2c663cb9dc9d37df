"""Deploy-check findings for what an index or key says that a target dialect cannot
(issue 17 point 2): each is a warning (the DDL runs, with the option left out and a
warning in it too); and for PostgreSQL, the extensions an index's operator class or
method needs, which the DDL does not create itself."""

from __future__ import annotations

from collections.abc import Iterator

from designer.schema import Entity, Index, IndexMethod, Relationship, Schema
from designer.types import MYSQL, POSTGRESQL, SQLITE

_LABELS = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL/MariaDB", SQLITE: "SQLite"}
_SQLITE_COLLATIONS = frozenset({"BINARY", "NOCASE", "RTRIM"})
_MYSQL_ONLY = frozenset({IndexMethod.FULLTEXT, IndexMethod.SPATIAL})
_EXTENSION_OF_METHOD = {IndexMethod.HNSW: "vector", IndexMethod.IVFFLAT: "vector"}
_EXTENSION_OF_OPCLASS = {"gin_trgm_ops": "pg_trgm", "gist_trgm_ops": "pg_trgm"}


def index_option_findings(schema: Schema, dialect: str) -> Iterator[tuple[str, str, str]]:
    """(object, message, fix) per option ``dialect`` cannot say, and per extension it needs:
    each table's, then its foreign keys'."""
    keys_of: dict[str, list[Relationship]] = {}
    for relationship in schema.relationships:
        keys_of.setdefault(relationship.from_entity_id, []).append(relationship)
    for entity in schema.entities:
        yield from _table_options(entity, dialect)
        for relationship in keys_of.get(entity.id, ()):
            yield from _key_options(entity, relationship, dialect)


def table_option_findings(schema: Schema, dialect: str) -> Iterator[tuple[str, str, str]]:
    """The tables' part of ``index_option_findings`` (one table alone: designer/slices.py)."""
    for entity in schema.entities:
        yield from _table_options(entity, dialect)


def key_option_findings(schema: Schema, dialect: str) -> Iterator[tuple[str, str, str]]:
    """The foreign keys' part of ``index_option_findings`` (one key and its tables alone)."""
    for relationship in schema.relationships:
        entity = schema.entity(relationship.from_entity_id)
        if entity is not None:
            yield from _key_options(entity, relationship, dialect)


def _table_options(entity: Entity, dialect: str) -> Iterator[tuple[str, str, str]]:
    for index in entity.indexes:
        what = f"index {index.name or '(unnamed)'} on {entity.qualified_name}"
        for lost in _lost(index, dialect):
            yield what, f"{_LABELS[dialect]} has no {lost}: it is left out of this dialect's DDL", _FIX
        if dialect == POSTGRESQL:
            for extension in sorted(_extensions(index)):
                yield (
                    what,
                    f"needs the PostgreSQL extension {extension}",
                    f"run CREATE EXTENSION IF NOT EXISTS {extension} before the DDL",
                )
    yield from _constraints(entity, dialect)


_FIX = "accept the loss for this dialect, or change the index, or leave this dialect out"


def _lost(index: Index, dialect: str) -> list[str]:
    keys = index.columns
    if dialect == POSTGRESQL:
        said = [
            ("prefix index (the whole column is indexed)", any(k.length for k in keys)),
            (f"{index.method.value.upper()} index (a btree is made)", index.method in _MYSQL_ONLY),
        ]
    else:
        said = [
            ("operator classes", any(k.opclass for k in keys)),
            ("NULLS FIRST/LAST in an index", any(k.nulls for k in keys)),
            ("NULLS NOT DISTINCT", index.nulls_not_distinct),
            ("index storage parameters", bool(index.storage)),
        ]
        if dialect == MYSQL:
            said += [
                ("collation per index key", any(k.collation for k in keys)),
                ("hash index (InnoDB makes a btree)", index.method is IndexMethod.HASH),
            ]
        else:
            said += [
                (f"collation {', '.join(_foreign_collations(index))}", bool(_foreign_collations(index))),
                ("prefix index (the whole column is indexed)", any(k.length for k in keys)),
                (f"{index.method.value} index method (a plain index is made)", index.method is not IndexMethod.BTREE),
            ]
    return [what for what, present in said if present]


def _foreign_collations(index: Index) -> list[str]:
    return [k.collation for k in index.columns if k.collation and k.collation.upper() not in _SQLITE_COLLATIONS]


def _extensions(index: Index) -> set[str]:
    found = {_EXTENSION_OF_METHOD[index.method]} if index.method in _EXTENSION_OF_METHOD else set()
    for key in index.columns:
        name = (key.opclass or "").rsplit(".", 1)[-1].lower()
        if name in _EXTENSION_OF_OPCLASS:
            found.add(_EXTENSION_OF_OPCLASS[name])
        elif name.startswith(("vector_", "halfvec_", "sparsevec_", "bit_hamming", "bit_jaccard")):
            found.add("vector")
    return found


def _constraints(entity: Entity, dialect: str) -> Iterator[tuple[str, str, str]]:
    if dialect == POSTGRESQL:
        return
    label = _LABELS[dialect]
    for exclusion in entity.exclusions:
        yield (
            f"exclusion constraint {exclusion.name or '(unnamed)'} on {entity.qualified_name}",
            f"{label} has no EXCLUDE constraints: it is left out of this dialect's DDL",
            "enforce the rule in the application or a trigger for this dialect, or leave it out",
        )
    for check in entity.checks:
        if check.not_valid:
            yield (
                f"check {check.name or '(unnamed)'} on {entity.qualified_name}",
                f"{label} has no NOT VALID (existing rows are checked)",
                _FIX.replace("the index", "the check"),
            )


def _key_options(entity: Entity, relationship: Relationship, dialect: str) -> Iterator[tuple[str, str, str]]:
    """``entity``: the table the foreign key is on."""
    if dialect == POSTGRESQL:
        return
    said = [
        ("DEFERRABLE (keys are checked at once)", dialect == MYSQL and relationship.deferrable),
        ("NOT VALID (existing rows are checked)", relationship.not_valid),
        ("MATCH FULL (ignored)", relationship.match_full),
    ]
    for lost, present in said:
        if present:
            yield (
                f"foreign key {relationship.name or '(unnamed)'} on {entity.qualified_name}",
                f"{_LABELS[dialect]} has no {lost}",
                _FIX.replace("the index", "the key"),
            )
