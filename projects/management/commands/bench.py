from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, diagram_table
from projects.benchmarks_rebase import bench_rebase, rebase_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench rebase`: an edit made revisions back against the same edit on the current revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "rebase"])
        parser.add_argument("--sizes", default=None, help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")

    def handle(self, *args, what, sizes, edits, **options):
        if what == "rebase":
            chosen = [int(s) for s in sizes.split(",")] if sizes else [50, 200, 500]
            self.stdout.write(rebase_table(bench_rebase(sizes=chosen, runs=max(3, edits // 4))))
            return
        chosen = [int(s) for s in sizes.split(",")] if sizes else list(SIZES)
        self.stdout.write(diagram_table(bench_diagram(sizes=chosen, edits=edits)))
