"""Personal access tokens for the HTTP API and the command-line client.

A token is shown once; only its SHA-256 is stored, beside a short prefix that finds the
row without scanning (the prefix alone grants nothing). A token acts as its owner, with
at most the owner's role in a project: ``read`` never writes, one bound to a project
never reaches another, a revoked or expired one is refused (401).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

PREFIX_LENGTH = 8
TOKEN_MARK = "sdp_"  # noqa: S105 (a marker, not a secret): recognisable in logs and secret scanners
SCOPES = ("read", "write")
MAX_TOKENS_PER_USER = 50
# last_used_at is written at most this often per token: a busy CI job is not a write per call.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class AccessToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=PREFIX_LENGTH)
    token_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=5, choices=[(s, s) for s in SCOPES], default="read")
    # Null: every project the owner may see.
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "projects"
        indexes = [
            # Each API call looks its token up by prefix.
            models.Index(fields=["prefix"], name="accesstoken_prefix_idx"),
            models.Index(fields=["user", "-created_at"], name="accesstoken_user_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(scope__in=SCOPES), name="accesstoken_scope_known"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == "write"

    def is_live(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _prefix(token: str) -> str:
    return token[len(TOKEN_MARK) : len(TOKEN_MARK) + PREFIX_LENGTH]


# --- services ---------------------------------------------------------------------------


class TokenRefused(ValueError):
    """A token that cannot be created; the message says why."""


def token_create(*, user, name: str, scope: str, project=None, days: int | None = None) -> tuple[AccessToken, str]:
    """(the row, the token to show once)."""
    if scope not in SCOPES:
        raise TokenRefused(f"Choose a scope: {', '.join(SCOPES)}.")
    if AccessToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_TOKENS_PER_USER:
        raise TokenRefused(f"You have {MAX_TOKENS_PER_USER} tokens, the most one person may; revoke one first.")
    token = TOKEN_MARK + secrets.token_urlsafe(32)
    expires = timezone.now() + timedelta(days=days) if days else None
    row = AccessToken.objects.create(
        user=user,
        name=name.strip() or "token",
        prefix=_prefix(token),
        token_hash=hash_token(token),
        scope=scope,
        project=project,
        expires_at=expires,
    )
    return row, token


def token_revoke(*, token: AccessToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_authenticate(token: str) -> AccessToken | None:
    """The live token row for this secret, or None (unknown, revoked, expired)."""
    if not token.startswith(TOKEN_MARK):
        return None
    digest = hash_token(token)
    found = next(
        (
            row
            for row in AccessToken.objects.select_related("user").filter(prefix=_prefix(token))
            if secrets.compare_digest(row.token_hash, digest)
        ),
        None,
    )
    now = timezone.now()
    if found is None or not found.is_live(now) or not found.user.is_active:
        return None
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_RESOLUTION:
        AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found


def tokens_for(*, user):
    return AccessToken.objects.filter(user=user).select_related("project").order_by("-created_at")
