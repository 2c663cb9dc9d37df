"""The Verify run, on the server the design is for: PostgreSQL (``projects.verification``),
or SQLite and MariaDB (``projects.verify_dialects``, built on the PostgreSQL run's parts).
A PostgreSQL design with no PostgreSQL server configured (the embedded ``make run``) is
verified on SQLite in-process, and the report says so."""

from __future__ import annotations

from collections.abc import Callable

from designer.schema import Schema
from designer.types import POSTGRESQL
from projects.verification import Options, Progress, target, verify_on_postgresql
from projects.verify_dialects import verify_on


def verify(
    schema: Schema,
    *,
    project: str,
    version: int | None = None,
    options: Options | None = None,
    progress: Progress | None = None,
    url: str | None = None,
    previous: Schema | None = None,
    previous_version: int | None = None,
    rehearse: Callable | None = None,
) -> dict:
    """The whole run; returns the report dict (see designer.verify.report). The migration
    rehearsal (``previous``, ``rehearse``) runs on PostgreSQL only."""
    options = options or Options()
    dialect, url, note = target(schema, url)
    if dialect != POSTGRESQL:
        quiet = progress or (lambda percent, message: None)
        return verify_on(dialect, schema, project=project, version=version, options=options, progress=quiet, note=note)
    return verify_on_postgresql(
        schema,
        project=project,
        url=url,
        version=version,
        options=options,
        progress=progress,
        previous=previous,
        previous_version=previous_version,
        rehearse=rehearse,
    )
