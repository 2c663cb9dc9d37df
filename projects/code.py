"""ORM code for the web and the command line: the schema of the current revision or of
a released version, through designer.codegen."""

from __future__ import annotations

from dataclasses import dataclass

from designer.codegen import DIALECT_FREE, MIGRATIONS, Version, default_dialect, generate, orm_files
from designer.schema import Schema
from projects import selectors
from projects.models import Project, Release
from projects.services import releases


@dataclass(frozen=True)
class GeneratedCode:
    files: dict[str, str]  # relative path → text
    target: str
    dialect: str | None  # None for targets without SQL (Mongoose)
    source: str  # "revision 12" or "version 3"


def releases_of(project: Project) -> list[Release]:
    return list(Release.objects.filter(project=project).only("number", "message", "created_at").order_by("-number"))


def versions_up_to(*, project: Project, version: int | None) -> tuple[Version, ...]:
    """Released versions up to ``version`` (all of them for the current revision): the
    steps of the ORM's migration files."""
    found = Release.objects.filter(project=project).order_by("number")
    if version is not None:
        found = found.filter(number__lte=version)
    found = list(found)
    return tuple(
        Version(number=r.number, schema=schema, released_at=r.created_at, message=r.message)
        for r, schema in zip(found, releases.release_schemas(found), strict=True)
    )


def source_schema(*, project: Project, version: int | None) -> tuple[Schema, str]:
    """The current revision's schema, or released version ``version`` (404 if none)."""
    if version is None:
        return selectors.project_schema(project), f"revision {project.revision}"
    return releases.version_schema(project=project, number=version), f"version {version}"


def generated_code(*, project: Project, target: str, dialect: str | None, version: int | None) -> GeneratedCode:
    """Raises ``designer.codegen.CodegenError`` with a message for a person."""
    schema, source = source_schema(project=project, version=version)
    dialect = None if target in DIALECT_FREE else dialect or default_dialect(schema)
    versions = versions_up_to(project=project, version=version) if target in MIGRATIONS else ()
    files = generate(schema, target=target, dialect=dialect, versions=versions)
    return GeneratedCode(files=files, target=target, dialect=dialect, source=source)


def bundle_orm_files(*, project: Project, version: int, targets, dialects) -> dict[str, bytes]:
    """The chosen ORM targets' code for a migration bundle of ``version``: in the schema's
    own dialect when the bundle has it, else in the bundle's first dialect."""
    if not targets:
        return {}
    schema, _ = source_schema(project=project, version=version)
    dialect = default_dialect(schema) if default_dialect(schema) in dialects else dialects[0]
    return orm_files(
        schema, targets=targets, dialect=dialect, versions=versions_up_to(project=project, version=version)
    )
