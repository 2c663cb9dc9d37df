"""A Redis cache that may fail: Redis speeds the app up, it is never needed to answer.

Everything that uses the cache (cached_db sessions, change events, the render cache)
goes through this backend. When Redis cannot be reached a read is a miss and a write is
skipped, with one warning in the log; then Redis is left alone for a few seconds so a
page does not wait for a connection timeout on every cache call. Job starts share that
mark (``redis_marked_down``): the broker is the same Redis.
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
# Per Redis location, shared by the per-thread cache objects of this process.
_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = str(server)

    def _guarded(self, method: str, fallback):
        call = getattr(super(), method)

        @functools.wraps(call)
        def guarded(*args, **kwargs):
            if redis_marked_down(self._location):
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            try:
                return call(*args, **kwargs)
            except (RedisError, OSError) as error:
                redis_mark_down(self._location, error, what="cache")
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return guarded

    def get(self, key, default=None, version=None):
        return self._guarded("get", default)(key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {})(keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False)(key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", None)(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", list(data))(data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", False)(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", False)(key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", False)(key, version)

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", None)(keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", _missing_key)(key, delta, version)

    def clear(self):
        return self._guarded("clear", False)()


def redis_marked_down(location: str) -> bool:
    """True for a few seconds after a call to the Redis at ``location`` failed (the cache's
    or the broker's: they are the same server, REDIS_URL)."""
    return time.monotonic() < _down_until.get(location, 0.0)


def redis_mark_down(location: str, error: Exception, *, what: str) -> None:
    with _down_lock:
        first = time.monotonic() >= _down_until.get(location, 0.0)
        _down_until[location] = time.monotonic() + RETRY_AFTER_SECONDS
    if first:
        logger.warning("%s unavailable, running without it for %.0f s: %s", what, RETRY_AFTER_SECONDS, error)


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what Django's caches raise for incr of a missing key
