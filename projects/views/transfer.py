"""Import (upload or paste, any format) and export (download) of schema files.

An import is read first and lands only when confirmed: small files are read in the
request; large ones by a worker while the page shows a progress bar. An import into an
existing project always shows what it will replace before it does. A new project from a
small file is created at once (nothing is replaced).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseStopPolling

from designer.formats import FORMATS
from designer.notices import group_notices
from designer.notices import summary as notice_summary
from designer.problems import Problem, SchemaError
from projects import live_import, services
from projects.access import AuthenticatedRequest, ProjectRequest
from projects.forms.projects import ImportForm, LiveImportForm
from projects.models import Job, JobKind
from projects.services import imports
from projects.views.access import project_access


@login_required
@require_http_methods(["GET", "POST"])
def import_new(request: AuthenticatedRequest):
    return _import(request, project=None)


@login_required
@require_http_methods(["GET", "POST"])
def import_revision(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="edit").project
    return _import(request, project=project)


def _import(request, *, project):
    if request.method == "POST" and "database_url" in request.POST:
        return _import_live(request, project=project)
    too_large = _too_large(request, project)
    if too_large is not None:
        return too_large
    # The revision the person sees now: an import made on it must not replace later work.
    initial = {"base_revision": project.revision} if project else {}
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()), initial=initial)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if project is not None and data["base_revision"] is None:
            form.add_error(None, "The form lost its revision; open Import again.")
            return _import_page(request, project=project, form=form, status=409)
        name = data["name"] or (data["file"].name.rsplit(".", 1)[0] if data["file"] else None)
        base = data["base_revision"]
        if project is not None:
            try:
                services.import_refuse_stale(project=project, base_revision=base, current=project.revision)
            except services.StaleRevision as error:
                form.add_error(None, str(error))
                return _import_page(request, project=project, form=form, status=409)
        if imports.import_runs_as_job(size=len(data["text"].encode())):
            job = imports.import_start_job(
                owner=request.user, project=project, text=data["text"], fmt=data["format"], base_revision=base
            )
            job.refresh_from_db()  # a broker out of reach has failed it already: say so now
            return render(request, "projects/import_job.html", {"job": job, "project": project, "name": name})
        try:
            schema, notices = imports.import_read(text=data["text"], fmt=data["format"])
        except SchemaError as error:
            problems = error.problems
        else:
            if project is None:
                created = services.project_create(
                    owner=request.user, name=name or schema.name or "Imported schema", schema=schema
                )
                messages.success(request, _imported_message(notices))
                return redirect("project_detail", project_id=created.pk)
            job = imports.import_stage(
                owner=request.user,
                project=project,
                schema=schema,
                notices=notices,
                fmt=data["format"],
                base_revision=base,
            )
            return render(request, "projects/import_job.html", _confirm_context(job, name))
    status = 422 if request.method == "POST" else 200
    if form.has_error(NON_FIELD_ERRORS, "too_large"):
        status = 413
    return _import_page(request, project=project, form=form, problems=problems, status=status)


def _import_page(request, *, project, form=None, live_form=None, problems=(), status=200):
    live = bool(settings.IMPORT_LIVE_HOSTS)
    context = {
        "form": form or ImportForm(),
        "project": project,
        "problems": problems,
        "live_form": (live_form or LiveImportForm()) if live else None,
    }
    return render(request, "projects/import.html", context, status=status)


def _import_live(request, *, project):
    """A live database, read-only, for hosts the operator listed; off by default."""
    if not settings.IMPORT_LIVE_HOSTS:
        raise Http404("Live database import is not enabled")
    form = LiveImportForm(request.POST)
    problems = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            live_import.ensure_host_allowed(data["database_url"], settings.IMPORT_LIVE_HOSTS)
            schemas = [s.strip() for s in data["schemas"].split(",") if s.strip()] or None
            schema, notices = live_import.import_database(data["database_url"], schemas=schemas, stats=data["stats"])
            schema, notices = imports.import_checked(schema=schema, notices=notices)
        except live_import.LiveImportError as error:
            problems = [Problem(code="live-import", message=str(error))]
        except SchemaError as error:
            problems = list(error.problems)
        else:
            if project is None:
                name = data["name"] or live_import.parse_url(data["database_url"]).database
                created = services.project_create(owner=request.user, name=name, schema=schema)
                messages.success(request, _imported_message(notices))
                return redirect("project_detail", project_id=created.pk)
            job = imports.import_stage(
                owner=request.user, project=project, schema=schema, notices=list(notices), fmt="live database"
            )
            return render(request, "projects/import_job.html", _confirm_context(job, None))
    form = LiveImportForm({k: v for k, v in request.POST.items() if k != "database_url"})  # never echo the password
    return _import_page(request, project=project, live_form=form, problems=problems, status=422)


def _too_large(request, project) -> HttpResponse | None:
    """413 before anything is read or parsed: the declared size of the upload, or a paste
    over the request body limit."""
    if request.method != "POST":
        return None
    try:
        upload = request.FILES.get("file")
        size = upload.size if upload is not None else len(request.POST.get("text", "").encode())
        imports.import_check_size(size=size)
    except RequestDataTooBig:
        message = str(imports.ImportTooLarge(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    except imports.ImportTooLarge as error:
        message = str(error)
    else:
        return None
    problems = [Problem(code="import-too-large", message=message)]
    return _import_page(request, project=project, problems=problems, status=413)


def _job_for_user(request, job_id: int) -> Job:
    """Import jobs belong to the person who started them; into an existing project they
    also need the right to edit it (outsiders 404, viewers 403)."""
    job = get_object_or_404(Job, pk=job_id, kind=JobKind.IMPORT, created_by=request.user)
    if job.project_id is not None:
        project_access(request, job.project_id, need="edit")
    return job


def _confirm_context(job: Job, name: str | None) -> dict:
    preview = imports.import_preview(job=job) if job.is_finished and job.result else None
    return {"job": job, "project": job.project, "preview": preview, "name": name}


@login_required
@require_GET
def import_status(request: AuthenticatedRequest, job_id: int):
    job = services.job_reap(job=_job_for_user(request, job_id))  # a dead worker's job ends here, beat or no beat
    response = render(request, "projects/_import_job.html", _confirm_context(job, request.GET.get("name")))
    if job.is_finished and request.htmx:
        response.status_code = HttpResponseStopPolling.status_code
    return response


@login_required
@require_POST
def import_apply(request: AuthenticatedRequest, job_id: int):
    job = _job_for_user(request, job_id)
    if not job.is_finished or not job.result:
        raise Http404("This import has nothing to apply")
    try:
        project = imports.import_apply(job=job, user=request.user, name=request.POST.get("name", "").strip() or None)
    except (services.StaleRevision, imports.ImportAlreadyApplied) as error:
        return HttpResponse(str(error), status=409, content_type="text/plain; charset=utf-8")
    except SchemaError as error:
        return HttpResponse(str(error), status=422, content_type="text/plain; charset=utf-8")
    messages.success(request, f"Schema imported: {len(project.document.get('entities', []))} tables.")
    return redirect("project_detail", project_id=project.pk)


FEW_NOTICES = 5  # told one by one; more are summed up by kind (the lost ones still named)


def _imported_message(notices) -> str:
    if not notices:
        return "Schema imported."
    if len(notices) <= FEW_NOTICES:
        return f"Schema imported with {len(notices)} notice(s): " + "; ".join(str(n) for n in notices)
    lost = [str(n) for group in group_notices(notices) if group.lossy for n in group.notices[:3]]
    return f"Schema imported with {len(notices):,} notice(s): {notice_summary(notices)}." + (
        " Not kept: " + "; ".join(lost) if lost else ""
    )


@login_required
@require_GET
def export(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
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
