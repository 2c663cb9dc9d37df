"""The live poll of an open editor: the stored revision (the page refreshes what
changed when it moved) and who else has the project open. One indexed query and one
cache read; htmx polls it every 1.5 s, so teammates' edits show within about 2 s."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from projects import presence, selectors
from projects.access import ProjectRequest
from projects.views.access import project_access


@login_required
@require_GET
def live(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    presence.presence_touch(project_id=project.pk, user=request.user)
    member_ids = list(selectors.members_of(project=project).values_list("user_id", flat=True))
    present = presence.present_usernames(project_id=project.pk, user_ids=member_ids)
    context = {"project": project, "present": [name for name in present if name != request.user.username]}
    return render(request, "projects/_live.html", context)
