"""Import notices a person can read: grouped by kind with counts, what was lost first.

A large dump gives thousands of notices, most of them "skipped statement"; the few that
say something of the schema was not kept must not drown. ``group_notices`` sorts them
into groups (what was not kept, what points at something missing, warnings to fix in the
editor, statements that are not schema, data left out), each with its parts counted
("4,163 statements that are not schema: 2,100 functions, 1,900 triggers, …") and every
notice kept with its line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from designer.problems import Problem

_SKIPPED = re.compile(r"^skipped (?P<what>.+) \(not part of a schema\)$", re.DOTALL)
# Skipped pieces that were part of the schema: a notice of loss, not of a statement left aside.
_LOSSY_SKIPPED = ("constraint", "table element", "ALTER TABLE", "ALTER DOMAIN")  # domains and extensions are kept
_MISSING_CODES = frozenset({"sql-unknown-table", "sql-unknown-column"})
_DATA_CODES = frozenset({"dbml-records-left-out"})
_STATEMENTS = {
    "CREATE FUNCTION": "functions",
    "CREATE PROCEDURE": "procedures",
    "CREATE TRIGGER": "triggers",
    "CREATE EVENT": "events",
    "CREATE VIEW": "views",
    "CREATE MATERIALIZED VIEW": "materialized views",
    "CREATE SEQUENCE": "sequences",
    "ALTER SEQUENCE": "sequence changes",
    "CREATE RULE": "rules",
    "CREATE POLICY": "policies",
    "CREATE AGGREGATE": "aggregates",
    "CREATE OPERATOR": "operators",
    "CREATE EXTENSION": "extensions",
    "CREATE DOMAIN": "domains",
    "GRANT": "grants",
    "REVOKE": "revokes",
    "SET": "settings (SET)",
    "SELECT": "SELECT statements",
    "INSERT": "rows (INSERT)",
    "COPY": "data (COPY)",
    "LOCK": "LOCK TABLES",
    "UNLOCK": "UNLOCK TABLES",
    "DROP": "DROP statements",
    "USE": "USE statements",
    "ALTER … OWNER": "owner changes",
    "ALTER DEFAULT PRIVILEGES": "default privileges",
    "COMMENT ON": "comments on other objects",
    "psql command": "psql commands",
    "constraint": "constraints",
    "table element": "table elements",
    "ALTER TABLE": "ALTER TABLE actions",
    "SQLite's internal table": "SQLite's internal tables",
}
_WARNINGS = {
    "reserved-word": "names that are reserved words",
    "missing-primary-key": "tables without a primary key",
    "identifier-too-long": "names over PostgreSQL's 63 bytes",
    "identifier-too-long-mysql": "names over MySQL's 64 characters",
    "case-only-difference": "names differing only in case",
    "fk-type-incompatible": "foreign keys between incompatible types",
    "fk-type-mismatch": "foreign keys between different types",
    "nullable-composite-fk": "nullable multi-column foreign keys",
    "index-name-shared": "index names shared by several tables",
    "varchar-without-length": "varchar columns without a length",
    "type-refused": "types another database refuses",
    "too-many-columns": "tables wider than another database allows",
    "too-many-indexes": "tables with more indexes than another database allows",
    "enum-default-unknown": "defaults outside their enum",
}
_KNOWN_KINDS = sorted(_STATEMENTS, key=len, reverse=True)  # longest first: CREATE MATERIALIZED VIEW before …


@dataclass(frozen=True)
class NoticeGroup:
    key: str  # "not-kept", "missing", "warnings", "not-schema", "data" or a notice code
    title: str
    lossy: bool
    notices: tuple[Problem, ...]
    parts: tuple[tuple[str, int], ...] = field(default=())

    @property
    def count(self) -> int:
        return len(self.notices)

    def summary(self, *, parts: int = 6) -> str:
        """``4,163 statements that are not schema: 2,100 functions, 1,900 triggers, …``"""
        text = _counted(self.count, self.title)
        if self.parts and self.key in _PARTS_TOLD:
            shown = ", ".join(_counted(n, label) for label, n in self.parts[:parts])
            text += f": {shown}{', …' if len(self.parts) > parts else ''}"
        return text


def _counted(count: int, label: str) -> str:
    """``2,100 functions``, ``1 function``: the first plural word of the label changes
    (``1 table without a primary key``, ``1 statement that is not schema``)."""
    if count != 1:
        return f"{count:,} {label}"
    words = label.split(" ")
    for i, word in enumerate(words):
        if word.endswith("s") and not word.endswith("ss") and "'" not in word:
            words[i] = word[:-3] + "y" if word.endswith("ies") else word[:-1]
            break
    return "1 " + " ".join(words).replace(" that are ", " that is ")


def statement_kind(message: str) -> str | None:
    """The kind of a skipped statement ("CREATE FUNCTION", "SET"), None for other notices."""
    match = _SKIPPED.match(message)
    if not match:
        return None
    what = match["what"].strip()
    for kind in _KNOWN_KINDS:
        if what == kind or what.startswith(kind + " "):
            return kind
    words = what.split()
    if words[0].upper() in ("CREATE", "ALTER", "DROP") and len(words) > 1:
        return "DROP" if words[0].upper() == "DROP" else " ".join(w.upper() for w in words[:2])
    return words[0].upper() if words[0].isalpha() else words[0]


def group_notices(notices: list[Problem] | tuple[Problem, ...]) -> list[NoticeGroup]:
    """The notices of one import in groups: lossy ones first, then warnings to fix in the
    editor, then the rest by size. Within a group the notices keep their order (and line)."""
    buckets: dict[str, list[tuple[str, Problem]]] = {}
    for notice in notices:
        key, part = _place(notice)
        buckets.setdefault(key, []).append((part, notice))
    groups = [_group(key, members) for key, members in buckets.items()]
    order = {"not-kept": 0, "missing": 1, "warnings": 2}
    return sorted(groups, key=lambda g: (order.get(g.key, 3), -g.count))


def summary(notices: list[Problem] | tuple[Problem, ...]) -> str:
    """One line for a message: each group's summary with its first three parts."""
    groups = group_notices(notices)
    return "; ".join(g.summary(parts=3) for g in groups)


def _place(notice: Problem) -> tuple[str, str]:
    kind = statement_kind(notice.message) if notice.code == "sql-skipped" else None
    if kind is not None:
        if kind in _LOSSY_SKIPPED:
            return "not-kept", _STATEMENTS.get(kind, kind)
        return "not-schema", _STATEMENTS.get(kind, f"{kind} statements")
    if notice.code.endswith("not-kept") or notice.code.endswith("-lost"):
        return "not-kept", _not_kept_part(notice.message)
    if notice.code in _MISSING_CODES:
        return "missing", "tables" if notice.code == "sql-unknown-table" else "columns"
    if notice.code in _DATA_CODES:
        return "data", "tables with rows"
    if notice.code.startswith(("sql-", "dbml-", "live-", "stats-")):
        return notice.code, notice.code
    return "warnings", _WARNINGS.get(notice.code, notice.code)  # a validation warning, fixed in the editor


def _not_kept_part(message: str) -> str:
    """``users.name: COLLATE "C" is not kept …`` → ``COLLATE``: the option, not its value."""
    head = message.split(": ", 1)[-1].split(" is not kept", 1)[0].split()
    keywords = []
    for word in head[:3]:
        if not re.fullmatch(r"[A-Z_]{2,}", word):  # a keyword, not a value ("C", utf8mb4)
            break
        keywords.append(word)
    return " ".join(keywords or head[:2]) or "other"


_PARTS_TOLD = frozenset({"not-kept", "missing", "warnings", "not-schema"})  # others are one kind
_TITLES = {
    "not-kept": "parts of the schema not kept (lost on import)",
    "missing": "references to objects not in the import (left out)",
    "warnings": "warnings to fix in the editor",
    "not-schema": "statements that are not schema",
    "data": "tables whose data rows were left out (a schema holds no data)",
}


def _group(key: str, members: list[tuple[str, Problem]]) -> NoticeGroup:
    parts = Counter(part for part, _ in members).most_common()
    return NoticeGroup(
        key=key,
        title=_TITLES.get(key, key.replace("-", " ")),
        lossy=key in ("not-kept", "missing"),
        notices=tuple(notice for _, notice in members),
        parts=tuple(parts),
    )
