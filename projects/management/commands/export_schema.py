from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from designer.formats import FORMATS
from designer.problems import SchemaError
from projects import services
from projects.models import Project


class Command(BaseCommand):
    help = "Export a project's schema as DBML or JSON (to stdout, or --out PATH)."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--out", help="file to write; default: standard output")

    def handle(self, *args, project_id, format, out=None, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        try:
            _, _, body = services.project_export(project=project, fmt=format)
        except SchemaError as error:
            raise CommandError(str(error)) from None
        if out:
            Path(out).write_bytes(body)
            self.stderr.write(f"Wrote {out}")
        else:
            self.stdout.write(body.decode(), ending="")
