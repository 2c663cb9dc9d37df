"""The corpus summary table: ``python -m tests.realworld.report`` runs the fidelity harness
over the whole corpus (needs PostgreSQL, MariaDB, sqlite3, node) and prints, per schema,
its tables, whether it imported from the file and from the live database, whether the
product's DDL applied, and its differences by kind.

``--details`` adds every difference; ``--baseline`` rewrites known_differences.json with
today's outcomes (keeping the reasons already written; a new kind gets "TODO", which the
test refuses until someone writes the reason); ``--sources`` rewrites SOURCES.md."""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "projects.settings")
    os.environ.setdefault("SECRET_KEY", "realworld-report-only")
    import django

    django.setup()


def _mark(flags: dict[str, bool], stage: str) -> str:
    return {True: "yes", False: "NO"}.get(flags.get(stage), "n/a")


def summary(outcomes, seconds: dict[str, float]) -> str:
    from tests.realworld.catalogs import category

    rows = [
        "| schema | tables | file import | live import | DDL applies (file / live) | differences (file / live) | s |",
        "|---|---:|:-:|:-:|:-:|---:|---:|",
    ]
    kinds: collections.Counter = collections.Counter()
    totals = collections.Counter()
    for outcome in outcomes:
        counts = []
        second = {"dbml": "export", "prisma": "roundtrip"}.get(outcome.entry["kind"], "live")
        for stage in ("file", second):
            lines = outcome.lines.get(stage, [])
            if outcome.applied.get(stage):
                counts.append(str(len(lines)))
                kinds.update(category(line) for line in lines)
            else:
                counts.append("n/a")
        rows.append(
            f"| {outcome.id} | {outcome.tables} | {_mark(outcome.imported, 'file')} | {_mark(outcome.imported, second)}"
            f" | {_mark(outcome.applied, 'file')} / {_mark(outcome.applied, second)} | {' / '.join(counts)}"
            f" | {seconds[outcome.id]:.1f} |"
        )
        totals["schemas"] += 1
        totals["tables"] += outcome.tables
        for stage in ("file", second):
            totals[f"{stage} stages"] += stage in outcome.imported or (stage == "file")
            totals[f"{stage} imported"] += bool(outcome.imported.get(stage))
            totals[f"{stage} applied"] += bool(outcome.applied.get(stage))
            totals[f"{stage} clean"] += bool(outcome.applied.get(stage)) and not outcome.lines.get(stage)
    out = [
        "\n".join(rows),
        "",
        f"Schemas run: {totals['schemas']} ({totals['tables']} tables).",
        f"Imported from the file: {totals['file imported']} / {totals['schemas']}; "
        f"from the live database: {totals['live imported']} (PostgreSQL and MySQL only); "
        f"DBML export read back: {totals['export imported']}; Prisma round trips without a difference: "
        f"{totals['roundtrip clean']} / {len([o for o in outcomes if o.entry['kind'] == 'prisma'])}.",
        f"Full DDL applies: {totals['file applied']} from the file, {totals['live applied']} from the live database, "
        f"{totals['export applied']} from the DBML export; no difference at all: "
        f"{totals['file clean']} / {totals['live clean']} / {totals['export clean']}.",
        "",
        "| difference kind (stages where the DDL applied) | count |",
        "|---|---:|",
    ]
    out += [f"| {kind} | {count} |" for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))]
    return "\n".join(out)


def baseline(outcomes) -> dict:
    from tests.realworld import fidelity
    from tests.realworld.catalogs import category

    old = fidelity.known()
    schemas = {o.id: fidelity.recorded(o) for o in outcomes if fidelity.recorded(o)}
    used = {category(line) for stages in schemas.values() for lines in stages.values() for line in lines}
    reasons = {kind: old["reasons"].get(kind, "TODO") for kind in sorted(used)}
    return {"reasons": reasons, "schemas": dict(sorted(schemas.items()))}


def sources_md() -> str:
    from tests.realworld.fidelity import CORPUS

    lines = [
        "# Sources of the real-world corpus",
        "",
        "Each file is kept exactly as fetched from the public repository at the commit given. "
        "Table counts are `CREATE TABLE` statements (SQL), `Table` blocks (DBML) and `model` blocks (Prisma) "
        "in the file.",
        "",
        "| file | repository | path | commit | licence (file) | bytes | tables |",
        "|---|---|---|---|---|---:|---:|",
    ]
    for e in CORPUS:
        lines.append(
            f"| `{e['file']}` | [{e['repo']}](https://github.com/{e['repo']}) | `{e['path']}` | `{e['commit'][:12]}` "
            f"| {e['licence']} (`{e['licence_file']}`) | {e['size']:,} | {e['tables']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--sources", action="store_true")
    parser.add_argument("only", nargs="*", help="kind/name of the schemas to run (default: all)")
    args = parser.parse_args(argv)
    _setup_django()
    from tests.realworld import fidelity

    if args.sources:
        (fidelity.HERE / "SOURCES.md").write_text(sources_md())
        return 0
    outcomes, seconds = [], {}
    for entry in fidelity.CORPUS:
        name = f"{entry['kind']}/{entry['name']}"
        if args.only and name not in args.only:
            continue
        started = time.monotonic()
        outcomes.append(fidelity.run(entry))
        seconds[name] = time.monotonic() - started
        print(f"{name}: {seconds[name]:.1f}s", file=sys.stderr)
    print(summary(outcomes, seconds))
    if args.details:
        for outcome in outcomes:
            for stage, lines in fidelity.recorded(outcome).items():
                print(f"\n## {outcome.id} ({stage})")
                print("\n".join(lines))
    if args.baseline:
        fidelity.KNOWN.write_text(json.dumps(baseline(outcomes), indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
