import pytest
from django.urls import reverse

from designer.schema import Cardinality, IndexMethod, RefAction, SortOrder, TypeKind
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def test_one_to_many_creates_the_foreign_key_field(client_for, project, member):
    schema = schema_of(project)
    comments, tags = schema.entity_by_name("comments"), schema.entity_by_name("tags")
    data = {
        "from_entity": comments.id,
        "from_field": "",
        "to_entity": tags.id,
        "cardinality": "one_to_many",
        "optional": "on",
        "on_delete": "set_null",
    }
    response = post(client_for(member), "relationship_add", project, data)
    assert response.status_code == 200
    after = schema_of(project)
    fk = after.entity(comments.id).field_by_name("tag_id")
    assert fk.type.kind is TypeKind.INTEGER and fk.nullable  # matches tags.id, optional
    relationship = after.relationships[-1]
    assert (relationship.from_field_ids, relationship.to_entity_id) == ((fk.id,), tags.id)
    assert relationship.on_delete is RefAction.SET_NULL


def test_existing_field_can_be_used(client_for, project, member):
    schema = schema_of(project)
    comments, users = schema.entity_by_name("comments"), schema.entity_by_name("users")
    field = comments.field_by_name("author_id")
    before = len(schema.relationships)
    data = {"from_entity": comments.id, "from_field": field.id, "to_entity": users.id, "cardinality": "one_to_one"}
    post(client_for(member), "relationship_add", project, data)
    after = schema_of(project)
    assert len(after.relationships) == before + 1 and after.relationships[-1].cardinality is Cardinality.ONE_TO_ONE


def test_many_to_many_creates_and_removes_the_join_entity(client_for, project, member):
    client = client_for(member)
    schema = schema_of(project)
    users, tags = schema.entity_by_name("users"), schema.entity_by_name("tags")
    data = {"from_entity": users.id, "to_entity": tags.id, "cardinality": "many_to_many"}
    assert post(client, "relationship_add", project, data).status_code == 200
    after = schema_of(project)
    join = after.entity_by_name("users_tags")
    assert [f.name for f in join.fields] == ["user_id", "tag_id"] and len(join.primary_key) == 2
    m2m = next(r for r in after.relationships if r.cardinality is Cardinality.MANY_TO_MANY)
    assert m2m.join_entity_id == join.id
    post(client, "relationship_delete", project, {}, m2m.id)
    final = schema_of(project)
    assert final.entity_by_name("users_tags") is None
    assert final.relationships == schema.relationships


def test_relationship_to_a_keyless_entity_is_refused(client_for, project, member):
    client = client_for(member)
    post(client, "entity_add", project, {"name": "keyless"})
    schema = schema_of(project)
    data = {
        "from_entity": schema.entity_by_name("users").id,
        "to_entity": schema.entity_by_name("keyless").id,
        "cardinality": "one_to_many",
    }
    response = post(client, "relationship_add", project, data)
    assert response.status_code == 422 and "keyless has no primary key" in response.content.decode()


def test_composite_index_with_order_partial_and_include(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    data = {
        "columns": "author_id, published_at desc",
        "include": "title",
        "method": "btree",
        "predicate": "status = 'published'",
        "name": "",
    }
    assert post(client_for(member), "index_add", project, data, posts.id).status_code == 200
    index = schema_of(project).entity(posts.id).indexes[-1]
    assert index.name == "posts_author_id_published_at_idx"
    assert [c.order for c in index.columns] == [SortOrder.ASC, SortOrder.DESC]
    assert index.predicate == "status = 'published'" and len(index.include) == 1


def test_index_form_takes_opclass_collation_nulls_prefix_and_storage(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    data = {
        "columns": 'title(191) collate "C" text_pattern_ops desc nulls last, slug',
        "method": "btree",
        "unique": "on",
        "nulls_not_distinct": "on",
        "storage": "fillfactor = 70",
        "predicate": "status = 'published'",
    }
    response = post(client_for(member), "index_add", project, data, posts.id)
    assert response.status_code == 200
    index = schema_of(project).entity(posts.id).indexes[-1]
    key = index.columns[0]
    assert (key.length, key.collation, key.opclass, key.order, key.nulls.value) == (
        191,
        "C",
        "text_pattern_ops",
        SortOrder.DESC,
        "last",
    )
    assert index.nulls_not_distinct and index.storage[0].name == "fillfactor" and index.predicate
    # The editor shows what it keeps.
    shown = "title(191) collate &quot;C&quot; text_pattern_ops desc nulls last, slug) nulls not distinct with (fillfactor = 70)"
    assert shown in response.content.decode()


@pytest.mark.parametrize("storage", ["fillfactor = 70); DROP TABLE x", "fill factor = 1", "m"])
def test_index_form_refuses_storage_that_is_not_name_and_value(client_for, project, member, storage):
    posts = schema_of(project).entity_by_name("posts")
    data = {"columns": "title", "method": "btree", "storage": storage}
    response = post(client_for(member), "index_add", project, data, posts.id)
    assert response.status_code == 422 and "is not name = value" in response.content.decode()


def test_generated_index_names_fit_63_bytes(client_for, project, member):
    client = client_for(member)
    posts = schema_of(project).entity_by_name("posts")
    post(client, "entity_update", project, {"name": "p" * 60}, posts.id)
    post(client, "index_add", project, {"columns": "title, slug", "method": "gin", "unique": "on"}, posts.id)
    index = schema_of(project).entity(posts.id).indexes[-1]
    assert len(index.name.encode()) <= 63 and index.unique and index.method is IndexMethod.GIN


def test_unknown_index_column_is_422(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    response = post(client_for(member), "index_add", project, {"columns": "nope", "method": "btree"}, posts.id)
    assert response.status_code == 422 and "posts has no field “nope”" in response.content.decode()


def test_remove_index(client_for, project, member):
    posts = schema_of(project).entity_by_name("posts")
    post(client_for(member), "index_delete", project, {}, posts.id, posts.indexes[0].id)
    assert schema_of(project).entity(posts.id).indexes == ()


def test_outsider_cannot_touch_relationships(client_for, project, outsider):
    assert post(client_for(outsider), "relationship_add", project, {}).status_code == 404
