"""MySQL/MariaDB ``PARTITION BY …`` table options, read as written.

MariaDB prints the clause after the table options; MySQL's mysqldump wraps it in a
version comment (``/*!50100 PARTITION BY … */``). The clause is cut out of the statement
(offsets kept) before sqlglot reads the rest, and read here: the strategy, the key as
written, ``PARTITIONS n`` or the partition list (name and ``VALUES LESS THAN (…)`` /
``VALUES IN (…)`` / ``DEFAULT``; each partition's ENGINE and other options are the
server's, not the design's). SUBPARTITION BY is beyond the design: a notice.
"""

from __future__ import annotations

import re

from designer.formats.sql_text import parenthesized_from, split_top_level
from designer.schema import Partition, PartitionStrategy

_VERSIONED = re.compile(r"/\*!\d*\s*(PARTITION\s+BY\b.*?)\*/", re.IGNORECASE | re.DOTALL)
_CLAUSE = re.compile(r"\)[^()]*?\bPARTITION\s+BY\s", re.IGNORECASE)
_STRATEGY = re.compile(r"PARTITION\s+BY\s+(LINEAR\s+)?(RANGE|LIST|HASH|KEY)(\s+COLUMNS)?\s*", re.IGNORECASE)
_LIST = re.compile(r"\(\s*PARTITION\b", re.IGNORECASE)
_COUNT = re.compile(r"\bPARTITIONS\s+(\d+)", re.IGNORECASE)
_NAME = re.compile(r"PARTITION\s+(`(?:[^`]|``)+`|\w+)\s+", re.IGNORECASE)
_BOUND = re.compile(
    r"(VALUES\s+LESS\s+THAN\s*(?:\(.*\)|MAXVALUE)|VALUES\s+IN\s*\(.*\)|DEFAULT)", re.IGNORECASE | re.DOTALL
)


def unwrap_versioned(text: str) -> str:
    """mysqldump's ``/*!50100 PARTITION BY … */`` as plain SQL, every offset kept."""
    return _VERSIONED.sub(lambda m: " " * (m.start(1) - m.start()) + m[1] + "  ", text)


def split_off(statement: str) -> tuple[str, str | None]:
    """(the CREATE TABLE without its PARTITION BY clause, the clause or None)."""
    matches = list(_CLAUSE.finditer(statement))  # the last ")" … PARTITION BY: the one after the column list
    if not matches:
        return statement, None
    found = matches[-1]
    start = statement.lower().rindex("partition", found.start(), found.end())
    return statement[:start] + " " * (len(statement) - start), statement[start:].strip().rstrip(";")


def read_clause(clause: str) -> tuple[PartitionStrategy, str, list[Partition], str | None]:
    """(strategy, key, partitions, what is not kept or None)."""
    head = _STRATEGY.match(clause)
    if head is None:
        return PartitionStrategy.RANGE, "", [], "a PARTITION BY clause it cannot read"
    words = [w for w in (head[1], head[2], head[3]) if w]
    strategy = PartitionStrategy(" ".join(" ".join(words).lower().split()))
    open_at = clause.find("(", head.end() - 1)
    inside = parenthesized_from(clause, open_at) if open_at >= 0 else None
    key = " ".join((inside or "").split())
    rest = clause[open_at + len(inside) + 2 :] if inside is not None else clause[head.end() :]
    lost = "SUBPARTITION BY" if re.search(r"\bSUBPARTITION\s+BY\b", rest, re.IGNORECASE) else None
    listed = rest.strip()
    count = _COUNT.match(listed)
    if count is not None:
        return strategy, key, [Partition(name=f"p{i}", bound="") for i in range(int(count[1]))], lost
    opening = _LIST.search(listed)  # after SUBPARTITION BY … when there is one
    body = parenthesized_from(listed, opening.start()) if opening else None
    partitions = [_partition(part) for part in split_top_level(body or "")]
    return strategy, key, [p for p in partitions if p is not None], lost


def _partition(text: str) -> Partition | None:
    name = _NAME.match(text.strip())
    if name is None:
        return None
    rest = text.strip()[name.end() :]
    bound = _BOUND.match(rest.strip())
    bound_text = _balanced(bound[0]) if bound else ""
    return Partition(name=name[1].strip("`").replace("``", "`"), bound=" ".join(bound_text.split()))


def _balanced(bound: str) -> str:
    """The bound up to its closing parenthesis (the greedy match may run into options)."""
    open_at = bound.find("(")
    if open_at < 0:
        return bound
    inside = parenthesized_from(bound, open_at)
    return bound[: open_at + 1] + (inside or "") + ")"
