"""Validation: one small function per rule, each yielding Problems with a stable code.

Errors make a schema unsaveable (the edit is refused, nothing changes): only what the
project's database refuses too, or what the document cannot hold (validate/targets.py). Warnings are
portability and quality notes: names PostgreSQL accepts when quoted are accepted,
and what other dialects would do with them (fold case, truncate) is a warning.
"""

from __future__ import annotations

from designer.problems import Problem
from designer.schema import Schema
from designer.validate.fragments import sql_fragments
from designer.validate.limits import input_limits
from designer.validate.quality import (
    MYSQL_MAX_IDENTIFIER_CHARS,
    POSTGRES_MAX_IDENTIFIER_BYTES,
    RESERVED_WORDS,
    enum_defaults,
    field_case_collisions,
    missing_primary_key,
    portability,
)
from designer.validate.references import dangling_references, relationship_shape
from designer.validate.structure import blank_names, duplicate_ids, duplicate_names, type_parameters
from designer.validate.targets import target_refusals
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


def validate(schema: Schema) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(schema))
    return problems


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
