"""Validation: one small function per rule, each yielding Problems with a stable code.

Errors make a schema unsaveable (the edit is refused, nothing changes). Warnings are
portability and quality notes: names PostgreSQL accepts when quoted are accepted,
and what other dialects would do with them (fold case, truncate) is a warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from designer.problems import Problem, Severity
from designer.schema import (
    READ_OPERATIONS,
    AccessPattern,
    Cardinality,
    DefaultKind,
    Entity,
    FilterOp,
    PatternKind,
    Schema,
    TypeKind,
    ValueKind,
)

POSTGRES_MAX_IDENTIFIER_BYTES = 63
MYSQL_MAX_IDENTIFIER_CHARS = 64
RESERVED_WORDS = frozenset(
    [
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "current_date",
        "current_role",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "localtime",
        "localtimestamp",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "placing",
        "primary",
        "references",
        "returning",
        "select",
        "session_user",
        "some",
        "symmetric",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with",
        "key",
        "index",
    ]
)
_INTEGER_KINDS = frozenset({TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT})
_LENGTH_KINDS = frozenset({TypeKind.VARCHAR, TypeKind.CHAR})


def validate(schema: Schema) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(schema))
    return problems


def _error(code: str, path: str, message: str) -> Problem:
    return Problem(code=code, message=message, path=path)


def _warning(code: str, path: str, message: str) -> Problem:
    return Problem(code=code, message=message, path=path, severity=Severity.WARNING)


def _entity_path(entity: Entity) -> str:
    return f"entities/{entity.qualified_name}"


# --- names ------------------------------------------------------------------------------


def blank_names(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        if not entity.name.strip():
            yield _error("blank-name", _entity_path(entity), "an entity needs a name")
        for field in entity.fields:
            if not field.name.strip():
                yield _error("blank-name", f"{_entity_path(entity)}/fields", f"a field of {entity.name} needs a name")
        for constraint in (*entity.indexes, *entity.checks):  # a name is optional, an empty one is not
            if constraint.name is not None and not constraint.name.strip():
                yield _error(
                    "blank-name", _entity_path(entity),
                    f"an index or check of {entity.name} has an empty name (leave it unset to generate one)",
                )  # fmt: skip
    for kind, collection in (("group", schema.groups), ("note", schema.notes)):
        for item in collection:
            if not item.name.strip():
                yield _error("blank-name", f"{kind}s", f"a {kind} needs a name")
    for enum in schema.enums:
        if not enum.name.strip():
            yield _error("blank-name", "enums", "an enum needs a name")
        for value in enum.values:
            if not value.name.strip():
                yield _error("blank-name", f"enums/{enum.name}", f"enum {enum.name} has an empty value")


def duplicate_names(schema: Schema) -> Iterator[Problem]:
    # Exact comparison: PostgreSQL's quoted identifiers are case-sensitive ("User" ≠ "user").
    for (namespace, name), count in Counter((e.namespace, e.name) for e in schema.entities).items():
        if count > 1:
            where = f"{namespace}.{name}" if namespace else name
            yield _error("duplicate-entity-name", f"entities/{where}", f"two entities are named {where}")
    for entity in schema.entities:
        for name, count in Counter(f.name for f in entity.fields).items():
            if count > 1:
                yield _error(
                    "duplicate-field-name", f"{_entity_path(entity)}/fields/{name}",
                    f"{entity.name} has two fields named {name}",
                )  # fmt: skip
    for (_namespace, name), count in Counter((e.namespace, e.name) for e in schema.enums).items():
        if count > 1:
            yield _error("duplicate-enum-name", f"enums/{name}", f"two enums are named {name}")
    for enum in schema.enums:
        for value, count in Counter(v.name for v in enum.values).items():
            if count > 1:
                yield _error("duplicate-enum-value", f"enums/{enum.name}", f"enum {enum.name} lists {value!r} twice")
    index_names = Counter((e.namespace, i.name) for e in schema.entities for i in e.indexes if i.name)
    for (_namespace, name), count in index_names.items():
        if count > 1:
            yield _error("duplicate-index-name", f"indexes/{name}", f"two indexes are named {name}")


def duplicate_ids(schema: Schema) -> Iterator[Problem]:
    ids = [e.id for e in schema.entities]
    for entity in schema.entities:
        ids += [f.id for f in entity.fields] + [i.id for i in entity.indexes] + [c.id for c in entity.checks]
    for collection in (schema.relationships, schema.enums, schema.groups, schema.notes, schema.patterns):
        ids += [obj.id for obj in collection]
    for object_id, count in Counter(ids).items():
        if count > 1:
            yield _error("duplicate-id", "", f"the id {object_id!r} is used by {count} objects")


# --- references -------------------------------------------------------------------------


def dangling_references(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        field_ids = {f.id for f in entity.fields}
        if any(i not in field_ids for i in entity.primary_key):
            yield _error(
                "dangling-reference", _entity_path(entity), f"the primary key of {entity.name} names a missing field"
            )
        for index in entity.indexes:
            named = [c.field_id for c in index.columns if c.field_id is not None] + list(index.include)
            if any(i not in field_ids for i in named):
                yield _error(
                    "dangling-reference", _entity_path(entity), f"an index of {entity.name} names a missing field"
                )
            if any((c.field_id is None) == (c.expression is None) for c in index.columns) or not index.columns:
                yield _error(
                    "bad-index", _entity_path(entity), f"each index key of {entity.name} needs a field or an expression"
                )
        for field in entity.fields:
            if field.type.kind is TypeKind.ENUM and schema.enum(field.type.enum_id or "") is None:
                yield _error(
                    "dangling-reference", f"{_entity_path(entity)}/fields/{field.name}",
                    f"{entity.name}.{field.name} uses an enum that does not exist",
                )  # fmt: skip
    for group in schema.groups:
        if any(schema.entity(i) is None for i in group.entity_ids):
            yield _error("dangling-reference", f"groups/{group.name}", f"group {group.name} lists a missing entity")
    for volume in schema.volumes:
        if schema.entity(volume.entity_id) is None:
            yield _error("dangling-reference", "volumes", "a volume is declared for a missing entity")


def relationship_shape(schema: Schema) -> Iterator[Problem]:
    entities = {e.id: e for e in schema.entities}  # one lookup table: thousands of relationships stay fast
    for relationship in schema.relationships:
        source = entities.get(relationship.from_entity_id)
        target = entities.get(relationship.to_entity_id)
        path = f"relationships/{relationship.name or relationship.id}"
        if source is None or target is None:
            yield _error("dangling-reference", path, "a relationship points at a missing entity")
            continue
        label = f"{source.name} → {target.name}"
        path = f"relationships/{relationship.name or label}"  # names, not ids, once both ends are known
        if relationship.join_entity_id and relationship.join_entity_id not in entities:
            yield _error("dangling-reference", path, f"relationship {label} names a missing join entity")
        if not relationship.from_field_ids or len(relationship.from_field_ids) != len(relationship.to_field_ids):
            yield _error("relationship-fields", path, f"relationship {label} must pair the same number of fields")
        if any(source.field(i) is None for i in relationship.from_field_ids) or any(
            target.field(i) is None for i in relationship.to_field_ids
        ):
            yield _error("dangling-reference", path, f"relationship {label} names a missing field")
            continue
        # A many-to-many pairs the two entities' keys (the join entity holds the foreign keys),
        # so keys of different types there are normal, not a mismatch.
        if relationship.cardinality is not Cardinality.MANY_TO_MANY:
            yield from _fk_warnings(relationship, source, target, path, label)


def _fk_warnings(relationship, source: Entity, target: Entity, path: str, label: str) -> Iterator[Problem]:
    pairs = zip(relationship.from_field_ids, relationship.to_field_ids, strict=False)
    for from_id, to_id in pairs:
        from_field, to_field = source.field(from_id), target.field(to_id)
        if (from_field.type.kind, from_field.type.length) != (to_field.type.kind, to_field.type.length):
            yield _warning(
                "fk-type-mismatch", path,
                f"{source.name}.{from_field.name} is {from_field.type.kind.value} but refers to "
                f"{target.name}.{to_field.name} of type {to_field.type.kind.value}",
            )  # fmt: skip
    if len(relationship.from_field_ids) > 1 and any(source.field(i).nullable for i in relationship.from_field_ids):
        yield _warning(
            "nullable-composite-fk", path,
            f"relationship {label}: a nullable column in a multi-column foreign key lets partial keys through",
        )  # fmt: skip


# --- types ------------------------------------------------------------------------------


def type_parameters(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        for field in entity.fields:
            path = f"{_entity_path(entity)}/fields/{field.name}"
            label = f"{entity.name}.{field.name}"
            for message in _type_mistakes(field):
                yield _error("bad-type", path, f"{label}: {message}")


def _type_mistakes(field) -> Iterator[str]:
    t = field.type
    if t.kind in _LENGTH_KINDS and (t.length is None or t.length < 1):
        yield f"{t.kind.value} needs a positive length"
    if t.kind not in _LENGTH_KINDS and t.length is not None:
        yield f"{t.kind.value} takes no length"
    if t.kind is TypeKind.DECIMAL:
        if t.precision is not None and not 1 <= t.precision <= 1000:
            yield "decimal precision must be between 1 and 1000"
        if t.scale is not None and (t.scale < 0 or t.precision is None or t.scale > t.precision):
            yield "decimal scale must be between 0 and the precision"
    elif t.precision is not None or t.scale is not None:
        yield f"{t.kind.value} takes no precision or scale"
    if t.kind is TypeKind.ENUM and not t.enum_id:
        yield "an enum field must name its enum"
    if t.kind is not TypeKind.ENUM and t.enum_id is not None:
        yield f"{t.kind.value} takes no enum"
    if field.identity and t.kind not in _INTEGER_KINDS:
        yield "only integer fields can be identity (auto-increment)"


# --- workload ---------------------------------------------------------------------------


def workload_numbers(schema: Schema) -> Iterator[Problem]:
    for volume in schema.volumes:
        numbers = (volume.rows, volume.growth_per_month, volume.retention_days or 0, volume.avg_row_bytes or 0)
        if any(n < 0 for n in numbers):
            entity = schema.entity(volume.entity_id)
            yield _error(
                "negative-volume", f"volumes/{entity.name if entity else volume.entity_id}",
                "volumes, growth, retention and row size cannot be negative",
            )  # fmt: skip
    for pattern in schema.patterns:
        frequency = pattern.frequency
        if frequency.average < 0 or (frequency.peak is not None and frequency.peak < frequency.average):
            yield _error(
                "bad-frequency", f"patterns/{pattern.name}",
                f"pattern {pattern.name!r}: frequency must be ≥ 0 and the peak at least the average",
            )  # fmt: skip


def pattern_shape(schema: Schema) -> Iterator[Problem]:
    for pattern in schema.patterns:
        path = f"patterns/{pattern.name}"
        is_read = pattern.operation in READ_OPERATIONS
        if is_read != (pattern.kind is PatternKind.READ):
            yield _error(
                "pattern-kind",
                path,
                f"pattern {pattern.name!r}: {pattern.operation.value} is not a {pattern.kind.value}",
            )
        if not pattern.name.strip():
            yield _error("blank-name", "patterns", "an access pattern needs a name")
        for condition in pattern.filters:
            no_value = condition.op in (FilterOp.IS_NULL, FilterOp.IS_NOT_NULL)
            if no_value and condition.value is not None:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: {condition.op.value} takes no value")
            if condition.op is FilterOp.JSON_PATH and not condition.value:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: a JSON path filter needs its path")
            elif condition.value_kind is ValueKind.CONSTANT and not no_value and not condition.value:
                yield _error("pattern-filter", path, f"pattern {pattern.name!r}: a constant filter needs its value")


def stale_patterns(schema: Schema) -> Iterator[Problem]:
    """A pattern that names something deleted is flagged, never silently rewritten."""
    for pattern in schema.patterns:
        missing = pattern_missing_parts(schema, pattern)
        if missing:
            yield _warning(
                "pattern-stale", f"patterns/{pattern.name}",
                f"access pattern {pattern.name!r} refers to {', '.join(missing)} that no longer "
                + ("exist" if missing[-1] == "fields" else "exists"),
            )  # fmt: skip


def pattern_missing_parts(schema: Schema, pattern: AccessPattern) -> list[str]:
    """What ``pattern`` names that ``schema`` no longer has (empty: the pattern is sound)."""
    entity = schema.entity(pattern.entity_id)
    if entity is None:
        return ["its entity"]
    missing = []
    joined = [schema.relationship(r) for r in pattern.joins]
    if any(r is None for r in joined):
        missing.append("a joined relationship")
    named = [f.field_id for f in pattern.filters] + [s.field_id for s in pattern.sort]
    named += list(pattern.returns) + list(pattern.changes)
    if any(schema.find_field(i) is None for i in named):
        missing.append("fields")
    return missing


# --- portability and quality warnings ---------------------------------------------------


def portability(schema: Schema) -> Iterator[Problem]:
    for path, name in _all_names(schema):
        if len(name.encode()) > POSTGRES_MAX_IDENTIFIER_BYTES:
            yield _warning("identifier-too-long", path, f"{name!r} is longer than 63 bytes: PostgreSQL truncates it")
        if len(name) > MYSQL_MAX_IDENTIFIER_CHARS:  # MySQL refuses such names: its own warning
            yield _warning("identifier-too-long-mysql", path, f"{name!r} is longer than MySQL's 64 characters")
        if name.lower() in RESERVED_WORDS:
            yield _warning("reserved-word", path, f"{name!r} is an SQL reserved word: it must always be quoted")
    spellings: dict[tuple[str | None, str], set[str]] = {}
    for entity in schema.entities:
        spellings.setdefault((entity.namespace, entity.name.lower()), set()).add(entity.name)
    for (namespace, name), names in spellings.items():
        if len(names) > 1:  # exact duplicates are an error of their own, not a case difference
            where = f"{namespace}.{name}" if namespace else name
            yield _warning(
                "case-only-difference", f"entities/{where}",
                f"entities whose names differ only in case ({name}) collide on MySQL with lower_case_table_names",
            )  # fmt: skip


def _all_names(schema: Schema) -> Iterator[tuple[str, str]]:
    for entity in schema.entities:
        yield _entity_path(entity), entity.name
        for field in entity.fields:
            yield f"{_entity_path(entity)}/fields/{field.name}", field.name
        for index in entity.indexes:
            if index.name:
                yield f"{_entity_path(entity)}/indexes/{index.name}", index.name
    for enum in schema.enums:
        yield f"enums/{enum.name}", enum.name


def missing_primary_key(schema: Schema) -> Iterator[Problem]:
    for entity in schema.entities:
        if not entity.primary_key:
            yield _warning("missing-primary-key", _entity_path(entity), f"{entity.name} has no primary key")


def field_case_collisions(schema: Schema) -> Iterator[Problem]:
    # MySQL compares column names case-insensitively on every platform, not only table names.
    for entity in schema.entities:
        folded = Counter(name.lower() for name in {f.name for f in entity.fields})
        for name, count in folded.items():
            if count > 1:
                yield _warning(
                    "case-only-difference", f"{_entity_path(entity)}/fields/{name}",
                    f"{entity.name} has fields whose names differ only in case ({name}): MySQL sees one column",
                )  # fmt: skip


def enum_defaults(schema: Schema) -> Iterator[Problem]:
    """A literal default that is not a value of its enum fails when the table is created
    (e.g. after a value was removed from the enum)."""
    for entity in schema.entities:
        for field in entity.fields:
            enum = schema.enum(field.type.enum_id or "") if field.type.kind is TypeKind.ENUM else None
            default = field.default
            if enum is None or default is None or default.kind is not DefaultKind.LITERAL or field.type.array:
                continue
            value = _unquoted(default.value)
            if default.value.lower() != "null" and value not in {v.name for v in enum.values}:
                yield _warning(
                    "enum-default-unknown", f"{_entity_path(entity)}/fields/{field.name}",
                    f"{entity.name}.{field.name} defaults to {value!r}, which is not a value of {enum.name}",
                )  # fmt: skip


def _unquoted(literal: str) -> str:
    if len(literal) >= 2 and literal[0] == literal[-1] == "'":
        return literal[1:-1].replace("''", "'")
    return literal


RULES = (
    blank_names,
    duplicate_names,
    duplicate_ids,
    dangling_references,
    relationship_shape,
    type_parameters,
    workload_numbers,
    pattern_shape,
    stale_patterns,
    portability,
    missing_primary_key,
    field_case_collisions,
    enum_defaults,
)
