"""Writes about people: memberships, invitations and share links (HackSoft-style
services: keyword-only arguments, one transaction per use case)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from projects.models import Invitation, Membership, Project, Role, ShareLink
from projects.tokens import new_token, token_hash

INVITATION_DAYS = 14


def invitation_create(*, project: Project, by, invitee: str, role: str, accept_url) -> tuple[Invitation, str]:
    """Invite by username or e-mail. Returns the invitation and its one-time link
    (``accept_url(token)`` builds it); the link is e-mailed when an address is known."""
    invitee = invitee.strip()
    if role not in Role.values:
        raise ValidationError("Choose a role: owner, editor or viewer.")
    user = get_user_model().objects.filter(Q(username=invitee) | Q(email__iexact=invitee) & ~Q(email="")).first()
    if user is None and "@" not in invitee:
        raise ValidationError(f"No account is called {invitee!r}; invite them by e-mail instead.")
    if user is not None and Membership.objects.filter(project=project, user=user).exists():
        raise ValidationError(f"{user.username} is already a member of this project.")
    token, hashed = new_token(purpose="invite")
    invitation = Invitation.objects.create(
        project=project,
        role=role,
        user=user,
        email=invitee if "@" in invitee else (user.email or ""),
        token_hash=hashed,
        created_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    link = accept_url(token)
    if invitation.email:
        transaction.on_commit(lambda: _send_invitation(invitation, link))
    return invitation, link


def _send_invitation(invitation: Invitation, link: str) -> None:
    inviter = invitation.created_by.username if invitation.created_by else "A teammate"
    send_mail(
        subject=f"{inviter} invited you to “{invitation.project.name}”",
        message=f"{inviter} invited you to the schema project “{invitation.project.name}” as "
        f"{invitation.role}.\n\nAccept within {INVITATION_DAYS} days: {link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


def invitation_for_token(*, token: str, user) -> Invitation | None:
    """The open invitation this token opens for ``user``, or None (unknown, used,
    revoked, expired, or meant for another account)."""
    invitation = (
        Invitation.objects.select_related("project")
        .filter(
            token_hash=token_hash(token, purpose="invite"),
            accepted_at=None,
            revoked_at=None,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if invitation is None or (invitation.user_id is not None and invitation.user_id != user.pk):
        return None
    return invitation


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    with transaction.atomic():
        # Locked and checked again: two accepts at once (a double click, two tabs) see one open invitation.
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None or locked.revoked_at is not None or locked.expires_at <= timezone.now():
            raise ValidationError("This invitation was used, revoked or has expired.")
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        membership, _created = Membership.objects.get_or_create(
            project=invitation.project, user=user, defaults={"role": invitation.role}
        )
    return membership


def invitation_revoke(*, invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, revoked_at=None).update(revoked_at=timezone.now())


def _owners_left(project: Project, *, without: Membership) -> int:
    return Membership.objects.filter(project=project, role=Role.OWNER).exclude(pk=without.pk).count()


def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError("Choose a role: owner, editor or viewer.")
    with transaction.atomic():
        Project.objects.select_for_update().only("pk").get(pk=membership.project_id)  # serialise owner changes
        if (
            membership.role == Role.OWNER
            and role != Role.OWNER
            and not _owners_left(membership.project, without=membership)
        ):
            raise ValidationError("A project needs an owner: make someone else owner first.")
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def membership_remove(*, membership: Membership) -> None:
    with transaction.atomic():
        Project.objects.select_for_update().only("pk").get(pk=membership.project_id)
        if membership.role == Role.OWNER and not _owners_left(membership.project, without=membership):
            raise ValidationError("The last owner cannot leave or be removed: transfer ownership first.")
        membership.delete()


def ownership_transfer(*, project: Project, from_membership: Membership, to_membership: Membership) -> None:
    """The new owner becomes owner; the old one stays as editor."""
    with transaction.atomic():
        Project.objects.select_for_update().only("pk").get(pk=project.pk)
        to_membership.role = Role.OWNER
        to_membership.save(update_fields=["role"])
        from_membership.role = Role.EDITOR
        from_membership.save(update_fields=["role"])
        Project.objects.filter(pk=project.pk).update(owner=to_membership.user)


def share_link_create(*, project: Project, by, label: str = "", days: int | None = None) -> tuple[ShareLink, str]:
    """(link, token). The token is shown once; only its hash is kept."""
    token, hashed = new_token(purpose="share")
    expires = timezone.now() + timedelta(days=days) if days else None
    link = ShareLink.objects.create(
        project=project, label=label.strip()[:100], token_hash=hashed, created_by=by, expires_at=expires
    )
    return link, token


def share_link_revoke(*, link: ShareLink) -> None:
    ShareLink.objects.filter(pk=link.pk, revoked_at=None).update(revoked_at=timezone.now())
