"""Rate limits on logging in and signing up, counted in Django's cache by
django-ratelimit (fixed windows). Login failures count per account and per address;
once either is over its limit, even the right password is refused until the window
ends. If the cache is down the limits are skipped (logged): people can still log in.
"""

from __future__ import annotations

import logging

from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

LOGIN_PER_ACCOUNT = "10/15m"  # wrong passwords for one username
LOGIN_PER_ADDRESS = "30/15m"  # wrong passwords from one IP address, any usernames
SIGNUP_PER_ADDRESS = "5/h"  # accounts created from one address


def _account(group, request) -> str:
    return (request.POST.get("username") or "").strip().lower()[:150]


_LOGIN_LIMITS = (("login-account", _account, LOGIN_PER_ACCOUNT), ("login-address", "ip", LOGIN_PER_ADDRESS))


def _limited(request, *, group: str, key, rate: str, increment: bool) -> bool:
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=increment)
    except Exception:
        logger.warning("rate limit %s skipped: cache unavailable", group, exc_info=True)
        return False


def login_blocked(request) -> bool:
    return any(_limited(request, group=g, key=k, rate=r, increment=False) for g, k, r in _LOGIN_LIMITS)


def login_failed(request) -> None:
    for group, key, rate in _LOGIN_LIMITS:
        _limited(request, group=group, key=key, rate=rate, increment=True)


def signup_blocked(request) -> bool:
    """Counts every sign-up attempt from the address; True once over the limit."""
    return _limited(request, group="signup", key="ip", rate=SIGNUP_PER_ADDRESS, increment=True)
