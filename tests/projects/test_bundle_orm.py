"""The migration bundle carries the chosen ORM code under orm/<target>/ (Versions page)."""

import zipfile

import pytest
from django.urls import reverse

from designer.codegen import generate
from projects.code import bundle_orm_files, versions_up_to
from projects.models import Bundle
from projects.selectors import project_schema
from projects.services import releases
from projects.tasks import run_job


@pytest.mark.graphviz
def test_bundle_with_prisma_and_django_code(client_for, project, owner):
    releases.release_create(project=project, user=owner, message="first")
    client = client_for(owner)
    payload = {
        "target": 1,
        "base": 0,
        "dialects": ["postgresql"],
        "zero_downtime": "on",
        "orm_targets": ["prisma", "django"],
    }
    response = client.post(reverse("bundle_start", args=[project.pk]), payload, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    bundle = Bundle.objects.get(project=project)
    assert bundle.orm_target_list == ["prisma", "django"]
    assert run_job.run(bundle.job.pk) == "done"
    bundle.job.refresh_from_db()
    with zipfile.ZipFile(bundle.job.file.open()) as archive:
        names = set(archive.namelist())
        prisma = archive.read("orm/prisma/schema.prisma").decode()
        django_models = archive.read("orm/django/models.py").decode()
    schema = project_schema(project)
    expected = generate(
        schema, target="prisma", dialect="postgresql", versions=versions_up_to(project=project, version=1)
    )
    assert prisma == expected["schema.prisma"]
    assert {f"orm/prisma/{p}" for p in expected} <= names  # the Prisma migrations too
    assert "orm/prisma/migrations/migration_lock.toml" in names
    assert django_models == generate(schema, target="django", dialect="postgresql")["models.py"]
    assert not any(n.startswith(("orm/drizzle", "orm/typeorm", "orm/mongoose")) for n in names)


def test_the_bundle_form_offers_the_targets_and_refuses_unknown_ones(client_for, project, owner):
    releases.release_create(project=project, user=owner, message="first")
    client = client_for(owner)
    page = client.get(reverse("versions", args=[project.pk])).content.decode()
    assert 'name="orm_targets" value="typeorm"' in page
    payload = {"target": 1, "base": 0, "dialects": ["postgresql"], "orm_targets": ["hibernate"]}
    response = client.post(reverse("bundle_start", args=[project.pk]), payload, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and not Bundle.objects.exists()
    with pytest.raises(releases.VersionError, match="Unknown ORM hibernate"):
        releases.bundle_create(project=project, user=owner, orm_targets=["hibernate"])


def test_no_orm_chosen_no_orm_files(project, owner):
    releases.release_create(project=project, user=owner, message="first")
    bundle = releases.bundle_create(project=project, user=owner, dialects=["sqlite"])
    assert bundle.orm_target_list == []
    assert bundle_orm_files(project=project, version=1, targets=[], dialects=["sqlite"]) == {}
    files = bundle_orm_files(project=project, version=1, targets=["drizzle"], dialects=["sqlite"])
    assert b"drizzle-orm/sqlite-core" in files["orm/drizzle/schema.ts"]  # the bundle's dialect
