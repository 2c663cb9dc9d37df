"""SQL fragments rule: every piece of SQL the design holds parses as exactly one type
name, expression or literal in the design's dialect, so nothing a person types can become
a statement of its own in a migration. A design that names none of our databases (an
import from SQL Server, Oracle, or a DBML file without a database type) may hold text one
of ours reads, or another database does: the latter is kept with a warning (DDL, printed
from a parse in the target dialect, refuses it by name); text no parser reads is refused."""

from __future__ import annotations

from collections.abc import Iterator

from designer.problems import Problem
from designer.schema import DefaultKind, Entity, Schema, TypeKind
from designer.sql import (
    FragmentError,
    expression_sql,
    literal_value,
    parses_as_type_somewhere,
    read_elsewhere,
    type_sql,
)
from designer.sql.base import EXPRESSION, TYPE
from designer.types import DIALECTS, dialect_of, written_is_emitted
from designer.validate._common import _entity_path, _error, _warning
from designer.validate.index_options import index_options

CODE = "bad-sql-fragment"
ELSEWHERE = "sql-written-elsewhere"


def _refusal(path: str, message: str, *, text: str, kind: str, dialect: str | None) -> Problem:
    """An error, unless the design names none of our databases and another one reads the text."""
    elsewhere = read_elsewhere(text, kind=kind) if dialect is None else None
    if elsewhere is None:
        return _error(CODE, path, message)
    return _warning(
        ELSEWHERE,
        path,
        f"{message.split(' does not parse', 1)[0]} is written for {elsewhere}: kept as written; "
        "PostgreSQL, MySQL and SQLite DDL cannot be written until it is changed",
    )


def sql_fragments(schema: Schema) -> Iterator[Problem]:
    dialect = dialect_of(schema.database_type)
    for entity in schema.entities:
        yield from entity_fragments(entity, dialect=dialect)


def entity_fragments(entity: Entity, *, dialect: str | None) -> Iterator[Problem]:
    """One entity's fragments (imports call this to give the problem its line)."""
    yield from _field_fragments(entity, dialect)
    yield from _entity_fragments(entity, dialect)
    yield from index_options(entity, dialect=dialect)


def _field_fragments(entity: Entity, dialect: str | None) -> Iterator[Problem]:
    for field in entity.fields:
        path, label = f"{_entity_path(entity)}/fields/{field.name}", f"{entity.name}.{field.name}"
        written = field.type.written
        emitted = dialect is None or written_is_emitted(field.type, dialect=dialect)
        if written is not None and field.type.kind is not TypeKind.ENUM and emitted:
            error = type_error(written, dialect)
            if error is not None:
                yield _refusal(path, f"{label}: the type {written!r} {error}", text=written, kind=TYPE, dialect=dialect)
        default = field.default
        if default is not None:
            if default.kind is DefaultKind.EXPRESSION:
                what, error = "the default expression", _expression_error(default.value, dialect)
            else:
                what, error = "the default value", _literal_error(default.value)
            if error is not None:
                message = f"{label}: {what} {default.value!r} {error}"
                yield _refusal(path, message, text=default.value, kind=EXPRESSION, dialect=dialect)
        for what, text in (("the check", field.check), ("the generated expression", field.generated)):
            error = _expression_error(text, dialect) if text is not None else None
            if error is not None:
                yield _refusal(path, f"{label}: {what} {text!r} {error}", text=text, kind=EXPRESSION, dialect=dialect)


def _entity_fragments(entity: Entity, dialect: str | None) -> Iterator[Problem]:
    for check in entity.checks:
        error = _expression_error(check.expression, dialect)
        if error is not None:
            where = f"check {check.name}" if check.name else "a check"
            yield _refusal(
                f"{_entity_path(entity)}/checks/{check.name or check.id}",
                f"{entity.name}: {where} {check.expression!r} {error}",
                text=check.expression,
                kind=EXPRESSION,
                dialect=dialect,
            )
    for index in entity.indexes:
        path, where = f"{_entity_path(entity)}/indexes/{index.name or index.id}", f"index {index.name or ''}".strip()
        texts = [("an indexed expression", c.expression) for c in index.columns if c.expression is not None]
        if index.predicate is not None:
            texts.append(("the condition (WHERE)", index.predicate))
        for what, text in texts:
            error = _expression_error(text, dialect)
            if error is not None:
                message = f"{entity.name}, {where}: {what} {text!r} {error}"
                yield _refusal(path, message, text=text, kind=EXPRESSION, dialect=dialect)


def type_error(text: str, dialect: str | None) -> FragmentError | None:
    """Why ``text`` is not one type name in ``dialect`` (in any of ours when None), or None."""
    if dialect is None:
        return parses_as_type_somewhere(text)
    try:
        type_sql(text, dialect=dialect)
    except FragmentError as error:
        return error
    return None


def _expression_error(text: str, dialect: str | None) -> FragmentError | None:
    """Why ``text`` is not one expression of ``dialect`` (of any of ours when None), or None."""
    first = None
    for each in (dialect,) if dialect is not None else DIALECTS:
        try:
            expression_sql(text, dialect=each)
            return None
        except FragmentError as error:
            first = first or error
    return first


def _literal_error(text: str) -> FragmentError | None:
    try:
        literal_value(text)
    except FragmentError as error:
        return error
    return None
