"""Downloading the generated code: the file as shown, a safe file name, access checked."""

from django.urls import reverse

from designer.codegen import generate
from projects import selectors


def test_outsider_404_viewer_downloads_the_same_text_as_generated(client_for, project, outsider, viewer):
    path = reverse("project_code_download", args=[project.pk]) + "?target=drizzle&dialect=sqlite"
    assert client_for(outsider).get(path).status_code == 404
    response = client_for(viewer).get(path)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="blog-drizzle-schema.ts"'
    expected = generate(selectors.project_schema(project), target="drizzle", dialect="sqlite")["schema.ts"]
    assert response.content.decode() == expected


def test_bad_target_is_400(client_for, project, owner):
    path = reverse("project_code_download", args=[project.pk]) + "?target=../../etc"
    assert client_for(owner).get(path).status_code == 400
