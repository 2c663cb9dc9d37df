"""Example schemas: the blog demo shown on first run, and synthetic ones for benchmarks."""

from __future__ import annotations

from pathlib import Path

from designer.formats.dbml import parse_dbml
from designer.schema import Schema

BLOG_DBML = Path(__file__).with_name("blog.dbml")


def blog_schema() -> Schema:
    """The demo project: the blog tables, with its declared workload when available."""
    schema = parse_dbml(BLOG_DBML.read_text(encoding="utf-8"))
    from designer.examples.workload import with_demo_workload

    return with_demo_workload(schema)
