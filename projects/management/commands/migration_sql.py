from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from designer.migrate import MigrationError, diff, render
from designer.types import DIALECTS, UnportableType
from projects.models import Project
from projects.services import releases


class Command(BaseCommand):
    help = (
        "Print the migration of a project from version N to version M (N = 0: the empty database) "
        "for one dialect; --down prints the reverse, M back to N. The output applies as printed "
        "(psql -v ON_ERROR_STOP=1 -f, mariadb, sqlite3); warnings also go to standard error."
    )

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--from", dest="old", type=int, required=True, help="version to start from; 0 = empty")
        parser.add_argument("--to", dest="new", type=int, required=True, help="version to arrive at")
        parser.add_argument("--dialect", choices=DIALECTS, required=True)
        parser.add_argument("--down", action="store_true", help="print the reverse migration (M back to N)")
        parser.add_argument("--no-zero-downtime", action="store_true", help="plain DDL, no PostgreSQL rewrites")

    def handle(self, *args, project_id, old, new, dialect, down, no_zero_downtime, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        if not 0 <= old < new:
            raise CommandError("--from must be a smaller version than --to (0 is the empty database).")
        try:
            before = releases.version_schema(project=project, number=old)
            after = releases.version_schema(project=project, number=new)
        except Http404:
            raise CommandError(f"Project {project_id} has no version {old if old else new}.") from None
        try:
            migration = render(
                diff(before, after), dialect=dialect, old=before, new=after, zero_downtime=not no_zero_downtime
            )
        except (MigrationError, UnportableType) as error:
            raise CommandError(str(error)) from None
        for warning in migration.warnings:
            self.stderr.write(f"warning {warning.code}: {warning.message}")
        self.stdout.write(migration.down if down else migration.up, ending="")
