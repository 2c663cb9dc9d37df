"""Deploy-check rules for the views, functions, triggers… a schema keeps as SQL
(``schema.DatabaseObject``): each is emitted only for the dialect it was written in, and
one that reads a table or field the design no longer has would fail when it is created."""

from __future__ import annotations

from designer.db_objects import KIND_LABELS
from designer.schema import Schema

DIALECT_LABELS = {"postgresql": "PostgreSQL", "mysql": "MySQL/MariaDB", "sqlite": "SQLite"}


def object_findings(schema: Schema, dialect: str, *, finding, error: str, warning: str):
    """``finding(dialect, object, message, fix, severity)`` builds each (designer.deploy.Finding)."""
    label = DIALECT_LABELS.get(dialect, dialect)
    ids: set[str] | None = None  # every id of the schema, gathered once an object reads some
    for item in schema.objects:
        what = f"{KIND_LABELS[item.kind]} {item.qualified_name}"
        if item.dialect != dialect:
            written = DIALECT_LABELS.get(item.dialect, item.dialect)
            yield finding(
                dialect,
                what,
                f"written for {written}: it is not created for {label}",
                f"create it for {label} by hand after deploying, or leave {label} out of this version",
                warning,
            )
            continue
        if not item.depends_on:
            continue
        ids = schema.all_ids() if ids is None else ids
        if gone := [i for i in item.depends_on if i not in ids]:
            yield finding(
                dialect,
                what,
                f"it reads {len(gone)} table{'s' if len(gone) != 1 else ''} or field{'s' if len(gone) != 1 else ''} "
                "the design no longer has: creating it will fail",
                "bring the field back, or import the schema again with the object rewritten",
                error,
            )
