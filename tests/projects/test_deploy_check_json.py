"""The deploy check as JSON (projects/views/versions.py: deploy_check_json)."""

from django.urls import reverse

from designer import ops
from designer.schema import Field, FieldType, TypeKind
from projects import services
from projects.selectors import project_schema


def test_member_reads_findings_per_dialect(client_for, project, member):
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    field = Field(id="fld_period", name="period", type=FieldType(TypeKind.OTHER, written="tsrange"))
    services.apply_op(
        project_id=project.pk,
        user=member,
        base_revision=project.revision,
        op=ops.AddField(entity_id=users.id, field=field),
    )
    data = client_for(member).get(reverse("deploy_check_json", args=[project.pk])).json()
    assert data["primary"] == "postgresql" and data["failing"] == ["mysql", "sqlite"]
    assert {f["object"] for f in data["findings"]} == {"users.period"}


def test_viewer_reads_a_clean_check(client_for, project, viewer):
    data = client_for(viewer).get(reverse("deploy_check_json", args=[project.pk])).json()
    assert data == {
        "primary": "postgresql",
        "dialects": ["postgresql", "mysql", "sqlite"],
        "failing": [],
        "findings": [],
    }


def test_outsider_gets_404(client_for, project, outsider):
    assert client_for(outsider).get(reverse("deploy_check_json", args=[project.pk])).status_code == 404
