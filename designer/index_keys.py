"""The index keys a person types in the editor's index form, read into IndexColumns:
``author_id, title(191) collate "C" text_pattern_ops desc nulls last``. Each key is a
field, then optionally a prefix length, a collation, an operator class, the order and
the NULLS placement, as PostgreSQL (and MySQL, for the prefix) write them."""

from __future__ import annotations

import re

from designer.schema import Entity, IndexColumn, NullsOrder, SortOrder, StorageParameter
from designer.sql.base import STORAGE_NAME, STORAGE_VALUE

_KEY = re.compile(
    r"""(?P<name>[^\s(]+)(\((?P<length>\d+)\))?
    (\s+collate\s+(?P<collation>"[^"]+"|[^\s"]+))?
    (\s+(?!(?:asc|desc|nulls)\b)(?P<opclass>[A-Za-z_][\w.]*))?
    (\s+(?P<order>asc|desc))?
    (\s+nulls\s+(?P<nulls>first|last))?""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_index_keys(entity: Entity, text: str) -> tuple[IndexColumn, ...]:
    """The keys, in order; ValueError with a sentence for a person otherwise."""
    keys = tuple(_key(entity, part.strip()) for part in text.split(",") if part.strip())
    if not keys:
        raise ValueError("Name at least one column.")
    return keys


def _key(entity: Entity, part: str) -> IndexColumn:
    plain = entity.field_by_name(part)
    if plain is not None:  # a field name with spaces in it, and nothing more
        return IndexColumn(field_id=plain.id)
    found = _KEY.fullmatch(part)
    field = entity.field_by_name(found["name"]) if found else None
    if field is None:
        name = found["name"] if found else part.split()[0]
        raise ValueError(f"{entity.name} has no field “{name}”." if found else f"“{part}” is not a key I can read.")
    length = int(found["length"]) if found["length"] else None
    if length == 0:
        raise ValueError(f"The prefix length of {field.name} must be at least 1.")
    return IndexColumn(
        field_id=field.id,
        order=SortOrder.DESC if (found["order"] or "").lower() == "desc" else SortOrder.ASC,
        nulls=NullsOrder(found["nulls"].lower()) if found["nulls"] else None,
        opclass=found["opclass"],
        collation=found["collation"].strip('"') if found["collation"] else None,
        length=length,
    )


def parse_storage(text: str) -> tuple[StorageParameter, ...]:
    """``fillfactor = 70, m = 16`` → storage parameters; ValueError for anything else."""
    parameters = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, _, value = (s.strip() for s in part.partition("="))
        if not (STORAGE_NAME.fullmatch(name) and STORAGE_VALUE.fullmatch(value)):
            raise ValueError(f"“{part}” is not name = value (a number or a word).")
        parameters.append(StorageParameter(name, value))
    return tuple(parameters)
