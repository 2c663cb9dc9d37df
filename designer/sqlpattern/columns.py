"""Columns: resolving references to fields, and the select list (or RETURNING) to returns."""

from __future__ import annotations

from pglast import ast

from designer.schema import Entity, Field, Operation
from designer.sqlpattern.base import Draft, ReaderBase, Table, matches
from designer.sqlpattern.codes import UNKNOWN_COLUMN, UNKNOWN_TABLE
from designer.sqlpattern.nodes import has_subquery, is_aggregate, walk


class Columns(ReaderBase):
    """Column references resolved against the tables read so far."""

    def column(self, node: ast.ColumnRef) -> tuple[Table, Field] | None:
        """The table and field a column reference names (problems said when it names none)."""
        names = [part.sval for part in node.fields]
        *qualifier, name = names
        if qualifier:
            table = self.tables.get(qualifier[-1])
            if table is None:
                self.unknown(UNKNOWN_TABLE, f"{'.'.join(qualifier)} is not a table or alias of this query")
                return None
            tables = [table]
        else:
            tables = list(self.tables.values())
        found = [(t, f) for t in tables for f in matches(t.entity.fields, name, name_of=lambda f: f.name)]
        if not found:
            where = " or ".join(t.entity.name for t in tables) or "the query"
            self.unknown(UNKNOWN_COLUMN, f"{where} has no field named {name}")
            return None
        # Unqualified: the pattern's own entity wins, as the first table in FROM
        own = [pair for pair in found if pair[0].own]
        if len(found) > 1 and not own:
            self.unmappable(f"{name} is a field of several joined tables: qualify it", node)
            return None
        return (own or found)[0]

    def own_field_id(self, node: ast.Node, *, context: str) -> str | None:
        """The field id of a column of the pattern's own entity (problems said otherwise)."""
        if not isinstance(node, ast.ColumnRef) or isinstance(node.fields[-1], ast.A_Star):
            self.unmappable(f"{context} must name a column, not an expression", node)
            return None
        found = self.column(node)
        if found is None:
            return None
        table, column_field = found
        if not table.own:
            self.unmappable(
                f"{context} on joined {table.entity.name} cannot be part of this pattern: "
                f"declare a pattern on {table.entity.name} for it",
                node,
            )
            return None
        return column_field.id

    def field_ids(self, entity: Entity, names: list[str]) -> list[str]:
        ids = []
        for name in names:
            found = matches(entity.fields, name, name_of=lambda f: f.name)
            if found:
                ids.append(found[0].id)
            else:
                self.unknown(UNKNOWN_COLUMN, f"{entity.name} has no field named {name}")
        return ids

    def columns_in(self, node: ast.Node) -> list[str]:
        """Every field a column reference inside ``node`` names (checked, in order)."""
        ids = []
        for part in walk(node):
            if isinstance(part, ast.ColumnRef) and not isinstance(part.fields[-1], ast.A_Star):
                found = self.column(part)
                if found is not None:
                    ids.append(found[1].id)
        return ids

    # select list

    def select_list(self, targets, draft: Draft) -> str | None:
        """Fills ``draft.returns``; says 'count' or 'aggregate' when the list aggregates."""
        aggregates: list[str] = []
        everything = False
        for target in targets:
            value = target.val
            if isinstance(value, ast.ColumnRef) and isinstance(value.fields[-1], ast.A_Star):
                everything |= self.star(value, draft)
            elif has_subquery(value):
                self.unmappable("a subquery in the select list", value)
            elif calls := [n for n in walk(value) if isinstance(n, ast.FuncCall) and is_aggregate(n)]:
                aggregates += [call.funcname[-1].sval.lower() for call in calls]
                self.columns_in(value)  # checked, not returned: an aggregate returns its result
            else:
                draft.returns += self.columns_in(value)
        if everything:
            draft.returns = []  # empty returns = every field
        if not aggregates:
            return None
        return "count" if set(aggregates) == {"count"} else "aggregate"

    def star(self, node: ast.ColumnRef, draft: Draft) -> bool:
        """True for ``*`` or ``own.*``; a joined table's ``t.*`` returns all its fields."""
        qualifier = [part.sval for part in node.fields[:-1]]
        if not qualifier:
            return True
        table = self.tables.get(qualifier[-1])
        if table is None:
            self.unknown(UNKNOWN_TABLE, f"{'.'.join(qualifier)} is not a table or alias of this query")
            return False
        if table.own:
            return True
        draft.returns += [f.id for f in table.entity.fields]
        return False

    def returning(self, clause: ast.ReturningClause | None) -> list[str]:
        """The fields a write's RETURNING lists, read like a select list."""
        draft = Draft(entity=next(iter(self.tables.values())).entity, operation=Operation.LIST)
        self.select_list(clause.exprs if clause is not None else (), draft)
        return draft.returns
