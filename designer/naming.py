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
