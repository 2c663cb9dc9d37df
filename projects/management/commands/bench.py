from django.core.management.base import BaseCommand

from projects.bench.bundle import bench_bundle, bundle_table
from projects.bench.codegen import CODEGEN_SIZES, bench_codegen, codegen_table
from projects.bench.deploy import DEPLOY_SIZES, bench_deploy, deploy_table
from projects.bench.diagram import (
    ADVISOR_SIZES,
    SIZES,
    advisor_table,
    bench_advisor,
    bench_diagram,
    bench_layout,
    bench_migrate,
    diagram_table,
    layout_table,
    migrate_table,
)
from projects.bench.imports import bench_import, import_table, read_or_make_dump
from projects.bench.rebase import bench_rebase, rebase_table
from projects.bench.verify import bench_verify, verify_table


def _sizes(text: str | None, default) -> list[int]:
    return [int(s) for s in text.split(",")] if text else list(default)


def _import_table(*, runs: int, dump: str | None, tables: int, server: str, **options) -> str:
    text = read_or_make_dump(path=dump, tables=tables, server=server)
    return import_table(bench_import(dump=text, runs=runs), size_bytes=len(text.encode()))


def _diagram_tables(*, sizes: list[int], edits: int, no_layout: bool) -> str:
    layout = "" if no_layout else layout_table(bench_layout()) + "\n"
    return layout + diagram_table(bench_diagram(sizes=sizes, edits=edits))


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas. "
        "`bench rebase`: an edit made revisions back against the same edit on the current revision. "
        "`bench migrate`: diff + render of a synthetic version history per dialect. "
        "`bench bundle`: the migration bundle job on 200 entities x 10 versions. "
        "`bench codegen`: every ORM target against the PostgreSQL DDL of the same synthetic schema. "
        "`bench deploy`: the deploy check (rules alone, and rendered) against validation. "
        "`bench import`: a large pg_dump through the web import into the editor, against PostgreSQL's own parser. "
        "`bench verify`: production-like data generated and loaded into PostgreSQL as the Verify job does."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "what",
            choices=["diagram", "advisor", "rebase", "migrate", "bundle", "codegen", "deploy", "import", "verify"],
        )
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram, rebase: edits per size (median and p95)")
        parser.add_argument(
            "--runs",
            type=int,
            help="advisor: analyses per size (7); migrate: runs per dialect (5); bundle, codegen, deploy: runs (5); "
            "import, verify: runs (3)",
        )
        parser.add_argument("--entities", type=int, default=200, help="migrate, bundle: entities in the schema")
        parser.add_argument("--versions", type=int, default=10, help="migrate, bundle: versions in the history")
        parser.add_argument("--dump", help="import: a pg_dump --schema-only file (default: made from --tables)")
        parser.add_argument("--tables", type=int, default=1400, help="import: tables in the generated dump")
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432", help="import: where to make it")
        parser.add_argument("--no-layout", action="store_true", help="diagram: skip the first-layout table")
        parser.add_argument("--rows", type=int, default=1_000_000, help="verify: rows generated per schema")
        parser.add_argument(
            "--fixtures", action="store_true", help="verify: the advisor fixtures too, not only the demo"
        )

    def handle(self, *args, what, sizes, edits, runs, entities, versions, no_layout, **options):
        tables = {
            "diagram": lambda: _diagram_tables(sizes=_sizes(sizes, SIZES), edits=edits, no_layout=no_layout),
            "advisor": lambda: advisor_table(bench_advisor(sizes=_sizes(sizes, ADVISOR_SIZES), runs=runs or 7)),
            "rebase": lambda: rebase_table(bench_rebase(sizes=_sizes(sizes, [50, 200, 500]), runs=max(3, edits // 4))),
            "migrate": lambda: migrate_table(
                bench_migrate(entities=entities, versions=versions, runs=runs or 5),
                entities=entities,
                versions=versions,
            ),
            "bundle": lambda: bundle_table(bench_bundle(entities=entities, versions=versions, runs=runs or 5)),
            "codegen": lambda: codegen_table(bench_codegen(sizes=_sizes(sizes, CODEGEN_SIZES), runs=runs or 5)),
            "deploy": lambda: deploy_table(bench_deploy(sizes=_sizes(sizes, DEPLOY_SIZES), runs=runs or 5)),
            "import": lambda: _import_table(runs=runs or 3, **options),
            "verify": lambda: verify_table(
                bench_verify(max_rows=options["rows"], runs=runs or 3, fixtures=options["fixtures"])
            ),
        }
        self.stdout.write(tables[what]())
