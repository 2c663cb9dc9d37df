"""Read-only share links: made and revoked by owners, open the project logged out."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from designer import ops
from designer.schema import replace
from projects import selectors, services, shared
from projects.models import Analysis, Job, JobKind, Project, ShareLink
from projects.services import releases
from projects.tasks import run_job
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


def analysed(project) -> Analysis:
    job = Job.objects.create(project=project, kind=JobKind.ANALYSIS, revision=project.revision)
    assert run_job.run(job.pk) == "done"
    return Analysis.objects.get(job=job)


def test_a_link_holder_logged_out_sees_the_versions_and_the_design_review(client, client_for, project, owner):
    releases.release_create(project=project, user=owner, message="first cut")
    analysis = analysed(project)
    path = create_link(client_for(owner), project)
    client.logout()
    body = client.get(path).content.decode()
    versions = body[body.index('id="version-list"') :]
    assert ">v1<" in versions and ">first cut<" in versions and ">alice<" in versions and "<time datetime=" in versions
    assert "<h1>Design review: Blog</h1>" in body and f"Computed on revision {analysis.revision}." in body
    assert "index.pattern" in body  # the advisor's recommendations, rendered from the stored analysis
    for control in ("<form", "hx-post", "Release version", "Build bundle", "Download review", "/versions/"):
        assert control not in body


def test_a_link_says_when_there_is_no_review_or_version_yet(client, client_for, project, owner):
    body = client.get(create_link(client_for(owner), project)).content.decode()
    assert "No design review yet" in body and "No versions released yet" in body


def test_a_revoked_link_shows_no_versions_or_review(client, client_for, project, owner):
    releases.release_create(project=project, user=owner, message="first cut")
    analysed(project)
    path = create_link(client_for(owner), project)
    client_for(owner).post(reverse("share_link_revoke", args=[project.pk, ShareLink.objects.get().pk]))
    client.logout()
    response = client.get(path)
    assert response.status_code == 404 and "first cut" not in response.content.decode()


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
    services.apply_op(
        project_id=project.pk, user=owner, base_revision=0, op=ops.UpdateEntity(entity=replace(users, name=hostile))
    )
    path = create_link(client_for(owner), project)
    body = client.get(path).content.decode()
    assert hostile not in body and "&lt;script&gt;" in body


def test_hostile_strings_in_versions_and_review_are_escaped(client, client_for, project, owner):
    hostile = '<img src=x onerror="alert(1)">'
    Project.objects.filter(pk=project.pk).update(name=f"Blog {hostile}")
    project.refresh_from_db()
    releases.release_create(project=project, user=owner, message=f"v1 {hostile}")
    analysis = analysed(project)
    key = analysis.result["recommendations"][0]["key"]
    services.dismissal_set(project=project, user=owner, key=key, reason=f"because {hostile}")
    path = create_link(client_for(owner), project)
    client.logout()
    body = client.get(path).content.decode()
    assert ("<img" not in body and "onerror=&quot;" in body) or 'onerror="alert' not in body
    assert "v1 &lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body  # the version's message, autoescaped
    assert "because &lt;img src=x onerror=" in body  # the dismissal reason, Markdown-escaped and rendered escaped
    assert "<h1>Design review: Blog &lt;img" in body


def test_sections_can_be_added_by_other_features(client, client_for, project, owner, monkeypatch):
    monkeypatch.setattr(shared, "SECTIONS", list(shared.SECTIONS))
    shared.register(
        shared.Section(
            key="notes",
            title="Notes",
            template="projects/shared/_schema.html",
            context=lambda project, schema: {"entities": [], "enums": ()},
        )
    )
    body = client.get(create_link(client_for(owner), project)).content.decode()
    assert 'id="notes"' in body and 'href="#notes"' in body


def test_a_section_exists_once(monkeypatch):
    monkeypatch.setattr(shared, "SECTIONS", list(shared.SECTIONS))
    with pytest.raises(ValueError, match="exists already"):
        shared.register(shared.SECTIONS[0])
