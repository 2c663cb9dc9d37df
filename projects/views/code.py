"""The Code page: ORM code of the current revision or a released version, highlighted,
to copy or download."""

from __future__ import annotations

import io
import zipfile

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from designer.codegen import CodegenError
from projects.access import ProjectRequest
from projects.code import generated_code, releases_of
from projects.forms.code import CodeForm
from projects.highlight import STYLE_CSS, highlighted
from projects.services import safe_file_stem
from projects.views.access import project_access


@login_required
@require_GET
def project_code(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    form = CodeForm(request.GET, releases=releases_of(project))
    context = {"project": project, "form": form, "style_css": STYLE_CSS, "files": [], "error": None}
    status = 200
    if not form.is_valid():
        status = 400
    else:
        try:
            code = generated_code(project=project, **form.cleaned_data)
        except CodegenError as error:
            context["error"], status = str(error), 422
        else:
            context["code"] = code
            context["files"] = [
                {"path": p, "html": highlighted(p, t), "id": f"code-file-{i}"}
                for i, (p, t) in enumerate(code.files.items())
            ]
    template = "projects/code.html#code" if request.htmx else "projects/code.html"
    return render(request, template, context, status=status)


@login_required
@require_GET
def project_code_download(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    form = CodeForm(request.GET, releases=releases_of(project))
    if not form.is_valid():
        return HttpResponse(
            "Choose a target, dialect and version from the lists.", status=400, content_type="text/plain"
        )
    try:
        code = generated_code(project=project, **form.cleaned_data)
    except CodegenError as error:
        return HttpResponse(str(error), status=422, content_type="text/plain; charset=utf-8")
    stem = f"{safe_file_stem(project.name)}-{code.target}"
    if len(code.files) == 1:
        ((path, text),) = code.files.items()
        body, filename, content_type = text.encode(), f"{stem}-{path}", "text/plain; charset=utf-8"
    else:
        body = _zip({f"orm/{code.target}/{p}": t.encode() for p, t in code.files.items()})
        filename, content_type = f"{stem}.zip", "application/zip"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _zip(files: dict[str, bytes]) -> bytes:
    """Same files, same bytes: sorted entries and a fixed date (paths are generator-made)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            archive.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), files[path])
    return buffer.getvalue()
