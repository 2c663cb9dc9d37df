"""PostgreSQL's ``EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`` read into what a person
asks of a plan: how each table was read (scan type, index), rows read against rows
returned, buffers touched, and the plan as an indented tree.

Also reads a plain ``EXPLAIN (FORMAT JSON)`` (no ANALYZE: hypothetical indexes), where
only the planner's estimates exist; ``PlanSummary.estimated`` says which it is.
"""

from __future__ import annotations

from dataclasses import dataclass

SCAN_NODES = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan", "Tid Scan"}
WASTEFUL_READ_RATIO = 10  # a scan reading 10x the rows it returns is worth a look
MIN_WASTEFUL_ROWS = 1_000


@dataclass(frozen=True)
class PlanNode:
    depth: int
    node_type: str
    relation: str | None
    index: str | None
    rows: float  # actual rows x loops (ANALYZE) or the estimate
    estimated_rows: float
    removed: float  # rows read and thrown away by a filter or recheck, x loops
    time_ms: float | None  # actual total time of the node (one loop), None without ANALYZE
    cost: float
    detail: str  # the condition or sort key, shortened

    @property
    def is_scan(self) -> bool:
        return self.node_type in SCAN_NODES and self.node_type != "Bitmap Index Scan"

    def line(self) -> str:
        what = self.node_type
        if self.index:
            what += f" using {self.index}"
        if self.relation:
            what += f" on {self.relation}"
        figures = f"rows {self.rows:,.0f}" + (
            f" (estimated {self.estimated_rows:,.0f})" if self.time_ms is not None else " estimated"
        )
        if self.removed:
            figures += f", {self.removed:,.0f} filtered out"
        if self.time_ms is not None:
            figures += f", {self.time_ms:.3f} ms"
        else:
            figures += f", cost {self.cost:,.1f}"
        detail = f" [{self.detail}]" if self.detail else ""
        return f"{'  ' * self.depth}{what}{detail}: {figures}"


@dataclass(frozen=True)
class PlanSummary:
    nodes: tuple[PlanNode, ...]
    estimated: bool  # True: no ANALYZE, the figures are the planner's
    rows_returned: float
    rows_read: float  # rows the scans produced plus those their filters threw away
    shared_hit: int
    shared_read: int
    execution_ms: float | None
    total_cost: float

    @property
    def scans(self) -> tuple[PlanNode, ...]:
        return tuple(n for n in self.nodes if n.is_scan)

    @property
    def indexes(self) -> tuple[str, ...]:
        seen: list[str] = []
        for node in self.nodes:
            if node.index and node.index not in seen:
                seen.append(node.index)
        return tuple(seen)

    @property
    def seq_scans(self) -> tuple[str, ...]:
        return tuple(n.relation for n in self.nodes if n.node_type == "Seq Scan" and n.relation)

    @property
    def tree(self) -> str:
        return "\n".join(node.line() for node in self.nodes)

    @property
    def access(self) -> str:
        """How the tables were read, in one line: "Index Scan using posts_slug_key on posts"."""
        parts = []
        for node in self.scans:
            text = node.node_type + (f" using {node.index}" if node.index else "")
            if node.node_type == "Bitmap Heap Scan":
                inner = [n.index for n in self.nodes if n.node_type == "Bitmap Index Scan" and n.index]
                text += f" ({', '.join(inner)})" if inner else ""
            parts.append(text + (f" on {node.relation}" if node.relation else ""))
        return "; ".join(parts) or (self.nodes[0].node_type if self.nodes else "")

    def findings(self) -> list[str]:
        """What a reviewer would point at: scans that read far more than they keep, sorts
        that spilled to disk."""
        found = []
        for node in self.scans:
            read = node.rows + node.removed
            if (
                node.node_type == "Seq Scan"
                and read >= MIN_WASTEFUL_ROWS
                and read >= WASTEFUL_READ_RATIO * max(node.rows, 1)
            ):
                found.append(f"Seq Scan on {node.relation} reads {read:,.0f} rows to keep {node.rows:,.0f}")
            elif node.removed >= MIN_WASTEFUL_ROWS and node.removed >= WASTEFUL_READ_RATIO * max(node.rows, 1):
                found.append(
                    f"{node.node_type} on {node.relation} throws away {node.removed:,.0f} rows to keep {node.rows:,.0f}"
                )
        for node in self.nodes:
            if node.node_type == "Sort" and "external" in node.detail.lower():
                found.append("a sort spilled to disk (work_mem too small for it)")
        return found

    def to_dict(self) -> dict:
        return {
            "estimated": self.estimated,
            "access": self.access,
            "indexes": list(self.indexes),
            "seq_scans": list(self.seq_scans),
            "rows_returned": self.rows_returned,
            "rows_read": self.rows_read,
            "shared_hit": self.shared_hit,
            "shared_read": self.shared_read,
            "execution_ms": self.execution_ms,
            "total_cost": self.total_cost,
            "tree": self.tree,
            "findings": self.findings(),
        }


def read_plan(explained) -> PlanSummary:
    """``explained``: what ``EXPLAIN (..., FORMAT JSON)`` returns (a list holding one
    object with "Plan"), or that object itself."""
    top = explained[0] if isinstance(explained, list) else explained
    root = top["Plan"]
    estimated = "Actual Rows" not in root
    nodes: list[PlanNode] = []
    _walk(root, 0, nodes, estimated)
    rows_read = sum(n.rows + n.removed for n in nodes if n.is_scan)
    return PlanSummary(
        nodes=tuple(nodes),
        estimated=estimated,
        rows_returned=nodes[0].rows if nodes else 0,
        rows_read=rows_read,
        shared_hit=int(root.get("Shared Hit Blocks", 0)),
        shared_read=int(root.get("Shared Read Blocks", 0)),
        execution_ms=top.get("Execution Time"),
        total_cost=float(root.get("Total Cost", 0.0)),
    )


def _walk(node: dict, depth: int, out: list[PlanNode], estimated: bool) -> None:
    loops = float(node.get("Actual Loops", 1) or 1)
    rows = float(node.get("Plan Rows", 0)) if estimated else float(node.get("Actual Rows", 0)) * loops
    removed = (
        sum(
            float(node.get(key, 0))
            for key in ("Rows Removed by Filter", "Rows Removed by Index Recheck", "Rows Removed by Join Filter")
        )
        * loops
    )
    relation = node.get("Relation Name")
    if relation and node.get("Alias") and node["Alias"] != relation:
        relation = f"{relation} {node['Alias']}"
    out.append(
        PlanNode(
            depth=depth,
            node_type=_node_type(node),
            relation=relation,
            index=node.get("Index Name"),
            rows=rows,
            estimated_rows=float(node.get("Plan Rows", 0)),
            removed=removed,
            time_ms=None if estimated else float(node.get("Actual Total Time", 0.0)),
            cost=float(node.get("Total Cost", 0.0)),
            detail=_detail(node),
        )
    )
    for child in node.get("Plans", ()):
        _walk(child, depth + 1, out, estimated)


def _node_type(node: dict) -> str:
    kind = node.get("Node Type", "?")
    if kind == "ModifyTable":
        return node.get("Operation", "Modify")
    if kind == "Aggregate" and node.get("Strategy") not in (None, "Plain"):
        return f"{node['Strategy']} Aggregate"
    return kind


def _detail(node: dict) -> str:
    for key in ("Index Cond", "Hash Cond", "Merge Cond", "Recheck Cond", "Filter", "Join Filter"):
        if node.get(key):
            return _short(f"{key}: {node[key]}")
    if node.get("Sort Key"):
        method = f", {node['Sort Method']}" if node.get("Sort Method") else ""
        space = f" {node['Sort Space Type']}" if node.get("Sort Space Type") == "Disk" else ""
        return _short(f"by {', '.join(node['Sort Key'])}{method}{space}")
    return ""


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
