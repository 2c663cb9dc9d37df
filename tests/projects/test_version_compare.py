"""Comparing two versions (projects/views/versions.py: version_compare)."""

from html import escape

import pytest
from django.urls import reverse

from designer import ops
from designer.schema import replace
from projects import services
from projects.selectors import project_schema
from projects.services import releases


def _rename_users_email(project, user, new_name):
    project.refresh_from_db()
    entity = project_schema(project).entity_by_name("users")
    field = entity.field_by_name("email")
    op = ops.UpdateField(entity_id=entity.id, field=replace(field, name=new_name))
    services.apply_op(project_id=project.pk, user=user, op=op, base_revision=project.revision)


@pytest.mark.graphviz
def test_compare_shows_renames_and_the_highlighted_diagram(client_for, project, owner, viewer):
    releases.release_create(project=project, user=owner, message="one")
    _rename_users_email(project, owner, "email_<address>")
    releases.release_create(project=project, user=owner, message="two")
    response = client_for(viewer).get(reverse("version_compare", args=[project.pk]), {"old": 1, "new": 2})
    body = response.content.decode()
    assert response.status_code == 200
    assert "renamed" in body and "users.email_&lt;address&gt;" in body
    assert "name: email → email_&lt;address&gt;" in body
    assert 'class="node entity changed"' in body  # the diagram marks the entity
    assert "<address>" not in body


@pytest.mark.graphviz
def test_compare_with_the_empty_database_shows_everything_added(client_for, project, owner):
    releases.release_create(project=project, user=owner)
    body = client_for(owner).get(reverse("version_compare", args=[project.pk]), {"old": 0, "new": 1}).content.decode()
    assert "Empty database → v1" in body
    assert body.count('class="node entity added"') == len(project_schema(project).entities)


def test_bad_or_unknown_versions_are_a_422_with_a_message(client_for, project, owner):
    releases.release_create(project=project, user=owner)
    client = client_for(owner)
    url = reverse("version_compare", args=[project.pk])
    for query, words in [
        ({"old": 1, "new": 1}, "two different versions"),
        ({"old": 1, "new": 9}, "Choose two versions"),
        ({"old": "x", "new": 1}, "whole number"),
    ]:
        response = client.get(url, query)
        assert response.status_code == 422 and words in response.content.decode()


def test_outsider_gets_404(client_for, project, owner, outsider):
    releases.release_create(project=project, user=owner)
    response = client_for(outsider).get(reverse("version_compare", args=[project.pk]), {"old": 0, "new": 1})
    assert response.status_code == 404


@pytest.mark.graphviz
def test_compare_shows_the_migration_up_and_down_for_each_database(client_for, project, owner, viewer):
    releases.release_create(project=project, user=owner, message="one")
    _rename_users_email(project, owner, "email_<address>")
    releases.release_create(project=project, user=owner, message="two")
    body = client_for(viewer).get(reverse("version_compare", args=[project.pk]), {"old": 1, "new": 2}).content.decode()
    section = body[body.index('id="migration-sql"') :]
    assert [label in section for label in ("PostgreSQL", "MySQL/MariaDB", "SQLite")] == [True, True, True]
    # Up renames to the new name, down back; the name shown escaped, never as markup.
    assert escape('RENAME COLUMN "email" TO "email_<address>"') in section
    assert escape('RENAME COLUMN "email_<address>" TO "email"') in section
    assert "<address>" not in body


@pytest.mark.graphviz
def test_compare_says_which_steps_can_fail_on_the_rows(client_for, project, owner, viewer):
    releases.release_create(project=project, user=owner, message="one")
    project.refresh_from_db()
    users = project_schema(project).entity_by_name("users")
    email = users.field_by_name("email")
    op = ops.UpdateField(entity_id=users.id, field=replace(email, nullable=not email.nullable))
    services.apply_op(project_id=project.pk, user=owner, op=op, base_revision=project.revision)
    releases.release_create(project=project, user=owner, message="two")
    body = client_for(viewer).get(reverse("version_compare", args=[project.pk]), {"old": 1, "new": 2}).content.decode()
    section = body[body.index('id="migration-sql"') :]
    assert "Can fail on the rows a table holds" in section
    assert "users.email becomes NOT NULL: this fails while a row holds NULL there" in section
