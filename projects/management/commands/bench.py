from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, bench_migrate, diagram_table, migrate_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench migrate`: diff + render of a synthetic version history per dialect."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "migrate"])
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")
        parser.add_argument("--entities", type=int, default=200, help="migrate: entities in the synthetic schema")
        parser.add_argument("--versions", type=int, default=10, help="migrate: versions in the synthetic history")
        parser.add_argument("--runs", type=int, default=5, help="migrate: runs per dialect (median over these)")

    def handle(self, *args, what, sizes, edits, entities, versions, runs, **options):
        if what == "migrate":
            rows = bench_migrate(entities=entities, versions=versions, runs=runs)
            self.stdout.write(migrate_table(rows, entities=entities, versions=versions))
            return
        rows = bench_diagram(sizes=[int(s) for s in sizes.split(",")], edits=edits)
        self.stdout.write(diagram_table(rows))
