"""Property-based (Hypothesis): whatever document is imported and whatever edits follow,
every page, fragment and download answers without a 5xx. Documents mix plausible values
with hostile names, punctuation, bad ids and out-of-range numbers; the example count is
kept small so the suite stays fast (each example renders several diagrams)."""

import json
import os
import string

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from projects.models import Project

pytestmark = [pytest.mark.graphviz]

HOSTILE = ["<script>alert(1)</script>", "]", "a]b", "\\N", '"', "'", "{{ x }}", "a -> b;", "名前 🦄", "]]>", "&amp;"]
NAMES = st.one_of(
    st.sampled_from(HOSTILE + list(string.punctuation)),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
    st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True),
)
KINDS = st.sampled_from(["bigint", "integer", "text", "boolean", "timestamptz", "uuid", "json", "double"])
IDS = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), st.sampled_from(["a/b", "", "../..", "x y"]))
PLAIN_NUMBERS = st.one_of(st.integers(0, 10**6), st.floats(min_value=0, max_value=1e6))
# Mostly plausible, sometimes beyond what a document may hold (refused with 422).
NUMBERS = st.one_of(PLAIN_NUMBERS, PLAIN_NUMBERS, PLAIN_NUMBERS, st.integers(0, 10**20), st.floats(min_value=0))


@st.composite
def documents(draw):
    entities = []
    for i in range(draw(st.integers(1, 4))):
        fields = [
            {"id": f"f{i}_{j}", "name": draw(NAMES), "type": {"kind": draw(KINDS)}}
            for j in range(draw(st.integers(1, 3)))
        ]
        entity_id = draw(IDS) if draw(st.integers(0, 9)) == 0 else f"e{i}"
        entities.append({"id": entity_id, "name": draw(NAMES), "fields": fields, "primary_key": [fields[0]["id"]]})
    first = entities[0]
    document = {
        "format": "schema-designer",
        "version": 2,
        "entities": entities,
        "enums": [{"id": "en1", "name": draw(NAMES), "values": [{"name": draw(NAMES)}, {"name": draw(NAMES)}]}],
        "groups": [{"id": "g1", "name": draw(NAMES), "entity_ids": [first["id"]]}],
        "notes": [{"id": "n1", "name": draw(NAMES), "content": draw(st.text(max_size=40))}],
        "patterns": [
            {
                "id": "p1",
                "name": draw(NAMES),
                "kind": "read",
                "operation": "list",
                "entity_id": first["id"],
                "frequency": {"average": draw(NUMBERS)},
            }
        ],
        "volumes": [{"entity_id": first["id"], "rows": draw(NUMBERS)}],
    }
    if len(entities) > 1:
        source, target = entities[-1], first
        document["relationships"] = [
            {
                "id": "r1",
                "cardinality": "one_to_many",
                "from_entity_id": source["id"],
                "from_field_ids": [source["fields"][-1]["id"]],
                "to_entity_id": target["id"],
                "to_field_ids": [target["fields"][0]["id"]],
            }
        ]
    return json.dumps(document)  # NaN and Infinity come out as such: the reader must refuse them


def page_urls(project: Project) -> list[str]:
    detail = reverse("project_detail", args=[project.pk])
    urls = [
        detail,
        detail + "?tab=workload",
        reverse("diagram_fragment", args=[project.pk]) + "?columns=keys",
        reverse("diagram_download", args=[project.pk, "svg"]),
        reverse("diagram_download", args=[project.pk, "dot"]),
        reverse("export", args=[project.pk]) + "?format=dbml",
        reverse("export", args=[project.pk]) + "?format=json",
        reverse("project_history", args=[project.pk]),
    ]
    urls += [f"{detail}?selected={entity['id']}" for entity in project.document["entities"]]
    return urls


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=documents(), new_name=NAMES, field_name=NAMES, field_type=st.one_of(KINDS, st.text(max_size=12)))
def test_no_document_or_edit_makes_a_5xx(client_for, owner, text, new_name, field_name, field_type):
    client = client_for(owner)
    response = client.post(reverse("import_new"), {"text": text, "format": "json", "name": "p"})
    assert response.status_code in (302, 422), response.content[:500]
    event(f"import answered {response.status_code}")  # shown by --hypothesis-show-statistics
    if response.status_code == 422:
        return
    project = Project.objects.filter(owner=owner).latest("pk")
    for url in page_urls(project):
        assert client.get(url).status_code < 500, url
    entity = project.document["entities"][0]
    htmx = {"HTTP_HX_REQUEST": "true"}
    edits = [
        (reverse("entity_update", args=[project.pk, entity["id"]]), {"name": new_name}),
        (reverse("field_add", args=[project.pk, entity["id"]]), {"name": field_name, "type": field_type}),
        (reverse("entity_add", args=[project.pk]), {"name": new_name, "with_key": "on"}),
    ]
    for url, data in edits:
        project.refresh_from_db()
        response = client.post(url, {"base_revision": project.revision, **data}, **htmx)
        assert response.status_code in (200, 422), (url, data, response.content[:500])
    project.refresh_from_db()
    for url in page_urls(project):
        assert client.get(url).status_code < 500, url
