"""The demo project's declared workload (filled in by the access-pattern work)."""

from __future__ import annotations

from designer.schema import Schema


def with_demo_workload(schema: Schema) -> Schema:
    return schema
