from django.core.management.base import BaseCommand

from projects.benchmarks import SIZES, bench_diagram, bench_migrate, diagram_table, migrate_table


class Command(BaseCommand):
    help = (
        "Benchmarks that print a table. `bench diagram`: edit-to-response time against raw `dot`. "
        "`bench migrate`: diff + render of a synthetic version history per dialect. "
        "`bench import`: a large pg_dump through the web import into the editor, against PostgreSQL's own parser."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["diagram", "migrate", "import"])
        parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entity counts, comma-separated")
        parser.add_argument("--edits", type=int, default=20, help="edits per size (median and p95 over these)")
        parser.add_argument("--entities", type=int, default=200, help="migrate: entities in the synthetic schema")
        parser.add_argument("--versions", type=int, default=10, help="migrate: versions in the synthetic history")
        parser.add_argument("--runs", type=int, help="migrate: runs per dialect (default 5); import: runs (default 3)")
        parser.add_argument("--dump", help="import: a pg_dump --schema-only file (default: made from --tables)")
        parser.add_argument("--tables", type=int, default=1400, help="import: tables in the generated dump")
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432", help="import: where to make it")

    def handle(self, *args, what, sizes, edits, entities, versions, runs, **options):
        if what == "migrate":
            rows = bench_migrate(entities=entities, versions=versions, runs=runs or 5)
            self.stdout.write(migrate_table(rows, entities=entities, versions=versions))
            return
        if what == "import":
            from projects.benchmarks_import import bench_import, import_table, read_or_make_dump

            dump = read_or_make_dump(path=options["dump"], tables=options["tables"], server=options["server"])
            rows = bench_import(dump=dump, runs=runs or 3)
            self.stdout.write(import_table(rows, size_bytes=len(dump.encode())))
            return
        rows = bench_diagram(sizes=[int(s) for s in sizes.split(",")], edits=edits)
        self.stdout.write(diagram_table(rows))
