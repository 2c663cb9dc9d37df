"""Named users shared by every web test (healthchecks style): the owner of a project,
a member who may edit it, a viewer who may only look, and an outsider."""

import pytest
from django.contrib.auth import get_user_model

from designer.examples import blog_schema
from projects import services
from projects.models import Membership, Role


@pytest.fixture
def owner(db):
    return get_user_model().objects.create_user("alice", password="pw-alice-123")


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user("bob", password="pw-bob-123")


@pytest.fixture
def viewer(db):
    return get_user_model().objects.create_user("vera", password="pw-vera-123")


@pytest.fixture
def outsider(db):
    return get_user_model().objects.create_user("charlie", password="pw-charlie-123")


@pytest.fixture
def project(owner, member, viewer):
    project = services.project_create(owner=owner, name="Blog", description="demo", schema=blog_schema())
    Membership.objects.create(project=project, user=member, role=Role.EDITOR)
    Membership.objects.create(project=project, user=viewer, role=Role.VIEWER)
    return project


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
