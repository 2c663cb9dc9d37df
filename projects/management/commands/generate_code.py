from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from designer.codegen import DIALECTS, TARGETS, CodegenError
from projects.code import generated_code
from projects.models import Project


class Command(BaseCommand):
    help = "Write a project's ORM code (Prisma, Drizzle, TypeORM, Mongoose or Django models) into --out DIR."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version is ours (a released version), not Django's "print Django's version".
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--target", choices=list(TARGETS), required=True)
        parser.add_argument("--dialect", choices=DIALECTS, help="default: the schema's database type")
        parser.add_argument("--version", type=int, dest="release", help="a released version; default: current revision")
        parser.add_argument("--out", required=True, help="directory to write the files into (created if missing)")

    def handle(self, *args, project_id, target, dialect=None, release=None, out, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        try:
            code = generated_code(project=project, target=target, dialect=dialect, version=release)
        except (CodegenError, Http404) as error:
            raise CommandError(str(error)) from None
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        for path, text in code.files.items():
            (directory / path).parent.mkdir(parents=True, exist_ok=True)
            (directory / path).write_text(text, encoding="utf-8")
            self.stdout.write(str(directory / path))
