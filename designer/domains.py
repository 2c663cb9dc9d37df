"""Domains (PostgreSQL ``CREATE DOMAIN``) as the fields that use them see them.

A field names its domain the way the DDL does, as its written type (``email_address``,
``billing.money``); the domain itself is kept once on the schema. PostgreSQL gets the
domain; MySQL and SQLite have none, so a field there takes the domain's base type and,
where the check fits a column check, the check with ``VALUE`` read as the column.
"""

from __future__ import annotations

import re

from designer.schema import Domain, FieldType, TypeKind

_VALUE = re.compile(r"\bVALUE\b", re.IGNORECASE)


def domain_names(domains) -> dict[str, Domain]:
    """Every spelling a written type may use for each domain: bare, qualified, quoted."""
    names: dict[str, Domain] = {}
    for domain in domains:
        spellings = [domain.name, f'"{domain.name}"']
        if domain.namespace:
            spellings = [f"{domain.namespace}.{domain.name}", f'"{domain.namespace}"."{domain.name}"']
        else:
            spellings += [f"public.{domain.name}", f'public."{domain.name}"']
        for spelling in spellings:
            names[spelling.lower()] = domain
    return names


def domain_of(field_type: FieldType, names: dict[str, Domain]) -> Domain | None:
    if not names or field_type.kind is not TypeKind.OTHER or not field_type.written:
        return None
    return names.get(field_type.written.strip().lower())


def column_check(domain: Domain, column: str) -> str | None:
    """The domain's checks as one column check on ``column`` (quoted by the caller's
    dialect rules: here it stays a bare name when it is a plain identifier)."""
    if not domain.checks:
        return None
    name = column if re.fullmatch(r"[a-z_][a-z0-9_]*", column) else '"' + column.replace('"', '""') + '"'
    parts = [_VALUE.sub(name, check.expression) for check in domain.checks]
    return parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)
