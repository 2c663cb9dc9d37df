from django.db import migrations, models


class Migration(migrations.Migration):
    # Adds a field to Bundle, so it follows the migration that creates Bundle.
    dependencies = [
        ("projects", "0006_job_liveness"),
    ]

    operations = [
        migrations.AddField(
            model_name="bundle",
            name="orm_targets",
            field=models.CharField(blank=True, default="", max_length=60),
        ),
    ]
