import json

import pytest
from django.urls import reverse

from designer.formats.dbml import parse_dbml
from projects import services
from projects.selectors import project_schema


def test_dbml_download_round_trips(client_for, project):
    response = client_for(project.owner).get(reverse("export", args=[project.pk]), {"format": "dbml"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="blog.dbml"'
    # DBML has no syntax for access patterns and volumes: our comments carry them.
    assert parse_dbml(response.content.decode()) == project_schema(project)


def test_json_download_is_the_document(client_for, project, viewer):
    response = client_for(viewer).get(reverse("export", args=[project.pk]), {"format": "json"})
    assert json.loads(response.content)["format"] == "schema-designer"


def test_file_name_never_carries_raw_user_text(client_for, outsider):
    project = services.project_create(owner=outsider, name='x"; filename="evil.exe')
    response = client_for(outsider).get(reverse("export", args=[project.pk]), {"format": "dbml"})
    assert response["Content-Disposition"] == 'attachment; filename="x-filenameevilexe.dbml"'


def test_unknown_format_is_400(client_for, project):
    response = client_for(project.owner).get(reverse("export", args=[project.pk]), {"format": "xlsx"})
    assert response.status_code == 400 and b"Unknown format" in response.content


@pytest.mark.parametrize("fmt", ["dbml", "json"])
def test_outsider_gets_404(client_for, project, outsider, fmt):
    assert client_for(outsider).get(reverse("export", args=[project.pk]), {"format": fmt}).status_code == 404
