from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_revision_undo_redo")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="dismissed_warnings",
            field=models.JSONField(blank=True, default=list),
        ),
    ]
