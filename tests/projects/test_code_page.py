"""The Code page: ORM code of the current revision or a released version, highlighted."""

import html
import re
from dataclasses import replace

import pytest
from django.urls import reverse

from designer.formats.json_doc import schema_to_dict
from designer.schema import Entity, Field, FieldType, TypeKind
from projects import selectors, services
from projects.models import Release
from projects.services import imports


def plain(body: str) -> str:
    """The page's text without the highlighting markup."""
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def url(project, **query):
    from urllib.parse import urlencode

    return reverse("project_code", args=[project.pk]) + ("?" + urlencode(query) if query else "")


def test_outsider_gets_404_and_viewer_may_look(client_for, project, outsider, viewer):
    assert client_for(outsider).get(url(project)).status_code == 404
    response = client_for(viewer).get(url(project))
    assert response.status_code == 200


def test_default_is_prisma_of_the_current_revision_highlighted(client_for, project, owner):
    response = client_for(owner).get(url(project))
    body = response.content.decode()
    assert f"From revision {project.revision}" in body and "schema.prisma" in body
    assert '<div class="highlight">' in body and "User" in body  # model User, coloured by Pygments
    assert 'data-copy="code-file-0"' in body
    assert reverse("project_code_download", args=[project.pk]) in body


@pytest.mark.parametrize(
    ("target", "dialect", "path", "snippet"),
    [
        ("drizzle", "mysql", "schema.ts", "drizzle-orm/mysql-core"),
        ("typeorm", "", "entities.ts", "@Entity"),
        ("mongoose", "", "models.js", "registerModels"),
        ("django", "sqlite", "models.py", "class Post(models.Model)"),
    ],
)
def test_each_target_and_dialect(client_for, project, owner, target, dialect, path, snippet):
    response = client_for(owner).get(url(project, target=target, dialect=dialect), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and path in body
    assert "<html" not in body  # htmx gets the code fragment only
    assert snippet in plain(body)


def test_a_released_version_is_shown_not_the_current_revision(client_for, project, owner):
    schema = selectors.project_schema(project)
    old = replace(
        schema,
        entities=(
            Entity(
                id="ent_old",
                name="legacy_table",
                fields=(Field(id="fld_old", name="id", type=FieldType(TypeKind.INTEGER), nullable=False),),
                primary_key=("fld_old",),
            ),
        ),
    )
    Release.objects.create(project=project, number=1, document=schema_to_dict(old), revision=project.revision)
    body = client_for(owner).get(url(project, version=1)).content.decode()
    assert "From version 1" in body and "model LegacyTable" in plain(body) and "model Post {" not in plain(body)
    # Prisma's migrations, one per released version up to this one, from our SQL
    assert "migrations/migration_lock.toml" in body and 'CREATE TABLE "legacy_table"' in plain(body)
    assert client_for(owner).get(url(project, version=7)).status_code == 400  # not in the list


def test_bad_choices_are_a_400_with_a_message(client_for, project, owner):
    response = client_for(owner).get(url(project, target="cobol"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_a_type_the_dialect_cannot_hold_is_a_422_with_the_field_named(client_for, project, owner):
    schema = selectors.project_schema(project)
    users = schema.entities[0]
    geo = Field(id="fld_geo", name="home", type=FieldType(TypeKind.OTHER, written="geometry(Point,4326)"))
    imports.project_import(
        owner=owner,
        text=_json(replace(schema, entities=(replace(users, fields=(*users.fields, geo)), *schema.entities[1:]))),
        fmt="json",
        name=None,
        project=project,
        base_revision=project.revision,
    )
    project.refresh_from_db()
    response = client_for(owner).get(url(project, target="drizzle", dialect="mysql"))
    assert response.status_code == 422
    assert "home: type &#x27;geometry(Point,4326)&#x27;" in response.content.decode()


def test_hostile_names_are_escaped_in_the_page(client_for, owner):
    hostile = Entity(
        id="ent_x",
        name="<script>alert(1)</script>",
        fields=(Field(id="fld_x", name="id", type=FieldType(TypeKind.INTEGER), nullable=False),),
        primary_key=("fld_x",),
    )
    from designer.schema import Schema

    project = services.project_create(owner=owner, name="x", schema=Schema(entities=(hostile,)))
    body = client_for(owner).get(url(project, target="mongoose")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "alert(1)" in body


def _json(schema):
    from designer.formats.json_doc import dumps

    return dumps(schema)
