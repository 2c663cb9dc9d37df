"""Who may do what on a project, and the request types views are written against.

``ProjectAccess`` is what the access selector answers: the project and the person's role
on it, side by side. The role belongs to the (person, project) pair of one request, never
to the project row, so it is not attached to the ``Project`` object: a project read for
one person and handed to code serving another cannot carry the wrong rights.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from projects.models import Project, Role

LINK = "link"  # a read-only share link: no membership, no name


@dataclass(frozen=True)
class ProjectAccess:
    project: Project
    role: str  # a Role value, or LINK

    @property
    def can_edit(self) -> bool:
        return self.role in (Role.OWNER, Role.EDITOR)

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


class HtmxHttpRequest(HttpRequest):
    """Any request through django-htmx's middleware (``request.htmx``)."""

    htmx: HtmxDetails


class AuthenticatedRequest(HtmxHttpRequest):
    """A request of a logged-in person (behind ``login_required``)."""

    user: AbstractBaseUser


class ProjectRequest(AuthenticatedRequest):
    """A request that passed a project's access check (``views.access.project_access``)."""

    access: ProjectAccess
