"""The panel's schema warnings: all of them, grouped by code; a kind dismissed for the project."""

import pytest
from django.urls import reverse

from designer import ops
from designer.schema import Field, FieldType, TypeKind, replace
from designer.validate import validate
from projects import services
from projects.models import Project
from projects.selectors import project_schema
from projects.warnings_panel import schema_warnings

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def many_warnings(client, project, count):
    """Tables without a primary key: one ``missing-primary-key`` warning each."""
    for number in range(count):
        project.refresh_from_db()
        client.post(
            reverse("entity_add", args=[project.pk]),
            {"base_revision": project.revision, "name": f"loose_{number}"},
            **HTMX,
        )
    project.refresh_from_db()


def test_every_warning_is_listed_grouped_by_code(client_for, project, member):
    client = client_for(member)
    many_warnings(client, project, 7)
    body = client.get(reverse("editor_panel", args=[project.pk]), **HTMX).content.decode()
    expected = [p for p in validate(project_schema(project)) if p.code == "missing-primary-key"]
    assert len(expected) >= 7
    assert all(p.message in body for p in expected)  # no cut at 3 or 5
    assert body.count('class="warning-group') == len(
        {p.code for p in validate(project_schema(project)) if p.severity.value == "warning"}
    )


def test_a_kind_of_warning_is_dismissed_for_the_project_and_shown_again(client_for, project, member, viewer):
    client = client_for(member)
    many_warnings(client, project, 2)
    url = reverse("warning_dismiss", args=[project.pk])
    response = client.post(url, {"code": "missing-primary-key"}, **HTMX)
    assert response.status_code == 200 and "Show these again" in response.content.decode()
    assert Project.objects.get(pk=project.pk).dismissed_warnings == ["missing-primary-key"]
    client.post(url, {"code": "missing-primary-key", "show": "1"}, **HTMX)
    assert Project.objects.get(pk=project.pk).dismissed_warnings == []
    assert client_for(viewer).post(url, {"code": "missing-primary-key"}, **HTMX).status_code == 403


def test_outsiders_cannot_dismiss(client_for, project, outsider):
    response = client_for(outsider).post(reverse("warning_dismiss", args=[project.pk]), {"code": "x"}, **HTMX)
    assert response.status_code == 404


def test_a_refused_form_keeps_its_ids(client_for, project, member):
    response = client_for(member).post(
        reverse("entity_add", args=[project.pk]), {"base_revision": project.revision, "name": "users"}, **HTMX
    )
    assert response.status_code == 422
    assert 'id="new-entity-name"' in response.content.decode()


def test_warnings_are_kept_per_schema_object_never_mixed_up(project):
    schema = project_schema(project)
    loose = replace(schema, entities=tuple(replace(e, primary_key=()) for e in schema.entities))
    assert schema_warnings(schema) == [p for p in validate(schema) if p.severity.value == "warning"]
    assert schema_warnings(loose) == [p for p in validate(loose) if p.severity.value == "warning"]
    assert schema_warnings(schema) != schema_warnings(loose)  # each its own, asked again


def test_the_deploy_check_is_a_group_per_failing_dialect(client_for, project, member):
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    field = Field(id="fld_period", name="period", type=FieldType(TypeKind.OTHER, written="tsrange"))
    services.apply_op(
        project_id=project.pk,
        user=member,
        base_revision=project.revision,
        op=ops.AddField(entity_id=users.id, field=field),
    )
    body = client_for(member).get(reverse("editor_panel", args=[project.pk]), **HTMX).content.decode()
    assert "Deploy check: MySQL/MariaDB" in body and "Deploy check: SQLite" in body
    assert "Deploy check: PostgreSQL" not in body
    assert "users.period: type tsrange has no MySQL/MariaDB equivalent" in body
