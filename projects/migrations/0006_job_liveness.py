"""Job liveness (heartbeat, attempts, worker) and a partial index of jobs in flight.

The new columns keep their defaults in the database (old app servers insert jobs during
a deploy); the index is built CONCURRENTLY on PostgreSQL so the jobs table is never locked against
writes (hence a non-atomic migration); SQLite (embedded mode) builds it plainly."""

from django.conf import settings
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class AddIndexConcurrentlyWherePossible(AddIndexConcurrently):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("projects", "0005_bundle"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="job", name="attempts", field=models.PositiveSmallIntegerField(db_default=0, default=0)
        ),
        migrations.AddField(model_name="job", name="heartbeat_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            model_name="job",
            name="worker",
            field=models.CharField(blank=True, db_default="", default="", max_length=200),
        ),
        AddIndexConcurrentlyWherePossible(
            model_name="job",
            index=models.Index(
                condition=models.Q(("status__in", ["pending", "running"])),
                fields=["created_by", "status"],
                name="job_in_flight_idx",
            ),
        ),
    ]
