"""The Django shell around the designer core: accounts, projects, storage, web, workers."""

from projects.celery import app as celery_app

__all__ = ("celery_app",)
