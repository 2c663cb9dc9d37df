"""Request and response bodies of the API (pydantic, through django-ninja)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

SchemaFormat = Literal["dbml", "json", "postgresql", "mysql", "sqlite", "auto"]
Dialect = Literal["postgresql", "mysql", "sqlite"]
ExportFormat = Literal["dbml", "json"]
SeverityName = Literal["critical", "warning", "info"]


class ProjectOut(Schema):
    id: int
    name: str
    description: str
    revision: int
    role: str | None = None
    updated_at: datetime


class SchemaText(Schema):
    text: str = Field(..., max_length=10_000_000, description="The document in `format`.")
    format: SchemaFormat = "auto"


class ProjectIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=2000)
    schema_: SchemaText | None = Field(None, alias="schema")


class SchemaOut(Schema):
    project: int
    revision: int
    format: Literal["dbml", "json"]
    text: str


class SchemaPut(SchemaText):
    base_revision: int = Field(..., ge=0, description="The revision this document was made from.")
    summary: str = Field("", max_length=200)


class Change(Schema):
    kind: str
    action: str
    label: str
    details: list[str]


class EditOut(Schema):
    project: int
    revision: int
    changes: list[Change]
    diff: str = Field(..., description="The changes, one per line, for people.")
    warnings: list[str]


class OpIn(Schema):
    op: dict[str, Any] = Field(..., description="An edit operation as designer.ops.op_to_dict writes it.")
    base_revision: int = Field(..., ge=0)


class ReleaseOut(Schema):
    number: int
    message: str
    revision: int
    created_at: datetime
    created_by: str | None


class ReleaseIn(Schema):
    message: str = Field("", max_length=500)


class MigrationOut(Schema):
    dialect: str
    from_version: int
    to_version: int
    up: str
    down: str
    warnings: list[str]


class BundleIn(Schema):
    target: int | None = Field(None, ge=1)
    base: int = Field(0, ge=0)
    dialects: list[Dialect] = ["postgresql", "mysql", "sqlite"]
    zero_downtime: bool = True


class JobOut(Schema):
    id: int
    kind: str
    status: str
    progress: int
    message: str
    error: str
    finished: bool
    has_file: bool
    result: dict[str, Any] | None


class CodeOut(Schema):
    target: str
    dialect: str | None
    source: str
    files: dict[str, str]


class RevisionOut(Schema):
    number: int
    author: str | None
    summary: str
    created_at: datetime


class MemberOut(Schema):
    username: str
    role: str


class Finding(Schema):
    severity: Literal["critical", "warning", "info"]
    code: str
    message: str
    source: Literal["validation", "deploy", "advice"]


class CheckOut(Schema):
    passed: bool
    fail_on: str
    findings: list[Finding]
    markdown: str


class DriftIn(Schema):
    database_url: str = Field(..., max_length=2000)
    version: int | None = Field(None, ge=0, description="A released version; the current revision when absent.")
    schemas: list[str] = Field([], description="PostgreSQL schemas to read (all but the system ones when empty).")


class DriftOut(Schema):
    missing: list[str] = Field(..., description="In the design, not in the database.")
    extra: list[str] = Field(..., description="In the database, not in the design.")
    different: list[str]
    count: int
    dialect: str
    migration: str = Field(..., description="SQL that brings the database to the design.")
