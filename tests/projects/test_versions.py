"""The Versions page and releasing a version (projects/views/versions.py: versions_page, release_create)."""

from django.urls import reverse

from designer import ops
from designer.schema import Field, FieldType, TypeKind
from projects import services
from projects.models import Release
from projects.selectors import project_schema
from projects.services import releases


def _add_field(project, user, name="nickname"):
    project.refresh_from_db()
    entity = project_schema(project).entity_by_name("users")
    op = ops.AddField(entity_id=entity.id, field=Field(id=f"fld_{name}", name=name, type=FieldType(TypeKind.TEXT)))
    services.apply_op(project_id=project.pk, user=user, op=op, base_revision=project.revision)


def test_release_snapshots_the_schema_with_number_message_author(client_for, project, member):
    client = client_for(member)
    response = client.post(
        reverse("release_create", args=[project.pk]), {"message": "first cut"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    release = Release.objects.get(project=project)
    assert (release.number, release.message, release.created_by, release.revision) == (1, "first cut", member, 0)
    assert release.document == project.document
    body = response.content.decode()
    assert "v1" in body and "first cut" in body
    assert 'id="bundle-form"' in body and 'hx-swap-oob="true"' in body  # the bundle form learns of v1
    assert '<option value="1" selected>v1</option>' in body


def test_versions_are_immutable_snapshots(project, owner):
    first = releases.release_create(project=project, user=owner, message="one")
    _add_field(project, owner)
    second = releases.release_create(project=project, user=owner, message="two")
    first.refresh_from_db()
    assert second.number == 2
    assert releases.release_schema(first).entity_by_name("users").field_by_name("nickname") is None
    assert releases.release_schema(second).entity_by_name("users").field_by_name("nickname") is not None


def test_nothing_changed_is_refused_with_a_message(client_for, project, owner):
    releases.release_create(project=project, user=owner)
    response = client_for(owner).post(
        reverse("release_create", args=[project.pk]), {"message": "again"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422
    assert "Nothing changed since version 1" in response.content.decode()
    assert Release.objects.filter(project=project).count() == 1


def test_page_lists_versions_for_every_role_and_escapes_messages(client_for, project, owner, viewer):
    releases.release_create(project=project, user=owner, message="<script>alert(1)</script>")
    body = client_for(viewer).get(reverse("versions", args=[project.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body
    assert "Release version" not in body  # a viewer cannot release
    assert "Build bundle" in body


def test_viewer_cannot_release_outsider_sees_nothing(client_for, project, viewer, outsider):
    assert client_for(viewer).post(reverse("release_create", args=[project.pk])).status_code == 403
    assert client_for(outsider).post(reverse("release_create", args=[project.pk])).status_code == 404
    assert client_for(outsider).get(reverse("versions", args=[project.pk])).status_code == 404
    assert not Release.objects.exists()


def test_project_page_links_to_versions(client_for, project, owner):
    body = client_for(owner).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert reverse("versions", args=[project.pk]) in body
