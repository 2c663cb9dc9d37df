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
from functools import partial

from designer.deploy_index_options import index_option_findings, key_option_findings, table_option_findings
from designer.deploy_objects import object_findings
from designer.domains import domain_names, domain_of
from designer.keys import fix_for, non_unique_references
from designer.migrate import MigrationError, diff, full_ddl, render
from designer.migrate.fragments import PORTABLE_DEFAULTS  # the defaults migrations translate
from designer.schema import Cardinality, DefaultKind, Schema, TypeKind
from designer.slices import run_local, run_per_relationship
from designer.type_catalog import known, names_of, needs_extension, suggest, type_name
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
        return {
            "dialect": self.dialect,
            "object": self.object,
            "message": self.message,
            "fix": self.fix,
            "severity": self.severity,
        }


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
        return {
            "primary": self.primary,
            "dialects": list(self.dialects),
            "failing": self.failing,
            "findings": [f.as_dict() for f in self.findings],
        }


def primary_dialect(schema: Schema) -> str:
    """The dialect the schema is written for (its database type); PostgreSQL when none."""
    return dialect_of(schema.database_type) or POSTGRESQL


def target_dialects(schema: Schema, chosen=DIALECTS) -> tuple[str, ...]:
    """The dialects a deploy is checked for: the primary first, then the others chosen
    (a bundle's dialects; every dialect by default), in the fixed order."""
    primary = primary_dialect(schema)
    return (primary, *(d for d in DIALECTS if d in set(chosen) and d != primary))


def deploy_check(
    schema: Schema,
    *,
    previous: Schema | None = None,
    previous_number: int | None = None,
    dialects=None,
    rendered: bool = True,
    memo: dict | None = None,
) -> DeployCheck:
    """Findings per dialect for deploying ``schema``; ``previous``: the last release (its
    migration to ``schema`` is rendered too). ``rendered=False``: the rules only, without
    rendering (what the editor shows on every edit; release and bundles render).
    ``memo``: see ``rule_findings``."""
    chosen = target_dialects(schema) if dialects is None else tuple(dialects)
    findings: list[Finding] = []
    for dialect in chosen:
        found = rule_findings(schema, dialect, memo=memo)
        if rendered and not any(f.severity == ERROR for f in found):  # the renderer stops at its first refusal
            found += _render_findings(schema, dialect, previous=previous, previous_number=previous_number)
        findings += found
    return DeployCheck(dialects=chosen, findings=tuple(findings))


def rule_findings(schema: Schema, dialect: str, *, memo: dict | None = None) -> list[Finding]:
    """The rules (no rendering) for one dialect. ``memo``: a dict the caller keeps between
    calls (designer/slices.py): then each table and relationship is judged once per object,
    so an edit of one table judges that table. The same findings either way (order aside)."""
    if memo is None:
        return [
            *_types(schema, dialect),
            *_references(schema, dialect),
            *_reference_types(schema, dialect),
            *_defaults(schema, dialect),
            *_names(schema, dialect),
            *_indexes(schema, dialect),
            *_whole_schema(schema, dialect),
        ]
    # What a type means in this dialect, judged once for all the tables of this context.
    # (Domains and extensions name types too: a verdict is kept only while they are the same.)
    types_of = (schema.enums, schema.domains, schema.extensions)
    context = ("type verdicts", dialect, schema.database_type, *map(id, types_of))
    kept = memo.get(context)
    if kept is None or any(a is not b for a, b in zip(kept[0], types_of, strict=True)):
        kept = memo[context] = (types_of, {}, {})
    per_table = (
        (f"_types:{dialect}", partial(_types, dialect=dialect, verdicts=kept[1])),
        (f"_defaults:{dialect}", partial(_defaults, dialect=dialect)),
        (f"_indexes:{dialect}", partial(_indexes, dialect=dialect)),
        (f"table options:{dialect}", partial(_options, table_option_findings, dialect=dialect)),
        (f"_partitions:{dialect}", partial(_partitions, dialect=dialect)),
    )
    per_relationship = (
        (f"_references:{dialect}", partial(_references, dialect=dialect)),
        (f"_reference_types:{dialect}", partial(_reference_types, dialect=dialect, known_families=kept[2])),
        (f"key options:{dialect}", partial(_options, key_option_findings, dialect=dialect)),
    )
    # Only whether any name is too long (the tables', or a foreign key's, named beside its table).
    long_names = ((f"long names:{dialect}", partial(_long_names, dialect=dialect)),)
    long_names = run_local(long_names, schema, memo=memo) or run_per_relationship(long_names, schema, memo=memo)
    return [
        *run_local(per_table, schema, memo=memo),
        *run_per_relationship(per_relationship, schema, memo=memo),
        *(_names(schema, dialect) if long_names else ()),  # the usual case: no name too long anywhere
        *_objects(schema, dialect),
    ]


def _whole_schema(schema: Schema, dialect: str) -> list[Finding]:
    """Index and key options, database objects, partitioning (the memo runs them per table)."""
    return [
        *_options(index_option_findings, schema, dialect),
        *_objects(schema, dialect),
        *_partitions(schema, dialect),
    ]


def _options(rule, schema: Schema, dialect: str) -> list[Finding]:
    return [Finding(dialect, what, message, fix, WARNING) for what, message, fix in rule(schema, dialect)]


def _objects(schema: Schema, dialect: str) -> list[Finding]:
    return list(object_findings(schema, dialect, finding=Finding, error=ERROR, warning=WARNING))


def _render_findings(
    schema: Schema, dialect: str, *, previous: Schema | None, previous_number: int | None
) -> list[Finding]:
    found = list(_rendered(schema, dialect))
    if previous is not None and not found:
        found += _migration(previous, schema, dialect, previous_number)
    return found


# --- types -------------------------------------------------------------------------------


def _types(schema: Schema, dialect: str, verdicts: dict | None = None):
    """``verdicts``: per type, kept by the caller across the tables of one schema context."""
    source = dialect_of(schema.database_type)
    label = DIALECT_LABELS[dialect]
    verdicts = {} if verdicts is None else verdicts  # a schema repeats a few types many times: judge each once
    domains = domain_names(schema.domains)
    for entity in schema.entities:
        for field in entity.fields:
            if field.type.kind is TypeKind.ENUM or domain_of(field.type, domains) is not None:
                continue  # a domain is judged once, by its base type (below)
            if field.type not in verdicts:
                verdicts[field.type] = _type_verdict(schema, field.type, dialect, source)
            verdict = verdicts[field.type]
            if verdict is None:
                continue
            where = f"{entity.qualified_name}.{field.name}"
            message, fix, severity = verdict
            yield Finding(dialect, where, message, fix.replace("{where}", where).replace("{label}", label), severity)
    for domain in schema.domains:
        verdict = _type_verdict(schema, domain.base, dialect, source)
        if verdict is not None:
            where = f"domain {domain.qualified_name}"
            message, fix, severity = verdict
            yield Finding(dialect, where, message, fix.replace("{where}", where).replace("{label}", label), severity)


def _type_verdict(schema: Schema, field_type, dialect: str, source: str | None) -> tuple[str, str, str] | None:
    """(message, fix, severity) for a type in ``dialect``, None when it deploys as it is."""
    label = DIALECT_LABELS[dialect]
    try:
        spelled = sql_type(field_type, dialect=dialect, source_dialect=source)
    except UnportableType:
        return (
            f"type {field_type.written} has no {label} equivalent",
            "give {where} a portable type (text, integer, json…) or leave {label} out of this version",
            ERROR,
        )
    if not known(spelled, dialect, schema):
        hint = suggest(spelled, dialect, schema)
        fix = f"change it to {hint}" if hint else "pick a type from the field's type list"
        return f"type {spelled} does not exist in {label}", fix, ERROR
    extension = needs_extension(spelled) if dialect == POSTGRESQL else None
    if extension and extension not in {e.name for e in schema.extensions}:
        # The DDL creates it too (designer.migrate.model): the server must offer it, and the
        # role that runs the DDL must be allowed to create it.
        return (
            f"type {spelled} comes from the {extension} extension",
            f"the DDL runs CREATE EXTENSION IF NOT EXISTS {extension}; the server must have it "
            "(pg_available_extensions) and the role the right to create it",
            WARNING,
        )
    return None


# --- partitions --------------------------------------------------------------------------


def _partitions(schema: Schema, dialect: str):
    """Partitioning deploys only where it was written: SQLite has none, and the bounds of one
    database are not translated into the other's."""
    source = primary_dialect(schema)
    for entity in schema.entities:
        if entity.partitioning is None or dialect == source:
            continue
        count = len(entity.partitioning.partitions)
        reason = (
            "SQLite has no partitioning"
            if dialect == SQLITE
            else f"its partitions are written in {DIALECT_LABELS[source]} terms"
        )
        yield Finding(
            dialect,
            entity.qualified_name,
            f"partitioned by {entity.partitioning.strategy.value} ({entity.partitioning.key}) with {count} "
            f"partitions, but {reason}: it is created as one plain table",
            "nothing to do if one table suits this database; otherwise partition it there by hand",
            WARNING,
        )


# --- references --------------------------------------------------------------------------


def _references(schema: Schema, dialect: str):
    for relationship in non_unique_references(schema):
        source, target = schema.entity(relationship.from_entity_id), schema.entity(relationship.to_entity_id)
        names = ", ".join(f.name for f in target.fields if f.id in relationship.to_field_ids)
        yield Finding(
            dialect,
            f"reference {source.qualified_name} → {target.qualified_name}",
            f"the foreign key points at {target.qualified_name} ({names}), which is not unique",
            fix_for(schema, relationship),
        )


# Types a foreign key may pair: PostgreSQL compares within a family (integer with bigint,
# varchar with text); MariaDB wants the same integer type, and any pair of string types.
_POSTGRESQL_FAMILIES = {
    **dict.fromkeys(("smallint", "int2", "integer", "int", "int4", "bigint", "int8"), "integer"),
    **dict.fromkeys(("numeric", "decimal"), "numeric"),
    **dict.fromkeys(("real", "float4", "double precision", "float8", "float"), "float"),
    **dict.fromkeys(("text", "varchar", "character varying", "char", "character", "bpchar", "name", "citext"), "text"),
    **dict.fromkeys(
        ("timestamp", "timestamp without time zone", "timestamptz", "timestamp with time zone", "date"), "datetime"
    ),
}
_MYSQL_FAMILIES = {
    "integer": "int",
    "int4": "int",
    "dec": "decimal",
    "numeric": "decimal",
    "fixed": "decimal",
    **dict.fromkeys(("varchar", "char", "character", "character varying", "nchar", "nvarchar"), "string"),
}


def _reference_types(schema: Schema, dialect: str, known_families: dict | None = None):
    if dialect == SQLITE:
        return  # SQLite compares whatever it is given
    families = _POSTGRESQL_FAMILIES if dialect == POSTGRESQL else _MYSQL_FAMILIES
    known_families = {} if known_families is None else known_families  # per field type: judged once

    def family(field_type):
        if field_type not in known_families:
            known_families[field_type] = _family(schema, field_type, dialect, families)
        return known_families[field_type]

    for relationship in schema.relationships:
        source, target = schema.entity(relationship.from_entity_id), schema.entity(relationship.to_entity_id)
        if source is None or target is None or relationship.cardinality is Cardinality.MANY_TO_MANY:
            continue
        for from_id, to_id in zip(relationship.from_field_ids, relationship.to_field_ids, strict=False):
            holder, referenced = source.field(from_id), target.field(to_id)
            if holder is None or referenced is None:
                continue
            pair = [family(f.type) for f in (holder, referenced)]
            if None in pair or pair[0] == pair[1]:
                continue
            yield Finding(
                dialect,
                f"reference {source.qualified_name}.{holder.name} → {target.qualified_name}.{referenced.name}",
                f"the key's type ({pair[0]}) cannot be compared with the referenced type ({pair[1]})",
                f"give {source.qualified_name}.{holder.name} the type of {target.qualified_name}.{referenced.name}",
            )


def _family(schema: Schema, field_type, dialect: str, families: dict) -> str | None:
    """The comparable family of a field's type in ``dialect``; None when it cannot be spelled
    there (the type rules say so) or is an enum (compared by its own rules)."""
    if field_type.kind is TypeKind.ENUM:
        return None
    try:
        spelled = sql_type(field_type, dialect=dialect, source_dialect=dialect_of(schema.database_type))
    except UnportableType:
        return None
    found = type_name(spelled)
    if found is None:
        return None
    return families.get(found.name, found.name) + ("[]" if spelled.rstrip().endswith("]") else "")


# --- defaults ----------------------------------------------------------------------------

# Functions a default may call where it was not written (the everyday ones are translated
# by the renderer: now(), current_timestamp, current_date, gen_random_uuid()).
_DEFAULT_FUNCTIONS = {
    SQLITE: names_of(
        """
        random, randomblob, hex, lower, upper, abs, coalesce, datetime, date, time, julianday, strftime,
        unixepoch, round, substr, length, json, json_array, json_object, printf, format
        """
    ),
    MYSQL: names_of(
        """
        now, current_timestamp, curdate, curtime, uuid, rand, lower, upper, json_array, json_object,
        concat, coalesce, utc_timestamp, unix_timestamp
        """
    ),
    POSTGRESQL: names_of(
        """
        now, current_timestamp, gen_random_uuid, random, lower, upper, coalesce, nextval,
        clock_timestamp, statement_timestamp, transaction_timestamp, uuid_generate_v4,
        json_build_object, jsonb_build_object, array, concat
        """
    ),
}


def _defaults(schema: Schema, dialect: str):
    source = dialect_of(schema.database_type) or POSTGRESQL
    if source == dialect:
        return  # written for this dialect: the server of the design's own database judges it
    for entity in schema.entities:
        for field in entity.fields:
            default = field.default
            if default is None or default.kind is not DefaultKind.EXPRESSION:
                continue
            text = default.value.strip()
            if text.lower() in PORTABLE_DEFAULTS:
                continue
            functions = {name.lower() for name in _CALL.findall(text)}
            if functions - _DEFAULT_FUNCTIONS[dialect] or "::" in text:
                yield Finding(
                    dialect,
                    f"{entity.qualified_name}.{field.name}",
                    f"the default {text} is written for {DIALECT_LABELS[source]}; "
                    f"{DIALECT_LABELS[dialect]} cannot evaluate it",
                    "use a constant, or now() / current_date / gen_random_uuid(), which every "
                    f"dialect has, or leave {DIALECT_LABELS[dialect]} out of this version",
                )


# --- names -------------------------------------------------------------------------------


def _long_names(schema: Schema, dialect: str) -> list[tuple[str, str]]:
    """(what to call it, its name) for each name too long for ``dialect``."""
    limit = MAX_NAME.get(dialect)
    if limit is None:
        return []
    measure = (lambda s: len(s.encode())) if dialect == POSTGRESQL else len
    return [(label, name) for label, name in _named_objects(schema) if len(name) > limit // 4 and measure(name) > limit]


def _names(schema: Schema, dialect: str):
    limit = MAX_NAME.get(dialect)
    if limit is None:
        return
    measure = (lambda s: len(s.encode())) if dialect == POSTGRESQL else len
    unit = "bytes" if dialect == POSTGRESQL else "characters"
    named = list(_named_objects(schema))
    too_long = _long_names(schema, dialect)
    if not too_long:
        return  # the usual case, answered without measuring every name twice
    cut: dict[bytes, set[str]] = {}
    for _, name in named:
        cut.setdefault(name.encode()[:limit], set()).add(name)
    for label, name in too_long:
        clash = ""
        if dialect == POSTGRESQL and len(cut[name.encode()[:limit]]) > 1:
            clash = "; cut to 63 bytes it would collide with another name"
        yield Finding(
            dialect,
            label,
            f"the name is {measure(name)} {unit}; {DIALECT_LABELS[dialect]} allows {limit}{clash}",
            f"shorten it to {limit} {unit} or fewer",
        )


def _named_objects(schema: Schema):
    """(what to call it, the name the server sees) for every name a person chose; names
    the renderer makes up (keys, indexes without a name) are made to fit."""
    for namespace in sorted({e.namespace for e in (*schema.entities, *schema.enums) if e.namespace}):
        yield f"schema {namespace}", namespace
    for enum in schema.enums:
        yield f"enum {enum.name}", enum.name
    for entity in schema.entities:
        yield f"table {entity.name}", entity.name
        for field in entity.fields:
            yield f"field {entity.name}.{field.name}", field.name
        for item in (*entity.indexes, *entity.checks):
            if item.name:
                yield f"{'index' if item in entity.indexes else 'constraint'} {item.name} on {entity.name}", item.name
    for relationship in schema.relationships:
        source = schema.entity(relationship.from_entity_id)
        if relationship.name and source is not None:
            yield f"foreign key {relationship.name} on {source.name}", relationship.name


# --- indexes -----------------------------------------------------------------------------

# SQLite indexes only deterministic expressions: its own deterministic functions, no casts
# written the PostgreSQL way, no 'now'.
_SQLITE_DETERMINISTIC = names_of(
    """
    abs, char, coalesce, concat, concat_ws, format, glob, hex, ifnull, iif, instr, length, like, likely,
    lower, ltrim, max, min, nullif, octet_length, printf, quote, replace, round, rtrim, sign, substr,
    substring, trim, typeof, unhex, unicode, unlikely, upper, json, json_extract, json_array_length,
    json_type, json_valid, json_quote, date, time, datetime, julianday, strftime, unixepoch, cast,
    collate
    """
)
_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_NOT_SQLITE = re.compile(r"::|\bilike\b|~\*?|'now'", re.IGNORECASE)


# PostgreSQL indexes only IMMUTABLE expressions: these functions are STABLE or VOLATILE, and
# so is an enum's cast to text (enum_out) and to_tsvector without its configuration.
_POSTGRESQL_NOT_IMMUTABLE = names_of(
    """
    now, current_timestamp, current_date, localtimestamp, localtime, random, clock_timestamp,
    statement_timestamp, transaction_timestamp, timeofday, gen_random_uuid, uuid_generate_v4, nextval,
    age, to_char, txid_current
    """
)
_ONE_ARGUMENT_TSVECTOR = re.compile(r"\bto_tsvector\s*\(\s*[^,()]*\)", re.IGNORECASE)
_CAST_TO_TEXT = re.compile(r'"?([A-Za-z_][\w$]*)"?\s*::\s*(?:text|varchar|character varying)\b', re.IGNORECASE)


def _indexes(schema: Schema, dialect: str):
    if dialect == MYSQL:
        return  # MySQL refuses expression indexes while rendering (see _rendered)
    for entity in schema.entities:
        for index in entity.indexes:
            texts = [c.expression for c in index.columns if c.expression]
            texts += [index.predicate] if index.predicate else []
            if dialect == SQLITE:
                bad = next((t for t in texts if _sqlite_cannot_index(t)), None)
                why, fix = "SQLite cannot index the expression", "index plain columns for SQLite, or leave SQLite out"
            else:
                bad = next((t for t in texts if _postgresql_not_immutable(entity, t)), None)
                why, fix = "PostgreSQL indexes only immutable expressions, not", "index an immutable expression"
            if bad is not None:
                yield Finding(
                    dialect,
                    f"index {index.name or '(unnamed)'} on {entity.qualified_name}",
                    f"{why} {bad}",
                    f"{fix} (a plain column, or e.g. to_tsvector('english', …) with its configuration)",
                )


def _postgresql_not_immutable(entity, expression: str) -> bool:
    functions = {name.lower() for name in _CALL.findall(expression)}
    if functions & _POSTGRESQL_NOT_IMMUTABLE or _ONE_ARGUMENT_TSVECTOR.search(expression):
        return True
    enums = {f.name.lower() for f in entity.fields if f.type.kind is TypeKind.ENUM}
    return any(column.lower() in enums for column in _CAST_TO_TEXT.findall(expression))


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
        yield Finding(
            dialect,
            f"migration from {since}",
            str(error),
            f"mark the current version as a baseline (its full DDL starts the chain) or leave "
            f"{DIALECT_LABELS[dialect]} out of this version",
        )
