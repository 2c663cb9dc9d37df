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


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas. "
        "`bench migrate`: diff + render of a synthetic version history per dialect. "
        "`bench bundle`: the migration bundle job on 200 entities x 10 versions. "
        "`bench codegen`: every ORM target against the PostgreSQL DDL of the same synthetic schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "advisor", "migrate", "bundle", "codegen"])
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram: edits per size (median and p95)")
        parser.add_argument(
            "--runs",
            type=int,
            help="advisor: analyses per size (7); migrate: runs per dialect (5); bundle: runs (5); codegen: runs (5)",
        )
        parser.add_argument(
            "--entities", type=int, default=200, help="migrate, bundle: entities in the synthetic schema"
        )
        parser.add_argument(
            "--versions", type=int, default=10, help="migrate, bundle: versions in the synthetic history"
        )

    def handle(self, *args, what, sizes, edits, runs, entities, versions, **options):
        if what == "codegen":
            chosen = [int(s) for s in sizes.split(",")] if sizes else CODEGEN_SIZES
            self.stdout.write(codegen_table(bench_codegen(sizes=chosen, runs=runs or 5)))
            return
        if what == "bundle":
            self.stdout.write(bundle_table(bench_bundle(entities=entities, versions=versions, runs=runs or 5)))
            return
        if what == "migrate":
            rows = bench_migrate(entities=entities, versions=versions, runs=runs or 5)
            self.stdout.write(migrate_table(rows, entities=entities, versions=versions))
            return
        if what == "advisor":
            chosen = [int(s) for s in sizes.split(",")] if sizes else ADVISOR_SIZES
            self.stdout.write(advisor_table(bench_advisor(sizes=chosen, runs=runs or 7)))
            return
        chosen = [int(s) for s in sizes.split(",")] if sizes else SIZES
        self.stdout.write(diagram_table(bench_diagram(sizes=chosen, edits=edits)))
