"""Bounded input (README: Limits): each limit is checked before the input is parsed or
stored, and answered with a 4xx and the message in the page — never a 500 or a bare 400."""

import json

import pytest
from django.urls import reverse

from designer.examples import blog_schema
from designer.formats.json_doc import dumps
from projects import services
from projects.models import Job, JobKind, Project


def import_page(client, **data):
    return client.post(reverse("import_new"), data)


def test_a_request_bigger_than_the_limit_gets_413_and_a_page(client_for, outsider, settings):
    settings.MAX_REQUEST_BYTES = 2 * 1024 * 1024
    response = import_page(client_for(outsider), text="x" * (3 * 1024 * 1024))  # a 3 MB paste
    body = response.content.decode()
    assert response.status_code == 413 and "may be up to 10 MB" in body and "<html" in body
    assert not Project.objects.filter(owner=outsider).exists()


def test_htmx_requests_get_the_refusal_as_a_fragment(client_for, project, settings):
    settings.MAX_REQUEST_BYTES = 2 * 1024 * 1024
    response = client_for(project.owner).post(
        reverse("entity_add", args=[project.pk]), {"name": "x" * (3 * 1024 * 1024)}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 413 and "<html" not in response.content.decode()


def test_an_import_over_its_own_limit_is_refused_before_parsing(client_for, outsider, settings):
    settings.IMPORT_MAX_BYTES = 1000
    response = import_page(client_for(outsider), text="Table t {\n" + "  id int\n" * 200 + "}\n")
    assert response.status_code == 413 and "imports are limited to" in response.content.decode()
    assert not Project.objects.filter(owner=outsider).exists()


def test_a_large_import_is_read_by_a_time_limited_job(client_for, outsider, settings):
    settings.IMPORT_JOB_MIN_BYTES = 1024
    dbml = "".join(f"Table t{i} {{\n  id int [pk]\n  name text\n}}\n" for i in range(100))
    import_page(client_for(outsider), text=dbml, format="dbml", name="big")
    job = Job.objects.get(created_by=outsider, kind=JobKind.IMPORT)
    assert services.job_time_limits(job.kind) == (60.0, 90.0)  # the worker is stopped past these


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["entities"][0].update(name="x" * 100_000), "at most 200 characters"),
        (lambda d: d["entities"][0].update(id="a/b"), "entities/0/id"),
        (lambda d: d.update(volumes=[{"entity_id": d["entities"][0]["id"], "rows": 10**16}]), "out of range"),
    ],
)
def test_a_json_import_beyond_the_limits_is_refused_with_the_place(client_for, outsider, change, words):
    document = json.loads(dumps(blog_schema()))
    change(document)
    response = import_page(client_for(outsider), text=json.dumps(document), format="json")
    assert response.status_code == 422 and words in response.content.decode()
    assert not Project.objects.filter(owner=outsider).exists()


@pytest.mark.parametrize("text", ["[" * 10_000 + "]" * 10_000, '{"format": NaN}', "1" * 5000])
def test_hostile_json_is_a_422_not_a_500(client_for, outsider, text):
    response = import_page(client_for(outsider), text=text, format="json")
    assert response.status_code == 422


def test_projects_per_user_are_limited(client_for, owner, project, settings):
    settings.MAX_PROJECTS_PER_USER = 1
    client = client_for(owner)
    response = client.post(reverse("project_create"), {"name": "Another"})
    assert response.status_code == 429 and "You own 1 projects" in response.content.decode()
    assert import_page(client, text=dumps(blog_schema()), name="Copy").status_code == 429
    assert Project.objects.filter(owner=owner).count() == 1


@pytest.mark.parametrize("selected", ["../..", "a/b", "", "%00", "x" * 5000])
def test_a_bad_selected_id_is_never_a_500(client_for, project, selected):
    response = client_for(project.owner).get(reverse("project_detail", args=[project.pk]), {"selected": selected})
    assert response.status_code < 500


@pytest.mark.graphviz
@pytest.mark.parametrize("frequency", [1e308, 1.7e308])
def test_a_document_stored_before_the_limits_still_renders(client_for, project, frequency):
    document = json.loads(json.dumps(project.document))
    entity = document["entities"][0]
    document["patterns"] = [
        {
            "id": "pat_1",
            "name": "hot",
            "kind": "read",
            "operation": "list",
            "entity_id": entity["id"],
            "frequency": {"average": frequency},
        }
    ]
    document["volumes"] = [{"entity_id": entity["id"], "rows": 10**15, "growth_per_month": 10**15}]
    Project.objects.filter(pk=project.pk).update(document=document)
    client = client_for(project.owner)
    detail = reverse("project_detail", args=[project.pk])
    for url in (
        detail + "?tab=workload",
        detail + "?heat=load",
        reverse("editor_panel", args=[project.pk]) + "?tab=workload",
    ):
        assert client.get(url).status_code == 200, url


def test_djangos_own_limits_are_answered_with_a_page_too(client_for, outsider):
    fields = {f"f{i}": "x" for i in range(1100)}  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = import_page(client_for(outsider), **fields)
    assert response.status_code == 413 and "too many fields" in response.content.decode()


def test_a_project_description_over_the_limit_is_refused_and_the_old_one_kept(client_for, project, owner):
    from designer.limits import MAX_TEXT_CHARS

    url = reverse("project_settings", args=[project.pk])
    response = client_for(owner).post(url, {"name": "Blog", "description": "x" * (MAX_TEXT_CHARS + 1)})
    assert response.status_code == 422 and "at most 20000 characters" in response.content.decode()
    project.refresh_from_db()
    assert project.description == "demo"
    assert client_for(owner).post(url, {"name": "Blog", "description": "y" * MAX_TEXT_CHARS}).status_code == 302


def test_the_dismissed_warning_list_is_bounded(client_for, project, owner):
    from projects.services import MAX_DISMISSED_WARNINGS

    client = client_for(owner)
    url = reverse("warning_dismiss", args=[project.pk])
    for n in range(MAX_DISMISSED_WARNINGS):
        assert client.post(url, {"code": f"code-{n}"}, HTTP_HX_REQUEST="true").status_code == 200
    response = client.post(url, {"code": "one-more"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and "At most 100 kinds of warning" in response.content.decode()
    project.refresh_from_db()
    assert len(project.dismissed_warnings) == MAX_DISMISSED_WARNINGS and "one-more" not in project.dismissed_warnings
    assert (
        client.post(url, {"code": "code-1", "show": "1"}, HTTP_HX_REQUEST="true").status_code == 200
    )  # showing is fine
