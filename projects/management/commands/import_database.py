from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from designer.problems import SchemaError
from projects import services
from projects.live_import import LiveImportError, import_database, parse_url
from projects.management.commands.import_schema import write_notices
from projects.models import Project
from projects.services import imports


class Command(BaseCommand):
    help = (
        "Import the schema of a live PostgreSQL or MySQL/MariaDB database (read-only catalog queries) as a new "
        "project, or a new revision of --project. The URL's credentials are used to connect and never stored "
        "or printed. Prints the project id last."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="postgres://user:password@host:5432/name or mysql://user:password@host/name")
        parser.add_argument("--owner", required=True, help="username of the owner")
        parser.add_argument("--project", help="name of one of the owner's projects to add a revision to")
        parser.add_argument("--schemas", help="PostgreSQL schemas to read, comma-separated (default: all)")
        parser.add_argument(
            "--stats", action="store_true", help="row estimates → volumes; pg_stat_statements → access patterns"
        )

    def handle(self, *args, url, owner, project=None, schemas=None, stats=False, **options):
        user = get_user_model().objects.filter(username=owner).first()
        if user is None:
            raise CommandError(f"No user named {owner!r}.")
        try:
            target = parse_url(url)
            schema, notices = import_database(
                url, schemas=[s.strip() for s in schemas.split(",") if s.strip()] if schemas else None, stats=stats
            )
            schema, notices = imports.import_checked(schema=schema, notices=notices)
        except LiveImportError as error:
            raise CommandError(str(error)) from None
        except SchemaError as error:
            raise CommandError("\n".join(str(p) for p in error.problems)) from None
        write_notices(self.stderr.write, notices, verbosity=options.get("verbosity", 1))
        existing = Project.objects.filter(owner=user, name=project).order_by("pk").first() if project else None
        try:
            if existing is None:
                imported = services.project_create(owner=user, name=project or target.database, schema=schema)
            else:
                from designer import ops

                imported, _ = services.apply_op(
                    project_id=existing.pk,
                    user=user,
                    op=ops.ReplaceSchema(schema=schema),
                    base_revision=existing.revision,
                    summary=f"Imported the live database {target.database}",
                )
        except SchemaError as error:
            raise CommandError("\n".join(str(p) for p in error.problems)) from None
        self.stdout.write(
            f"Read {len(schema.entities)} tables, {len(schema.relationships)} relationships, "
            f"{len(schema.patterns)} access patterns from {target.describe()}."
        )
        self.stdout.write(str(imported.pk))
