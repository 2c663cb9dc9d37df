"""The reader: one statement (SELECT, INSERT, UPDATE, DELETE, COPY) to a draft pattern."""

from __future__ import annotations

from pglast import ast
from pglast.enums import SetOperation, SortByDir

from designer.schema import Entity, FilterOp, Operation, Pagination, SortKey, SortOrder, ValueKind
from designer.sqlpattern.base import Draft
from designer.sqlpattern.conditions import Conditions
from designer.sqlpattern.nodes import exists_subquery
from designer.sqlpattern.tables import Tables

_CURSOR_OPS = {SortOrder.DESC: {FilterOp.LT, FilterOp.LTE}, SortOrder.ASC: {FilterOp.GT, FilterOp.GTE}}
_SEARCH_OPS = frozenset({FilterOp.FULL_TEXT, FilterOp.CONTAINS})


class Reader(Tables, Conditions):
    """Reads one statement, collecting problems instead of stopping at the first."""

    def statement(self, node: ast.Node) -> Draft | None:
        if isinstance(node, ast.SelectStmt):
            return self.select(node)
        if isinstance(node, ast.InsertStmt):
            return self.insert(node)
        if isinstance(node, ast.UpdateStmt):
            return self.update(node)
        if isinstance(node, ast.DeleteStmt):
            return self.delete(node)
        if isinstance(node, ast.CopyStmt) and node.is_from and node.relation is not None:
            return self.copy(node)
        kind = type(node).__name__.removesuffix("Stmt")
        self.unmappable(
            f"only SELECT, INSERT, UPDATE, DELETE and COPY ... FROM describe an access pattern ({kind} does not)"
        )
        return None

    def select(self, node: ast.SelectStmt) -> Draft | None:
        exists = exists_subquery(node)
        if exists is not None:  # SELECT EXISTS (SELECT ... FROM t WHERE ...): a count of t
            draft = self.select(exists)
            if draft is not None:
                draft.operation = Operation.COUNT
            return draft
        if not self.plain_select(node):
            return None
        if not node.fromClause:
            self.unmappable("a query without FROM reads no entity")
            return None
        target = self.from_clause(node.fromClause)
        if target is None:
            return None
        draft = Draft(entity=target, operation=Operation.LIST)
        draft.joins = [t.relationship_id for t in self.tables.values() if t.relationship_id is not None]
        draft.filters = self.where(node.whereClause)
        draft.sort = self.order_by(node.sortClause or ())
        draft.limit = self.limit(node.limitCount)
        aggregate = self.select_list(node.targetList or (), draft)
        for key in node.groupClause or ():
            self.columns_in(key)  # grouping columns must exist, even though they are not kept
        # HAVING filters the groups after the rows are read: it does not change the pattern.
        if node.groupClause or aggregate == "aggregate":
            draft.operation = Operation.AGGREGATE
        elif aggregate == "count":
            draft.operation = Operation.COUNT
        draft.pagination = Pagination.OFFSET if node.limitOffset is not None else keyset(draft)
        if draft.operation is Operation.LIST:
            draft.operation = self.read_kind(draft)
        return draft

    def plain_select(self, node: ast.SelectStmt) -> bool:
        """False (with the problem said) for the SELECT shapes a pattern cannot hold."""
        if node.op != SetOperation.SETOP_NONE:
            self.unmappable("UNION, INTERSECT and EXCEPT combine several queries: declare one pattern per query")
            return False
        if node.withClause is not None:
            self.unmappable("WITH queries are not supported: declare each query as a pattern of its own")
            return False
        if node.valuesLists:
            self.unmappable("a VALUES list reads no entity")
            return False
        return True

    def insert(self, node: ast.InsertStmt) -> Draft | None:
        target = self.target_table(node.relation, node.withClause)
        if target is None:
            return None
        rows = (node.selectStmt.valuesLists or ()) if node.selectStmt is not None else ()
        if node.selectStmt is not None and not rows:
            self.unmappable("INSERT ... SELECT copies the rows of a query: declare that query as a pattern of its own")
        for row in rows:
            for value in row:
                self.value_kind(value, context="an inserted value")
        operation = Operation.INSERT
        if node.onConflictClause is not None:
            operation = Operation.UPSERT
        elif len(rows) > 1:
            operation = Operation.BULK
        draft = Draft(entity=target, operation=operation)
        if node.cols:
            draft.changes = self.field_ids(target, [c.name for c in node.cols])
        elif rows:  # no column list: the values fill the first fields in order, as in PostgreSQL
            draft.changes = [f.id for f in target.fields[: len(rows[0])]]
        draft.returns = self.returning(node.returningClause)
        return draft

    def update(self, node: ast.UpdateStmt) -> Draft | None:
        target = self.target_table(node.relation, node.withClause)
        if target is None:
            return None
        if node.fromClause:
            self.unmappable("UPDATE ... FROM joins other tables: declare the rows it reads as a pattern of its own")
        draft = Draft(entity=target, operation=Operation.UPDATE)
        draft.changes = self.field_ids(target, [t.name for t in node.targetList])
        for assignment in node.targetList:
            self.value_kind(assignment.val, context="an assigned value", allow_columns=True)
        draft.filters = self.where(node.whereClause)
        draft.returns = self.returning(node.returningClause)
        return draft

    def delete(self, node: ast.DeleteStmt) -> Draft | None:
        target = self.target_table(node.relation, node.withClause)
        if target is None:
            return None
        if node.usingClause:
            self.unmappable("DELETE ... USING joins other tables: declare the rows it reads as a pattern of its own")
        draft = Draft(entity=target, operation=Operation.DELETE)
        draft.filters = self.where(node.whereClause)
        draft.returns = self.returning(node.returningClause)
        return draft

    def copy(self, node: ast.CopyStmt) -> Draft | None:
        target = self.target_table(node.relation, None)
        if target is None:
            return None
        draft = Draft(entity=target, operation=Operation.BULK)
        names = [n.sval for n in node.attlist or ()]
        draft.changes = self.field_ids(target, names) if names else [f.id for f in target.fields]
        return draft

    # order and limit

    def order_by(self, keys) -> list[SortKey]:
        sort = []
        for key in keys:
            field_id = self.own_field_id(key.node, context="ORDER BY")
            if field_id is not None:
                order = SortOrder.DESC if key.sortby_dir == SortByDir.SORTBY_DESC else SortOrder.ASC
                sort.append(SortKey(field_id=field_id, order=order))
        return sort

    def limit(self, node: ast.Node | None) -> int | None:
        # LIMIT $1 (a size chosen at run time) and LIMIT ALL leave the limit unknown.
        if node is None or isinstance(node, ast.ParamRef) or (isinstance(node, ast.A_Const) and node.isnull):
            return None
        if isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer):
            return node.val.ival
        self.unmappable("LIMIT must be a number or a parameter", node)
        return None

    def read_kind(self, draft: Draft) -> Operation:
        if any(f.op in _SEARCH_OPS for f in draft.filters):
            return Operation.SEARCH
        equal = {f.field_id for f in draft.filters if f.op is FilterOp.EQ}
        if not draft.sort and any(key and set(key) <= equal for key in unique_keys(draft.entity)):
            return Operation.POINT_LOOKUP
        return Operation.LIST


def unique_keys(entity: Entity) -> list[tuple[str, ...]]:
    """The field sets that identify one row: the primary key, unique fields, unique indexes."""
    keys = [entity.primary_key] + [(f.id,) for f in entity.fields if f.unique]
    for index in entity.indexes:
        if index.unique and index.predicate is None and all(c.field_id for c in index.columns):
            keys.append(tuple(c.field_id for c in index.columns))
    return keys


def keyset(draft: Draft) -> Pagination:
    """KEYSET when a parameter range on the first sort key follows the sort's direction;
    that cursor condition is then implied by the pagination and dropped from the filters."""
    if not draft.sort:
        return Pagination.NONE
    first = draft.sort[0]
    cursor = [
        f
        for f in draft.filters
        if f.field_id == first.field_id and f.op in _CURSOR_OPS[first.order] and f.value_kind is ValueKind.PARAMETER
    ]
    if not cursor:
        return Pagination.NONE
    draft.filters = [f for f in draft.filters if f not in cursor]
    return Pagination.KEYSET
