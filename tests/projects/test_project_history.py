from django.urls import reverse

from designer import ops
from designer.schema import Entity, replace
from projects import selectors, services
from projects.services import releases


def rename_field(project, user, entity, field, new_name, base):
    schema = selectors.project_schema(project)
    found = schema.entity_by_name(entity)
    op = ops.UpdateField(entity_id=found.id, field=replace(found.field_by_name(field), name=new_name))
    return services.apply_op(project_id=project.pk, user=user, op=op, base_revision=base)[0]


def test_history_lists_edits_with_authors(client_for, project, member):
    services.apply_op(
        project_id=project.pk, user=member, op=ops.AddEntity(entity=Entity(id="ent_x", name="likes")), base_revision=0
    )
    body = client_for(project.owner).get(reverse("project_history", args=[project.pk])).content.decode()
    assert "<strong>bob</strong> added entity likes" in body


def test_timeline_in_words_filtered_by_entity_and_person(client_for, project, owner, member):
    rename_field(project, owner, "posts", "title", "headline", 0)
    rename_field(project, member, "users", "bio", "about", 1)
    client = client_for(owner)
    url = reverse("project_history", args=[project.pk])
    body = client.get(url).content.decode()
    assert "<strong>alice</strong> renamed field posts.title to headline" in body
    assert "<strong>bob</strong> renamed field users.bio to about" in body
    users = selectors.project_schema(project).entity_by_name("users")
    body = client.get(url, {"entity": users.id}).content.decode()
    assert "users.bio" in body and "posts.title" not in body
    body = client.get(url, {"person": "alice"}).content.decode()
    assert "posts.title" in body and "users.bio" not in body


def test_a_past_revision_is_shown_read_only(client_for, project, owner, viewer):
    rename_field(project, owner, "posts", "title", "headline", 0)
    response = client_for(viewer).get(reverse("revision_detail", args=[project.pk, 0]))
    body = response.content.decode()
    assert response.status_code == 200 and "<svg" in body and ">title<" in body and "headline" not in body
    assert "Restore this revision" not in body  # viewers cannot restore
    assert client_for(viewer).get(reverse("revision_detail", args=[project.pk, 7])).status_code == 404


def test_a_past_revision_leaves_out_what_is_about_the_project_now(client_for, project, owner):
    releases.release_create(project=project, user=owner, message="first cut")
    rename_field(project, owner, "posts", "title", "headline", 0)
    body = client_for(owner).get(reverse("revision_detail", args=[project.pk, 0])).content.decode()
    assert 'id="schema"' in body and 'id="versions"' not in body and 'id="design"' not in body


def test_restore_is_a_new_revision_and_undoable(client_for, project, owner):
    project = rename_field(project, owner, "posts", "title", "headline", 0)
    client = client_for(owner)
    assert "Restore this revision" in client.get(reverse("revision_detail", args=[project.pk, 0])).content.decode()
    response = client.post(reverse("revision_restore", args=[project.pk, 0]), {"base_revision": 1})
    project.refresh_from_db()
    assert response.status_code == 302 and project.revision == 2
    assert selectors.project_schema(project).entity_by_name("posts").field_by_name("title") is not None
    client.post(reverse("undo", args=[project.pk]), HTTP_HX_REQUEST="true")
    project.refresh_from_db()
    assert project.revision == 3
    assert selectors.project_schema(project).entity_by_name("posts").field_by_name("headline") is not None


def test_a_restore_without_its_base_revision_is_refused_and_changes_nothing(client_for, project, owner, member):
    # The probe's case: without base_revision the restore replaced a teammate's later edit.
    project = rename_field(project, member, "posts", "title", "headline", 0)
    before = (project.revision, project.document)
    client = client_for(owner)
    for data in ({}, {"base_revision": ""}, {"base_revision": "latest"}):
        response = client.post(reverse("revision_restore", args=[project.pk, 0]), data)
        assert response.status_code == 400 and "lost the revision" in response.content.decode()
    project.refresh_from_db()
    assert (project.revision, project.document) == before
    # Made on revision 0, before the teammate's rename: the rename is kept (rebase), never overwritten.
    client.post(reverse("revision_restore", args=[project.pk, 0]), {"base_revision": 0})
    project.refresh_from_db()
    assert selectors.project_schema(project).entity_by_name("posts").field_by_name("headline") is not None


def test_outsider_gets_404(client_for, project, outsider):
    assert client_for(outsider).get(reverse("project_history", args=[project.pk])).status_code == 404
