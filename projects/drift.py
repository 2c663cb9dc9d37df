"""Drift: a live database compared with a version of the design — objects missing from
the database, extra in it and different, in words, and the migration that brings the
database to the version. The database is read by the live-import reader (read-only,
only hosts the operator listed in IMPORT_LIVE_HOSTS)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from designer.compare import ADDED, REMOVED, Change, compare
from designer.identity import adopt_ids, settle_to
from designer.migrate import diff, render
from designer.problems import SchemaError
from designer.schema import Schema
from projects import live_import


@dataclass(frozen=True)
class Drift:
    missing: list[str]
    extra: list[str]
    different: list[str]
    dialect: str
    migration: str

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.different)


def drift_check(*, database_url: str, design: Schema, schemas: list[str] | None = None) -> Drift:
    """Raises live_import.LiveImportError (host not allowed, unreachable, refused)."""
    if not settings.IMPORT_LIVE_HOSTS:
        raise live_import.LiveImportError("Reading live databases is not enabled on this server (IMPORT_LIVE_HOSTS).")
    live_import.ensure_host_allowed(database_url, settings.IMPORT_LIVE_HOSTS)
    dialect = live_import.parse_url(database_url).dialect
    try:
        live, _notices = live_import.import_database(database_url, schemas=schemas or None)
    except SchemaError as error:
        if {p.code for p in error.problems} != {"catalog-empty"}:
            raise
        live = Schema()  # an empty database: everything in the design is missing from it
    return drift_between(live=live, design=design, dialect=dialect)


def drift_between(*, live: Schema, design: Schema, dialect: str) -> Drift:
    live = settle_to(adopt_ids(live, previous=design), design=design)
    # The workload and the diagram are not in a database: only the structure is compared.
    structure = Schema(
        entities=design.entities,
        relationships=design.relationships,
        enums=design.enums,
        domains=design.domains,
        extensions=design.extensions,
    )
    changes = compare(live, structure).changes
    steps = diff(live, structure)
    migration = render(steps, dialect=dialect, old=live, new=structure, zero_downtime=False).up if steps else ""
    return Drift(
        missing=[change_line(c) for c in changes if c.action == ADDED],
        extra=[change_line(c) for c in changes if c.action == REMOVED],
        different=[change_line(c) for c in changes if c.action not in (ADDED, REMOVED)],
        dialect=dialect,
        migration=migration,
    )


def change_line(change: Change) -> str:
    """``renamed field posts.headline (name: title → headline)``."""
    details = f" ({'; '.join(change.details)})" if change.details else ""
    return f"{change.action} {change.kind} {change.label}{details}"
