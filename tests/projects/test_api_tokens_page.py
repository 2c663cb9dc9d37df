"""The account page for personal access tokens: created and shown once, listed, revoked."""

import pytest

from projects.api_tokens import AccessToken, hash_token

pytestmark = pytest.mark.postgres


def test_a_token_is_shown_once_with_a_copy_button_and_stored_hashed(client_for, owner, project):
    client = client_for(owner)
    page = client.post("/account/tokens/", {"name": "CI", "scope": "write", "project": project.pk, "days": 30})
    assert page.status_code == 200
    token = page.context["new_token"]
    html = page.content.decode()
    assert token in html and 'data-copy="#new-token"' in html
    row = AccessToken.objects.get(user=owner)
    assert (row.token_hash, row.scope, row.project_id) == (hash_token(token), "write", project.pk)
    again = client.get("/account/tokens/").content.decode()
    assert token not in again and f"sdp_{row.prefix}" in again


def test_a_revoked_token_stops_working(client_for, owner):
    client = client_for(owner)
    token = client.post("/account/tokens/", {"name": "CI", "scope": "read"}).context["new_token"]
    row = AccessToken.objects.get(user=owner)
    assert client.post(f"/account/tokens/{row.pk}/revoke/").status_code == 302
    client.logout()
    assert client.get("/api/v1/projects", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_a_token_cannot_be_bound_to_someone_elses_project(client_for, outsider, project):
    page = client_for(outsider).post("/account/tokens/", {"name": "x", "scope": "read", "project": project.pk})
    assert page.status_code == 422
    assert not AccessToken.objects.exists()
