"""The editor page and its live diagram."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from designer.diagram import DiagramError, DiagramOptions
from designer.schema import Direction
from projects import selectors, services
from projects.diagrams import diagram_bytes, diagram_for_page

DOWNLOAD_TYPES = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf", "dot": "text/vnd.graphviz"}


def diagram_options(request, schema) -> DiagramOptions:
    """Diagram view settings come from the query string, so they are per viewer and
    bookmarkable; unknown values fall back to the defaults instead of failing."""
    focus = request.GET.get("focus") or None
    if focus is not None and schema.entity(focus) is None:
        focus = None
    direction = request.GET.get("direction")
    show = request.GET.get("columns")
    try:
        depth = max(1, min(5, int(request.GET.get("depth", "1"))))
    except ValueError:
        depth = 1
    return DiagramOptions(
        direction=Direction(direction) if direction in {d.value for d in Direction} else None,
        focus_entity_id=focus,
        depth=depth,
        show_columns=show if show in {"all", "keys", "none"} else None,
        selected_entity_id=request.GET.get("selected") or focus,
    )


@login_required
@require_GET
def project_detail(request, project_id: int):
    project = selectors.project_for_user(user=request.user, project_id=project_id)
    schema = selectors.project_schema(project)
    options = diagram_options(request, schema)
    context = {
        "project": project,
        "schema": schema,
        "options": options,
        "diagram": diagram_for_page(schema, options=options),
        "can_edit": project.role in ("owner", "editor"),
    }
    return render(request, "projects/detail.html", context)


@login_required
@require_GET
def diagram_fragment(request, project_id: int):
    project = selectors.project_for_user(user=request.user, project_id=project_id)
    schema = selectors.project_schema(project)
    options = diagram_options(request, schema)
    context = {"project": project, "schema": schema, "options": options,
               "diagram": diagram_for_page(schema, options=options)}  # fmt: skip
    return render(request, "projects/detail.html#diagram", context)


@login_required
@require_GET
def diagram_download(request, project_id: int, fmt: str):
    project = selectors.project_for_user(user=request.user, project_id=project_id)
    if fmt not in DOWNLOAD_TYPES:
        raise Http404("Unknown diagram format")
    schema = selectors.project_schema(project)
    try:
        body = diagram_bytes(schema, options=diagram_options(request, schema), fmt=fmt)
    except DiagramError as error:
        return HttpResponse(str(error), status=422, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type=DOWNLOAD_TYPES[fmt])
    filename = f"{services.safe_file_stem(project.name)}-diagram.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
