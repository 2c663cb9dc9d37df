from django.core.management.base import BaseCommand

from projects import services


class Command(BaseCommand):
    help = (
        "Fail the jobs whose worker is gone and delete the uploads of imports finished "
        "long ago (for cron, when `celery beat` does not run)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{services.jobs_reap()} job(s) reaped")
        self.stdout.write(f"{services.import_uploads_expire()} import upload(s) deleted")
