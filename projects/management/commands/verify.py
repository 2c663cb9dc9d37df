import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from designer.verify.report import markdown
from projects.models import Project
from projects.rehearsal import rehearse
from projects.verification import Options, VerifyError
from projects.verify_jobs import schemas_for
from projects.verify_run import verify


class Command(BaseCommand):
    help = (
        "Verify a project's design on a real server of its dialect (PostgreSQL: VERIFY_DATABASE_URL; MariaDB: "
        "VERIFY_MARIADB_URL; SQLite in-process): a scratch database with "
        "production-like data, every access pattern timed and EXPLAINed before and after the advice's SQL, "
        "and the migration from the version before rehearsed. Prints the report as Markdown or JSON."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version is Django's (print Django's version) unless resolved in favour of ours.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--version", type=int, help="a released version (default: the current design)")
        parser.add_argument("--scale", type=float, default=1.0, help="of the declared volumes (before the cap)")
        parser.add_argument("--max-rows", type=int, default=1_000_000, help="cap on the rows generated in all")
        parser.add_argument("--runs", type=int, default=20, help="executions per pattern and parameter set")
        parser.add_argument("--format", choices=["json", "markdown"], default="markdown")
        parser.add_argument("--no-rehearsal", action="store_true", help="skip the migration rehearsal")
        parser.add_argument("--out", help="file to write; default: standard output")

    def handle(self, *args, project_id, version, scale, max_rows, runs, format, no_rehearsal, out=None, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        if not 0 < scale <= 1000 or runs < 1 or max_rows < 1:
            raise CommandError("--scale must be in (0, 1000], --runs and --max-rows at least 1.")
        try:
            schema, previous, previous_version = schemas_for(project=project, version=version)
        except Http404 as error:
            raise CommandError(f"Project {project_id} has no version {version}.") from error
        progress = (lambda percent, message: self.stderr.write(f"{percent:3d}% {message}")) if out else None
        try:
            report = verify(
                schema,
                project=project.name,
                version=version,
                options=Options(runs=runs, scale=scale, max_rows=max_rows),
                previous=None if no_rehearsal else previous,
                previous_version=previous_version,
                rehearse=rehearse,
                progress=progress,
            )
        except VerifyError as error:
            raise CommandError(str(error)) from error
        body = json.dumps(report, indent=2, default=str) + "\n" if format == "json" else markdown(report)
        if out:
            Path(out).write_text(body, encoding="utf-8")
            self.stderr.write(f"Wrote {out}")
        else:
            self.stdout.write(body, ending="")
