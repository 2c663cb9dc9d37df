"""Generated names that fit every dialect: at most 63 bytes (PostgreSQL's limit)."""

from __future__ import annotations

import hashlib

MAX_IDENTIFIER_BYTES = 63


def index_name(table: str, columns: list[str], *, unique: bool) -> str:
    suffix = "key" if unique else "idx"
    return fit_identifier("_".join([table, *columns, suffix]))


def fit_identifier(name: str) -> str:
    """Shorten to 63 bytes, keeping it unique with a short hash of the full name."""
    if len(name.encode()) <= MAX_IDENTIFIER_BYTES:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    head = name.encode()[: MAX_IDENTIFIER_BYTES - 9].decode(errors="ignore")
    return f"{head}_{digest}"


def postgresql_name(table: str, columns: list[str], label: str) -> str:
    """The name PostgreSQL itself gives a constraint it names (makeObjectName): ``<table>_
    <columns>_<label>``, the longer of the table and column parts shortened byte by byte until
    it fits 63 bytes. So a key the server named in a dump comes back under the same name."""
    first, second = table.encode(), "_".join(columns).encode() if columns else None
    overhead = len(label) + 1 + (1 if second is not None else 0)
    available = MAX_IDENTIFIER_BYTES - overhead
    keep_first, keep_second = len(first), len(second or b"")
    while keep_first + keep_second > available:
        if keep_first > keep_second:
            keep_first -= 1
        else:
            keep_second -= 1
    parts = [first[:keep_first].decode(errors="ignore")]
    if second is not None:
        parts.append(second[:keep_second].decode(errors="ignore"))
    return "_".join([*parts, label])
