from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, bench_layout, diagram_table, layout_table


class Command(BaseCommand):
    help = "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram"])
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")
        parser.add_argument("--no-layout", action="store_true", help="skip the first-layout table")

    def handle(self, *args, what, sizes, edits, no_layout, **options):
        if not no_layout:
            self.stdout.write(layout_table(bench_layout()) + "\n")
        rows = bench_diagram(sizes=[int(s) for s in sizes.split(",")], edits=edits)
        self.stdout.write(diagram_table(rows))
