import pytest
from django.db import IntegrityError, transaction

from projects.models import Job, Membership, Project, Revision, Role


def test_database_constraints_hold(project, owner):
    with pytest.raises(IntegrityError), transaction.atomic():
        Job.objects.create(project=project, kind="export", revision=0, progress=150)
    with pytest.raises(IntegrityError), transaction.atomic():
        Job.objects.create(project=project, kind="nonsense", revision=0)
    Revision.objects.create(project=project, number=1, op={}, inverse={}, summary="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(project=project, number=1, op={}, inverse={}, summary="again")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(project=project, user=owner, role=Role.VIEWER)
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(owner=owner, name="", document={})


def test_history_survives_deleting_its_author(project, member):
    Revision.objects.create(project=project, number=1, author=member, op={}, inverse={}, summary="x")
    member.delete()
    assert Revision.objects.get(project=project).author is None
