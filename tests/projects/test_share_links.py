"""Read-only share links: made and revoked by owners, open the project logged out."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from designer import ops
from designer.schema import replace
from projects import selectors, services, shared
from projects.models import ShareLink
from projects.tokens import token_hash


def create_link(client, project, **data):
    body = client.post(reverse("share_link_create", args=[project.pk]), data).content.decode()
    return re.search(r'<code id="new-share-link">http://testserver(/s/[^<]+/)</code>', body).group(1)


def test_a_link_shows_diagram_and_schema_logged_out_and_nothing_to_edit(client, client_for, project, owner):
    path = create_link(client_for(owner), project, label="for the reviewers")
    client.logout()
    response = client.get(path)
    body = response.content.decode()
    assert response.status_code == 200 and "<svg" in body and 'data-entity="posts"' in body
    assert "hx-post" not in body and "base_revision" not in body
    assert response["Referrer-Policy"] == "no-referrer"


def test_only_a_hash_of_the_token_is_stored(client_for, project, owner):
    token = create_link(client_for(owner), project).split("/")[2]
    link = ShareLink.objects.get()
    assert len(token) >= 43 and link.token_hash == token_hash(token, purpose="share") and token not in link.token_hash
    assert token_hash(token, purpose="invite") != link.token_hash  # single purpose


def test_revoked_and_expired_links_are_404(client, client_for, project, owner):
    path = create_link(client_for(owner), project, days=3)
    link = ShareLink.objects.get()
    assert link.expires_at > timezone.now() + timedelta(days=2)
    client_for(owner).post(reverse("share_link_revoke", args=[project.pk, link.pk]))
    client.logout()
    assert client.get(path).status_code == 404
    ShareLink.objects.update(revoked_at=None, expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(path).status_code == 404
    assert client.get("/s/not-a-token/").status_code == 404


def test_hostile_names_are_escaped(client, client_for, project, owner):
    users = selectors.project_schema(project).entity_by_name("users")
    hostile = "<script>alert(1)</script>"
    services.apply_op(project_id=project.pk, user=owner, base_revision=0,
                      op=ops.UpdateEntity(entity=replace(users, name=hostile)))  # fmt: skip
    path = create_link(client_for(owner), project)
    body = client.get(path).content.decode()
    assert hostile not in body and "&lt;script&gt;" in body


def test_sections_can_be_added_by_other_features(client, client_for, project, owner, monkeypatch):
    monkeypatch.setattr(shared, "SECTIONS", list(shared.SECTIONS))
    shared.register(shared.Section(key="versions", title="Versions", template="projects/shared/_schema.html",
                                   context=lambda project, schema: {"entities": [], "enums": ()}))  # fmt: skip
    body = client.get(create_link(client_for(owner), project)).content.decode()
    assert 'id="versions"' in body and 'href="#versions"' in body
