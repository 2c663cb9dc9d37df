"""Secret link tokens: long and random (256 bits), shown once, stored only as a hash.

The hash covers the purpose too, so a token made for one purpose (a share link) is
worth nothing as another (an invitation), even if someone pasted it in the wrong URL.
"""

from __future__ import annotations

import hashlib
import secrets

PURPOSES = ("invite", "share")


def new_token(*, purpose: str) -> tuple[str, str]:
    """(the token to hand out, the hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token, purpose=purpose)


def token_hash(token: str, *, purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()
