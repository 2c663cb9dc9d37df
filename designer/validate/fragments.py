"""SQL fragments rule: every piece of SQL the design holds parses as exactly one type
name, expression or literal in the design's dialect (PostgreSQL when it names none), so
nothing a person types can become a statement of its own in a migration."""

from __future__ import annotations

from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import DefaultKind, Entity, Schema, TypeKind
from designer.sql import FragmentError, expression_sql, literal_value, parses_as_type_somewhere, type_sql
from designer.types import POSTGRESQL, dialect_of
from designer.validate._common import _entity_path, _error

CODE = "bad-sql-fragment"


def sql_fragments(schema: Schema) -> Iterator[Problem]:
    dialect = dialect_of(schema.database_type)
    for entity in schema.entities:
        yield from entity_fragments(entity, dialect=dialect)


def entity_fragments(entity: Entity, *, dialect: str | None) -> Iterator[Problem]:
    """One entity's fragments (imports call this to give the problem its line)."""
    yield from _field_fragments(entity, dialect)
    yield from _entity_fragments(entity, dialect or POSTGRESQL)


def _field_fragments(entity: Entity, dialect: str | None) -> Iterator[Problem]:
    for field in entity.fields:
        path, label = f"{_entity_path(entity)}/fields/{field.name}", f"{entity.name}.{field.name}"
        written = field.type.written
        if written is not None and field.type.kind is not TypeKind.ENUM:
            error = type_error(written, dialect)
            if error is not None:
                yield _error(CODE, path, f"{label}: the type {written!r} {error}")
        default = field.default
        if default is not None:
            if default.kind is DefaultKind.EXPRESSION:
                what, error = "the default expression", _expression_error(default.value, dialect or POSTGRESQL)
            else:
                what, error = "the default value", _literal_error(default.value)
            if error is not None:
                yield _error(CODE, path, f"{label}: {what} {default.value!r} {error}")
        for what, text in (("the check", field.check), ("the generated expression", field.generated)):
            error = _expression_error(text, dialect or POSTGRESQL) if text is not None else None
            if error is not None:
                yield _error(CODE, path, f"{label}: {what} {text!r} {error}")


def _entity_fragments(entity: Entity, dialect: str) -> Iterator[Problem]:
    for check in entity.checks:
        error = _expression_error(check.expression, dialect)
        if error is not None:
            where = f"check {check.name}" if check.name else "a check"
            yield _error(
                CODE,
                f"{_entity_path(entity)}/checks/{check.name or check.id}",
                f"{entity.name}: {where} {check.expression!r} {error}",
            )
    for index in entity.indexes:
        path, where = f"{_entity_path(entity)}/indexes/{index.name or index.id}", f"index {index.name or ''}".strip()
        texts = [("an indexed expression", c.expression) for c in index.columns if c.expression is not None]
        if index.predicate is not None:
            texts.append(("the condition (WHERE)", index.predicate))
        for what, text in texts:
            error = _expression_error(text, dialect)
            if error is not None:
                yield _error(CODE, path, f"{entity.name}, {where}: {what} {text!r} {error}")


def type_error(text: str, dialect: str | None) -> FragmentError | None:
    """Why ``text`` is not one type name in ``dialect`` (in any of ours when None), or None."""
    if dialect is None:
        return parses_as_type_somewhere(text)
    try:
        type_sql(text, dialect=dialect)
    except FragmentError as error:
        return error
    return None


def _expression_error(text: str, dialect: str) -> FragmentError | None:
    try:
        expression_sql(text, dialect=dialect)
    except FragmentError as error:
        return error
    return None


def _literal_error(text: str) -> FragmentError | None:
    try:
        literal_value(text)
    except FragmentError as error:
        return error
    return None
