"""A Redis cache that may fail: Redis speeds the app up, it is never needed to answer.

Everything that uses the cache (cached_db sessions, change events, the render cache)
goes through this backend. When Redis cannot be reached a read is a miss and a write is
skipped, with one warning in the log; then Redis is left alone for a few seconds so a
page does not wait for a connection timeout on every cache call.
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
            if time.monotonic() < _down_until.get(self._location, 0.0):
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            try:
                return call(*args, **kwargs)
            except (RedisError, OSError) as error:
                self._mark_down(error)
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return guarded

    def _mark_down(self, error: Exception) -> None:
        with _down_lock:
            first = time.monotonic() >= _down_until.get(self._location, 0.0)
            _down_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS
        if first:
            logger.warning("cache unavailable, running without it for %.0f s: %s", RETRY_AFTER_SECONDS, error)

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


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what Django's caches raise for incr of a missing key
