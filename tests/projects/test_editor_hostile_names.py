"""Hostile names stay text in the page, the panel, the SVG and the DOT download."""

import re

import pytest
from django.urls import reverse

from designer.diagram import render
from designer.schema import Entity, Enum, EnumValue, Field, FieldType, Schema, TypeKind
from projects import services

pytestmark = pytest.mark.graphviz
HOSTILE = [
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "'); alert(1); ('",
    "{{ 7*7 }} {% debug %}",
    "a -> b; c: d { }",
    "名前 🦄 & co",
]


def hostile_project(owner, name):
    schema = Schema(
        entities=(
            Entity(
                id="ent_1",
                name=name,
                fields=(
                    Field(id="fld_1", name=name, type=FieldType(TypeKind.BIGINT), nullable=False, comment=name),
                    Field(id="fld_2", name=name + "2", type=FieldType(TypeKind.ENUM, enum_id="enum_1")),
                ),
                primary_key=("fld_1",),
                comment=name,
            ),
        ),
        enums=(Enum(id="enum_1", name=name, values=(EnumValue(name),)),),
    )
    return services.project_create(owner=owner, name=name, schema=schema)


@pytest.mark.parametrize("name", HOSTILE)
def test_page_and_panel_escape_every_name(client_for, outsider, name):
    project = hostile_project(outsider, name)
    client = client_for(outsider)
    page = client.get(reverse("project_detail", args=[project.pk]), {"selected": "ent_1"}).content.decode()
    panel = client.get(
        reverse("editor_panel", args=[project.pk]), {"selected": "ent_1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    for body in (page, panel):
        assert "<script>alert(1)" not in body
        assert "<img src=x" not in body
        assert "{{ 7*7 }}" not in name or "{{ 7*7 }}" in body  # shown as typed, never evaluated
        if "<" in name:
            assert "&lt;" in body


@pytest.mark.parametrize("name", HOSTILE)
def test_dot_download_keeps_names_inside_labels(client_for, outsider, name):
    project = hostile_project(outsider, name)
    dot = client_for(outsider).get(reverse("diagram_download", args=[project.pk, "dot"])).content.decode()
    labels = re.findall(r"label=<(.*)>\]", dot)
    assert labels and all("<script" not in label and "<img" not in label for label in labels)
    assert render(dot, fmt="svg").startswith(b"<svg")  # still one valid graph for Graphviz


def test_export_file_name_from_a_hostile_project_name(client_for, outsider):
    project = hostile_project(outsider, HOSTILE[1])
    response = client_for(outsider).get(reverse("diagram_download", args=[project.pk, "svg"]))
    assert response["Content-Disposition"] == 'attachment; filename="img-srcx-onerroralert1-diagram.svg"'
