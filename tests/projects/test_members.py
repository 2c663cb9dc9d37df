"""The Members page: invitations, roles, removal, ownership, leaving."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from projects.models import Invitation, Membership, Role


def role_of(project, user):
    membership = Membership.objects.filter(project=project, user=user).first()
    return membership.role if membership else None


def invite(client, project, invitee, role="editor"):
    return client.post(reverse("invite", args=[project.pk]), {"invitee": invitee, "role": role}, follow=True)


def test_members_page_lists_people_and_shows_controls_to_owners_only(client_for, project, owner, viewer):
    body = client_for(owner).get(reverse("members", args=[project.pk])).content.decode()
    assert all(name in body for name in ("alice", "bob", "vera")) and "Invite" in body
    body = client_for(viewer).get(reverse("members", args=[project.pk])).content.decode()
    assert "vera" in body and "Invite someone" not in body and "Set role" not in body


@pytest.mark.django_db(transaction=True)  # the e-mail leaves on commit
def test_invite_by_email_sends_a_one_time_link_that_makes_a_member(client_for, project, owner, mailoutbox):
    body = invite(client_for(owner), project, "dana@example.com").content.decode()
    [mail] = mailoutbox
    assert mail.to == ["dana@example.com"] and "alice invited you" in mail.subject
    link = re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.body).group(1)
    assert link in body  # shown to the owner once, too
    invitation = Invitation.objects.get()
    assert len(link.split("/")[2]) >= 43 and link.split("/")[2] not in invitation.token_hash  # only a hash is kept

    dana = get_user_model().objects.create_user("dana", password="pw-dana-123456")
    client = client_for(dana)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302 and role_of(project, dana) == "editor"
    assert client.post(link).status_code == 404  # single use


def test_an_invitation_by_username_is_only_for_that_account(client_for, project, owner, outsider):
    response = invite(client_for(owner), project, "charlie")
    assert Invitation.objects.get().user == outsider
    link = re.search(r"(/invitations/[^/]+/)", response.content.decode()).group(1)
    stranger = get_user_model().objects.create_user("eve", password="pw-eve-1234567")
    assert client_for(stranger).get(link).status_code == 404
    assert client_for(outsider).post(link).status_code == 302 and role_of(project, outsider) == "editor"


def test_unknown_username_and_existing_member_are_refused_with_a_message(client_for, project, owner):
    client = client_for(owner)
    response = client.post(reverse("invite", args=[project.pk]), {"invitee": "nobody", "role": "editor"})
    assert response.status_code == 422 and "invite them by e-mail" in response.content.decode()
    response = client.post(reverse("invite", args=[project.pk]), {"invitee": "bob", "role": "editor"})
    assert response.status_code == 422 and "already a member" in response.content.decode()
    assert not Invitation.objects.exists()


def test_owner_changes_roles_and_removes_members(client_for, project, owner, member, viewer):
    client = client_for(owner)
    membership = Membership.objects.get(project=project, user=viewer)
    client.post(reverse("member_role", args=[project.pk, membership.pk]), {"role": "editor"})
    assert role_of(project, viewer) == "editor"
    client.post(reverse("member_remove", args=[project.pk, membership.pk]))
    assert role_of(project, viewer) is None


def test_the_last_owner_cannot_leave_be_demoted_or_removed(client_for, project, owner):
    client = client_for(owner)
    mine = Membership.objects.get(project=project, user=owner)
    body = client.post(reverse("leave", args=[project.pk]), follow=True).content.decode()
    assert "transfer ownership first" in body and role_of(project, owner) == "owner"
    body = client.post(reverse("member_role", args=[project.pk, mine.pk]), {"role": "viewer"}, follow=True)
    assert "make someone else owner first" in body.content.decode() and role_of(project, owner) == "owner"


def test_transfer_ownership_then_the_old_owner_may_leave(client_for, project, owner, member):
    client = client_for(owner)
    target = Membership.objects.get(project=project, user=member)
    client.post(reverse("ownership_transfer", args=[project.pk, target.pk]))
    project.refresh_from_db()
    assert role_of(project, member) == Role.OWNER and role_of(project, owner) == Role.EDITOR and project.owner == member
    assert client.post(reverse("leave", args=[project.pk])).status_code == 302
    assert role_of(project, owner) is None


def test_members_may_leave(client_for, project, viewer):
    response = client_for(viewer).post(reverse("leave", args=[project.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("project_list")
    assert role_of(project, viewer) is None


def test_an_expired_or_revoked_invitation_opens_nothing(client_for, project, owner, outsider):
    response = invite(client_for(owner), project, "charlie")
    link = re.search(r"(/invitations/[^/]+/)", response.content.decode()).group(1)
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client_for(outsider).get(link).status_code == 404
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() + timedelta(days=1))
    assert client_for(outsider).get(link).status_code == 200
    client_for(owner).post(reverse("invitation_revoke", args=[project.pk, invitation.pk]))
    assert client_for(outsider).get(link).status_code == 404


@pytest.mark.django_db(transaction=True)  # each request in its own thread and connection
def test_parallel_accepts_of_one_invitation_make_one_membership_and_no_error(project, owner):
    # The probe's case: 5 of 8 parallel accepts answered 500.
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection
    from django.test import Client

    from projects.services import teams

    def accept_url(token):
        return f"/invitations/{token}/"

    _, link = teams.invitation_create(
        project=project, by=owner, invitee="dana@example.com", role="editor", accept_url=accept_url
    )
    people = [get_user_model().objects.create_user(f"racer{n}") for n in range(5)]  # the pool holds 8 connections
    gate = Barrier(len(people), timeout=30)

    def accept(person):
        client = Client(raise_request_exception=False)
        client.force_login(person)
        gate.wait()
        try:
            return client.post(link).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        statuses = list(pool.map(accept, people))
    assert all(status in (302, 404) for status in statuses), statuses
    joined = [p for p in people if role_of(project, p)]
    assert len(joined) == 1 and statuses.count(302) >= 1
