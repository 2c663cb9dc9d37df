"""Who has a project open: each open editor page says so every poll; an entry lives a
few seconds in the cache. Presence is a nicety: when the cache (Redis) is down it is
simply empty, never an error — the revision check of the live poll needs no cache."""

from __future__ import annotations

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

PRESENCE_SECONDS = 8  # a page polls every 1.5 s: gone a few polls after the tab closes


def _key(project_id: int, user_id: int) -> str:
    return f"presence:{project_id}:{user_id}"


def presence_touch(*, project_id: int, user) -> None:
    try:
        cache.set(_key(project_id, user.pk), user.username, timeout=PRESENCE_SECONDS)
    except Exception:
        logger.warning("presence: cache unavailable", exc_info=True)


def present_usernames(*, project_id: int, user_ids: list[int]) -> list[str]:
    try:
        found = cache.get_many([_key(project_id, user_id) for user_id in user_ids])
    except Exception:
        logger.warning("presence: cache unavailable", exc_info=True)
        return []
    return sorted(found.values())
