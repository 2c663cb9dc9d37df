from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Schema projects"

    def ready(self):
        # Register the job task with Celery once the app is loaded, in the web process as in
        # the worker: services send it by name (services.RUN_JOB) and never import it.
        from projects import tasks  # noqa: F401
