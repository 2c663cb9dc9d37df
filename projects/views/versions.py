"""The Versions page: release the current schema, list and compare versions, build and
download migration bundles."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from designer.compare import compare, drawing_schema
from designer.deploy import DIALECT_LABELS
from designer.diagram import DiagramOptions
from designer.migration_texts import migration_texts
from projects.access import ProjectAccess, ProjectRequest
from projects.diagrams import diagram_for_page
from projects.forms.versions import BaselineForm, BundleForm, CompareForm, ReleaseForm
from projects.services import releases
from projects.views.access import project_access


@login_required
@require_GET
def versions_page(request: ProjectRequest, project_id: int):
    access = project_access(request, project_id)
    return render(request, "projects/versions.html", _context(access))


@login_required
@require_POST
def release_create(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id, need="edit").project
    form = ReleaseForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            releases.release_create(
                project=project,
                user=request.user,
                message=data["message"],
                drop_dialects=data["drop_dialects"],
                baseline=data["baseline"],
            )
        except releases.VersionError as error:
            form.add_error(None, str(error))
        else:
            if not request.htmx:
                return redirect("versions", project_id=project.pk)
            form = ReleaseForm()
    status = 422 if form.errors else 200
    context = _context(request.access, release_form=form)
    if not request.htmx:
        return render(request, "projects/versions.html", context, status=status)
    # The bundle form's version choices follow, out of band, so a new version can be bundled at once.
    html = render_to_string("projects/versions.html#versions", context, request) + render_to_string(
        "projects/versions.html#bundle_form", context | {"oob": True}, request
    )
    return HttpResponse(html, status=status)


@login_required
@require_GET
def deploy_check_json(request: ProjectRequest, project_id: int):
    """The deploy check of the current design as JSON: per dialect, what would fail and the fix."""
    project = project_access(request, project_id).project
    return JsonResponse(releases.release_check(project=project).as_dict())


@login_required
@require_POST
def release_baseline(request: ProjectRequest, project_id: int, number: int):
    """Mark a version as a baseline (bundles start their chain at its full DDL) or not."""
    project = project_access(request, project_id, need="edit").project
    form = BaselineForm(request.POST)
    form.is_valid()  # a boolean: always valid
    releases.release_set_baseline(project=project, number=number, baseline=form.cleaned_data["baseline"])
    if not request.htmx:
        return redirect("versions", project_id=project.pk)
    return render(request, "projects/versions.html#versions", _context(request.access))


@login_required
@require_GET
def version_compare(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    form = CompareForm(request.GET)
    context = {"project": project, "form": form, "numbers": _numbers(project)}
    if form.is_valid():
        old, new = form.cleaned_data["old"], form.cleaned_data["new"]
        try:
            before = releases.version_schema(project=project, number=old)
            after = releases.version_schema(project=project, number=new)
        except Http404:
            form.add_error(None, "Choose two versions of this project (0 is the empty database).")
        else:
            comparison = compare(before, after)
            options = DiagramOptions(highlight=tuple(sorted(comparison.marks().items())))
            context |= {
                "old": old,
                "new": new,
                "comparison": comparison,
                "diagram": diagram_for_page(drawing_schema(before, after), options=options),
                "migrations": migration_texts(before, after) if comparison.changes else [],
            }
    status = 422 if form.errors else 200
    return render(request, "projects/compare.html", context, status=status)


@login_required
@require_POST
def bundle_start(request: ProjectRequest, project_id: int):
    # Building a bundle changes nothing in the design: whoever may see the project may build one.
    project = project_access(request, project_id).project
    form = BundleForm(request.POST, numbers=_numbers(project))
    if form.is_valid():
        data = form.cleaned_data
        try:
            bundle = releases.bundle_create(
                project=project,
                user=request.user,
                target=data["target"],
                base=data["base"],
                dialects=data["dialects"],
                zero_downtime=data["zero_downtime"],
                orm_targets=data["orm_targets"],
            )
        except releases.VersionError as error:
            form.add_error(None, str(error))
        else:
            bundle.job.refresh_from_db()  # in embedded mode the task already ran
            if not request.htmx:
                return redirect("versions", project_id=project.pk)
            return render(request, "projects/_job.html", {"project": project, "job": bundle.job})
    template = "projects/versions.html#bundle_form" if request.htmx else "projects/versions.html"
    return render(request, template, _context(request.access, bundle_form=form), status=422)


def deploy_context(check) -> dict:
    """The deploy check as the page shows it: per dialect, its findings (primary first)."""
    rows = [
        {
            "dialect": d,
            "label": DIALECT_LABELS[d],
            "primary": d == check.primary,
            "fails": check.fails(d),
            "findings": check.for_dialect(d),
        }
        for d in check.dialects
    ]
    droppable = [(row["dialect"], row["label"]) for row in rows if row["fails"] and not row["primary"]]
    return {"rows": rows, "droppable": droppable, "primary_fails": check.fails(check.primary)}


def _numbers(project) -> list[int]:
    return [release.number for release in releases.releases_for(project=project)]


def _context(access: ProjectAccess, *, release_form=None, bundle_form=None) -> dict:
    project = access.project
    versions = list(releases.releases_for(project=project))
    numbers = [release.number for release in versions]
    can_edit = access.can_edit
    return {
        "project": project,
        "versions": versions,
        "can_edit": can_edit,
        "deploy": deploy_context(releases.release_check(project=project)) if can_edit else None,
        "release_form": release_form or ReleaseForm(),
        "bundle_form": bundle_form or BundleForm(numbers=numbers),
        "bundles": releases.bundles_for(project=project),
        "default_old": numbers[1] if len(numbers) > 1 else 0,
        "default_new": numbers[0] if numbers else 0,
    }
