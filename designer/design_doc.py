"""The bundle's README.md: the design document of one version, in Markdown.

Entities, relationships, enums, access patterns and volumes come from the schema; the
advisor's technology choice, recommendations and trade-offs from an analysis dict when
one is given (the advisor's JSON shape: ``technology`` {primary, cache, rationale,
would_change_if}, ``recommendations`` [{severity, title, rationale, tradeoffs}],
``notes``; missing keys are skipped). Every user string goes through ``md`` so a name
cannot inject Markdown, HTML or break a table.
"""

from __future__ import annotations

import re

from designer.schema import Entity, Schema
from designer.types import display_type
from designer.workload import human_count, human_rate, projected_rows

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Inline markup only: user text never starts a line here, so list and heading marks are inert.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|~!])")
DIALECT_NAMES = {"postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB", "sqlite": "SQLite"}
APPLY = {
    "postgresql": ("psql -v ON_ERROR_STOP=1 -d DATABASE -f {path}",),
    "mysql": ("mariadb DATABASE < {path}",),
    "sqlite": ("sqlite3 DATABASE.sqlite3 < {path}",),
}


def md(text: object) -> str:
    """User text inside Markdown: one line, every markup character escaped."""
    return _MARKDOWN.sub(r"\\\1", _CONTROL.sub(" ", str(text))).strip() or " "


def design_document(
    *,
    project_name: str,
    schema: Schema,
    versions: list[dict],
    base: int,
    target: int,
    dialects: list[str],
    steps: list[dict],
    analysis: dict | None = None,
    zero_downtime: bool = True,
) -> str:
    """``versions``: [{number, message, author, released_at}]; ``steps``: the manifest's
    migration entries (dialect, directory, irreversible, warnings)."""
    parts = [
        f"# {md(project_name)} — version {target}\n",
        _intro(base, target, dialects, zero_downtime),
        _versions(versions),
        _entities(schema),
        _relationships(schema),
        _enums(schema),
        _workload(schema),
        _analysis(analysis),
        _migration_tradeoffs(zero_downtime),
        _risks(steps),
        _how_to_apply(steps, dialects),
    ]
    return "\n".join(part for part in parts if part)


def _intro(base: int, target: int, dialects: list[str], zero_downtime: bool) -> str:
    start = "an empty database" if base == 0 else f"version {base}"
    names = ", ".join(DIALECT_NAMES[d] for d in dialects)
    mode = "zero-downtime mode (PostgreSQL)" if zero_downtime else "plain mode (zero-downtime rewrites off)"
    return (
        f"This bundle takes a database from {start} to version {target}, for {names}, in {mode}.\n\n"
        "- `schema/<dialect>.sql`: the full DDL of the target version, for a new database.\n"
        "- `migrations/<dialect>/<NNNN>_<name>/up.sql` and `down.sql`: one step per version.\n"
        "- `migrations/<dialect>/migrations.sum`: chained checksums of that directory (see below).\n"
        "- `diagram.svg`, `diagram.dot`: the ER diagram; `manifest.json`: versions, files with SHA-256, "
        "irreversible steps and warnings.\n"
    )


def _versions(versions: list[dict]) -> str:
    rows = [
        f"| {v['number']} | {md(v['released_at'])} | {md(v['author'] or '—')} | {md(v['message'] or '—')} |"
        for v in versions
    ]
    return "## Versions\n\n| version | released | by | message |\n|---:|---|---|---|\n" + "\n".join(rows) + "\n"


def _entities(schema: Schema) -> str:
    if not schema.entities:
        return "## Entities\n\nNone.\n"
    return "## Entities\n\n" + "\n".join(_entity(schema, entity) for entity in schema.entities)


def _entity(schema: Schema, entity: Entity) -> str:
    lines = [f"### {md(entity.qualified_name)}\n"]
    if entity.comment:
        lines.append(md(entity.comment) + "\n")
    lines += ["| field | type | null | default | key |", "|---|---|---|---|---|"]
    for field in entity.fields:
        enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
        keys = [
            k
            for k, on in (
                ("PK", field.id in entity.primary_key),
                ("unique", field.unique),
                ("identity", field.identity),
            )
            if on
        ]
        default = md(field.default.value) if field.default else ""
        type_name = display_type(field.type, enum_name=enum.name if enum else None)
        lines.append(
            f"| {md(field.name)} | {md(type_name)} | {'yes' if field.nullable else 'no'} | {default} | "
            f"{' '.join(keys)} |"
        )
    for index in entity.indexes:
        columns = ", ".join(
            md(c.expression or (entity.field(c.field_id).name if entity.field(c.field_id) else "?"))
            + (" DESC" if c.order.value == "desc" else "")
            for c in index.columns
        )
        kind = "unique index" if index.unique else "index"
        where = f" where {md(index.predicate)}" if index.predicate else ""
        lines.append(f"\n- {kind} {md(index.name or '(generated name)')} on ({columns}){where}")
    for check in entity.checks:
        lines.append(f"- check {md(check.name or '')}: {md(check.expression)}")
    return "\n".join(lines) + "\n"


def _relationships(schema: Schema) -> str:
    if not schema.relationships:
        return ""
    lines = ["## Relationships\n"]
    for r in schema.relationships:
        source, target = schema.entity(r.from_entity_id), schema.entity(r.to_entity_id)
        if source is None or target is None:
            continue
        names = [md(f.name) for f in (source.field(i) for i in r.from_field_ids) if f]
        keys = [md(f.name) for f in (target.field(i) for i in r.to_field_ids) if f]
        actions = "".join(
            f", on {what} {action.value.replace('_', ' ')}"
            for what, action in (("delete", r.on_delete), ("update", r.on_update))
            if action
        )
        lines.append(
            f"- {md(source.name)}({', '.join(names)}) → {md(target.name)}({', '.join(keys)}): "
            f"{r.cardinality.value.replace('_', ' ')}{actions}"
        )
    return "\n".join(lines) + "\n"


def _enums(schema: Schema) -> str:
    if not schema.enums:
        return ""
    lines = ["## Enums\n"] + [
        f"- {md(e.qualified_name)}: {', '.join(md(v.name) for v in e.values)}" for e in schema.enums
    ]
    return "\n".join(lines) + "\n"


def _workload(schema: Schema) -> str:
    lines = ["## Access patterns and volumes\n"]
    if not schema.patterns and not schema.volumes:
        return "\n".join([*lines, "None declared.\n"])
    for pattern in schema.patterns:
        entity = schema.entity(pattern.entity_id)
        target = md(entity.name) if entity else "(removed entity)"
        rate = human_rate(pattern.frequency.average_per_second)
        lines.append(f"- {md(pattern.name)}: {pattern.operation.value.replace('_', ' ')} on {target}, {rate}")
    if schema.volumes:
        lines += ["", "| entity | rows today | growth / month | rows in 12 months |", "|---|---:|---:|---:|"]
        for volume in schema.volumes:
            entity = schema.entity(volume.entity_id)
            if entity is None:
                continue
            lines.append(
                f"| {md(entity.name)} | {human_count(volume.rows)} | {human_count(volume.growth_per_month)} "
                f"| {human_count(projected_rows(volume, months=12))} |"
            )
    return "\n".join(lines) + "\n"


def _analysis(analysis: dict | None) -> str:
    if not analysis:
        return "## Technology and recommendations\n\nNo analysis was run for this version.\n"
    lines = ["## Technology and recommendations\n"]
    technology = analysis.get("technology") or {}
    if isinstance(technology, str):
        technology = {"primary": technology}
    if technology:
        cache = f", with {md(technology['cache'])} as a cache" if technology.get("cache") else ""
        lines.append(f"Advised: **{md(technology.get('primary', '?'))}**{cache}.\n")
        lines += [f"- {md(reason)}" for reason in technology.get("rationale", ())]
        changes = technology.get("would_change_if", ())
        if changes:
            lines += ["", "Would change if:", *[f"- {md(reason)}" for reason in changes]]
    recommendations = [item for item in analysis.get("recommendations") or [] if isinstance(item, dict)]
    if recommendations:
        lines.append("\n### Recommendations\n")
        for item in recommendations:
            lines.append(
                f"- **{md(item.get('severity', 'info'))}** {md(item.get('title', ''))}: {md(item.get('rationale', ''))}"
            )
    tradeoffs = [item.get("tradeoffs") or item.get("trade_offs") for item in recommendations]
    if any(tradeoffs):
        lines.append("\n### Trade-offs\n")
        lines += [
            f"- {md(item.get('title', ''))}: {md(text)}"
            for item, text in zip(recommendations, tradeoffs, strict=True)
            if text
        ]
    lines += [f"\n_{md(note)}_" for note in analysis.get("notes", ())]
    return "\n".join(lines) + "\n"


def _migration_tradeoffs(zero_downtime: bool) -> str:
    if not zero_downtime:
        return (
            "## Trade-offs of these migrations\n\n"
            "Written as plain DDL: fewer statements, but adding indexes, constraints and NOT NULL locks "
            "and scans busy tables. Use them on a quiet database or during maintenance.\n"
        )
    return (
        "## Trade-offs of these migrations\n\n"
        "PostgreSQL files are written for a live database: short `lock_timeout` and `statement_timeout` "
        "(a step waits little and fails rather than queueing traffic; re-run it), indexes built "
        "`CONCURRENTLY` outside transactions (slower, and a failed build leaves an invalid index to drop), "
        "constraints added `NOT VALID` and validated afterwards, `SET NOT NULL` through a validated check. "
        "More statements than plain DDL, in exchange for no long locks.\n"
    )


def _risks(steps: list[dict]) -> str:
    lines = ["## Irreversible steps and warnings\n"]
    found = False
    for step in steps:
        for text in step["irreversible"]:
            found = True
            lines.append(f"- {DIALECT_NAMES[step['dialect']]} `{step['directory']}`: cannot be undone — {md(text)}")
        for warning in step["warnings"]:
            found = True
            lines.append(
                f"- {DIALECT_NAMES[step['dialect']]} `{step['directory']}`: {md(warning['code'])} — "
                f"{md(warning['message'])}"
            )
    if not found:
        lines.append("None: every step can be reverted by its down.sql without losing data.")
    return "\n".join(lines) + "\n"


def _how_to_apply(steps: list[dict], dialects: list[str]) -> str:
    lines = [
        "## How to apply and roll back\n",
        "Check the files first: `manifest.json` lists every file's SHA-256, and each "
        "`migrations.sum` chains its directory's files in order (`h1:` lines), so an edited, "
        "missing or reordered migration changes every line after it.\n",
    ]
    for dialect in dialects:
        directories = [s["directory"] for s in steps if s["dialect"] == dialect]
        command = APPLY[dialect][0]
        lines.append(f"### {DIALECT_NAMES[dialect]}\n")
        lines.append("New database: `" + command.format(path=f"schema/{dialect}.sql") + "`\n")
        lines.append("Upgrade, in this order:\n\n```sh")
        lines += [command.format(path=f"{d}/up.sql") for d in directories]
        lines.append("```\n\nRoll back, newest first:\n\n```sh")
        lines += [command.format(path=f"{d}/down.sql") for d in reversed(directories)]
        lines.append("```\n")
    lines.append(
        "PostgreSQL files run statements that must stay outside a transaction (`CONCURRENTLY`) "
        "on their own; apply them with `psql -f` as shown, not wrapped in `--single-transaction`. "
        "MySQL/MariaDB DDL is not transactional: each step is written to be safe to re-run."
    )
    return "\n".join(lines) + "\n"
