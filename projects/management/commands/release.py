from django.core.management.base import BaseCommand, CommandError

from designer.types import DIALECTS
from projects.models import Project
from projects.services import releases


class Command(BaseCommand):
    help = "Release a project's current schema as a new version; prints the version number alone on the last line."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--message", default="", help="what changed in this version")
        parser.add_argument(
            "--drop-dialect",
            action="append",
            default=[],
            choices=DIALECTS,
            dest="drop_dialects",
            help="release without this dialect when the deploy check fails for it (repeatable)",
        )
        parser.add_argument("--baseline", action="store_true", help="bundles start their chain at this version")

    def handle(self, *args, project_id, message, drop_dialects, baseline, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        try:
            # No web user behind a command: the version's author stays empty ("command line").
            release = releases.release_create(
                project=project, user=None, message=message, drop_dialects=drop_dialects, baseline=baseline
            )
        except releases.VersionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(release.number))
