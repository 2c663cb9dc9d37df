"""The editor lists the views, functions and triggers a schema keeps, read-only, with
their SQL escaped like every other text."""

from django.urls import reverse

from designer.formats.sql_postgresql import parse_postgresql
from projects import services


def test_the_schema_panel_lists_database_objects_read_only(client_for, outsider):
    schema, _ = parse_postgresql(
        "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n"
        "CREATE VIEW named AS SELECT id, name FROM users WHERE name <> '<script>alert(1)</script>';\n"
    )
    project = services.project_create(owner=outsider, name="objects", schema=schema)
    page = client_for(outsider).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "Database objects" in page and "<strong>named</strong>" in page
    assert "view · postgresql" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_a_schema_without_objects_shows_no_list(client_for, outsider):
    schema, _ = parse_postgresql("CREATE TABLE users (id bigint PRIMARY KEY);")
    project = services.project_create(owner=outsider, name="plain", schema=schema)
    page = client_for(outsider).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "Database objects" not in page
