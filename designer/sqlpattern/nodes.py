"""Small helpers over pglast's syntax tree: walking it, printing it, recognising shapes."""

from __future__ import annotations

from pglast import ast
from pglast.enums import A_Expr_Kind, BoolExprType, SubLinkType
from pglast.stream import RawStream

from designer.schema import FilterOp

AGGREGATES = frozenset(
    [
        "count",
        "sum",
        "avg",
        "min",
        "max",
        "array_agg",
        "string_agg",
        "json_agg",
        "jsonb_agg",
        "json_object_agg",
        "jsonb_object_agg",
        "bool_and",
        "bool_or",
        "every",
        "bit_and",
        "bit_or",
        "stddev",
        "stddev_pop",
        "stddev_samp",
        "variance",
        "var_pop",
        "var_samp",
        "percentile_cont",
        "percentile_disc",
        "mode",
        "xmlagg",
    ]
)


def to_sql(node) -> str:
    if isinstance(node, tuple):  # BETWEEN's bounds
        return " AND ".join(to_sql(n) for n in node)
    return RawStream()(node)


def walk(node):
    """``node`` and every node under it."""
    if isinstance(node, tuple):
        for item in node:
            yield from walk(item)
    elif isinstance(node, ast.Node):
        yield node
        for attribute in type(node).__slots__:
            yield from walk(getattr(node, attribute, None))


def has_subquery(node) -> bool:
    return any(isinstance(n, ast.SubLink | ast.RangeSubselect | ast.SelectStmt) for n in walk(node))


def exists_subquery(node: ast.SelectStmt) -> ast.SelectStmt | None:
    targets = node.targetList or ()
    if node.fromClause or len(targets) != 1:
        return None
    value = targets[0].val
    if isinstance(value, ast.SubLink) and value.subLinkType == SubLinkType.EXISTS_SUBLINK:
        return value.subselect
    return None


def conjuncts(node: ast.Node) -> list[ast.Node]:
    if isinstance(node, ast.BoolExpr) and node.boolop == BoolExprType.AND_EXPR:
        return [c for arg in node.args for c in conjuncts(arg)]
    return [node]


def equated_columns(node: ast.Node) -> tuple[ast.ColumnRef, ast.ColumnRef] | None:
    if (
        isinstance(node, ast.A_Expr)
        and node.kind == A_Expr_Kind.AEXPR_OP
        and node.name[-1].sval == "="
        and isinstance(node.lexpr, ast.ColumnRef)
        and isinstance(node.rexpr, ast.ColumnRef)
    ):
        return node.lexpr, node.rexpr
    return None


def is_column_side(node) -> bool:
    return isinstance(node, ast.ColumnRef) or json_path(node) is not None


def json_path(node) -> tuple[ast.ColumnRef, str] | None:
    """``col->'a'->>'b'`` or ``col #>> '{a,b}'`` → (col, '{a,b}'); None for anything else."""
    if not (isinstance(node, ast.A_Expr) and node.kind == A_Expr_Kind.AEXPR_OP):
        return None
    op = node.name[-1].sval
    key = string_constant(node.rexpr)
    if op == "#>>" and isinstance(node.lexpr, ast.ColumnRef) and key is not None:
        return node.lexpr, key
    if op != "->>" or key is None:
        return None
    steps = [key]
    inner = node.lexpr
    while isinstance(inner, ast.A_Expr) and inner.name[-1].sval == "->" and string_constant(inner.rexpr) is not None:
        steps.insert(0, string_constant(inner.rexpr))
        inner = inner.lexpr
    if not isinstance(inner, ast.ColumnRef):
        return None
    return inner, "{" + ",".join(steps) + "}"


def string_constant(node) -> str | None:
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
        return node.val.sval
    return None


def concatenated(node) -> list:
    """``a || b || c`` → [a, b, c]."""
    if isinstance(node, ast.A_Expr) and node.kind == A_Expr_Kind.AEXPR_OP and node.name[-1].sval == "||":
        return concatenated(node.lexpr) + concatenated(node.rexpr)
    return [node]


def constant_text(node, *, op: FilterOp) -> str:
    """SQL text of a constant: 'published', (1, 2) for IN, 1 AND 10 for BETWEEN."""
    if isinstance(node, tuple):  # BETWEEN's bounds
        return " AND ".join(constant_text(n, op=op) for n in node)
    if op is FilterOp.IN and isinstance(node, ast.A_ArrayExpr):
        return "(" + ", ".join(constant_text(e, op=op) for e in node.elements) + ")"
    # A cast only tells PostgreSQL the type: 'published'::post_status is the value 'published'.
    return to_sql(node.arg if isinstance(node, ast.TypeCast) else node)


def is_aggregate(call: ast.FuncCall) -> bool:
    return call.over is None and (call.agg_star or call.funcname[-1].sval.lower() in AGGREGATES)
