"""Relationships that make sense: reverse direction, and no foreign key to a non-unique column."""

import pytest
from django.urls import reverse

from designer import ops
from designer.keys import reversed_relationship
from projects import services
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def post(client, project, name, data, *args):
    project.refresh_from_db()
    return client.post(reverse(name, args=[project.pk, *args]), {"base_revision": project.revision, **data}, **HTMX)


def test_reverse_swaps_the_sides_and_undo_brings_them_back(client_for, project, owner, member):
    schema = schema_of(project)
    users, posts = schema.entity_by_name("users"), schema.entity_by_name("posts")
    # A wrong-way link as a DBML file read literally makes: posts.author_id (not unique) is referenced.
    wrong = reversed_relationship(schema.relationships[0])
    project.refresh_from_db()
    services.apply_op(
        project_id=project.pk, user=owner, base_revision=project.revision, op=ops.UpdateRelationship(relationship=wrong)
    )
    response = post(client_for(member), project, "relationship_reverse", {"selected": users.id}, wrong.id)
    assert response.status_code == 200
    fixed = schema_of(project).relationship(wrong.id)
    assert (fixed.from_entity_id, fixed.to_entity_id) == (posts.id, users.id)
    post(client_for(member), project, "undo", {})
    assert schema_of(project).relationship(wrong.id).from_entity_id == users.id


def test_reversing_onto_a_non_unique_column_is_refused_with_the_fix(client_for, project, member):
    schema = schema_of(project)
    link = schema.relationships[0]  # posts.author_id → users.id
    response = post(client_for(member), project, "relationship_reverse", {}, link.id)
    assert response.status_code == 422
    assert "not unique" in response.content.decode() and "add a unique key on posts (author_id)" in (
        response.content.decode()
    )
    assert schema_of(project).relationship(link.id) == link


def test_a_foreign_key_to_a_non_unique_column_is_refused_at_entry(client_for, project, member):
    schema = schema_of(project)
    comments, posts = schema.entity_by_name("comments"), schema.entity_by_name("posts")
    data = {
        "from_entity": comments.id,
        "to_entity": posts.id,
        "to_field": "title",
        "cardinality": "one_to_many",
        "selected": comments.id,
    }
    response = post(client_for(member), project, "relationship_add", data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "posts.title is not unique" in page and "add a unique key on posts (title)" in page
    assert len(schema_of(project).relationships) == len(schema.relationships)


def test_a_foreign_key_to_a_unique_column_is_created_with_its_type(client_for, project, member):
    schema = schema_of(project)
    comments, posts = schema.entity_by_name("comments"), schema.entity_by_name("posts")
    data = {
        "from_entity": comments.id,
        "to_entity": posts.id,
        "to_field": "slug",
        "cardinality": "one_to_many",
        "selected": comments.id,
    }
    assert post(client_for(member), project, "relationship_add", data).status_code == 200
    after = schema_of(project)
    new = after.relationships[-1]
    assert new.to_field_ids == (posts.field_by_name("slug").id,)
    assert after.entity(comments.id).field_by_name("post_slug").type == posts.field_by_name("slug").type


def test_outsider_cannot_reverse(client_for, project, outsider):
    link = schema_of(project).relationships[0]
    assert post(client_for(outsider), project, "relationship_reverse", {}, link.id).status_code == 404


def test_a_referenced_field_cannot_lose_its_uniqueness(client_for, project, member):
    schema = schema_of(project)
    users = schema.entity_by_name("users")
    key = users.field_by_name("id")
    data = {"name": "id", "type": "bigint", "selected": users.id}  # primary key box unticked
    response = post(client_for(member), project, "field_update", data, users.id, key.id)
    assert response.status_code == 422
    assert "users (id) is referenced by comments, posts and would no longer be unique" in response.content.decode()
    assert schema_of(project).entity(users.id).primary_key == users.primary_key


def test_widening_a_referenced_key_is_refused(client_for, project, member):
    tags = schema_of(project).entity_by_name("tags")
    data = {"name": "name", "type": "text", "primary_key": "on", "unique": "on", "selected": tags.id}
    response = post(client_for(member), project, "field_update", data, tags.id, tags.field_by_name("name").id)
    assert response.status_code == 422 and "tags (id) is referenced by post_tags" in response.content.decode()
