"""A partitioned table is one table in the editor, with its partitioning on one line and
its partitions listed; a domain is offered by the type picker and accepted as a type."""

import re

import pytest
from django.urls import reverse

from designer.formats import import_text
from projects import services
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}
DDL = """
CREATE DOMAIN public.email AS text CHECK (VALUE ~ '@');
CREATE TABLE events (id bigint NOT NULL, created_at date NOT NULL, contact email, PRIMARY KEY (id, created_at))
  PARTITION BY RANGE (created_at);
CREATE TABLE "events_<b>1" PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
"""


@pytest.fixture
def partitioned(owner):
    schema = import_text(DDL, fmt="postgresql").schema
    return services.project_create(owner=owner, name="Events", schema=schema)


def test_the_table_says_how_it_is_partitioned_and_lists_its_partitions(client_for, partitioned, owner):
    events = project_schema(partitioned).entity_by_name("events")
    page = client_for(owner).get(reverse("project_detail", args=[partitioned.pk]), {"selected": events.id})
    text = page.content.decode()
    assert "partitioned by range (created_at), 2 partitions" in text
    assert "events_&lt;b&gt;1" in text and "events_<b>1" not in text  # a partition's name is escaped
    assert "FOR VALUES FROM (&#x27;2024-02-01&#x27;) TO (&#x27;2024-03-01&#x27;)" in text
    assert [e.name for e in project_schema(partitioned).entities] == ["events"]  # partitions are not tables


def test_a_domain_is_in_the_type_picker_and_accepted_as_a_type(client_for, partitioned, owner):
    events = project_schema(partitioned).entity_by_name("events")
    page = client_for(owner).get(reverse("project_detail", args=[partitioned.pk]), {"selected": events.id})
    assert re.search(r'<option value="email"', page.content.decode())
    response = client_for(owner).post(
        reverse("field_add", args=[partitioned.pk, events.id]),
        {"base_revision": partitioned.revision, "name": "backup", "nullable": "on", "type": "email"},
        **HTMX,
    )
    assert response.status_code == 200
    assert project_schema(Project.objects.get(pk=partitioned.pk)).entity_by_name("events").field_by_name("backup")
