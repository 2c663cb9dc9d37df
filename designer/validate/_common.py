"""Helpers shared by the rule modules: how a Problem is built and how an entity is addressed."""

from __future__ import annotations

from designer.problems import Problem, Severity
from designer.schema import Entity


def _error(code: str, path: str, message: str) -> Problem:
    return Problem(code=code, message=message, path=path)


def _warning(code: str, path: str, message: str) -> Problem:
    return Problem(code=code, message=message, path=path, severity=Severity.WARNING)


def _entity_path(entity: Entity) -> str:
    return f"entities/{entity.qualified_name}"
