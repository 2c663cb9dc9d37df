from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, diagram_table


class Command(BaseCommand):
    help = "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram"])
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")

    def handle(self, *args, what, sizes, edits, **options):
        rows = bench_diagram(sizes=[int(s) for s in sizes.split(",")], edits=edits)
        self.stdout.write(diagram_table(rows))
