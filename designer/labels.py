"""What people call schema objects: the one home of the labels shown in history lines,
removal confirmations, version comparisons, the editor panel and the workload tab.

A label names objects by their names, never their ids; a part that no longer exists
reads "?" rather than failing (history and comparisons describe deleted things).
"""

from __future__ import annotations

from designer.schema import (
    AccessPattern,
    Cardinality,
    Entity,
    Field,
    Filter,
    FilterOp,
    Index,
    IndexColumn,
    Relationship,
    Schema,
    ValueKind,
)
from designer.types import display_type

UNKNOWN = "?"

ARROWS = {Cardinality.ONE_TO_MANY: "→", Cardinality.ONE_TO_ONE: "—", Cardinality.MANY_TO_MANY: "↔"}

# The operators as the pattern form offers them (and as its error messages name them).
FILTER_OP_LABELS = {
    FilterOp.EQ: "=",
    FilterOp.IN: "IN",
    FilterOp.LT: "<",
    FilterOp.LTE: "<=",
    FilterOp.GT: ">",
    FilterOp.GTE: ">=",
    FilterOp.BETWEEN: "BETWEEN",
    FilterOp.PREFIX: "LIKE 'x%'",
    FilterOp.CONTAINS: "LIKE '%x%'",
    FilterOp.IS_NULL: "IS NULL",
    FilterOp.IS_NOT_NULL: "IS NOT NULL",
    FilterOp.ARRAY_CONTAINS: "array contains",
    FilterOp.JSON_PATH: "JSON path",
    FilterOp.FULL_TEXT: "full-text",
}

# The operators as PostgreSQL spells them, for a pattern written as one line of SQL.
_SQL_OPERATORS = {
    **FILTER_OP_LABELS,
    FilterOp.PREFIX: "LIKE",
    FilterOp.CONTAINS: "LIKE",
    FilterOp.ARRAY_CONTAINS: "@>",
    FilterOp.FULL_TEXT: "@@",
}


# --- fields -------------------------------------------------------------------------------


def field_label(entity: Entity, field: Field) -> str:
    """``posts.title``."""
    return f"{entity.name}.{field.name}"


def field_type_label(schema: Schema, field: Field) -> str:
    """The field's type as the editor writes it, an enum by its name."""
    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    return display_type(field.type, enum_name=enum.name if enum else None)


def field_names(entity: Entity | None, field_ids) -> str:
    """``author_id, tenant_id``: the names of ``field_ids`` in ``entity``, "?" for one it lacks."""
    return ", ".join(f.name if entity is not None and (f := entity.field(i)) else UNKNOWN for i in field_ids)


# --- relationships ------------------------------------------------------------------------


def relationship_label(schema: Schema, relationship: Relationship, *, actions: bool = False) -> str:
    """``posts.author_id → users.id``, ``lines(order_id, n) → orders(id, n)`` for a
    composite key. The arrow tells the cardinality (→ one-to-many, — one-to-one,
    ↔ many-to-many); ``actions`` adds the referential actions that are set."""
    source = _end(schema, relationship.from_entity_id, relationship.from_field_ids)
    target = _end(schema, relationship.to_entity_id, relationship.to_field_ids)
    text = f"{source} {ARROWS[relationship.cardinality]} {target}"
    if actions:
        for what, action in (("delete", relationship.on_delete), ("update", relationship.on_update)):
            if action is not None:
                text += f" (on {what} {action.value.replace('_', ' ')})"
        text += "".join(f" ({said})" for said in relationship_options(relationship))
    return text


def relationship_options(relationship: Relationship) -> list[str]:
    said = [
        ("match full", relationship.match_full),
        ("deferrable, initially deferred", relationship.initially_deferred),
        ("deferrable", relationship.deferrable and not relationship.initially_deferred),
        ("not valid", relationship.not_valid),
    ]
    return [what for what, present in said if present]


def _end(schema: Schema, entity_id: str, field_ids: tuple[str, ...]) -> str:
    entity = schema.entity(entity_id)
    if entity is None:
        return UNKNOWN
    names = field_names(entity, field_ids)
    return f"{entity.name}.{names}" if len(field_ids) == 1 else f"{entity.name}({names})"


# --- indexes ------------------------------------------------------------------------------


def index_label(entity: Entity, index: Index) -> str:
    """Its name, or ``on posts (author_id, created_at)`` for an unnamed one."""
    return index.name or f"on {entity.name} ({_index_columns(entity, index, desc=False)})"


def index_definition(entity: Entity, index: Index) -> str:
    """``unique btree (author_id, created_at desc nulls last) include (title) nulls not distinct
    with (fillfactor = 70) where deleted_at IS NULL``: everything the index says."""
    text = f"{'unique ' if index.unique else ''}{index.method.value} ({_index_columns(entity, index, desc=True)})"
    if index.include:
        text += f" include ({field_names(entity, index.include)})"
    if index.nulls_not_distinct:
        text += " nulls not distinct"
    if index.storage:
        text += " with (" + ", ".join(f"{p.name} = {p.value}" for p in index.storage) + ")"
    if index.predicate:
        text += f" where {index.predicate}"
    return text


def index_key_text(entity: Entity, column: IndexColumn, *, desc: bool = True) -> str:
    """One key as the editor's index form reads it: ``name(191) collate "C" text_pattern_ops desc nulls last``."""
    text = _key_name(entity, column)
    if column.length:
        text += f"({column.length})"
    if column.collation:
        text += f' collate "{column.collation}"'
    if column.opclass:
        text += f" {column.opclass}"
    if desc and column.order.value == "desc":
        text += " desc"
    if column.nulls:
        text += f" nulls {column.nulls.value}"
    return text


def _index_columns(entity: Entity, index: Index, *, desc: bool) -> str:
    if not desc:
        return ", ".join(_key_name(entity, c) for c in index.columns)
    return ", ".join(index_key_text(entity, c) for c in index.columns)


def _key_name(entity: Entity, column: IndexColumn) -> str:
    field = entity.field(column.field_id) if column.field_id else None
    return field.name if field else (column.expression or UNKNOWN)


# --- access patterns ----------------------------------------------------------------------


def pattern_label(pattern: AccessPattern) -> str:
    """The name quoted: pattern names are phrases ("posts by author")."""
    return repr(pattern.name)


def pattern_sentence(schema: Schema, pattern: AccessPattern) -> str:
    """The pattern as a short SQL-like line: ``list posts WHERE author_id = ? ORDER BY … LIMIT 20``."""
    entity = schema.entity(pattern.entity_id)
    names = {f.id: f.name for f in entity.fields} if entity else {}
    text = f"{pattern.operation.value.replace('_', ' ')} {entity.name if entity else '(deleted entity)'}"
    if pattern.filters:
        text += " WHERE " + " AND ".join(_condition(c, names) for c in pattern.filters)
    if pattern.sort:
        text += " ORDER BY " + ", ".join(
            f"{names.get(s.field_id, UNKNOWN)} {s.order.value.upper()}" for s in pattern.sort
        )
    if pattern.limit:
        text += f" LIMIT {pattern.limit}"
    if pattern.pagination.value != "none":
        text += f" ({pattern.pagination.value} pagination)"
    return text


def _condition(condition: Filter, names: dict[str, str]) -> str:
    name = names.get(condition.field_id, UNKNOWN)
    if condition.op is FilterOp.JSON_PATH:
        return f"{name} -> {condition.value} = ?"
    if condition.op in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL):
        return f"{name} {_SQL_OPERATORS[condition.op]}"
    value = condition.value if condition.value_kind is ValueKind.CONSTANT else "?"
    if value == "?":  # a parameter: show where it goes
        value = {
            FilterOp.PREFIX: "? || '%'",
            FilterOp.CONTAINS: "'%' || ? || '%'",
            FilterOp.BETWEEN: "? AND ?",
            FilterOp.IN: "(?)",
        }.get(condition.op, value)
    return f"{name} {_SQL_OPERATORS[condition.op]} {value}"


def partitioning_label(entity: Entity) -> str | None:
    """ "partitioned by range (created_at), 12 partitions"; None for a plain table."""
    partitioning = entity.partitioning
    if partitioning is None:
        return None
    count = len(partitioning.partitions)
    return (
        f"partitioned by {partitioning.strategy.value} ({partitioning.key}), "
        f"{count:,} partition{'s' if count != 1 else ''}"
    )
