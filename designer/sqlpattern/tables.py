"""Tables: the statement's target, FROM, and each JOIN matched to a declared relationship."""

from __future__ import annotations

from pglast import ast

from designer.schema import Cardinality, Entity, Relationship, Schema
from designer.sqlpattern.base import Table, matches, names
from designer.sqlpattern.codes import UNKNOWN_TABLE
from designer.sqlpattern.columns import Columns
from designer.sqlpattern.nodes import conjuncts, equated_columns


class Tables(Columns):
    """Entities for the tables a statement names; joins become the pattern's relationships."""

    def target_table(self, relation: ast.RangeVar, with_clause) -> Entity | None:
        if with_clause is not None:
            self.unmappable("WITH queries are not supported: declare each query as a pattern of its own")
        return self.add_table(relation)

    def add_table(self, relation: ast.RangeVar) -> Entity | None:
        entity = self.entity(relation)
        if entity is None:
            return None
        key = relation.alias.aliasname if relation.alias is not None else relation.relname
        if key in self.tables:
            self.unmappable(f"{key} appears twice in FROM: give each an alias")
            return None
        self.tables[key] = Table(entity=entity, own=not self.tables)
        return entity

    def entity(self, relation: ast.RangeVar) -> Entity | None:
        namespace = relation.schemaname
        if namespace is None:
            # Unqualified names resolve in the default schema, as with PostgreSQL's search_path,
            # unless the table exists only in one other schema.
            candidates = [e for e in self.schema.entities if e.namespace in (None, "public")]
            if not matches(candidates, relation.relname, name_of=lambda e: e.name):
                candidates = list(self.schema.entities)
        else:
            candidates = [e for e in self.schema.entities if (e.namespace or "public") == namespace]
        found = matches(candidates, relation.relname, name_of=lambda e: e.name)
        if len(found) == 1:
            return found[0]
        shown = f"{namespace}.{relation.relname}" if namespace else relation.relname
        if found:
            self.unknown(UNKNOWN_TABLE, f"{shown} matches several entities ({names(found)}): write it exactly")
        else:
            self.unknown(UNKNOWN_TABLE, f"no entity is named {shown}")
        return None

    def from_clause(self, items) -> Entity | None:
        if len(items) > 1:
            self.unmappable("tables listed with commas: write the joins as JOIN ... ON")
            return None
        return self.from_item(items[0])

    def from_item(self, node: ast.Node) -> Entity | None:
        """The pattern's entity (the first table); joined tables are added as they come."""
        if isinstance(node, ast.RangeVar):
            return self.add_table(node)
        if isinstance(node, ast.JoinExpr) and isinstance(node.rarg, ast.RangeVar):
            target = self.from_item(node.larg)
            if target is not None:
                self.join(node)
            return target
        if isinstance(node, ast.JoinExpr):
            self.unmappable("only a table can be joined, not a subquery or parenthesised joins", node.rarg)
        elif isinstance(node, ast.RangeSubselect):
            self.unmappable("a subquery in FROM reads no entity directly", node)
        else:
            self.unmappable("only tables can be read", node)
        return None

    def join(self, node: ast.JoinExpr) -> None:
        seen = {t.entity.id for t in self.tables.values()}
        joined = self.add_table(node.rarg)
        if joined is None:
            return
        pairs = self.join_pairs(node.quals) if node.quals is not None else set()
        if pairs is None:
            return
        candidates = linking(self.schema, joined.id, seen)
        if pairs:
            exact = [r for r in candidates if field_pairs(r) == pairs]
            candidates = exact or [r for r in candidates if r.cardinality is Cardinality.MANY_TO_MANY]
        if len(candidates) == 1:
            key = node.rarg.alias.aliasname if node.rarg.alias is not None else node.rarg.relname
            self.tables[key].relationship_id = candidates[0].id
        elif candidates:
            self.unmappable(f"several relationships join {joined.name}: say which with ON columns", node)
        else:
            self.unmappable(f"no declared relationship joins {joined.name} this way", node)

    def join_pairs(self, quals: ast.Node) -> set[frozenset] | None:
        """The (entity id, field id) pairs an ON condition equates; None if it does more."""
        pairs = set()
        for condition in conjuncts(quals):
            columns = equated_columns(condition)
            if columns is None:
                self.unmappable("a join condition can only equate columns (a = b AND c = d)", condition)
                return None
            ends = [self.column(c) for c in columns]
            if None in ends:
                return None
            pairs.add(frozenset((table.entity.id, column_field.id) for table, column_field in ends))
        return pairs


def linking(schema: Schema, entity_id: str, seen: set[str]) -> list[Relationship]:
    """Relationships joining ``entity_id`` to an entity already in the query."""
    found = []
    for relationship in schema.relationships:
        ends = [relationship.from_entity_id, relationship.to_entity_id, relationship.join_entity_id]
        if entity_id not in ends:
            continue
        others = [e for e in ends if e is not None and e != entity_id] or [entity_id]  # a self-reference
        if any(other in seen for other in others):
            found.append(relationship)
    return found


def field_pairs(relationship: Relationship) -> set[frozenset]:
    if relationship.cardinality is Cardinality.MANY_TO_MANY:
        return set()  # its columns live on the join entity, not in from/to fields
    return {
        frozenset({(relationship.from_entity_id, a), (relationship.to_entity_id, b)})
        for a, b in zip(relationship.from_field_ids, relationship.to_field_ids, strict=False)
    }
