"""Access patterns from SQL: paste the query an application runs, get the pattern it is.

The query is parsed by PostgreSQL's own parser (pglast) and read against the schema:
tables and columns are matched to entities and fields by name. A query either maps
completely or not at all: every part that has no place in an ``AccessPattern`` is
reported as a ``Problem``, all of them at once, and nothing partial is returned.

What maps:
- SELECT: WHERE conditions joined by AND become filters (=, IN, = ANY, <, <=, >, >=,
  BETWEEN, LIKE/ILIKE 'x%' or $1 || '%' → prefix, '%x%' → contains, IS [NOT] NULL,
  @> → array contains, ->> / #>> → JSON path, @@ → full text); an OR of equalities on
  one column becomes IN. ORDER BY → sort, LIMIT → limit, OFFSET → offset pagination.
  A range condition on the first sort key, in the sort's direction and with a
  parameter (``created_at < $2 ORDER BY created_at DESC``), is the keyset cursor: the
  pattern gets keyset pagination and the condition itself is not kept as a filter,
  so the first page and the following ones are the same pattern.
- JOIN ... ON follows a declared relationship; the select list's columns are returned.
- count(...) or EXISTS → count; other aggregates or GROUP BY → aggregate; a full-text
  or contains filter → search; equality on a whole key with no sort → point lookup.
- INSERT → insert (ON CONFLICT → upsert, several VALUES rows → bulk), UPDATE → update,
  DELETE → delete, COPY ... FROM → bulk.

Parameters may be written ``$1``, ``:name``, ``%(name)s``, ``%s`` or ``?``; they become
``ValueKind.PARAMETER``. Anything else without a column in it is a constant, kept as
its SQL text (``'published'``, ``now() - CAST('7 days' AS interval)``).
"""

from __future__ import annotations

from designer.problems import SchemaError
from designer.schema import READ_OPERATIONS, AccessPattern, Operation, PatternKind, Schema, minted_id
from designer.sqlpattern.base import Draft
from designer.sqlpattern.codes import SYNTAX, UNKNOWN_COLUMN, UNKNOWN_TABLE, UNMAPPABLE
from designer.sqlpattern.reader import Reader
from designer.sqlpattern.statement import single_statement

__all__ = ["SYNTAX", "UNKNOWN_COLUMN", "UNKNOWN_TABLE", "UNMAPPABLE", "pattern_from_sql"]

_VERBS = {
    Operation.COUNT: "count ",
    Operation.AGGREGATE: "aggregate ",
    Operation.SEARCH: "search ",
    Operation.INSERT: "insert ",
    Operation.UPSERT: "upsert ",
    Operation.UPDATE: "update ",
    Operation.DELETE: "delete ",
    Operation.BULK: "bulk load ",
}


def pattern_from_sql(sql: str, *, schema: Schema, name: str | None = None) -> AccessPattern:
    """The access pattern ``sql`` performs on ``schema``; raises ``SchemaError`` listing
    every part that cannot be mapped (codes ``sql-syntax``, ``sql-unmappable``,
    ``sql-unknown-table``, ``sql-unknown-column``). The frequency is the default
    (once a second): SQL does not say how often it runs."""
    statement = single_statement(sql)
    reader = Reader(schema)
    draft = reader.statement(statement)
    if reader.problems or draft is None:
        raise SchemaError(reader.problems)
    return AccessPattern(
        id=minted_id("pat", schema.all_ids()),
        name=name or _describe(draft),
        kind=PatternKind.READ if draft.operation in READ_OPERATIONS else PatternKind.WRITE,
        operation=draft.operation,
        entity_id=draft.entity.id,
        filters=tuple(draft.filters),
        sort=tuple(draft.sort),
        limit=draft.limit,
        pagination=draft.pagination,
        returns=tuple(dict.fromkeys(draft.returns)),
        joins=tuple(dict.fromkeys(draft.joins)),
        changes=tuple(dict.fromkeys(draft.changes)),
    )


def _describe(draft: Draft) -> str:
    """'posts by author_id, created_at desc', 'count posts by author_id', 'insert posts'."""
    fields = {f.id: f.name for f in draft.entity.fields}
    parts = list(dict.fromkeys(fields[f.field_id] for f in draft.filters))
    parts += [f"{fields[s.field_id]} {s.order.value}" for s in draft.sort]
    verb = _VERBS.get(draft.operation, "")
    return f"{verb}{draft.entity.name}" + (f" by {', '.join(parts)}" if parts else "")
