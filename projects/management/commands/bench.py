from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, diagram_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench import`: a large pg_dump through the web import into the editor, against PostgreSQL's own parser."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "import"])
        parser.add_argument(
            "--sizes", default=",".join(map(str, SIZES)), help="diagram: entity counts, comma-separated"
        )
        parser.add_argument("--edits", type=int, default=20, help="diagram: edits per size (median and p95 over these)")
        parser.add_argument("--dump", help="import: a pg_dump --schema-only file (default: made from --tables)")
        parser.add_argument("--tables", type=int, default=1400, help="import: tables in the generated dump")
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432", help="import: where to make it")
        parser.add_argument("--runs", type=int, default=3, help="import: runs (the median is shown)")

    def handle(self, *args, what, **options):
        if what == "diagram":
            rows = bench_diagram(sizes=[int(s) for s in options["sizes"].split(",")], edits=options["edits"])
            self.stdout.write(diagram_table(rows))
            return
        from projects.benchmarks_import import bench_import, import_table, read_or_make_dump

        dump = read_or_make_dump(path=options["dump"], tables=options["tables"], server=options["server"])
        rows = bench_import(dump=dump, runs=options["runs"])
        self.stdout.write(import_table(rows, size_bytes=len(dump.encode())))
