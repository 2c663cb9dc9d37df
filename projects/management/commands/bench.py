from django.core.management.base import BaseCommand

from projects.bench_bundle import bench_bundle, bundle_table
from projects.benchmarks import ADVISOR_SIZES, SIZES, advisor_table, bench_advisor, bench_diagram, diagram_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas. "
        "`bench bundle`: the migration bundle job on 200 entities x 10 versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "advisor", "bundle"])
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram: edits per size (median and p95)")
        parser.add_argument("--runs", type=int, default=7, help="advisor: analyses per size; bundle: runs")

    def handle(self, *args, what, sizes, edits, runs, **options):
        if what == "bundle":
            self.stdout.write(bundle_table(bench_bundle(runs=runs)))
            return
        if what == "advisor":
            chosen = [int(s) for s in sizes.split(",")] if sizes else ADVISOR_SIZES
            self.stdout.write(advisor_table(bench_advisor(sizes=chosen, runs=runs)))
            return
        chosen = [int(s) for s in sizes.split(",")] if sizes else SIZES
        self.stdout.write(diagram_table(bench_diagram(sizes=chosen, edits=edits)))
