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


def test_several_files_download_as_a_zip(client_for, project, owner):
    import io
    import zipfile

    from designer.formats.json_doc import schema_to_dict
    from projects.models import Release

    Release.objects.create(
        project=project, number=1, document=schema_to_dict(selectors.project_schema(project)), revision=project.revision
    )
    path = reverse("project_code_download", args=[project.pk]) + "?target=typeorm"
    response = client_for(owner).get(path)
    assert response["Content-Disposition"] == 'attachment; filename="blog-typeorm.zip"'
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names[0] == "orm/typeorm/entities.ts" and names[1].startswith("orm/typeorm/migrations/")
    assert response.content == client_for(owner).get(path).content  # same files, same bytes
