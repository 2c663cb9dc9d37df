"""Limits on guessing passwords and on signing up, counted in Django's cache by
django-ratelimit (fixed windows). Throttling, never a lockout (docs/security.md):

- per account and address: after LOGIN_PER_ACCOUNT_ADDRESS wrong passwords for one
  account from one address, that address may not try that account again until the
  window ends. The owner elsewhere is not affected.
- per account: after LOGIN_PER_ACCOUNT wrong passwords from anywhere (many addresses),
  the account is slowed down, not locked: each address may try it once per
  LOGIN_SLOWED_EVERY, and a right password still logs in.
- no limit per address alone: behind a proxy or a NAT one attacker would lock out
  everyone who shares the address (the probe's finding).

Limits are exact: the Nth wrong password is the last one checked. The address is the
connection's, or the configured proxy header's when the connection comes from a trusted
proxy (TRUSTED_PROXIES). If the cache is down the limits are skipped (logged): people
can still log in.
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

LOGIN_PER_ACCOUNT_ADDRESS = "10/15m"  # wrong passwords for one username from one address
LOGIN_PER_ACCOUNT = "50/15m"  # wrong passwords for one username from all addresses: then slowed
LOGIN_SLOWED_EVERY = "1/m"  # attempts per address on a slowed account
SIGNUP_PER_ADDRESS = "5/h"  # accounts created from one address


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or, when that is a trusted proxy, the last
    address in the proxy's header that is not itself a trusted proxy. A header from
    anyone else is ignored: it is whatever the client wrote. IPv6 counts per /64 (one
    host gets a whole /64)."""
    remote = request.META.get("REMOTE_ADDR", "")
    address = remote
    if remote in settings.TRUSTED_PROXIES:
        header = request.META.get(settings.CLIENT_ADDRESS_HEADER, "")
        hops = [hop.strip() for hop in header.split(",") if hop.strip()]
        address = next((hop for hop in reversed(hops) if hop not in settings.TRUSTED_PROXIES), remote)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return remote
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _account(request) -> str:
    return (request.POST.get("username") or "").strip().lower()[:150]


def _account_at_address(group, request) -> str:
    return f"{_account(request)}|{client_address(request)}"


def _account_anywhere(group, request) -> str:
    return _account(request)


def _address(group, request) -> str:
    return client_address(request)


def _reached(request, *, group: str, key, rate: str, increment: bool = False) -> bool:
    """True once the count has reached the limit (with ``increment``: counting this one).
    django-ratelimit's own flag is ``count > limit``, which lets one more guess through."""
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, method="POST", increment=increment)
    except Exception:
        logger.warning("rate limit %s skipped: cache unavailable", group, exc_info=True)
        return False
    if usage is None:  # RATELIMIT_ENABLE off
        return False
    return usage["count"] > usage["limit"] if increment else usage["count"] >= usage["limit"]


def login_refused(request) -> bool:
    """Before the password is checked: True when this address may not try this account now."""
    if _reached(request, group="login-account-address", key=_account_at_address, rate=LOGIN_PER_ACCOUNT_ADDRESS):
        return True
    if _reached(request, group="login-account", key=_account_anywhere, rate=LOGIN_PER_ACCOUNT):
        # Slowed: this attempt is one of the address's few; a right password still logs in.
        return _reached(request, group="login-slowed", key=_account_at_address, rate=LOGIN_SLOWED_EVERY, increment=True)
    return False


def login_failed(request) -> None:
    _reached(
        request, group="login-account-address", key=_account_at_address, rate=LOGIN_PER_ACCOUNT_ADDRESS, increment=True
    )
    _reached(request, group="login-account", key=_account_anywhere, rate=LOGIN_PER_ACCOUNT, increment=True)


def signup_blocked(request) -> bool:
    """Counts every sign-up attempt from the address; True once over the limit."""
    return _reached(request, group="signup", key=_address, rate=SIGNUP_PER_ADDRESS, increment=True)
