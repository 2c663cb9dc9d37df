import pytest
from django.urls import reverse

from projects.models import Revision
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def test_add_entity_returns_panel_and_new_diagram(client_for, project, member):
    response = post(client_for(member), "entity_add", project, {"name": "likes", "with_key": "on"})
    body = response.content.decode()
    assert response.status_code == 200
    likes = project_schema(project.__class__.objects.get(pk=project.pk)).entity_by_name("likes")
    assert likes is not None and [f.name for f in likes.fields] == ["id"] and likes.primary_key
    assert 'id="editor-panel"' in body and 'hx-swap-oob="true"' in body
    assert f'id="entity_{likes.id}"' in body  # the new table is in the out-of-band diagram
    assert "<html" not in body


def test_duplicate_name_is_422_with_the_message_and_nothing_saved(client_for, project, member):
    response = post(client_for(member), "entity_add", project, {"name": "users"})
    project.refresh_from_db()
    assert response.status_code == 422 and "two entities are named users" in response.content.decode()
    assert project.revision == 0 and not Revision.objects.exists()
    assert 'value="users"' in response.content.decode()  # the typing is kept
    form = response.content.decode().split('aria-label="Add entity"')[1].split("</form>")[0]
    assert "two entities are named users" in form  # next to the input, not at the top of the panel


def test_blank_name_is_422_next_to_the_field(client_for, project, member):
    response = post(client_for(member), "entity_add", project, {"name": ""})
    assert response.status_code == 422 and "This field is required" in response.content.decode()


def test_rename_recolour_and_group(client_for, project, member):
    schema = project_schema(project)
    users = schema.entity_by_name("users")
    data = {
        "name": "accounts",
        "namespace": "auth",
        "comment": "people",
        "color": "#112233",
        "group": schema.groups[0].id,
        "selected": users.id,
    }
    response = post(client_for(member), "entity_update", project, data, users.id)
    assert response.status_code == 200
    project.refresh_from_db()
    after = project_schema(project)
    accounts = after.entity(users.id)
    assert (accounts.name, accounts.namespace, accounts.color) == ("accounts", "auth", "#112233")
    assert users.id in after.groups[0].entity_ids
    assert (
        project.revisions.get().summary.endswith("(renamed from users)")
        or "accounts" in project.revisions.get().summary
    )


def test_bad_colour_is_refused(client_for, project, member):
    users = project_schema(project).entity_by_name("users")
    response = post(client_for(member), "entity_update", project, {"name": "users", "color": "red"}, users.id)
    assert response.status_code == 422 and "#2563eb" in response.content.decode()


def test_delete_shows_what_it_breaks_then_deletes(client_for, project, member):
    client = client_for(member)
    users = project_schema(project).entity_by_name("users")
    confirm = client.get(reverse("entity_delete", args=[project.pk, users.id]), **HTMX).content.decode()
    assert "Delete entity users?" in confirm and "posts.author_id → users.id" in confirm
    assert project_schema(project).entity(users.id) is not None
    response = post(client, "entity_delete", project, {}, users.id)
    project.refresh_from_db()
    assert response.status_code == 200 and project_schema(project).entity(users.id) is None


def test_an_add_on_an_older_revision_is_carried_over(client_for, project, member):
    client = client_for(member)
    post(client, "entity_add", project, {"name": "a"})
    response = client.post(reverse("entity_add", args=[project.pk]), {"base_revision": 0, "name": "b"}, **HTMX)
    project.refresh_from_db()
    assert response.status_code == 200 and project.revision == 2
    assert project_schema(project).entity_by_name("a") and project_schema(project).entity_by_name("b")


def test_a_conflicting_edit_is_409_with_both_values_and_the_input_kept(client_for, project, owner, member):
    users = project_schema(project).entity_by_name("users")
    url = reverse("entity_update", args=[project.pk, users.id])
    client_for(owner).post(url, {"base_revision": 0, "name": "people"}, **HTMX)
    response = client_for(member).post(url, {"base_revision": 0, "name": "accounts"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 409
    assert "alice changed this while you were editing" in body and "is now &#x27;people&#x27;" in body
    assert 'value="accounts"' in body  # what they typed is still in the form
    project.refresh_from_db()
    assert project.revision == 1 and project_schema(project).entity(users.id).name == "people"


def test_viewer_and_outsider_cannot_edit(client_for, project, viewer, outsider):
    assert post(client_for(viewer), "entity_add", project, {"name": "x"}).status_code == 403
    assert post(client_for(outsider), "entity_add", project, {"name": "x"}).status_code == 404


def test_undo_and_redo_my_own_edits(client_for, project, member):
    client = client_for(member)
    post(client, "entity_add", project, {"name": "likes"})
    project.refresh_from_db()
    post(client, "undo", project, {})
    project.refresh_from_db()
    assert project_schema(project).entity_by_name("likes") is None and project.revision == 2
    post(client, "redo", project, {})
    project.refresh_from_db()
    assert project_schema(project).entity_by_name("likes") is not None
    summaries = list(project.revisions.order_by("number").values_list("summary", flat=True))
    assert summaries[1].startswith("Undo: ") and summaries[2].startswith("Redo: ")


def test_history_labels_stay_readable_through_undo_and_redo(client_for, project, member):
    client = client_for(member)
    post(client, "entity_add", project, {"name": "likes"})
    for step in ("undo", "redo", "undo", "redo"):
        project.refresh_from_db()
        post(client, step, project, {})
    summaries = list(project.revisions.order_by("number").values_list("summary", flat=True))
    # Placing the new table on the diagram is part of adding it, not a separate line.
    assert summaries == ["Add entity likes"] + ["Undo: Add entity likes", "Redo: Add entity likes"] * 2


def test_undo_touches_only_my_edits(client_for, project, owner, member):
    post(client_for(owner), "entity_add", project, {"name": "owners_table"})
    project.refresh_from_db()
    response = post(client_for(member), "undo", project, {})
    assert response.status_code == 422 and "Nothing of yours to undo" in response.content.decode()


def test_panel_opens_an_entity(client_for, project, viewer):
    posts = project_schema(project).entity_by_name("posts")
    response = client_for(viewer).get(reverse("editor_panel", args=[project.pk]), {"selected": posts.id}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "published_at" in body
    assert f'id="entity_{posts.id}" class="node entity selected"' in body  # highlighted in the diagram
    assert "Save field" not in body  # viewers get no edit forms


def test_the_panel_answers_htmx_with_the_panel_and_a_browser_with_the_page(client_for, project, viewer):
    client = client_for(viewer)
    url = reverse("editor_panel", args=[project.pk])
    fragment = client.get(url, {"tab": "workload"}, **HTMX)
    body = fragment.content.decode()
    assert body.lstrip().startswith('<aside class="panel wide" id="editor-panel"') and "<html" not in body
    assert 'hx-swap-oob="true"' in body  # the diagram and the header's numbers come along
    page = client.get(url, {"tab": "workload"})
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body and 'class="topbar"' in body
    assert body.count('id="editor-panel"') == 1 and 'hx-swap-oob="true"' not in body
    assert '?tab=workload" aria-selected="true"' in body and 'aria-label="Workload"' in body
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]


def test_the_panels_plain_links_open_the_same_state_as_a_page(client_for, project, member):
    """Without JavaScript (or in a new tab) the tab and entity links are ordinary links
    to the editor page, whichever editor URL the page was opened at."""
    schema = project_schema(project)
    posts, users = schema.entity_by_name("posts"), schema.entity_by_name("users")
    client = client_for(member)
    page_url = reverse("project_detail", args=[project.pk])
    opened_at = reverse("field_form", args=[project.pk, posts.id, posts.fields[0].id])
    page = client.get(opened_at).content.decode()
    assert f'href="{page_url}?tab=workload"' in page and f'href="{page_url}?tab=advice"' in page
    workload = client.get(f"{page_url}?tab=workload").content.decode()
    assert 'aria-label="Workload"' in workload and f'href="{page_url}?tab=workload" aria-selected="true"' in workload
    assert f'href="{page_url}?tab=schema&amp;selected={posts.id}"' in page  # back from another tab keeps the entity
    back = client.get(f"{page_url}?tab=schema&selected={posts.id}").content.decode()
    assert 'aria-label="Entity posts"' in back
    assert f'href="{page_url}?selected={users.id}"' in back  # an entity link
    assert 'aria-label="Entity users"' in client.get(f"{page_url}?selected={users.id}").content.decode()


def test_a_delete_confirmation_opened_as_a_page_shows_the_question(client_for, project, member):
    posts = project_schema(project).entity_by_name("posts")
    url = reverse("entity_delete", args=[project.pk, posts.id])
    page = client_for(member).get(url).content.decode()
    assert "<html" in page and "Delete entity posts?" in page and 'aria-label="Entity posts"' in page
    fragment = client_for(member).get(url, **HTMX).content.decode()
    assert "<html" not in fragment and "Delete entity posts?" in fragment


def _entity_list(body: str) -> str:
    return body.split('<ul class="entity-list"')[1].split("</ul>")[0]


def test_an_edit_keeps_the_pages_list_and_sends_only_the_rows_it_changed(client_for, project, member):
    """The panel's list of every table is not sent again for an edit of one (issue 20): the
    page keeps it (hx-preserve) and the changed rows are swapped in out of band."""
    schema = project_schema(project)
    users, other = schema.entity_by_name("users"), schema.entities[-1]
    data = {"name": "accounts", "namespace": "", "comment": "", "color": "", "group": "", "selected": users.id}
    listed = _entity_list(post(client_for(member), "entity_update", project, data, users.id).content.decode())
    assert listed.startswith(' id="entity-list" hx-preserve>')
    assert f'id="entity-row-{users.id}" class="entity-item selected"' in listed and "accounts" in listed
    assert 'hx-swap-oob="true"' in listed and other.name not in listed  # only the renamed row
    project.refresh_from_db()
    added = post(client_for(member), "entity_add", project, {"name": "likes", "with_key": "on"}).content.decode()
    whole = _entity_list(added)  # a table more: the list is sent whole
    assert "hx-preserve" not in whole and "likes" in whole and other.name in whole and "hx-swap-oob" not in whole
