from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from projects import services
from projects.models import Project


class Command(BaseCommand):
    help = "Create the demo project (the blog) for a user, once."

    def add_arguments(self, parser):
        parser.add_argument("--owner", required=True)

    def handle(self, *args, owner, **options):
        user = get_user_model().objects.filter(username=owner).first()
        if user is None:
            raise CommandError(f"No user named {owner!r}.")
        existing = Project.objects.filter(owner=user, name=services.DEMO_NAME).first()
        if existing:
            self.stdout.write(f"The demo project already exists (id {existing.pk}).")
            return
        project = services.demo_project_create(owner=user)
        self.stdout.write(f"Created the demo project (id {project.pk}).")
