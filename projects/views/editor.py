"""The editor page and its live diagram."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from designer.diagram import DiagramError
from designer.diagram.options import diagram_options
from projects import selectors, services
from projects.access import ProjectRequest
from projects.diagrams import diagram_bytes, diagram_for_page, drawn_token
from projects.views.access import project_access
from projects.views.editing import editor_page, panel_response, wants_fragment

DOWNLOAD_TYPES = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf", "dot": "text/vnd.graphviz"}


@login_required
@require_GET
def project_detail(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    return editor_page(request, project)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def diagram_fragment(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    if not wants_fragment(request):  # the page, drawn with these settings
        return editor_page(request, project)
    schema = selectors.project_schema(project)
    options = diagram_options(request.GET, schema)
    drawn = drawn_token(project.revision, options)
    if request.GET.get("drawn") == drawn and not request.GET.get("whole"):  # whole: the page shows a sketch
        return HttpResponse(status=204)  # the page shows this very drawing (htmx swaps nothing)
    context = {
        "project": project,
        "schema": schema,
        "options": options,
        "diagram": diagram_for_page(schema, options=options),
        "drawn": drawn,
    }
    return render(request, "projects/detail.html#diagram", context)


@login_required
@require_GET
def diagram_download(request: ProjectRequest, project_id: int, fmt: str):
    project = project_access(request, project_id).project
    if fmt not in DOWNLOAD_TYPES:
        raise Http404("Unknown diagram format")
    schema = selectors.project_schema(project)
    try:
        body = diagram_bytes(schema, options=diagram_options(request.GET, schema), fmt=fmt)
    except DiagramError as error:
        return HttpResponse(str(error), status=422, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type=DOWNLOAD_TYPES[fmt])
    filename = f"{services.safe_file_stem(project.name)}-diagram.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
@vary_on_headers("HX-Request")
def panel(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    return panel_response(request, project)
