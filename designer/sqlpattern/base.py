"""What every part of the reader shares: the tables in FROM, the draft pattern, the problems."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from pglast import ast

from designer.problems import Problem
from designer.schema import Entity, Filter, Operation, Pagination, Schema, SortKey
from designer.sqlpattern.codes import UNMAPPABLE
from designer.sqlpattern.nodes import has_subquery, to_sql


@dataclass
class Table:
    entity: Entity
    own: bool  # the pattern's entity (the first table), not a joined one
    relationship_id: str | None = None  # how it was joined, once known


@dataclass
class Draft:
    entity: Entity
    operation: Operation
    filters: list[Filter] = dataclasses.field(default_factory=list)
    sort: list[SortKey] = dataclasses.field(default_factory=list)
    limit: int | None = None
    pagination: Pagination = Pagination.NONE
    returns: list[str] = dataclasses.field(default_factory=list)
    joins: list[str] = dataclasses.field(default_factory=list)
    changes: list[str] = dataclasses.field(default_factory=list)


class ReaderBase:
    """The tables read so far and the problems found so far, shared by every part of the reader."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.problems: list[Problem] = []
        self.tables: dict[str, Table] = {}  # FROM alias (or table name) → table, in FROM order

    def unmappable(self, message: str, node: ast.Node | None = None) -> None:
        if node is not None:  # the offending SQL first, so the reader sees what is meant
            message = f"{to_sql(node)}: {message}"
            if has_subquery(node):
                message += " (subqueries are not supported: declare the inner query as a pattern of its own)"
        self.problems.append(Problem(code=UNMAPPABLE, message=message))

    def unknown(self, code: str, message: str) -> None:
        self.problems.append(Problem(code=code, message=message))


def matches(items, name: str, *, name_of) -> list:
    """Items named exactly ``name``; failing that, those named so ignoring case."""
    exact = [item for item in items if name_of(item) == name]
    return exact or [item for item in items if name_of(item).casefold() == name.casefold()]


def names(entities: list[Entity]) -> str:
    return ", ".join(e.qualified_name for e in entities)
