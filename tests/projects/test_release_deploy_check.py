"""Release and the deploy check (projects/views/versions.py: versions_page, release_create)."""

from django.urls import reverse

from designer import ops
from designer.schema import Field, FieldType, TypeKind
from projects import services
from projects.models import Release
from projects.selectors import project_schema

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_field(project, user, written: str, name: str = "period"):
    """A field as an import or an old revision could hold it (the field form refuses typos)."""
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    field = Field(id=f"fld_{name}", name=name, type=FieldType(TypeKind.OTHER, written=written))
    services.apply_op(
        project_id=project.pk,
        user=user,
        base_revision=project.revision,
        op=ops.AddField(entity_id=users.id, field=field),
    )


def release(client, project, **data):
    return client.post(reverse("release_create", args=[project.pk]), data, **HTMX)


def test_the_versions_page_shows_the_check_per_dialect(client_for, project, owner):
    add_field(project, owner, "tsrange")
    page = client_for(owner).get(reverse("versions", args=[project.pk])).content.decode()
    assert 'id="deploy-check"' in page and "users.period: type tsrange has no MySQL/MariaDB equivalent" in page
    assert 'value="mysql"> leave MySQL/MariaDB out of this version' in page


def test_a_version_failing_for_another_dialect_asks_then_records_the_choice(client_for, project, member):
    add_field(project, member, "tsrange")
    asked = release(client_for(member), project, message="ranges")
    assert asked.status_code == 422
    assert "choose to leave MySQL/MariaDB, SQLite out of this version" in asked.content.decode()
    assert not Release.objects.filter(project=project).exists()
    done = release(client_for(member), project, message="ranges", drop_dialects=["mysql", "sqlite"])
    assert done.status_code == 200
    version = Release.objects.get(project=project)
    assert version.dropped_dialect_list == ["mysql", "sqlite"]
    assert "without mysql, sqlite" in done.content.decode()


def test_dropping_only_some_failing_dialects_is_not_enough(client_for, project, member):
    add_field(project, member, "tsrange")
    response = release(client_for(member), project, drop_dialects=["mysql"])
    assert response.status_code == 422 and "leave SQLite out" in response.content.decode()


def test_a_version_failing_for_the_primary_dialect_is_refused(client_for, project, member):
    add_field(project, member, "varchr(20)", name="code")
    response = release(client_for(member), project, drop_dialects=["postgresql", "mysql", "sqlite"])
    assert response.status_code == 422
    body = response.content.decode()
    assert "would fail on PostgreSQL, the project&#x27;s own database" in body and "change it to varchar(20)" in body
    assert not Release.objects.filter(project=project).exists()


def test_a_clean_design_releases_for_every_dialect(client_for, project, member):
    assert release(client_for(member), project).status_code == 200
    assert Release.objects.get(project=project).dropped_dialects == ""


def test_viewer_cannot_release(client_for, project, viewer):
    assert release(client_for(viewer), project).status_code == 403


def test_outsider_cannot_release(client_for, project, outsider):
    assert release(client_for(outsider), project).status_code == 404
