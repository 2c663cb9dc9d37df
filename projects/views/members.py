"""The Members page: who is in the project, invitations, roles, ownership, leaving,
and the project's read-only share links. Owners change things; everyone may look and leave."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from projects import selectors
from projects.access import AuthenticatedRequest, ProjectRequest
from projects.forms.projects import InviteForm, RoleForm, ShareLinkForm
from projects.models import Invitation, Membership, ShareLink
from projects.services import teams
from projects.views.access import project_access


@login_required
@require_GET
def members(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    return _page(request, project)


def _page(request, project, *, invite_form=None, share_form=None, status=200, new_link=None, new_invitation=None):
    context = {
        "project": project,
        "members": selectors.members_of(project=project),
        "is_owner": request.access.is_owner,
        "invitations": selectors.open_invitations(project=project) if request.access.is_owner else (),
        "share_links": selectors.live_share_links(project=project) if request.access.is_owner else (),
        "invite_form": invite_form or InviteForm(),
        "share_form": share_form or ShareLinkForm(),
        "role_choices": RoleForm.base_fields["role"].choices,
        "new_link": new_link,
        "new_invitation": new_invitation,
        # The one owner cannot leave: ownership goes to a teammate first (teams refuses otherwise).
        "can_leave": not request.access.is_owner,
    }
    return render(request, "projects/members.html", context, status=status)


@login_required
@require_POST
def invite(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="owner").project
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _page(request, project, invite_form=form, status=422)
    try:
        invitation, link = teams.invitation_create(
            project=project,
            by=request.user,
            invitee=form.cleaned_data["invitee"],
            role=form.cleaned_data["role"],
            accept_url=lambda token: request.build_absolute_uri(reverse("invitation_accept", args=[token])),
        )
    except ValidationError as error:
        form.add_error("invitee", error)
        return _page(request, project, invite_form=form, status=422)
    sent = f" and e-mailed to {invitation.email}" if invitation.email else ""
    # Shown on the page with a Copy button (the link is shown once: only its hash is kept).
    return _page(request, project, new_invitation={"link": link, "sent": sent})


@login_required
@require_POST
def invitation_revoke(request: ProjectRequest, project_id: int, invitation_id: int):
    project = project_access(request, project_id, need="owner").project
    invitation = Invitation.objects.filter(project=project, pk=invitation_id).first()
    if invitation is None:
        raise Http404("No such invitation")
    teams.invitation_revoke(invitation=invitation)
    messages.success(request, "Invitation revoked.")
    return redirect("members", project_id=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: AuthenticatedRequest, token: str):
    """Any logged-in person holding the link; an invitation by username only for that account."""
    invitation = teams.invitation_for_token(token=token, user=request.user)
    if invitation is None:
        raise Http404("This invitation does not exist, was used, revoked or has expired.")
    if request.method == "POST":
        try:
            teams.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as error:  # accepted in another request a moment ago (a double click)
            if Membership.objects.filter(project_id=invitation.project_id, user=request.user).exists():
                return redirect("project_detail", project_id=invitation.project_id)
            messages.error(request, error.messages[0])
            return redirect("project_list")
        messages.success(request, f"You joined “{invitation.project.name}”.")
        return redirect("project_detail", project_id=invitation.project_id)
    return render(request, "projects/invitation.html", {"invitation": invitation})


@login_required
@require_POST
def member_role(request: ProjectRequest, project_id: int, membership_id: int):
    project = project_access(request, project_id, need="owner").project
    membership = selectors.membership_in(project=project, membership_id=membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            teams.membership_set_role,
            membership=membership,
            role=form.cleaned_data["role"],
            done=f"{membership.user.username} is now {form.cleaned_data['role']}.",
        )
    else:
        messages.error(request, "Choose a role: owner, editor or viewer.")
    return _back(request, project)


@login_required
@require_POST
def member_remove(request: ProjectRequest, project_id: int, membership_id: int):
    project = project_access(request, project_id, need="owner").project
    membership = selectors.membership_in(project=project, membership_id=membership_id)
    _attempt(request, teams.membership_remove, membership=membership, done=f"{membership.user.username} was removed.")
    return _back(request, project)


@login_required
@require_POST
def ownership_transfer(request: ProjectRequest, project_id: int, membership_id: int):
    project = project_access(request, project_id, need="owner").project
    target = selectors.membership_in(project=project, membership_id=membership_id)
    mine = Membership.objects.get(project=project, user=request.user)
    if target.pk == mine.pk:
        messages.error(request, "You own this project already.")
    else:
        teams.ownership_transfer(project=project, from_membership=mine, to_membership=target)
        messages.success(request, f"{target.user.username} is now the owner; you are an editor.")
    return _back(request, project)


@login_required
@require_POST
def leave(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    mine = Membership.objects.get(project=project, user=request.user)
    if _attempt(request, teams.membership_remove, membership=mine, done=f"You left “{project.name}”."):
        return redirect("project_list")
    return redirect("members", project_id=project.pk)


@login_required
@require_POST
def share_link_create(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="owner").project
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        return _page(request, project, share_form=form, status=422)
    _link, token = teams.share_link_create(project=project, by=request.user, **form.cleaned_data)
    url = request.build_absolute_uri(reverse("shared_project", args=[token]))
    return _page(request, project, new_link=url)


@login_required
@require_POST
def share_link_revoke(request: ProjectRequest, project_id: int, link_id: int):
    project = project_access(request, project_id, need="owner").project
    link = ShareLink.objects.filter(project=project, pk=link_id).first()
    if link is None:
        raise Http404("No such link")
    teams.share_link_revoke(link=link)
    messages.success(request, "Share link revoked: it opens nothing any more.")
    return redirect("members", project_id=project.pk)


def _attempt(request, service, *, done: str, **kwargs) -> bool:
    try:
        service(**kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True


def _back(request, project):
    # An owner who just removed themselves has no page to come back to.
    if Membership.objects.filter(project=project, user=request.user).exists():
        return redirect("members", project_id=project.pk)
    return redirect("project_list")
