"""The SQL of a recommendation for a project that targets MySQL/MariaDB or SQLite.

The rules write PostgreSQL (CONCURRENTLY, NOT VALID, USING … AT TIME ZONE), which those
servers refuse. A recommendation that carries edits gets, instead, exactly the migration
Apply would release (``designer.migrate`` for the project's dialect), so what the advice
shows and what Apply ships are one text. One without edits keeps no SQL: its PostgreSQL
would fail there. An edit the dialect cannot express (a GIN index on MySQL) is withdrawn
with the reason, rather than offered and refused at release.
"""

from __future__ import annotations

from dataclasses import replace

from designer import ops
from designer.advice.base import Recommendation
from designer.migrate import MigrationError, diff, render
from designer.problems import SchemaError
from designer.schema import Schema
from designer.types import POSTGRESQL


def for_dialect(schema: Schema, recommendation: Recommendation, *, dialect: str | None) -> Recommendation:
    if dialect in (None, POSTGRESQL):
        return recommendation
    if not recommendation.ops:
        return replace(recommendation, sql=None) if recommendation.sql else recommendation
    try:
        after, _ = ops.Batch(ops=recommendation.ops).apply(schema)
        migration = render(diff(schema, after), dialect=dialect, old=schema, new=after, zero_downtime=True)
    except (MigrationError, SchemaError) as error:
        note = f"Not offered as an edit: {dialect} cannot express it ({error})."
        return replace(recommendation, ops=(), sql=None, tradeoffs=f"{recommendation.tradeoffs} {note}".strip())
    return replace(recommendation, sql=migration.up.strip())
