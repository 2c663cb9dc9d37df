import pytest
from django.urls import reverse

pytestmark = pytest.mark.graphviz


def test_editor_page_shows_entities_and_the_diagram(client_for, project):
    body = client_for(project.owner).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "<svg" in body and 'id="entity_' in body
    assert "posts" in body and "post_tags" in body


def test_viewer_sees_the_page_without_edit_links(client_for, project, viewer):
    body = client_for(viewer).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "<svg" in body and reverse("import_revision", args=[project.pk]) not in body


def test_outsider_gets_404(client_for, project, outsider):
    assert client_for(outsider).get(reverse("project_detail", args=[project.pk])).status_code == 404


def test_diagram_fragment_focuses_on_one_entity(client_for, project):
    schema_entities = {e["name"]: e["id"] for e in project.document["entities"]}
    url = reverse("diagram_fragment", args=[project.pk])
    query = {"focus": schema_entities["tags"], "depth": 1}
    response = client_for(project.owner).get(url, query, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert f'id="entity_{schema_entities["post_tags"]}"' in body
    assert f'id="entity_{schema_entities["users"]}"' not in body
    assert body.lstrip().startswith('<div id="diagram"') and "<html" not in body  # a fragment, not a page
    assert 'id="editor-panel"' not in body
    assert "HX-Request" in response["Vary"]  # one URL, two answers: caches must tell them apart


def test_the_diagram_url_opened_directly_is_the_page_drawn_the_same(client_for, project):
    schema_entities = {e["name"]: e["id"] for e in project.document["entities"]}
    url = reverse("diagram_fragment", args=[project.pk])
    response = client_for(project.owner).get(url, {"focus": schema_entities["tags"], "depth": 1})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" in body and 'class="topbar"' in body
    assert 'id="editor-panel"' in body and 'id="diagram"' in body
    tags = schema_entities["tags"]
    assert f'<option value="{tags}" data-node="entity_{tags}" selected>tags</option>' in body  # the controls say so
    assert f'id="entity_{schema_entities["post_tags"]}"' in body
    assert f'id="entity_{schema_entities["users"]}"' not in body
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")]
)
def test_diagram_downloads(client_for, project, fmt, magic):
    response = client_for(project.owner).get(reverse("diagram_download", args=[project.pk, fmt]))
    assert response.status_code == 200 and response.content.startswith(magic)
    assert response["Content-Disposition"] == f'attachment; filename="blog-diagram.{fmt}"'


def test_unknown_diagram_format_is_404(client_for, project):
    assert client_for(project.owner).get(reverse("diagram_download", args=[project.pk, "gif"])).status_code == 404


def test_too_large_to_lay_out_shows_the_focused_view(client_for, outsider, settings):
    from designer.examples.synthetic import synthetic_schema
    from projects import services

    settings.DIAGRAM_TIMEOUT_SECONDS = 0.05  # real dot, on a schema it cannot lay out that fast
    project = services.project_create(owner=outsider, name="Huge", schema=synthetic_schema(entities=600))
    response = client_for(outsider).get(reverse("project_detail", args=[project.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "took too long to lay out" in body
    assert 0 < body.count('class="node entity') < 600


def test_notes_show_in_the_panel_and_as_diagram_tooltips(client_for, project, viewer):
    body = client_for(viewer).get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "People who write and comment" in body  # a table note, as the table's tooltip
    assert "draft: only the author sees it" in body  # an enum value's note, in the enum's tooltip
    panel = client_for(viewer).get(reverse("editor_panel", args=[project.pk]) + "?selected=" + _posts(project)).content
    assert "URL part, unique per site" in panel.decode()  # a column note in the panel


def test_the_favicon_exists(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/favicon.svg")
    assert "<svg" in Path(finders.find("favicon.svg")).read_text()


def _posts(project):
    from projects.selectors import project_schema

    return project_schema(project).entity_by_name("posts").id
