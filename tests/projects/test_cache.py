"""Redis is optional at run time: the cache backend turns an unreachable Redis into
misses and skipped writes with one warning, and pages keep working (sessions are in the
database)."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.urls import reverse

from projects.cache import ResilientRedisCache


def dead_redis_url() -> str:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "projects.cache.ResilientRedisCache",
            "LOCATION": dead_redis_url(),
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    yield
    cache.close()


def test_a_dead_redis_reads_as_misses_and_skips_writes_with_one_warning(caplog):
    dead = ResilientRedisCache(dead_redis_url(), {"OPTIONS": {"socket_connect_timeout": 0.5}})
    with caplog.at_level(logging.WARNING, logger="projects.cache"):
        assert dead.get("k", "fallback") == "fallback"
        assert dead.set("k", 1) is None and dead.add("k", 1) is False and dead.delete("k") is False
        assert dead.get_many(["a", "b"]) == {} and dead.has_key("k") is False
        with pytest.raises(ValueError):
            dead.incr("k")
    assert len([r for r in caplog.records if "cache unavailable" in r.message]) == 1


@pytest.mark.redis
def test_a_live_redis_is_used(settings):
    live = ResilientRedisCache(settings.REDIS_URL, {})
    live.set("faults-test", 42, 10)
    assert live.get("faults-test") == 42
    live.delete("faults-test")


@pytest.mark.graphviz
def test_pages_and_edits_work_without_redis(client_for, project, dead_redis):
    client = client_for(project.owner)
    assert client.get(reverse("project_list")).status_code == 200
    assert client.get(reverse("project_detail", args=[project.pk])).status_code == 200
    response = client.post(
        reverse("entity_add", args=[project.pk]),
        {"name": "likes", "with_key": "on", "base_revision": project.revision},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert "likes" in {e["name"] for e in project.document["entities"]}
