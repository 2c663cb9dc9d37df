"""Validation: one small function per rule, each yielding Problems with a stable code.

Errors make a schema unsaveable (the edit is refused, nothing changes): only what the
project's database refuses too, or what the document cannot hold (validate/targets.py). Warnings are
portability and quality notes: names PostgreSQL accepts when quoted are accepted,
and what other dialects would do with them (fold case, truncate) is a warning.
"""

from __future__ import annotations

from designer.problems import Problem
from designer.schema import Schema
from designer.slices import run_local, run_per_relationship
from designer.validate.fragments import sql_fragments
from designer.validate.limits import input_limits, object_limits, schema_counts
from designer.validate.quality import (
    MYSQL_MAX_IDENTIFIER_CHARS,
    POSTGRES_MAX_IDENTIFIER_BYTES,
    RESERVED_WORDS,
    case_only_differences,
    enum_defaults,
    field_case_collisions,
    missing_primary_key,
    name_portability,
    portability,
)
from designer.validate.references import dangling_references, listed_entities, relationship_shape, table_references
from designer.validate.structure import (
    blank_names,
    duplicate_ids,
    duplicate_member_names,
    duplicate_names,
    duplicate_object_names,
    type_parameters,
)
from designer.validate.targets import shared_index_names, table_refusals, target_refusals
from designer.validate.types_known import unknown_types
from designer.validate.workload import pattern_missing_parts, pattern_shape, stale_patterns, workload_numbers

__all__ = [
    "MYSQL_MAX_IDENTIFIER_CHARS",
    "POSTGRES_MAX_IDENTIFIER_BYTES",
    "RESERVED_WORDS",
    "RULES",
    "blank_names",
    "dangling_references",
    "duplicate_ids",
    "duplicate_names",
    "enum_defaults",
    "field_case_collisions",
    "input_limits",
    "missing_primary_key",
    "pattern_missing_parts",
    "pattern_shape",
    "portability",
    "relationship_shape",
    "sql_fragments",
    "stale_patterns",
    "target_refusals",
    "type_parameters",
    "unknown_types",
    "validate",
    "workload_numbers",
]


def validate(schema: Schema, *, memo: dict | None = None) -> list[Problem]:
    """``memo``: a dict the caller keeps between calls (designer/slices.py): each table
    is judged once per table object, so validating an edit of one table judges that
    table, not all of them. The same problems either way; without a memo in RULES' order."""
    if memo is None:
        problems: list[Problem] = []
        for rule in RULES:
            problems.extend(rule(schema))
        return problems
    return [
        *run_local(PER_TABLE_RULES, schema, memo=memo),
        *run_per_relationship(PER_RELATIONSHIP_RULES, schema, memo=memo),
        *(problem for rule in WHOLE_SCHEMA_RULES for problem in rule(schema)),
    ]


RULES = (
    input_limits,
    blank_names,
    duplicate_names,
    duplicate_ids,
    dangling_references,
    relationship_shape,
    type_parameters,
    target_refusals,
    sql_fragments,
    unknown_types,
    workload_numbers,
    pattern_shape,
    stale_patterns,
    portability,
    missing_primary_key,
    field_case_collisions,
    enum_defaults,
)

# RULES again, split by what each looks at (tests/designer/test_slices.py checks the split
# finds what RULES find): one table at a time, one relationship and its tables, or all.
PER_TABLE_RULES = tuple(
    (rule.__name__, rule)
    for rule in (
        object_limits,
        blank_names,
        duplicate_member_names,
        table_references,
        type_parameters,
        table_refusals,
        sql_fragments,
        unknown_types,
        name_portability,
        missing_primary_key,
        field_case_collisions,
        enum_defaults,
    )
)
PER_RELATIONSHIP_RULES = (("relationship_shape", relationship_shape),)
WHOLE_SCHEMA_RULES = (
    schema_counts,
    duplicate_object_names,
    duplicate_ids,
    listed_entities,
    shared_index_names,
    workload_numbers,
    pattern_shape,
    stale_patterns,
    case_only_differences,
)
