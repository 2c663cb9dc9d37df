"""The deploy check: per target dialect, what would not render or would fail on the server.

The same answer serves the editor's warnings panel, the release page (which refuses
what fails for the primary dialect), the bundle (which leaves out a dialect that
cannot render) and the API. Each finding names its dialect, the object, what is wrong
and the fix. ``error`` findings fail the deploy; ``warning`` findings run only after a
step the DDL does not take itself (an extension to create).

The check is made of explicit rules (every problem of a kind is listed at once) and of
rendering itself: the full DDL and the migration from the last release are rendered
with ``designer.migrate``, and whatever the renderer refuses is a finding too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from designer.keys import fix_for, non_unique_references
from designer.migrate import MigrationError, diff, full_ddl, render
from designer.migrate.model import Model, build_model
from designer.schema import Schema, TypeKind
from designer.type_catalog import known, needs_extension, suggest
from designer.types import DIALECTS, MYSQL, POSTGRESQL, SQLITE, UnportableType, dialect_of, sql_type

ERROR, WARNING = "error", "warning"
DIALECT_LABELS = {POSTGRESQL: "PostgreSQL", MYSQL: "MySQL/MariaDB", SQLITE: "SQLite"}
MAX_NAME = {POSTGRESQL: 63, MYSQL: 64}


@dataclass(frozen=True)
class Finding:
    dialect: str
    object: str  # what it is about, by the names people see: "posts.subtitle", "index posts_x_idx"
    message: str
    fix: str
    severity: str = ERROR

    def as_dict(self) -> dict:
        return {"dialect": self.dialect, "object": self.object, "message": self.message, "fix": self.fix,
                "severity": self.severity}  # fmt: skip


@dataclass(frozen=True)
class DeployCheck:
    dialects: tuple[str, ...]  # the primary dialect first
    findings: tuple[Finding, ...]

    @property
    def primary(self) -> str:
        return self.dialects[0]

    def for_dialect(self, dialect: str) -> list[Finding]:
        return [f for f in self.findings if f.dialect == dialect]

    def fails(self, dialect: str) -> bool:
        return any(f.severity == ERROR for f in self.for_dialect(dialect))

    @property
    def failing(self) -> list[str]:
        return [d for d in self.dialects if self.fails(d)]

    def as_dict(self) -> dict:
        return {"primary": self.primary, "dialects": list(self.dialects),
                "failing": self.failing, "findings": [f.as_dict() for f in self.findings]}  # fmt: skip


def primary_dialect(schema: Schema) -> str:
    """The dialect the schema is written for (its database type); PostgreSQL when none."""
    return dialect_of(schema.database_type) or POSTGRESQL


def target_dialects(schema: Schema, chosen=DIALECTS) -> tuple[str, ...]:
    """The dialects a deploy is checked for: the primary first, then the others chosen
    (a bundle's dialects; every dialect by default), in the fixed order."""
    primary = primary_dialect(schema)
    return (primary, *(d for d in DIALECTS if d in set(chosen) and d != primary))


def deploy_check(schema: Schema, *, previous: Schema | None = None, previous_number: int | None = None,
                 dialects=None, rendered: bool = True) -> DeployCheck:  # fmt: skip
    """Findings per dialect for deploying ``schema``; ``previous``: the last release (its
    migration to ``schema`` is rendered too). ``rendered=False``: the rules only, without
    rendering (what the editor shows on every edit; release and bundles render)."""
    chosen = target_dialects(schema) if dialects is None else tuple(dialects)
    findings: list[Finding] = []
    for dialect in chosen:
        found = _rule_findings(schema, dialect)
        if rendered and not any(f.severity == ERROR for f in found):  # the renderer stops at its first refusal
            found += _render_findings(schema, dialect, previous=previous, previous_number=previous_number)
        findings += found
    return DeployCheck(dialects=chosen, findings=tuple(findings))


def _rule_findings(schema: Schema, dialect: str) -> list[Finding]:
    model = build_model(schema)
    return [*_types(schema, dialect), *_references(schema, dialect), *_names(model, dialect),
            *_indexes(schema, dialect)]  # fmt: skip


def _render_findings(schema: Schema, dialect: str, *, previous: Schema | None,
                     previous_number: int | None) -> list[Finding]:  # fmt: skip
    found = list(_rendered(schema, dialect))
    if previous is not None and not found:
        found += _migration(previous, schema, dialect, previous_number)
    return found


# --- types -------------------------------------------------------------------------------


def _types(schema: Schema, dialect: str):
    source = dialect_of(schema.database_type)
    label = DIALECT_LABELS[dialect]
    verdicts: dict = {}  # a schema repeats a few types many times: judge each once
    for entity in schema.entities:
        for field in entity.fields:
            if field.type.kind is TypeKind.ENUM:
                continue
            if field.type not in verdicts:
                verdicts[field.type] = _type_verdict(schema, field.type, dialect, source)
            verdict = verdicts[field.type]
            if verdict is None:
                continue
            where = f"{entity.qualified_name}.{field.name}"
            message, fix, severity = verdict
            yield Finding(dialect, where, message, fix.replace("{where}", where).replace("{label}", label), severity)


def _type_verdict(schema: Schema, field_type, dialect: str, source: str | None) -> tuple[str, str, str] | None:
    """(message, fix, severity) for a type in ``dialect``, None when it deploys as it is."""
    label = DIALECT_LABELS[dialect]
    try:
        spelled = sql_type(field_type, dialect=dialect, source_dialect=source)
    except UnportableType:
        return (f"type {field_type.written} has no {label} equivalent",
                "give {where} a portable type (text, integer, json…) or leave {label} out of this version", ERROR)  # fmt: skip
    if not known(spelled, dialect, schema):
        hint = suggest(spelled, dialect, schema)
        fix = f"change it to {hint}" if hint else "pick a type from the field's type list"
        return f"type {spelled} does not exist in {label}", fix, ERROR
    if dialect == POSTGRESQL and (extension := needs_extension(spelled)):
        return (f"type {spelled} comes from the {extension} extension",
                f"run CREATE EXTENSION IF NOT EXISTS {extension}; before the schema", WARNING)  # fmt: skip
    return None


# --- references --------------------------------------------------------------------------


def _references(schema: Schema, dialect: str):
    for relationship in non_unique_references(schema):
        source, target = schema.entity(relationship.from_entity_id), schema.entity(relationship.to_entity_id)
        names = ", ".join(f.name for f in target.fields if f.id in relationship.to_field_ids)
        yield Finding(dialect, f"reference {source.qualified_name} → {target.qualified_name}",
                      f"the foreign key points at {target.qualified_name} ({names}), which is not unique",
                      fix_for(schema, relationship))  # fmt: skip


# --- names -------------------------------------------------------------------------------


def _names(model: Model, dialect: str):
    limit = MAX_NAME.get(dialect)
    if limit is None:
        return
    measure = (lambda s: len(s.encode())) if dialect == POSTGRESQL else len
    unit = "bytes" if dialect == POSTGRESQL else "characters"
    named = list(_named_objects(model))
    cut: dict[bytes, set[str]] = {}
    for _, name in named:
        cut.setdefault(name.encode()[:limit], set()).add(name)
    for label, name in named:
        if measure(name) <= limit:
            continue
        clash = ""
        if dialect == POSTGRESQL and len(cut[name.encode()[:limit]]) > 1:
            clash = "; cut to 63 bytes it would collide with another name"
        yield Finding(dialect, label, f"the name is {measure(name)} {unit}; {DIALECT_LABELS[dialect]} allows "
                      f"{limit}{clash}", f"shorten it to {limit} {unit} or fewer")  # fmt: skip


def _named_objects(model: Model):
    """(what to call it, the name the server sees)."""
    for namespace in model.namespaces:
        yield f"schema {namespace}", namespace
    for enum in model.enums:
        yield f"enum {enum.name}", enum.name
    for table in model.tables:
        yield f"table {table.name}", table.name
        for column in table.columns:
            yield f"field {table.name}.{column.name}", column.name
        for item in (*table.constraints, *table.indexes):
            kind = "index" if item in table.indexes else "constraint"
            yield f"{kind} {item.name} on {table.name}", item.name
    for table_id, key in model.foreign_keys:
        yield f"foreign key {key.name} on {model.table(table_id).name}", key.name


# --- indexes -----------------------------------------------------------------------------

# SQLite indexes only deterministic expressions: its own deterministic functions, no casts
# written the PostgreSQL way, no 'now'.
_SQLITE_DETERMINISTIC = frozenset({
    "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr",
    "length", "like", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote",
    "replace", "round", "rtrim", "sign", "substr", "substring", "trim", "typeof", "unhex", "unicode",
    "unlikely", "upper", "json", "json_extract", "json_array_length", "json_type", "json_valid", "json_quote",
    "date", "time", "datetime", "julianday", "strftime", "unixepoch", "cast", "collate",
})  # fmt: skip
_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_NOT_SQLITE = re.compile(r"::|\bilike\b|~\*?|'now'", re.IGNORECASE)


def _indexes(schema: Schema, dialect: str):
    if dialect != SQLITE:
        return  # MySQL refuses expression indexes while rendering (see _rendered)
    for entity in schema.entities:
        for index in entity.indexes:
            texts = [c.expression for c in index.columns if c.expression] + (
                [index.predicate] if index.predicate else []
            )
            bad = next((t for t in texts if _sqlite_cannot_index(t)), None)
            if bad is not None:
                name = index.name or "(unnamed)"
                yield Finding(dialect, f"index {name} on {entity.qualified_name}",
                              f"SQLite cannot index the expression {bad}",
                              "index plain columns for SQLite, or leave SQLite out of this version")  # fmt: skip


def _sqlite_cannot_index(expression: str) -> bool:
    functions = {name.lower() for name in _CALL.findall(expression)}
    return bool(functions - _SQLITE_DETERMINISTIC) or bool(_NOT_SQLITE.search(expression))


# --- rendering ---------------------------------------------------------------------------


def _rendered(schema: Schema, dialect: str):
    try:
        full_ddl(schema, dialect=dialect)
    except MigrationError as error:
        yield Finding(dialect, "full DDL", str(error), "change what the message names, or leave this dialect out")


def _migration(previous: Schema, schema: Schema, dialect: str, number: int | None):
    try:
        render(diff(previous, schema), dialect=dialect, old=previous, new=schema)
    except MigrationError as error:
        since = f"version {number}" if number else "the last version"
        yield Finding(dialect, f"migration from {since}", str(error),
                      f"mark the current version as a baseline (its full DDL starts the chain) or leave "
                      f"{DIALECT_LABELS[dialect]} out of this version")  # fmt: skip
