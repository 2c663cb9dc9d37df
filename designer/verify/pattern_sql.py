"""An access pattern as the PostgreSQL statement an application would run for it.

The one writer of pattern SQL: the workload panel shows it and the Verify job runs it.
Parameters are numbered ``$1, $2 …`` for people to read; ``placeholders="%s"`` spells
them as psycopg takes them (and doubles the literal ``%`` a contains-search needs).
Each parameter carries a ``Slot`` saying which column its value comes from and how it
is used, so a runner can sample real values from the loaded data.

A keyset-paged list is written as its first page (the cursor condition of later pages
is not part of the pattern: ``designer.sqlpattern`` drops it when reading SQL back).
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Field,
    Filter,
    FilterOp,
    Operation,
    Pagination,
    Schema,
    ValueKind,
)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_name(entity: Entity) -> str:
    return f"{quote(entity.namespace)}.{quote(entity.name)}" if entity.namespace else quote(entity.name)


@dataclass(frozen=True)
class Slot:
    """Where a parameter's value comes from: a column of the data (by entity and field
    id) and its use: "value" (compared as is), "prefix" / "contains" (a piece of a
    value), "list" (an array of values), "offset" (a row count), "new" (a fresh value
    for a write)."""

    entity_id: str
    field_id: str | None
    use: str = "value"


@dataclass(frozen=True)
class PatternQuery:
    pattern_id: str
    sql: str
    slots: tuple[Slot, ...]
    writes: bool


class Unwritable(ValueError):
    """The pattern names something the schema no longer has (a stale pattern)."""


def pattern_query(schema: Schema, pattern: AccessPattern, *, placeholders: str = "$") -> PatternQuery:
    writer = _Writer(schema, pattern, placeholders)
    sql = writer.statement()
    return PatternQuery(pattern.id, sql, tuple(writer.slots), pattern.operation not in _READS)


def pattern_sql(schema: Schema, pattern: AccessPattern) -> str | None:
    """The statement as people read it, or None for a pattern that names deleted things."""
    try:
        return pattern_query(schema, pattern).sql
    except Unwritable:
        return None


_READS = {Operation.POINT_LOOKUP, Operation.LIST, Operation.SEARCH, Operation.AGGREGATE, Operation.COUNT}
_COMPARISONS = {FilterOp.EQ: "=", FilterOp.LT: "<", FilterOp.LTE: "<=", FilterOp.GT: ">", FilterOp.GTE: ">="}


class _Writer:
    def __init__(self, schema: Schema, pattern: AccessPattern, placeholders: str) -> None:
        self.schema, self.pattern, self.style = schema, pattern, placeholders
        self.slots: list[Slot] = []
        entity = schema.entity(pattern.entity_id)
        if entity is None:
            raise Unwritable(f"pattern {pattern.name!r} names a deleted entity")
        self.entity = entity
        self.aliases: dict[str, str] = {entity.id: "t0"}  # entity id → alias
        self.joins: list[str] = []

    # --- pieces -----------------------------------------------------------------------

    def param(self, slot: Slot) -> str:
        self.slots.append(slot)
        return "%s" if self.style == "%s" else f"${len(self.slots)}"

    def percent(self) -> str:
        return "%%" if self.style == "%s" else "%"

    def column(self, field_id: str, *, qualified: bool) -> tuple[Entity, Field, str]:
        found = self.schema.find_field(field_id)
        if found is None:
            raise Unwritable(f"pattern {self.pattern.name!r} names a deleted field")
        entity, field = found
        if not qualified:
            return entity, field, quote(field.name)
        alias = self.aliases.get(entity.id)
        if alias is None:  # a field of an entity the joins do not reach: read it from the target
            raise Unwritable(f"pattern {self.pattern.name!r} filters on {entity.name}, which it does not join")
        return entity, field, f"{alias}.{quote(field.name)}"

    # --- statements -------------------------------------------------------------------

    def statement(self) -> str:
        operation = self.pattern.operation
        if operation in _READS:
            return self.select()
        if operation in (Operation.INSERT, Operation.BULK, Operation.UPSERT):
            return self.insert(upsert=operation is Operation.UPSERT)
        if operation is Operation.UPDATE:
            return self.update()
        return self.delete()

    def select(self) -> str:
        self.add_joins()
        where = self.where(qualified=True)
        operation = self.pattern.operation
        if operation is Operation.COUNT:
            columns = "count(*)"
        elif operation is Operation.AGGREGATE and self.pattern.returns:
            columns = ", ".join(self.column(f, qualified=True)[2] for f in self.pattern.returns) + ", count(*)"
        elif operation is Operation.AGGREGATE:
            columns = "count(*)"
        elif self.pattern.returns:
            columns = ", ".join(self.column(f, qualified=True)[2] for f in self.pattern.returns)
        else:
            columns = ", ".join(f"{alias}.*" for alias in self.aliases.values())
        lines = [f"SELECT {columns}", f"FROM {table_name(self.entity)} AS t0", *self.joins]
        if where:
            lines.append("WHERE " + "\n  AND ".join(where))
        if operation is Operation.AGGREGATE and self.pattern.returns:
            lines.append("GROUP BY " + ", ".join(self.column(f, qualified=True)[2] for f in self.pattern.returns))
        if self.pattern.sort and operation is not Operation.COUNT:
            keys = [
                self.column(k.field_id, qualified=True)[2] + (" DESC" if k.order == "desc" else "")
                for k in self.pattern.sort
            ]
            lines.append("ORDER BY " + ", ".join(keys))
        if self.pattern.limit and operation is not Operation.COUNT:
            lines.append(f"LIMIT {int(self.pattern.limit)}")
        if self.pattern.pagination is Pagination.OFFSET and operation is not Operation.COUNT:
            lines.append(f"OFFSET {self.param(Slot(self.entity.id, None, 'offset'))}")
        return "\n".join(lines)

    def add_joins(self) -> None:
        for relationship_id in self.pattern.joins:
            relationship = self.schema.relationship(relationship_id)
            if relationship is None:
                raise Unwritable(f"pattern {self.pattern.name!r} follows a deleted relationship")
            if relationship.cardinality is Cardinality.MANY_TO_MANY:
                self.join_through(relationship)
                continue
            if relationship.from_entity_id in self.aliases:
                near, near_fields = relationship.from_entity_id, relationship.from_field_ids
                far, far_fields = relationship.to_entity_id, relationship.to_field_ids
            else:
                near, near_fields = relationship.to_entity_id, relationship.to_field_ids
                far, far_fields = relationship.from_entity_id, relationship.from_field_ids
            self.join(near, near_fields, far, far_fields)

    def join_through(self, relationship) -> None:
        """A many-to-many: through its join entity when the editor keeps one (the pair of
        foreign keys on it names the columns)."""
        if relationship.join_entity_id is None:
            raise Unwritable(f"pattern {self.pattern.name!r} follows a many-to-many without a join entity")
        here = relationship.from_entity_id if relationship.from_entity_id in self.aliases else relationship.to_entity_id
        there = relationship.to_entity_id if here == relationship.from_entity_id else relationship.from_entity_id
        for near, far in ((here, relationship.join_entity_id), (relationship.join_entity_id, there)):
            key = next(
                (
                    r
                    for r in self.schema.relationships
                    if {r.from_entity_id, r.to_entity_id} == {near, far}
                    and r.cardinality is not Cardinality.MANY_TO_MANY
                ),
                None,
            )
            if key is None:
                raise Unwritable(f"pattern {self.pattern.name!r}: the join entity has no foreign key to follow")
            near_fields = key.from_field_ids if key.from_entity_id == near else key.to_field_ids
            far_fields = key.to_field_ids if key.from_entity_id == near else key.from_field_ids
            self.join(near, near_fields, far, far_fields)

    def join(self, near: str, near_fields, far: str, far_fields) -> None:
        target = self.schema.entity(far)
        if target is None or near not in self.aliases:
            raise Unwritable(f"pattern {self.pattern.name!r} follows a relationship it cannot reach")
        if far in self.aliases:
            return
        alias = self.aliases[far] = f"t{len(self.aliases)}"
        pairs = [
            f"{alias}.{quote(self.column(b, qualified=False)[1].name)} = "
            f"{self.aliases[near]}.{quote(self.column(a, qualified=False)[1].name)}"
            for a, b in zip(near_fields, far_fields, strict=False)
        ]
        self.joins.append(f"JOIN {table_name(target)} AS {alias} ON " + " AND ".join(pairs))

    def where(self, *, qualified: bool) -> list[str]:
        return [self.condition(f, qualified=qualified) for f in self.pattern.filters]

    def condition(self, item: Filter, *, qualified: bool) -> str:
        entity, field, column = self.column(item.field_id, qualified=qualified)
        constant = item.value_kind is ValueKind.CONSTANT and item.value is not None

        def value(use: str = "value") -> str:
            if constant:
                return item.value.replace("%", self.percent()) if self.style == "%s" else item.value
            return self.param(Slot(entity.id, field.id, use))

        op = item.op
        if op in _COMPARISONS:
            return f"{column} {_COMPARISONS[op]} {value()}"
        if op is FilterOp.IN:
            if constant:
                listed = value().strip()
                return f"{column} IN {listed if listed.startswith('(') else f'({listed})'}"
            return f"{column} = ANY({value('list')})"
        if op is FilterOp.BETWEEN:
            return f"{column} BETWEEN {value()} AND {value()}"
        if op is FilterOp.PREFIX:
            return f"{column} LIKE {value('prefix')} || '{self.percent()}'"
        if op is FilterOp.CONTAINS:
            return f"{column} LIKE '{self.percent()}' || {value('contains')} || '{self.percent()}'"
        if op is FilterOp.IS_NULL:
            return f"{column} IS NULL"
        if op is FilterOp.IS_NOT_NULL:
            return f"{column} IS NOT NULL"
        if op is FilterOp.ARRAY_CONTAINS:
            return f"{column} @> {value('contained')}"
        if op is FilterOp.JSON_PATH:
            path = "{" + ",".join(p for p in (item.value or "").strip("$.").replace("[", ".").split(".") if p) + "}"
            path = path.replace("'", "''").replace("]", "")
            return f"{column} #>> '{path}' = {self.param(Slot(entity.id, field.id, 'json'))}"
        return f"to_tsvector('simple', {column}) @@ plainto_tsquery('simple', {value('word')})"

    def insert(self, *, upsert: bool) -> str:
        fields = self.written_fields()
        names = ", ".join(quote(f.name) for f in fields)
        values = ", ".join(self.param(Slot(self.entity.id, f.id, "new")) for f in fields)
        sql = f"INSERT INTO {table_name(self.entity)} ({names})\nVALUES ({values})"
        if upsert and self.entity.primary_key:
            keys = ", ".join(quote(self.entity.field(k).name) for k in self.entity.primary_key if self.entity.field(k))
            changed = [f for f in fields if f.id not in self.entity.primary_key]
            action = (
                "DO UPDATE SET " + ", ".join(f"{quote(f.name)} = EXCLUDED.{quote(f.name)}" for f in changed)
                if changed
                else "DO NOTHING"
            )
            sql += f"\nON CONFLICT ({keys}) {action}"
        return sql

    def written_fields(self) -> list[Field]:
        """The fields a write names, or every field an insert must give (no default, no
        identity, not generated)."""
        if self.pattern.changes:
            return [self.column(f, qualified=False)[1] for f in self.pattern.changes]
        return [f for f in self.entity.fields if not (f.identity or f.generated or f.default is not None)]

    def update(self) -> str:
        assignments = ", ".join(
            f"{quote(f.name)} = {self.param(Slot(self.entity.id, f.id, 'new'))}" for f in self.written_fields()
        )
        sql = f"UPDATE {table_name(self.entity)}\nSET {assignments}"
        return self.with_where(sql)

    def delete(self) -> str:
        return self.with_where(f"DELETE FROM {table_name(self.entity)}")  # noqa: S608 — quoted identifiers

    def with_where(self, sql: str) -> str:
        for item in self.pattern.filters:
            if self.schema.find_field(item.field_id) and self.schema.find_field(item.field_id)[0].id != self.entity.id:
                raise Unwritable(f"pattern {self.pattern.name!r}: a write filters on another entity")
        where = self.where(qualified=False)
        return sql + ("\nWHERE " + "\n  AND ".join(where) if where else "")
