import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from designer.advice import analysis_to_dict, analyze, review_markdown
from projects.models import Project
from projects.selectors import dismissed_keys, project_schema


class Command(BaseCommand):
    help = "Analyse a project's schema and workload: recommendations as JSON or a Markdown design review."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--format", choices=["json", "markdown"], required=True)
        parser.add_argument("--out", help="file to write; default: standard output")

    def handle(self, *args, project_id, format, out=None, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        schema = project_schema(project)
        data = analysis_to_dict(analyze(schema), schema=schema, revision=project.revision, internal=format != "json")
        if format == "json":
            body = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        else:
            body = review_markdown(data, project_name=project.name, dismissed=dismissed_keys(project=project))
        if out:
            Path(out).write_text(body, encoding="utf-8")
            self.stderr.write(f"Wrote {out}")
        else:
            self.stdout.write(body, ending="")
