"""SQLite's ``EXPLAIN QUERY PLAN`` and MariaDB's ``EXPLAIN FORMAT=JSON`` read into the
same plan summary the report keeps for PostgreSQL (``designer.verify.plans``): how each
table was read, the indexes used, full scans, the plan as an indented tree, findings.

Neither server says how many rows it actually read (SQLite says nothing about rows at
all; MariaDB gives its estimate), so these summaries are ``estimated`` and carry no
buffers: the timings beside them are what was measured.
"""

from __future__ import annotations

import json
import re

from designer.verify.plans import MIN_WASTEFUL_ROWS

_SQLITE_INDEX = re.compile(r"USING (?:COVERING )?INDEX (\S+)|USING (INTEGER PRIMARY KEY|PRIMARY KEY)")
_SQLITE_SCAN = re.compile(r"^(SCAN|SEARCH) (\S+)(?: AS (\S+))?")
MARIADB_FULL_SCAN = "ALL"


def sqlite_plan(rows: list[tuple]) -> dict:
    """``rows``: (id, parent, notused, detail) from ``EXPLAIN QUERY PLAN``."""
    depth = {0: -1}
    lines, scans, indexes, full, findings = [], [], [], [], []
    for node_id, parent, _, detail in rows:
        depth[node_id] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node_id] + detail)
        scan = _SQLITE_SCAN.match(detail)
        if scan is None:
            if "TEMP B-TREE" in detail:
                findings.append(f"{detail.lower()}: a sort no index provides")
            continue
        index = _SQLITE_INDEX.search(detail)
        name = (index.group(1) or index.group(2)) if index else None
        table = scan.group(2) + (f" {scan.group(3)}" if scan.group(3) else "")
        if name and name not in indexes:
            indexes.append(name)
        if scan.group(1) == "SCAN" and not name:
            full.append(table)  # not a finding by itself: SQLite does not say how many rows
        scans.append(f"{scan.group(1).capitalize()}{f' using {name}' if name else ''} on {table}")
    return _summary(scans, indexes, full, lines, findings)


def mariadb_plan(explained: str | dict) -> dict:
    """``explained``: the JSON text ``EXPLAIN FORMAT=JSON`` returns (or it parsed)."""
    document = json.loads(explained) if isinstance(explained, str) else explained
    lines, scans, indexes, full, findings = [], [], [], [], []
    for depth, key, node in _mariadb_nodes(document.get("query_block", document), 0):
        if key == "filesort":
            lines.append("  " * depth + "filesort")
            findings.append("a filesort: no index provides the order")
            continue
        table, access, index = node.get("table_name", "?"), node.get("access_type", "?"), node.get("key")
        rows = node.get("rows")
        condition = node.get("attached_condition")
        lines.append(
            "  " * depth
            + f"{table}: {access}"
            + (f" using {index}" if index else "")
            + (f", rows {rows:,} estimated" if isinstance(rows, int) else "")
            + (f" [{_short(condition)}]" if condition else "")
        )
        if index and index not in indexes:
            indexes.append(index)
        if access == MARIADB_FULL_SCAN:
            full.append(table)
            if isinstance(rows, int) and rows >= MIN_WASTEFUL_ROWS:
                findings.append(f"full scan of {table} (about {rows:,} rows)")
        if "access_type" in node:  # an INSERT's target has none
            scans.append(f"{access}{f' using {index}' if index else ''} on {table}")
    return _summary(scans, indexes, full, lines, findings)


def _mariadb_nodes(node, depth: int):
    """(depth, key, table-or-filesort dict) in document order, however MariaDB nests them
    (nested_loop lists, filesort / temporary_table wrappers, subqueries)."""
    if isinstance(node, list):
        for item in node:
            yield from _mariadb_nodes(item, depth)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "table" and isinstance(value, dict):
            yield depth, key, value
            yield from _mariadb_nodes({k: v for k, v in value.items() if isinstance(v, dict | list)}, depth + 1)
        elif key == "filesort" and isinstance(value, dict):
            yield depth, key, value
            yield from _mariadb_nodes(value, depth + 1)
        elif isinstance(value, dict | list):
            yield from _mariadb_nodes(value, depth)


def _summary(scans, indexes, full, lines, findings) -> dict:
    return {
        "estimated": True,
        "access": "; ".join(scans),
        "indexes": indexes,
        "seq_scans": full,
        "tree": "\n".join(lines),
        "findings": findings,
    }


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
