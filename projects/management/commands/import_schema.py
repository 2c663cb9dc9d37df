from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from designer.formats import IMPORT_FORMATS, detect_format
from designer.notices import group_notices
from designer.problems import SchemaError
from projects import services
from projects.models import Project
from projects.services import imports

NOTICES_SHOWN = 5  # per group that lost nothing, unless -v 2


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
        except services.Refused as error:
            raise CommandError(str(error)) from None
        write_notices(self.stderr.write, notices, verbosity=options.get("verbosity", 1))
        action = "New revision of" if target else "Created"
        tables = len(imported.document.get("entities", []))
        self.stdout.write(
            f"{action} project {imported.name!r} (revision {imported.revision}) from {fmt}: {tables} tables."
        )
        self.stdout.write(str(imported.pk))


def write_notices(write, notices, *, verbosity: int) -> None:
    """Grouped, what was lost first: each group's summary, then its notices with their
    lines (all of a lossy group; the first few of the others unless -v 2)."""
    if notices:
        write(f"{len(notices):,} notice{'s' if len(notices) != 1 else ''}:")
    for group in group_notices(notices):
        write(f"{'LOST ' if group.lossy else ''}{group.summary()}")
        shown = group.notices if group.lossy or verbosity >= 2 else group.notices[:NOTICES_SHOWN]
        for notice in shown:
            write(f"  notice: {notice}")
        if len(shown) < group.count:
            write(f"  … {group.count - len(shown):,} more (-v 2 lists them all)")
