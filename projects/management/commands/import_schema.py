from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from designer.formats import FORMATS
from designer.problems import SchemaError
from projects import services
from projects.forms.projects import detect_format
from projects.models import Project


class Command(BaseCommand):
    help = "Import a DBML or JSON schema as a new project (or a new revision of --project). Prints the project id last."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--owner", required=True, help="username of the owner")
        parser.add_argument("--project", help="name of one of the owner's projects to add a revision to")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file extension")

    def handle(self, *args, path, owner, project=None, format=None, **options):
        user = get_user_model().objects.filter(username=owner).first()
        if user is None:
            raise CommandError(f"No user named {owner!r}.")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        fmt = format or detect_format(filename=path, text=text)
        target = None
        if project:
            target = Project.objects.filter(owner=user, name=project).order_by("pk").first()
        name = project or Path(path).stem
        try:
            imported, warnings = services.project_import(owner=user, text=text, fmt=fmt, name=name, project=target)
        except SchemaError as error:
            raise CommandError(f"{path}: " + "\n".join(str(p) for p in error.problems)) from None
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        action = "New revision of" if target else "Created"
        self.stdout.write(f"{action} project {imported.name!r} (revision {imported.revision}).")
        self.stdout.write(str(imported.pk))
