"""What an index or key says beyond its columns (issue 17 point 2): operator classes and
collations are names (written quoted into DDL, so a name is all they may be), prefix
lengths are positive, storage parameters are a name and a plain value, and an EXCLUDE
constraint parses as exactly one in PostgreSQL. A design for a database that cannot say
one of these is warned here, before any DDL is written."""

from __future__ import annotations

from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import Entity, Index
from designer.sql import FragmentError
from designer.sql.base import MYSQL, POSTGRESQL, SQLITE, STORAGE_NAME, STORAGE_VALUE
from designer.sql.pg import pg_exclusion
from designer.validate._common import _entity_path, _error, _warning

CODE = "bad-index-option"
NOT_SAID = "index-option-not-said"
_MAX_NAME_BYTES = 63
_MAX_PREFIX = 3072  # bytes InnoDB indexes in one key


def index_options(entity: Entity, *, dialect: str | None) -> Iterator[Problem]:
    for index in entity.indexes:
        path = f"{_entity_path(entity)}/indexes/{index.name or index.id}"
        where = f"{entity.name}, index {index.name or ''}".strip()
        for message in _bad_options(index):
            yield _error(CODE, path, f"{where}: {message}")
        for message in _not_said(index, dialect):
            yield _warning(NOT_SAID, path, f"{where}: {message}")
    for exclusion in entity.exclusions:
        path = f"{_entity_path(entity)}/exclusions/{exclusion.name or exclusion.id}"
        where = f"{entity.name}, exclusion constraint {exclusion.name or ''}".strip()
        if dialect in (MYSQL, SQLITE):
            yield _warning(NOT_SAID, path, f"{where}: {_DIALECT[dialect]} has no EXCLUDE constraints; left out")
            continue
        try:
            pg_exclusion(exclusion.definition)
        except FragmentError as error:
            yield _error(CODE, path, f"{where}: {exclusion.definition!r} {error}")


def _bad_options(index: Index) -> Iterator[str]:
    for key in index.columns:
        for what, name in (("operator class", key.opclass), ("collation", key.collation)):
            if name is not None and not _is_name(name):
                yield f"the {what} {name!r} is not a name (at most {_MAX_NAME_BYTES} bytes per part, no control characters)"
        if key.length is not None and not 0 < key.length <= _MAX_PREFIX:
            yield f"the prefix length {key.length} is not between 1 and {_MAX_PREFIX}"
    for parameter in index.storage:
        if not (STORAGE_NAME.fullmatch(parameter.name) and STORAGE_VALUE.fullmatch(parameter.value)):
            yield f"the storage parameter {parameter.name!r} = {parameter.value!r} is not a name and a plain value"


def _is_name(text: str) -> bool:
    parts = text.split(".")
    return all(0 < len(p.encode()) <= _MAX_NAME_BYTES and p.isprintable() for p in parts) and len(parts) <= 2


_DIALECT = {MYSQL: "MySQL", SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}


def _not_said(index: Index, dialect: str | None) -> Iterator[str]:
    if dialect == POSTGRESQL and any(k.length for k in index.columns):
        yield "PostgreSQL has no prefix index: the whole column is indexed"
    if dialect in (MYSQL, SQLITE):
        said = [
            ("operator classes", any(k.opclass for k in index.columns)),
            ("NULLS FIRST/LAST", any(k.nulls for k in index.columns)),
            ("NULLS NOT DISTINCT", index.nulls_not_distinct),
            ("storage parameters", bool(index.storage)),
        ]
        yield from (f"{_DIALECT[dialect]} has no {what}; left out of its DDL" for what, present in said if present)
