"""Constants of access-pattern filters, read from the text a person typed (or the SQL an
import read) and written back as SQL literals the advice can put in a predicate.

The value box of a condition is free text: ``'todo','in_progress'``, ``('a', 'b')``,
``todo``, ``42``, ``true``, ``'open'::status``. Splicing it into DDL as typed gave
``IN 'todo','in_progress'`` (invalid) and would let any text into a migration. Here each
item becomes a typed value and is rendered from that value, so whatever was typed the
SQL is one well-formed literal per item: quotes doubled, numbers checked, casts dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from designer.schema import FieldType, TypeKind

NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
CAST = re.compile(r"::\s*[A-Za-z_][A-Za-z0-9_. \"]*(\[\])?\s*$")
NUMERIC_KINDS = frozenset(
    {TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE}
)
TRUE_WORDS = frozenset({"true", "t", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "f", "no", "off", "0"})


@dataclass(frozen=True)
class Constant:
    kind: str  # "string" | "number" | "boolean" | "null"
    text: str  # the string's characters, the number's digits, "true"/"false", ""


def constants(text: str | None) -> tuple[Constant, ...]:
    """The items of a constant as typed: one for ``=``, several for ``IN``."""
    body = (text or "").strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    return tuple(_constant(item) for item in _items(body) if item.strip())


def _items(body: str) -> list[str]:
    """Split on commas outside single quotes (a quote inside a string is doubled: '')."""
    items, current, quoted = [], [], False
    for char in body:
        if char == "'":
            quoted = not quoted
        if char == "," and not quoted:
            items.append("".join(current))
            current = []
            continue
        current.append(char)
    items.append("".join(current))
    return items


def _constant(item: str) -> Constant:
    item = CAST.sub("", item.strip()).strip()  # 'open'::status is the value 'open'
    if len(item) >= 2 and item[0] == "'" and item[-1] == "'":
        return Constant("string", item[1:-1].replace("''", "'"))
    lowered = item.lower()
    if lowered in ("true", "false"):
        return Constant("boolean", lowered)
    if lowered == "null":
        return Constant("null", "")
    if NUMBER.fullmatch(item):
        return Constant("number", item)
    return Constant("string", item.strip('"'))  # a bare word: the person meant the text


def literal(constant: Constant, field_type: FieldType | None = None) -> str:
    """The SQL literal for ``constant`` compared with a column of ``field_type``: valid in
    PostgreSQL, MySQL/MariaDB and SQLite alike (TRUE/FALSE are keywords in all three)."""
    kind = field_type.kind if field_type is not None and not field_type.array else None
    if constant.kind == "null":
        return "NULL"
    if kind is TypeKind.BOOLEAN and constant.text.lower() in TRUE_WORDS | FALSE_WORDS:
        return "TRUE" if constant.text.lower() in TRUE_WORDS else "FALSE"
    if constant.kind == "boolean":
        return constant.text.upper()
    if constant.kind == "number" and (kind is None or kind in NUMERIC_KINDS):
        return constant.text
    return "'" + constant.text.replace("'", "''") + "'"
