from django.core.management.base import BaseCommand

from projects.benchmarks import ADVISOR_SIZES, SIZES, advisor_table, bench_advisor, bench_diagram, diagram_table
from projects.benchmarks_rebase import bench_rebase, rebase_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench advisor`: analyze against the workload summary, on synthetic schemas. "
        "`bench rebase`: an edit made revisions back against the same edit on the current revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "advisor", "rebase"])
        parser.add_argument("--sizes", help="entity counts, comma-separated (default: per benchmark)")
        parser.add_argument("--edits", type=int, default=20, help="diagram, rebase: edits per size (median and p95)")
        parser.add_argument("--runs", type=int, default=7, help="advisor: analyses per size (median and p95)")

    def handle(self, *args, what, sizes, edits, runs, **options):
        chosen = [int(s) for s in sizes.split(",")] if sizes else None
        if what == "advisor":
            self.stdout.write(advisor_table(bench_advisor(sizes=chosen or ADVISOR_SIZES, runs=runs)))
        elif what == "rebase":
            self.stdout.write(rebase_table(bench_rebase(sizes=chosen or [50, 200, 500], runs=max(3, edits // 4))))
        else:
            self.stdout.write(diagram_table(bench_diagram(sizes=chosen or list(SIZES), edits=edits)))
