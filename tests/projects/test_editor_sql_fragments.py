"""SQL typed into the editor's forms (a type, a default expression, a check, a partial
index's condition) must parse as exactly one type or expression: anything else is a 422
that says why, and nothing is saved (issue 24: the probe's injection payloads)."""

import pytest
from django.urls import reverse

from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}
PAYLOADS = {
    "type": {"type": "text); COMMIT; DROP TABLE victim; --"},
    "default expression": {
        "type": "timestamptz",
        "default": "now()); COMMIT; DROP TABLE victim; --",
        "default_is_expression": "on",
    },
    "check": {"type": "integer", "check": "d3 > 0)); COMMIT; DROP TABLE victim; --"},
    "nonsense type parameters": {"type": "numeric(-1,-1)"},
    "comment in a type": {"type": "int /* */ ; drop table victim"},
}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


@pytest.mark.parametrize("case", list(PAYLOADS))
def test_a_field_whose_sql_does_not_parse_is_422_with_the_reason(client_for, project, member, case):
    revision = Project.objects.get(pk=project.pk).revision
    posts = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")
    data = {"name": "d3", "nullable": "on", **PAYLOADS[case]}
    response = post(client_for(member), "field_add", project, data, posts.id)
    body = response.content.decode()
    assert response.status_code == 422, body[:500]
    assert "does not parse as one" in body and "PostgreSQL" in body
    assert Project.objects.get(pk=project.pk).revision == revision  # nothing saved


def test_a_field_with_sql_that_parses_is_saved(client_for, project, member):
    posts = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")
    data = {"name": "d3", "type": "numeric(10,2)", "nullable": "on", "check": "d3 > 0", "default": "1.5"}
    assert post(client_for(member), "field_add", project, data, posts.id).status_code == 200
    field = project_schema(Project.objects.get(pk=project.pk)).entity(posts.id).field_by_name("d3")
    assert field.check == "d3 > 0"  # the model keeps what the person wrote


def test_a_partial_index_whose_condition_does_not_parse_is_422_with_the_reason(client_for, project, member):
    revision = Project.objects.get(pk=project.pk).revision
    posts = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("posts")
    data = {"columns": "title", "method": "btree", "predicate": "true; DROP TABLE victim; --"}
    response = post(client_for(member), "index_add", project, data, posts.id)
    body = response.content.decode()
    assert response.status_code == 422, body[:500]
    assert "does not parse as one SQL expression in PostgreSQL" in body
    assert Project.objects.get(pk=project.pk).revision == revision


@pytest.mark.graphviz
def test_a_stored_release_holding_a_hostile_fragment_fails_its_bundle_with_the_reason(client_for, project, owner):
    """A schema saved before fragments were parsed: its bundle is a clear refusal, never SQL."""
    from designer.formats.json_doc import schema_from_dict, schema_to_dict
    from designer.schema import Field, FieldType, TypeKind, replace
    from projects.models import Bundle, Release
    from projects.services import releases
    from projects.tasks import run_job

    releases.release_create(project=project, user=owner, message="first")
    release = Release.objects.get(project=project, number=1)
    schema = schema_from_dict(release.document)
    users = schema.entity_by_name("users")
    hostile = Field("fld_d3", "d3", FieldType(TypeKind.INTEGER), check="d3 > 0)); COMMIT; DROP TABLE victim; --")
    tampered = replace(
        schema,
        entities=tuple(replace(e, fields=(*e.fields, hostile)) if e.id == users.id else e for e in schema.entities),
    )
    Release.objects.filter(pk=release.pk).update(document=schema_to_dict(tampered))
    client = client_for(owner)
    payload = {"target": 1, "base": 0, "dialects": ["postgresql"], "zero_downtime": "on"}
    assert client.post(reverse("bundle_start", args=[project.pk]), payload, **HTMX).status_code == 200
    bundle = Bundle.objects.get(project=project)
    assert run_job.run(bundle.job.pk) == "failed"
    status = client.get(reverse("job_status", args=[project.pk, bundle.job.pk]), **HTMX)
    body = status.content.decode()
    assert status.status_code == 286 and "does not parse as one SQL expression in PostgreSQL" in body
    assert not bundle.job.__class__.objects.get(pk=bundle.job.pk).file  # no SQL was written
