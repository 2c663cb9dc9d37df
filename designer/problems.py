"""Problems: what is wrong with a schema or an input, said so a person can fix it.

Every bad input in the product ends as one or more ``Problem`` values (never a bare
exception with a traceback). Errors stop a change; warnings (portability, style) are
shown and the change goes through.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str  # stable, e.g. "duplicate-entity-name"; tests and docs refer to it
    message: str  # human sentence naming the objects by their names, not ids
    path: str = ""  # where: "entities/users/fields/email", or the id path used by the editor
    severity: Severity = Severity.ERROR
    line: int | None = None  # for text inputs (DBML, SQL): 1-based line number
    column: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else (f"{self.path}: " if self.path else "")
        return f"{where}{self.message} [{self.code}]"


class SchemaError(Exception):
    """Raised by parsers and ops when input cannot become a valid schema.

    Carries every problem found, so a caller can show them all at once."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def errors(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]
