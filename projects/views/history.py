"""History: the activity timeline in words, any past revision read-only, and restoring one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from designer.diagram.options import diagram_options
from designer.problems import SchemaError
from projects import selectors, services
from projects.access import ProjectRequest
from projects.diagrams import diagram_for_page
from projects.shared import rendered_sections
from projects.views.access import project_access


@login_required
@require_GET
def project_history(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    entity_id, username = request.GET.get("entity", ""), request.GET.get("person", "")
    context = {
        "project": project,
        "revisions": selectors.timeline(project=project, entity_id=entity_id, username=username),
        "entities": selectors.project_schema(project).entities,
        "people": [m.user.username for m in selectors.members_of(project=project)],
        "entity_filter": entity_id,
        "person_filter": username,
        "can_edit": request.access.can_edit,
    }
    return render(request, "projects/history.html", context)


@login_required
@require_GET
def revision_detail(request: ProjectRequest, project_id: int, number: int):
    project = project_access(request, project_id).project
    schema = _schema_at(project, number)
    can_restore = request.access.can_edit and number != project.revision
    context = {
        "project": project,
        "heading": f"“{project.name}” at revision {number}",
        "note": "A past revision, read-only." if number != project.revision else "The current revision.",
        "back_url": reverse("project_history", args=[project.pk]),
        "back_label": "Back to the history",
        "restore_url": reverse("revision_restore", args=[project.pk, number]) if can_restore else "",
        "diagram": diagram_for_page(schema, options=diagram_options(request.GET, schema)),
        "sections": rendered_sections(request, project, schema, past_revision=True),
    }
    return render(request, "projects/readonly.html", context)


@login_required
@require_POST
def revision_restore(request: ProjectRequest, project_id: int, number: int):
    project = project_access(request, project_id, need="edit").project
    _schema_at(project, number)  # 404 for a revision that does not exist
    try:
        base = int(request.POST.get("base_revision", ""))
    except ValueError:
        # Without the revision the person saw, a restore would overwrite whatever teammates saved since.
        return HttpResponseBadRequest(
            "The restore form lost the revision it was made on; reload the page and restore again.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        services.revision_restore(project=project, user=request.user, number=number, base_revision=base)
    except (services.StaleRevision, SchemaError) as error:
        messages.error(request, str(error))
        return redirect("revision_detail", project_id=project.pk, number=number)
    messages.success(request, f"Revision {number} restored as a new revision; undo takes it back.")
    return redirect("project_detail", project_id=project.pk)


def _schema_at(project, number: int):
    if not 0 <= number <= project.revision:
        raise Http404("No such revision")
    return selectors.schema_at(project=project, number=number, current=selectors.project_schema(project))
