"""A share link: the project read-only, for people without an account."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from designer.diagram.options import diagram_options
from projects import selectors
from projects.access import HtmxHttpRequest
from projects.diagrams import diagram_for_page
from projects.shared import rendered_sections
from projects.views.access import shared_access


@require_GET
def shared_project(request: HtmxHttpRequest, token: str):
    project = shared_access(request, token).project
    schema = selectors.project_schema(project)
    context = {
        "project": project,
        "heading": project.name,
        "note": "A read-only view shared with you. Nothing can be changed from here.",
        "diagram": diagram_for_page(schema, options=diagram_options(request.GET, schema)),
        "sections": rendered_sections(request, project, schema),
    }
    response = render(request, "projects/readonly.html", context)
    response["Referrer-Policy"] = "no-referrer"  # the token is in the URL: never pass it on to links
    response["X-Robots-Tag"] = "noindex"
    return response
