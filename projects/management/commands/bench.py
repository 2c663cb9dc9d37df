from django.core.management.base import BaseCommand

from projects.benchmarks import ADVISOR_SIZES, SIZES, advisor_table, bench_advisor, bench_diagram, diagram_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "advisor"])
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram: edits per size (median and p95)")
        parser.add_argument("--runs", type=int, default=7, help="advisor: analyses per size (median and p95)")

    def handle(self, *args, what, sizes, edits, runs, **options):
        if what == "advisor":
            chosen = [int(s) for s in sizes.split(",")] if sizes else ADVISOR_SIZES
            self.stdout.write(advisor_table(bench_advisor(sizes=chosen, runs=runs)))
            return
        chosen = [int(s) for s in sizes.split(",")] if sizes else SIZES
        self.stdout.write(diagram_table(bench_diagram(sizes=chosen, edits=edits)))
