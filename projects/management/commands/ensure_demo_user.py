from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: a `demo` user (password `demo`) who owns the demo project."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a user with a known password when DEBUG is off.")
        users = get_user_model()
        user = users.objects.filter(username="demo").first()
        if user is None:
            user = users.objects.create_user("demo", password="demo")  # noqa: S106 — DEBUG only
            self.stdout.write("Created user demo / demo.")
        call_command("seed_demo", owner="demo", stdout=self.stdout)
