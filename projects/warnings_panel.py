"""The editor's schema warnings: every warning, grouped by code, each group folded or
open, and groups the team dismissed for this project kept apart (still listed)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from designer.problems import Problem
from designer.problems import warnings as only_warnings
from designer.validate import validate


@dataclass(frozen=True)
class WarningGroup:
    code: str
    problems: tuple[Problem, ...]
    dismissed: bool

    @property
    def title(self) -> str:
        return self.code.replace("-", " ").capitalize()


# Validating 2,000 tables takes 0.15 s, and every panel request (a tab, an opened table)
# shows the warnings of the same stored schema: the parsed schemas are shared and
# immutable (projects.selectors), so their warnings are kept beside them.
_KEPT = 64
_kept: OrderedDict[int, tuple[object, list[Problem]]] = OrderedDict()
_kept_lock = threading.Lock()


def schema_warnings(schema, *, found: list[Problem] | None = None) -> list[Problem]:
    """``found``: the warnings the edit's validation already produced for ``schema``."""
    with _kept_lock:
        kept = _kept.get(id(schema))
        if found is None and kept is not None and kept[0] is schema:
            _kept.move_to_end(id(schema))
            return kept[1]
    problems = only_warnings(validate(schema)) if found is None else found
    with _kept_lock:
        _kept[id(schema)] = (schema, problems)  # the schema itself: its id stays its own
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return problems


def warning_groups(schema, *, dismissed: list[str], found: list[Problem] | None = None) -> list[WarningGroup]:
    """``found``: the warnings the edit's validation already produced (None: validate now)."""
    problems = schema_warnings(schema, found=found)
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    groups = [WarningGroup(code, tuple(items), code in dismissed) for code, items in by_code.items()]
    return sorted(groups, key=lambda g: (g.dismissed, g.code))
