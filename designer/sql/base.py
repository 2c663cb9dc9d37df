"""What every fragment parser shares: the error it raises and the dialect names it says."""

from __future__ import annotations

import re

POSTGRESQL, MYSQL, SQLITE = "postgresql", "mysql", "sqlite"
DIALECT_NAMES = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL/MariaDB", SQLITE: "SQLite"}
TYPE, EXPRESSION, LITERAL = "type name", "SQL expression", "SQL literal"
# An index storage parameter (WITH (fillfactor = 70)): a name, optionally qualified
# (toast.autovacuum_enabled), and a plain value (a number or a word), never more.
STORAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")
STORAGE_VALUE = re.compile(r"[A-Za-z0-9_.+-]+")


class FragmentError(ValueError):
    """A fragment of SQL the design holds is not exactly one type name, expression or
    literal in a dialect. ``str()`` reads "does not parse as one SQL expression in
    PostgreSQL: <reason>", for a caller to prefix with the object it belongs to."""

    def __init__(self, *, kind: str, dialect: str, reason: str):
        self.kind, self.dialect, self.reason = kind, dialect, reason
        super().__init__(f"does not parse as one {kind} in {DIALECT_NAMES.get(dialect, dialect)}: {reason}")


def first_line(text: str) -> str:
    """A parser's message without its caret drawings and terminal colours."""
    line = str(text).strip().splitlines()[0] if str(text).strip() else "it cannot be read"
    return line.replace("\x1b[4m", "").replace("\x1b[0m", "")
