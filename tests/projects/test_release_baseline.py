"""Marking a version as a baseline (projects/views/versions.py: release_baseline)."""

from django.urls import reverse

from projects.models import Release
from projects.services import releases

HTMX = {"HTTP_HX_REQUEST": "true"}


def toggle(client, project, number, baseline: str):
    return client.post(reverse("release_baseline", args=[project.pk, number]), {"baseline": baseline}, **HTMX)


def test_an_editor_marks_and_unmarks_a_baseline(client_for, project, owner, member):
    releases.release_create(project=project, user=owner)
    response = toggle(client_for(member), project, 1, "on")
    assert response.status_code == 200 and "✓ baseline" in response.content.decode()
    assert Release.objects.get(project=project, number=1).baseline
    toggle(client_for(member), project, 1, "")
    assert not Release.objects.get(project=project, number=1).baseline


def test_the_bundle_spec_carries_the_baseline(project, owner):
    releases.release_create(project=project, user=owner)
    releases.release_set_baseline(project=project, number=1, baseline=True)
    spec = releases.bundle_spec(project=project, target=1, base=0, dialects=["sqlite"])
    assert spec.versions[0].baseline


def test_no_such_version_is_404(client_for, project, member):
    assert toggle(client_for(member), project, 9, "on").status_code == 404


def test_viewer_cannot_mark(client_for, project, owner, viewer):
    releases.release_create(project=project, user=owner)
    assert toggle(client_for(viewer), project, 1, "on").status_code == 403
    assert not Release.objects.get(project=project, number=1).baseline


def test_outsider_cannot_mark(client_for, project, owner, outsider):
    releases.release_create(project=project, user=owner)
    assert toggle(client_for(outsider), project, 1, "on").status_code == 404
