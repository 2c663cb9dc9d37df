from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from designer.bundle import build_bundle
from designer.migrate import MigrationError
from designer.types import DIALECTS, UnportableType
from projects.models import Project
from projects.services import releases


class Command(BaseCommand):
    help = (
        "Write a project's migration bundle (zip): target --version (default: the latest), "
        "from --from (default 0: the empty database), for --dialects (default: all)."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Django gives every command --version (Django's own); here it names the target version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--version", dest="target", type=int, help="target version; default: the latest")
        parser.add_argument("--from", dest="base", type=int, default=0, help="base version; 0 = the empty database")
        parser.add_argument("--dialects", default=",".join(DIALECTS), help="comma-separated: " + ",".join(DIALECTS))
        parser.add_argument("--no-zero-downtime", action="store_true", help="plain DDL, no PostgreSQL rewrites")
        parser.add_argument("--out", required=True, help="the .zip file to write")

    def handle(self, *args, project_id, target, base, dialects, no_zero_downtime, out, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        try:
            target, base, chosen = releases.bundle_options(
                project=project, target=target, base=base, dialects=[d.strip() for d in dialects.split(",")]
            )
            spec = releases.bundle_spec(
                project=project, target=target, base=base, dialects=chosen, zero_downtime=not no_zero_downtime
            )
            body = build_bundle(spec)
        except (releases.VersionError, MigrationError, UnportableType) as error:
            raise CommandError(str(error)) from None
        Path(out).write_bytes(body)
        self.stderr.write(f"Wrote {out} ({len(body)} bytes)")
