"""The editor's schema warnings: every warning, grouped by code, each group folded or
open, and groups the team dismissed for this project kept apart (still listed)."""

from __future__ import annotations

from dataclasses import dataclass

from designer.problems import Problem
from designer.problems import warnings as only_warnings
from designer.validate import validate
from projects.memo import PerSchema


@dataclass(frozen=True)
class WarningGroup:
    code: str
    problems: tuple[Problem, ...]
    dismissed: bool

    @property
    def title(self) -> str:
        return self.code.replace("-", " ").capitalize()


_warnings: PerSchema[list[Problem]] = PerSchema()


def schema_warnings(schema, *, found: list[Problem] | None = None) -> list[Problem]:
    """``found``: the warnings the edit's validation already produced for ``schema``."""
    if found is not None:
        _warnings.put(schema, None, found)
        return found
    return _warnings.get(schema, None, lambda: only_warnings(validate(schema)))


def warning_groups(schema, *, dismissed: list[str], found: list[Problem] | None = None) -> list[WarningGroup]:
    """``found``: the warnings the edit's validation already produced (None: validate now)."""
    problems = schema_warnings(schema, found=found)
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    groups = [WarningGroup(code, tuple(items), code in dismissed) for code, items in by_code.items()]
    return sorted(groups, key=lambda g: (g.dismissed, g.code))
