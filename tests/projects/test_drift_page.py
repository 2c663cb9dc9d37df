"""The Drift page: on only for live hosts the operator listed; anyone who sees the project
may compare; the result in words and SQL, the URL never echoed."""

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres


def _test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:s3cret-pw@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}"


def test_the_page_is_off_without_live_hosts(client_for, owner, project, settings):
    settings.IMPORT_LIVE_HOSTS = []
    assert client_for(owner).get(f"/projects/{project.pk}/drift/").status_code == 404


def test_a_viewer_compares_and_an_outsider_sees_nothing(client_for, viewer, outsider, project, settings):
    settings.IMPORT_LIVE_HOSTS = ["127.0.0.1"]
    assert client_for(outsider).get(f"/projects/{project.pk}/drift/").status_code == 404
    client = client_for(viewer)
    assert client.get(f"/projects/{project.pk}/drift/").status_code == 200
    page = client.post(f"/projects/{project.pk}/drift/", {"database_url": _test_database_url()})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Missing from the database" in html and "added entity users" in html and "CREATE TABLE" in html
    assert "s3cret-pw" not in html


def test_a_host_not_listed_is_refused_with_a_message(client_for, owner, project, settings):
    settings.IMPORT_LIVE_HOSTS = ["db.internal"]
    page = client_for(owner).post(f"/projects/{project.pk}/drift/", {"database_url": _test_database_url()})
    assert page.status_code == 422
    assert "not enabled for the host" in page.content.decode()
