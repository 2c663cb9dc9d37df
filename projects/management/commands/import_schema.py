from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from designer.formats import IMPORT_FORMATS, detect_format
from designer.problems import SchemaError
from projects import imports
from projects.models import Project


class Command(BaseCommand):
    help = (
        "Import a schema (DBML, JSON, a Prisma schema, or PostgreSQL / MySQL / SQLite DDL) as a new project, or as a new "
        "revision of --project. Prints the project id last."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--owner", required=True, help="username of the owner")
        parser.add_argument("--project", help="name of one of the owner's projects to add a revision to")
        parser.add_argument("--format", choices=IMPORT_FORMATS, help="default: detected from the file")

    def handle(self, *args, path, owner, project=None, format=None, **options):
        user = get_user_model().objects.filter(username=owner).first()
        if user is None:
            raise CommandError(f"No user named {owner!r}.")
        try:
            imports.import_check_size(size=Path(path).stat().st_size)
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, imports.ImportTooLarge) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        fmt = format or detect_format(text, filename=path)
        target = None
        if project:
            target = Project.objects.filter(owner=user, name=project).order_by("pk").first()
        name = project or Path(path).stem
        try:
            # The command line means "replace with this file now": its base is the stored revision.
            imported, notices = imports.project_import(owner=user, text=text, fmt=fmt, name=name, project=target)
        except SchemaError as error:
            raise CommandError(f"{path}: " + "\n".join(str(p) for p in error.problems)) from None
        for notice in notices:
            self.stderr.write(f"notice: {notice}")
        action = "New revision of" if target else "Created"
        tables = len(imported.document.get("entities", []))
        self.stdout.write(
            f"{action} project {imported.name!r} (revision {imported.revision}) from {fmt}: {tables} tables."
        )
        self.stdout.write(str(imported.pk))
