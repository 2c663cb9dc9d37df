"""ORM code from a schema: Prisma, Drizzle, TypeORM, Mongoose and Django models.

``generate(schema, target=..., dialect=...)`` returns the files as ``{path: text}``;
paths are relative (``schema.prisma``, ``schema.ts``, ...) and the same input always
gives the same text. Each target lives in its own module; ``plan.py`` holds what they
share (foreign keys and their sides, relation names), ``names.py`` how a schema name
becomes an identifier (always mapped back to the real name, never dropped).
"""

from __future__ import annotations

from designer.codegen import django_models, drizzle, mongoose, prisma, typeorm
from designer.codegen.migrations import Version, prisma_migrations, typeorm_migrations
from designer.codegen.mongoose import advised_embeds
from designer.codegen.plan import CodegenError, make_plan
from designer.migrate import MigrationError
from designer.schema import Schema
from designer.types import DIALECTS, POSTGRESQL, dialect_of

TARGETS = {
    "prisma": prisma.generate,
    "drizzle": drizzle.generate,
    "typeorm": typeorm.generate,
    "mongoose": mongoose.generate,
    "django": django_models.generate,
}
MIGRATIONS = {"prisma": prisma_migrations, "typeorm": typeorm_migrations}
# Mongoose stores documents, not tables: no SQL dialect applies.
DIALECT_FREE = frozenset({"mongoose"})

__all__ = ["DIALECTS", "TARGETS", "CodegenError", "Version", "default_dialect", "generate", "orm_files"]


def orm_files(schema: Schema, *, targets, dialect: str, versions: tuple[Version, ...] = ()) -> dict[str, bytes]:
    """Every chosen target's files under ``orm/<target>/``, for the migration bundle
    (designer.bundle's ``extra_files``)."""
    files = {}
    for target in targets:
        for path, text in generate(schema, target=target, dialect=dialect, versions=versions).items():
            files[f"orm/{target}/{path}"] = text.encode()
    return files


def default_dialect(schema: Schema) -> str:
    return dialect_of(schema.database_type) or POSTGRESQL


def generate(
    schema: Schema,
    *,
    target: str,
    dialect: str | None = None,
    embed: frozenset[str] | None = None,
    versions: tuple[Version, ...] = (),
) -> dict[str, str]:
    """The files of ``target`` for ``schema``. ``embed``: relationship ids whose child
    documents Mongoose embeds in the parent; None: the advisor's decisions (one-to-few).
    ``versions``: released versions up to this one; Prisma and TypeORM then also get
    their migration files, one per version step, built from our SQL. Raises
    ``CodegenError`` (a message for a person) for an unknown target or dialect, or a type
    the dialect cannot hold."""
    if target not in TARGETS:
        raise CodegenError(f"unknown target {target!r}; choose one of: {', '.join(TARGETS)}")
    dialect = dialect or default_dialect(schema)
    if dialect not in DIALECTS:
        raise CodegenError(f"unknown dialect {dialect!r}; choose one of: {', '.join(DIALECTS)}")
    if embed is None:
        embed = advised_embeds(schema) if target == "mongoose" else frozenset()
    files = TARGETS[target](make_plan(schema, dialect=dialect, embed=embed))
    if versions and target in MIGRATIONS:
        try:
            files.update(MIGRATIONS[target](list(versions), dialect=dialect))
        except MigrationError as error:
            raise CodegenError(f"migrations: {error}") from error
    return files
