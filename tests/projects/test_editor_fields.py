import pytest
from django.urls import reverse

from designer.examples import blog_schema
from designer.schema import DefaultKind, TypeKind, replace
from projects import services
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def field_data(**overrides):
    return {"name": "subtitle", "type": "varchar(200)", "nullable": "on", **overrides}


def test_add_field_with_length_default_and_check(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    data = field_data(default="untitled", check="length(subtitle) > 0", comment="shown under the title")
    response = post(client_for(member), "field_add", project, data, posts.id)
    assert response.status_code == 200
    field = schema_of(project).entity(posts.id).field_by_name("subtitle")
    assert field.type.kind is TypeKind.VARCHAR and field.type.length == 200
    assert field.default.value == "'untitled'" and field.check == "length(subtitle) > 0"


@pytest.mark.parametrize(
    ("typed", "kind", "extra"),
    [
        ("decimal(10,2)", TypeKind.DECIMAL, {"precision": 10, "scale": 2}),
        ("timestamptz", TypeKind.TIMESTAMPTZ, {}),
        ("text[]", TypeKind.TEXT, {"array": True}),
        ("post_status", TypeKind.ENUM, {}),
        ("uuid", TypeKind.UUID, {}),
    ],
)
def test_types_typed_as_text(client_for, project, member, typed, kind, extra):
    posts = schema_of(project).entity_by_name("posts")
    post(client_for(member), "field_add", project, field_data(name="x", type=typed), posts.id)
    field = schema_of(project).entity(posts.id).field_by_name("x")
    assert field.type.kind is kind
    assert all(getattr(field.type, key) == value for key, value in extra.items())


def test_a_type_we_do_not_know_is_kept_as_written(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    post(client_for(member), "field_add", project, field_data(type="geometry(Point,4326)"), posts.id)
    field = schema_of(project).entity(posts.id).field_by_name("subtitle")
    assert (field.type.kind, field.type.written) == (TypeKind.OTHER, "geometry(Point,4326)")


def test_blank_type_is_422_next_to_the_field(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    response = post(client_for(member), "field_add", project, field_data(type="  "), posts.id)
    assert response.status_code == 422 and "This field is required" in response.content.decode()
    assert schema_of(project).entity(posts.id).field_by_name("subtitle") is None


def test_a_type_is_refused_only_when_the_projects_database_refuses_it(client_for, owner, project, member):
    # decimal(2,5): MySQL refuses it (ERROR 1427), PostgreSQL 15 takes it.
    mysql = services.project_create(owner=owner, name="Shop", schema=replace(blog_schema(), database_type="MySQL"))
    posts = schema_of(mysql).entity_by_name("posts")
    response = post(client_for(owner), "field_add", mysql, field_data(type="decimal(2,5)"), posts.id)
    assert response.status_code == 422 and "MySQL refuses it (ERROR 1427" in response.content.decode()
    assert schema_of(mysql).entity(posts.id).field_by_name("subtitle") is None
    posts = schema_of(project).entity_by_name("posts")  # names no database: a warning, the edit lands
    assert post(client_for(member), "field_add", project, field_data(type="decimal(2,5)"), posts.id).status_code == 200
    assert schema_of(project).entity(posts.id).field_by_name("subtitle").type.scale == 5


def test_update_field_rename_nullable_default_expression_and_key(client_for, project, member):
    users = schema_of(project).entity_by_name("users")
    bio = users.field_by_name("bio")
    data = {
        "name": "about",
        "type": "text",
        "default": "now()",
        "default_is_expression": "on",
        "primary_key": "",
        "unique": "on",
    }
    assert post(client_for(member), "field_update", project, data, users.id, bio.id).status_code == 200
    about = schema_of(project).entity(users.id).field(bio.id)
    assert (about.name, about.nullable, about.unique) == ("about", False, True)
    assert about.default.kind is DefaultKind.EXPRESSION and about.default.value == "now()"


def test_primary_key_checkbox_changes_the_key(client_for, project, member):
    # comments: no foreign key points at its key (widening a referenced key is refused, see
    # test_editor_relationship_direction.py)
    comments = schema_of(project).entity_by_name("comments")
    body = comments.field_by_name("body")
    post(
        client_for(member),
        "field_update",
        project,
        {"name": "body", "type": "text", "primary_key": "on"},
        comments.id,
        body.id,
    )
    assert schema_of(project).entity(comments.id).primary_key == (comments.primary_key[0], body.id)


def test_move_field_up_and_down(client_for, project, member):
    users = schema_of(project).entity_by_name("users")
    email = users.field_by_name("email")
    post(client_for(member), "field_move", project, {}, users.id, email.id, "up")
    assert [f.name for f in schema_of(project).entity(users.id).fields][:2] == ["email", "id"]
    post(client_for(member), "field_move", project, {}, users.id, email.id, "down")
    assert [f.name for f in schema_of(project).entity(users.id).fields][:2] == ["id", "email"]


def test_delete_field_confirms_what_breaks(client_for, project, member):
    client = client_for(member)
    posts = schema_of(project).entity_by_name("posts")
    author = posts.field_by_name("author_id")
    confirm = client.get(reverse("field_delete", args=[project.pk, posts.id, author.id]), **HTMX).content.decode()
    assert "Delete field posts.author_id?" in confirm and "posts.author_id → users.id" in confirm
    post(client, "field_delete", project, {}, posts.id, author.id)
    schema = schema_of(project)
    assert schema.entity(posts.id).field(author.id) is None
    assert not any(author.id in r.from_field_ids for r in schema.relationships)


def test_deleted_field_is_404_not_500(client_for, project, member):
    users = schema_of(project).entity_by_name("users")
    response = post(client_for(member), "field_update", project, field_data(), users.id, "fld_gone")
    assert response.status_code == 404


def test_viewer_cannot_change_fields(client_for, project, viewer):
    users = schema_of(project).entity_by_name("users")
    assert post(client_for(viewer), "field_add", project, field_data(), users.id).status_code == 403


def test_a_fields_edit_form_is_fetched_when_opened(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    slug = posts.field_by_name("slug")
    url = reverse("field_form", args=[project.pk, posts.id, slug.id])
    body = client_for(member).get(url, **HTMX).content.decode()
    assert 'value="slug"' in body and "Save field" in body and 'id="more-' in body
    panel = client_for(member).get(reverse("editor_panel", args=[project.pk]), {"selected": posts.id}, **HTMX)
    # The panel has the field as a grid row; the whole form (check, comment, ...) comes when opened.
    assert url in panel.content.decode() and f'id="field-{slug.id}-name"' in panel.content.decode()
    assert "Save field" not in panel.content.decode()


def test_a_failed_field_edit_comes_back_open_with_the_typing(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    slug = posts.field_by_name("slug")
    response = post(client_for(member), "field_update", project, field_data(name="slug_2", type=""), posts.id, slug.id)
    body = response.content.decode()
    assert response.status_code == 422 and 'value="slug_2"' in body and f'id="field-{slug.id}-name"' in body


def test_the_field_form_is_for_editors_only(client_for, project, viewer, outsider):
    posts = schema_of(project).entity_by_name("posts")
    url = reverse("field_form", args=[project.pk, posts.id, posts.fields[0].id])
    assert client_for(viewer).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(viewer).get(reverse("field_form", args=[project.pk, posts.id, "fld_gone"])).status_code == 403


def test_the_field_form_opened_as_a_page_shows_the_entity_with_that_field_open(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    slug, title = posts.field_by_name("slug"), posts.field_by_name("title")
    url = reverse("field_form", args=[project.pk, posts.id, slug.id])
    fragment = client_for(member).get(url, **HTMX)
    body = fragment.content.decode()
    assert body.lstrip().startswith('<form class="form-grid"') and "<html" not in body
    assert 'aria-label="Edit field slug"' in body and 'id="editor-panel"' not in body
    page = client_for(member).get(url, {"tab": "workload"})  # the field is on the schema tab whatever was asked
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body and 'class="topbar"' in body and 'id="editor-panel"' in body
    assert 'aria-label="Entity posts"' in body and f'?tab=schema&amp;selected={posts.id}" aria-selected="true"' in body
    assert 'aria-label="Edit field slug"' in body and 'id="more-' + slug.id + '-name"' in body
    assert 'aria-label="Edit field title"' not in body  # the others still load when opened
    assert reverse("field_form", args=[project.pk, posts.id, title.id]) in body
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]


def test_what_an_import_kept_is_shown_and_survives_an_edit_of_the_field(client_for, owner):
    from designer.formats import import_text

    ddl = (
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, price int,"
        " doubled int GENERATED ALWAYS AS (price * 2) STORED);"
    )
    shop = services.project_create(owner=owner, name="Keys", schema=import_text(ddl, fmt="postgresql").schema)
    table = schema_of(shop).entity_by_name("t")
    doubled = table.field_by_name("doubled")
    body = client_for(owner).get(reverse("field_form", args=[shop.pk, table.id, doubled.id]), **HTMX).content.decode()
    assert "generated always as (price * 2) stored" in body
    identity = table.field_by_name("id")
    body = client_for(owner).get(reverse("field_form", args=[shop.pk, table.id, identity.id]), **HTMX).content.decode()
    assert "generated always as identity" in body
    post(client_for(owner), "field_update", shop, field_data(name="twice", type="integer"), table.id, doubled.id)
    renamed = schema_of(shop).entity(table.id).field(doubled.id)
    assert renamed.name == "twice" and renamed.generated == "price * 2"
    data = field_data(name="id", type="bigint", identity="on", primary_key="on", nullable="")
    post(client_for(owner), "field_update", shop, data, table.id, identity.id)
    assert schema_of(shop).entity(table.id).field(identity.id).identity_always
