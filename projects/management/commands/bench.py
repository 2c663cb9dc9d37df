from django.core.management.base import BaseCommand

from projects.bench_bundle import bench_bundle, bundle_table
from projects.bench_codegen import CODEGEN_SIZES, bench_codegen, codegen_table
from projects.benchmarks import (
    ADVISOR_SIZES,
    SIZES,
    advisor_table,
    bench_advisor,
    bench_diagram,
    bench_migrate,
    diagram_table,
    migrate_table,
)
from projects.benchmarks_rebase import bench_rebase, rebase_table


def _sizes(text: str | None, default) -> list[int]:
    return [int(s) for s in text.split(",")] if text else list(default)


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas. "
        "`bench rebase`: an edit made revisions back against the same edit on the current revision. "
        "`bench migrate`: diff + render of a synthetic version history per dialect. "
        "`bench bundle`: the migration bundle job on 200 entities x 10 versions. "
        "`bench codegen`: every ORM target against the PostgreSQL DDL of the same synthetic schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "advisor", "rebase", "migrate", "bundle", "codegen"])
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram, rebase: edits per size (median and p95)")
        parser.add_argument(
            "--runs",
            type=int,
            help="advisor: analyses per size (7); migrate: runs per dialect (5); bundle: runs (5); codegen: runs (5)",
        )
        parser.add_argument("--entities", type=int, default=200, help="migrate, bundle: entities in the schema")
        parser.add_argument("--versions", type=int, default=10, help="migrate, bundle: versions in the history")

    def handle(self, *args, what, sizes, edits, runs, entities, versions, **options):
        tables = {
            "diagram": lambda: diagram_table(bench_diagram(sizes=_sizes(sizes, SIZES), edits=edits)),
            "advisor": lambda: advisor_table(bench_advisor(sizes=_sizes(sizes, ADVISOR_SIZES), runs=runs or 7)),
            "rebase": lambda: rebase_table(bench_rebase(sizes=_sizes(sizes, [50, 200, 500]), runs=max(3, edits // 4))),
            "migrate": lambda: migrate_table(
                bench_migrate(entities=entities, versions=versions, runs=runs or 5),
                entities=entities,
                versions=versions,
            ),
            "bundle": lambda: bundle_table(bench_bundle(entities=entities, versions=versions, runs=runs or 5)),
            "codegen": lambda: codegen_table(bench_codegen(sizes=_sizes(sizes, CODEGEN_SIZES), runs=runs or 5)),
        }
        self.stdout.write(tables[what]())
