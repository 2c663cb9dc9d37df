"""Import (upload or paste) and export (download) of schema files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from designer.formats import FORMATS
from designer.problems import SchemaError
from projects import selectors, services
from projects.forms.projects import ImportForm


@login_required
@require_http_methods(["GET", "POST"])
def import_new(request):
    return _import(request, project=None)


@login_required
@require_http_methods(["GET", "POST"])
def import_revision(request, project_id: int):
    project = selectors.project_for_user(user=request.user, project_id=project_id, need="edit")
    return _import(request, project=project)


def _import(request, *, project):
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        name = data["name"] or (data["file"].name.rsplit(".", 1)[0] if data["file"] else None)
        try:
            project, warnings = services.project_import(
                owner=request.user, text=data["text"], fmt=data["format"], name=name, project=project
            )
        except SchemaError as error:
            problems = error.problems
        except services.StaleRevision as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _imported_message(warnings))
            return redirect("project_detail", project_id=project.pk)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "project": project, "problems": problems}
    return render(request, "projects/import.html", context, status=status)


def _imported_message(warnings) -> str:
    if not warnings:
        return "Schema imported."
    return f"Schema imported with {len(warnings)} warning(s): " + "; ".join(str(w) for w in warnings[:3])


@login_required
@require_GET
def export(request, project_id: int):
    project = selectors.project_for_user(user=request.user, project_id=project_id)
    fmt = request.GET.get("format", "dbml")
    if fmt not in FORMATS:
        return HttpResponseBadRequest(f"Unknown format; choose one of: {', '.join(FORMATS)}.")
    try:
        filename, content_type, body = services.project_export(project=project, fmt=fmt)
    except SchemaError as error:
        messages.error(request, str(error))
        return redirect("project_detail", project_id=project.pk)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
