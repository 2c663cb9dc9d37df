"""Conditions: a WHERE clause, split at AND, to the pattern's filters."""

from __future__ import annotations

from pglast import ast
from pglast.enums import A_Expr_Kind, BoolExprType, NullTestType

from designer.schema import Filter, FilterOp, ValueKind
from designer.sqlpattern.columns import Columns
from designer.sqlpattern.nodes import (
    concatenated,
    conjuncts,
    constant_text,
    is_column_side,
    json_path,
    string_constant,
    walk,
)

COMPARISONS = {"=": FilterOp.EQ, "<": FilterOp.LT, "<=": FilterOp.LTE, ">": FilterOp.GT, ">=": FilterOp.GTE}
FLIPPED = {
    FilterOp.EQ: FilterOp.EQ,
    FilterOp.LT: FilterOp.GT,
    FilterOp.LTE: FilterOp.GTE,
    FilterOp.GT: FilterOp.LT,
    FilterOp.GTE: FilterOp.LTE,
}


class Conditions(Columns):
    """Each condition to filters on the pattern's own entity, or a problem saying why not."""

    def where(self, node: ast.Node | None) -> list[Filter]:
        filters: list[Filter] = []
        for condition in conjuncts(node) if node is not None else ():
            filters += self.condition(condition)
        return filters

    def condition(self, node: ast.Node) -> list[Filter]:
        if isinstance(node, ast.NullTest):
            op = FilterOp.IS_NULL if node.nulltesttype == NullTestType.IS_NULL else FilterOp.IS_NOT_NULL
            field_id = self.own_field_id(node.arg, context="a NULL test")
            return [Filter(field_id=field_id, op=op, value_kind=ValueKind.CONSTANT)] if field_id else []
        if isinstance(node, ast.BoolExpr) and node.boolop == BoolExprType.OR_EXPR:
            return self.or_as_in(node)
        if isinstance(node, ast.A_Expr):
            return self.expression(node)
        self.unmappable("this condition has no filter form", node)
        return []

    def expression(self, node: ast.A_Expr) -> list[Filter]:
        op = node.name[-1].sval
        if node.kind == A_Expr_Kind.AEXPR_OP and op in COMPARISONS:
            return self.comparison(node, COMPARISONS[op])
        if node.kind == A_Expr_Kind.AEXPR_OP and op in ("@>", "@@"):
            return self.containment(node, FilterOp.ARRAY_CONTAINS if op == "@>" else FilterOp.FULL_TEXT)
        if node.kind == A_Expr_Kind.AEXPR_IN and op == "=":  # the list becomes one array value
            return self.filter(node.lexpr, FilterOp.IN, ast.A_ArrayExpr(elements=node.rexpr), context="IN")
        if node.kind == A_Expr_Kind.AEXPR_OP_ANY and op == "=":
            return self.filter(node.lexpr, FilterOp.IN, node.rexpr, context="= ANY")
        if node.kind == A_Expr_Kind.AEXPR_BETWEEN:
            return self.filter(node.lexpr, FilterOp.BETWEEN, node.rexpr, context="BETWEEN")
        if node.kind in (A_Expr_Kind.AEXPR_LIKE, A_Expr_Kind.AEXPR_ILIKE) and op in ("~~", "~~*"):
            return self.like(node)
        self.unmappable("this condition has no filter form", node)
        return []

    def comparison(self, node: ast.A_Expr, op: FilterOp) -> list[Filter]:
        column, value = node.lexpr, node.rexpr
        if not is_column_side(column) and is_column_side(value):
            column, value, op = value, column, FLIPPED[op]  # $1 < x is x > $1
        in_json = json_path(column)
        if in_json is None:
            return self.filter(column, op, value, context="a comparison")
        column, path = in_json
        if op is not FilterOp.EQ:
            self.unmappable("a JSON path can only be compared with =", node)
            return []
        field_id = self.own_field_id(column, context="a JSON path")
        kind = self.value_kind(value, context="a JSON path's value")
        if field_id is None or kind is None:
            return []
        return [Filter(field_id=field_id, op=FilterOp.JSON_PATH, value_kind=kind, value=path)]

    def containment(self, node: ast.A_Expr, op: FilterOp) -> list[Filter]:
        column = node.lexpr
        if op is FilterOp.FULL_TEXT and isinstance(column, ast.FuncCall) and column.funcname[-1].sval == "to_tsvector":
            inner = [a for a in column.args or () if isinstance(a, ast.ColumnRef)]
            if len(inner) != 1 or len(column.args) > 2:
                self.unmappable("full text over several columns has no single field", column)
                return []
            column = inner[0]
        return self.filter(column, op, node.rexpr, context="a containment test")

    def like(self, node: ast.A_Expr) -> list[Filter]:
        parts = concatenated(node.rexpr)
        leading = string_constant(parts[0]) or ""
        trailing = string_constant(parts[-1]) or ""
        starts, ends = leading.startswith("%"), trailing.endswith("%")
        if len(parts) == 1 and leading and "%" in leading.strip("%"):
            starts = ends = False  # 'a%b' has a wildcard inside: neither a prefix nor a contains
        if ends and starts:
            op = FilterOp.CONTAINS
        elif ends:
            op = FilterOp.PREFIX
        else:
            self.unmappable("LIKE only maps as a prefix ('x%', $1 || '%') or contains ('%x%')", node)
            return []
        return self.filter(node.lexpr, op, node.rexpr, context="LIKE")

    def or_as_in(self, node: ast.BoolExpr) -> list[Filter]:
        """``a = 1 OR a = 2`` is ``a IN (1, 2)``; any other OR has no filter form."""
        equalities = [
            a
            for a in node.args
            if isinstance(a, ast.A_Expr)
            and a.kind == A_Expr_Kind.AEXPR_OP
            and a.name[-1].sval == "="
            and isinstance(a.lexpr, ast.ColumnRef)
        ]
        columns = {tuple(p.sval for p in a.lexpr.fields) for a in equalities}
        if len(equalities) != len(node.args) or len(columns) != 1:
            self.unmappable("OR only maps when it compares one column with several values", node)
            return []
        values = ast.A_ArrayExpr(elements=tuple(a.rexpr for a in equalities))
        return self.filter(equalities[0].lexpr, FilterOp.IN, values, context="OR")

    def filter(self, column: ast.Node, op: FilterOp, value, *, context: str) -> list[Filter]:
        field_id = self.own_field_id(column, context=context)
        kind = self.value_kind(value, context=f"{context}'s value")
        if field_id is None or kind is None:
            return []
        text = constant_text(value, op=op) if kind is ValueKind.CONSTANT else None
        return [Filter(field_id=field_id, op=op, value_kind=kind, value=text)]

    def value_kind(self, node, *, context: str, allow_columns: bool = False) -> ValueKind | None:
        """PARAMETER when a placeholder is in it, CONSTANT when nothing varies in it."""
        nodes = list(walk(node))
        if any(isinstance(n, ast.SubLink) for n in nodes) or (
            not allow_columns and any(isinstance(n, ast.ColumnRef) for n in nodes)
        ):
            self.unmappable(f"{context} must be a parameter or a constant", node)
            return None
        return ValueKind.PARAMETER if any(isinstance(n, ast.ParamRef) for n in nodes) else ValueKind.CONSTANT
