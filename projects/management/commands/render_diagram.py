from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from designer.diagram import DiagramError, DiagramOptions
from projects.diagrams import diagram_bytes
from projects.models import Project
from projects.selectors import project_schema


class Command(BaseCommand):
    help = "Render a project's ER diagram to a file (svg, png, pdf or dot)."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--format", choices=["svg", "png", "pdf", "dot"], default="svg")
        parser.add_argument("--out", required=True)
        parser.add_argument("--focus", help="entity name to focus on")
        parser.add_argument("--depth", type=int, default=1)

    def handle(self, *args, project_id, format, out, focus=None, depth=1, **options):
        project = Project.objects.filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project with id {project_id}.")
        schema = project_schema(project)
        focus_id = None
        if focus:
            entity = next((e for e in schema.entities if e.name == focus), None)
            if entity is None:
                raise CommandError(f"No entity named {focus!r} in project {project_id}.")
            focus_id = entity.id
        try:
            body = diagram_bytes(schema, options=DiagramOptions(focus_entity_id=focus_id, depth=depth), fmt=format)
        except DiagramError as error:
            raise CommandError(str(error)) from None
        Path(out).write_bytes(body)
        self.stdout.write(f"Wrote {out} ({len(body)} bytes).")
