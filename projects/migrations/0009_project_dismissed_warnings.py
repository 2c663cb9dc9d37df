from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0008_import_jobs")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="dismissed_warnings",
            field=models.JSONField(blank=True, default=list),
        ),
    ]
