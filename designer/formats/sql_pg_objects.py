"""The PostgreSQL reader's partitions, domains and extensions (``sql_postgresql`` calls
these from its statement handlers): the pieces as written, recorded on the builder.

Partitions: ``CREATE TABLE … PARTITION BY RANGE (…)`` keeps the strategy and the key;
``CREATE TABLE x PARTITION OF p FOR VALUES …`` and ``ALTER TABLE p ATTACH PARTITION x
FOR VALUES …`` (what pg_dump writes) record the partition with its bound, and the
builder folds it into its parent. The bound is the source text from FOR VALUES or
DEFAULT (pglast's location) to the end of the clause.
"""

from __future__ import annotations

import re

from designer.formats.sql_builder import DomainDraft
from designer.formats.sql_text import parenthesized_after, parenthesized_from, unwrap
from designer.schema import PartitionStrategy

_STRATEGIES = {
    "PARTITION_STRATEGY_RANGE": PartitionStrategy.RANGE,
    "PARTITION_STRATEGY_LIST": PartitionStrategy.LIST,
    "PARTITION_STRATEGY_HASH": PartitionStrategy.HASH,
}
_TAIL = re.compile(r"[\s;]+$")


def partition_key(reader, spec: dict) -> tuple[PartitionStrategy, str]:
    """(strategy, the key as written inside the parentheses) of a PARTITION BY clause."""
    written = parenthesized_from(reader.text, reader.at(spec["location"])) or ""
    return _STRATEGIES[spec["strategy"]], " ".join(written.split())


def bound_text(reader, bound: dict, *, until: int | None = None) -> str:
    """``FOR VALUES …`` or ``DEFAULT`` as written (blanks folded), up to ``until`` (a
    PARTITION BY that follows) or the statement's end."""
    if bound.get("is_default"):
        return "DEFAULT"
    start = reader.at(bound["location"])  # at FROM, IN or WITH: FOR VALUES comes before it
    end = until if until is not None else reader.span[1]
    return "FOR VALUES " + " ".join(_TAIL.sub("", reader.text[start:end]).split())


def record_partition_table(reader, stmt: dict, key) -> None:
    """A CREATE TABLE that is itself a partition (PARTITION OF) and/or partitioned."""
    table = reader.builder.table(key, line=reader.line)
    spec = stmt.get("partspec")
    if spec is not None:
        table.partition_strategy, table.partition_key = partition_key(reader, spec)
    bound = stmt.get("partbound")
    if bound is not None and stmt.get("inhRelations"):
        until = reader.at(spec["location"]) if spec is not None else None
        parent = next(iter(stmt["inhRelations"][0].values()))
        reader.builder.partition(
            child=key, parent=reader.table_key(parent), bound=bound_text(reader, bound, until=until)
        )


def record_attach(reader, parent_key, command: dict) -> None:
    partition = next(iter(command["def"].values()))
    bound = partition.get("bound")
    text = bound_text(reader, bound) if bound else ""
    reader.builder.partition(child=reader.table_key(partition["name"]), parent=parent_key, bound=text)


def record_domain(reader, stmt: dict, key) -> None:
    draft = DomainDraft(
        namespace=key[0],
        name=key[1],
        type_text=reader.type_text(stmt["typeName"]),
        line=reader.line,
    )
    for node in stmt.get("constraints", []):
        constraint = next(iter(node.values()))
        kind = constraint["contype"]
        if kind == "CONSTR_NOTNULL":
            draft.nullable = False
        elif kind == "CONSTR_CHECK":
            expression = parenthesized_after(reader.text, reader.at(constraint["location"]), "check")
            draft.checks.append((expression or "", constraint.get("conname")))
        elif kind == "CONSTR_DEFAULT":
            draft.default = reader.default_of(constraint)
    reader.builder.domains[key] = draft


def record_domain_constraint(reader, key, command: dict) -> bool:
    """``ALTER DOMAIN d ADD CONSTRAINT c CHECK (…)`` (how pg_dump writes a NOT VALID one).
    False when it is not about a known domain's check."""
    draft = reader.builder.domains.get(key)
    constraint = command.get("def", {}).get("Constraint")  # subtype "C": ADD CONSTRAINT
    if draft is None or command.get("subtype") != "C" or not constraint or constraint["contype"] != "CONSTR_CHECK":
        return False
    expression = parenthesized_after(reader.text, reader.at(constraint["location"]), "check")
    draft.checks.append((unwrap(expression or ""), constraint.get("conname")))
    return True


def record_extension(reader, stmt: dict) -> None:
    if stmt["extname"] == "plpgsql":
        return  # built into every database (pg_dump still writes it)
    schema = None
    for option in stmt.get("options", []):
        element = option.get("DefElem", {})
        if element.get("defname") == "schema":
            schema = element["arg"]["String"]["sval"]
    reader.builder.extensions[stmt["extname"]] = None if schema in (None, "public", "pg_catalog") else schema
