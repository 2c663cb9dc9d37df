import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from designer import ops
from designer.schema import Entity
from projects import services
from projects.models import Job, Project, Revision
from projects.selectors import project_schema

BAD_INPUTS = [
    ("Table a {\n  id int\n  name text [not null\n}\n", "line 4", "Expect"),
    ("Table a {\n  id int\n}\nRef: a.id > missing.id\n", "line 4", "Table &#x27;missing&#x27; does not exist"),
    ("Table a {\n  id int\n}\nTable a {\n  x int\n}\n", "line 4", "already exists"),
    ("Table t {\n}", "line 1", "at least one column"),
]


def upload(text, name="shop.dbml"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_upload_creates_a_project(client_for, outsider):
    dbml = 'Table "user" {\n  id bigint [pk]\n}\nTable "order" {\n  id bigint [pk]\n  user_id bigint [ref: > "user".id]\n}\n'
    response = client_for(outsider).post(reverse("import_new"), {"file": upload(dbml)})
    project = Project.objects.get(owner=outsider)
    assert response.status_code == 302 and project.name == "shop"
    assert [e["name"] for e in project.document["entities"]] == ["user", "order"]


def test_pasted_json_creates_a_project(client_for, outsider, project):
    from projects.services import project_export

    _, _, body = project_export(project=project, fmt="json")
    response = client_for(outsider).post(reverse("import_new"), {"text": body.decode(), "name": "Copy"})
    assert response.status_code == 302
    copy = Project.objects.get(owner=outsider, name="Copy").document
    # The same document, plus its first full layout: an import without positions gets one.
    assert {k: v for k, v in copy.items() if k != "diagram"} == {
        k: v for k, v in project.document.items() if k != "diagram"
    }
    placed = {p["id"] for p in copy["diagram"]["positions"]}
    assert placed == {o["id"] for key in ("entities", "enums", "notes") for o in copy.get(key, [])}


@pytest.mark.parametrize(("text", "where", "words"), BAD_INPUTS)
def test_bad_input_is_explained_and_nothing_is_created(client_for, outsider, text, where, words):
    response = client_for(outsider).post(reverse("import_new"), {"file": upload(text)})
    body = response.content.decode()
    assert response.status_code == 422
    assert where in body and words in body
    assert not Project.objects.filter(owner=outsider).exists()


@pytest.mark.parametrize(("text", "where", "words"), BAD_INPUTS)
def test_bad_revision_import_keeps_the_project_unchanged(client_for, project, text, where, words):
    before = (project.document, project.revision)
    response = client_for(project.owner).post(
        reverse("import_revision", args=[project.pk]), {"text": text, "base_revision": 0}
    )
    project.refresh_from_db()
    assert response.status_code == 422 and words in response.content.decode()
    assert (project.document, project.revision) == before
    assert not Revision.objects.filter(project=project).exists()


def test_import_into_a_project_shows_what_it_replaces_then_lands_as_one_undoable_revision(client_for, project, member):
    text = "Table only_one {\n  id int [pk]\n}\n"
    client = client_for(member)
    response = client.post(
        reverse("import_revision", args=[project.pk]), {"text": text, "format": "dbml", "base_revision": 0}
    )
    body = response.content.decode()
    project.refresh_from_db()
    assert response.status_code == 200 and project.revision == 0  # nothing replaced yet
    assert "Replace the schema" in body and "5 removed: comments, post_tags, posts, tags, users" in body
    job = Job.objects.get(project=project, kind="import")
    response = client.post(reverse("import_apply", args=[job.pk]))
    project.refresh_from_db()
    assert response.status_code == 302 and project.revision == 1
    assert [e["name"] for e in project.document["entities"]] == ["only_one"]
    revision = Revision.objects.get(project=project)
    assert revision.op["op"] == "ReplaceSchema" and revision.inverse["op"] == "ReplaceSchema"
    assert revision.author == member
    assert client.post(reverse("import_apply", args=[job.pk])).status_code == 409  # once only


def test_a_confirmation_after_someone_else_edited_is_refused(client_for, project, member):
    from designer import ops
    from projects import services

    client = client_for(member)
    client.post(reverse("import_revision", args=[project.pk]), {"text": "Table t {\n  id int\n}\n", "base_revision": 0})
    job = Job.objects.get(project=project, kind="import")
    services.apply_op(project_id=project.pk, user=project.owner, op=ops.SetProjectInfo(name="Renamed"), base_revision=0)
    response = client.post(reverse("import_apply", args=[job.pk]))
    project.refresh_from_db()
    assert response.status_code == 409 and project.revision == 1


def test_viewer_and_outsider_cannot_import_into_it(client_for, project, viewer, outsider):
    url = reverse("import_revision", args=[project.pk])
    assert client_for(viewer).post(url, {"text": "Table t {\n id int\n}\n"}).status_code == 403
    assert client_for(outsider).post(url, {"text": "Table t {\n id int\n}\n"}).status_code == 404


def test_nothing_chosen_is_a_form_error(client_for, outsider):
    response = client_for(outsider).post(reverse("import_new"), {})
    assert response.status_code == 422 and "Choose a file or paste a schema" in response.content.decode()


def test_non_utf8_file_is_refused(client_for, outsider):
    response = client_for(outsider).post(reverse("import_new"), {"file": SimpleUploadedFile("x.dbml", b"\xff\xfe\x00")})
    assert response.status_code == 422 and "not UTF-8" in response.content.decode()


def test_import_opened_before_a_teammates_edit_answers_409_and_keeps_their_work(client_for, project, member):
    page = client_for(project.owner).get(reverse("import_revision", args=[project.pk])).content.decode()
    assert 'name="base_revision" value="0"' in page
    services.apply_op(
        project_id=project.pk, user=member, op=ops.AddEntity(entity=Entity(id="ent_b", name="b_table")), base_revision=0
    )
    response = client_for(project.owner).post(
        reverse("import_revision", args=[project.pk]), {"text": "Table only {\n id int [pk]\n}\n", "base_revision": 0}
    )
    project.refresh_from_db()
    assert (
        response.status_code == 409 and "bob changed the project since you opened Import" in response.content.decode()
    )
    assert project.revision == 1 and project_schema(project).entity_by_name("b_table") is not None


def test_unknown_types_are_kept_and_flagged_and_child_first_refs_read_the_right_way(client_for, outsider):
    dbml = (
        'Project p { database_type: "PostgreSQL" }\nTable parent { id int [pk]\n code varchr(20) }\n'
        "Table child { id int [pk]\n parent_id int }\nRef: child.parent_id - parent.id\n"
    )
    response = client_for(outsider).post(reverse("import_new"), {"text": dbml, "name": "Flags"}, follow=True)
    page = response.content.decode()
    assert "Did you mean varchar(20)?" in page and "it is read the other way" in page
    schema = project_schema(Project.objects.get(owner=outsider, name="Flags"))
    assert schema.entity_by_name("parent").field_by_name("code").type.written == "varchr(20)"
    link = schema.relationships[0]
    assert (schema.entity(link.from_entity_id).name, schema.entity(link.to_entity_id).name) == ("child", "parent")
