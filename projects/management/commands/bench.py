from django.core.management.base import BaseCommand

from projects.bench_bundle import bench_bundle, bundle_table
from projects.benchmarks import SIZES, bench_diagram, diagram_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench bundle`: the migration bundle job on 200 entities x 10 versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "bundle"])
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")
        parser.add_argument("--runs", type=int, default=5, help="bundle: runs per row (median over these)")

    def handle(self, *args, what, sizes, edits, runs, **options):
        if what == "bundle":
            self.stdout.write(bundle_table(bench_bundle(runs=runs)))
            return
        rows = bench_diagram(sizes=[int(s) for s in sizes.split(",")], edits=edits)
        self.stdout.write(diagram_table(rows))
