"""The live poll: the stored revision and who else has the project open."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from designer import ops
from designer.schema import Entity
from projects import presence, services


def poll(client, project):
    return client.get(reverse("live", args=[project.pk]), HTTP_HX_REQUEST="true")


@pytest.fixture(autouse=True)
def _fresh_presence():
    cache.clear()


def test_poll_carries_the_revision_and_teammates_present(client_for, project, owner, member):
    poll(client_for(member), project)
    body = poll(client_for(owner), project).content.decode()
    assert 'data-revision="0"' in body and "Also here:" in body and "bob" in body and "alice" not in body
    services.apply_op(
        project_id=project.pk, user=member, op=ops.AddEntity(entity=Entity(id="e", name="likes")), base_revision=0
    )
    assert 'data-revision="1"' in poll(client_for(owner), project).content.decode()


def test_a_broken_cache_means_no_presence_never_an_error(client_for, project, owner, monkeypatch):
    class Down:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("redis is down")

            return fail

    monkeypatch.setattr(presence, "cache", Down())
    response = poll(client_for(owner), project)
    assert response.status_code == 200 and 'data-revision="0"' in response.content.decode()
