"""The Verify page: start a verification of the design on the scratch server, follow its
progress, read its report (before/after per pattern, plans, claims, the rehearsal)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from designer.verify.report import estimate_lines, findings
from projects import services
from projects.access import ProjectAccess, ProjectRequest
from projects.forms.verify import CURRENT, VerifyForm
from projects.models import Verification
from projects.services import releases
from projects.verify_jobs import latest_report, verification_create, verifications_for
from projects.views.access import project_access


@login_required
@require_GET
def verify_page(request: ProjectRequest, project_id: int):
    project = project_access(request, project_id).project
    chosen = request.GET.get("run", "")
    if chosen.isdigit():
        run = get_object_or_404(Verification, pk=int(chosen), project=project)
        report = run.job.result
    else:
        run, report = latest_report(project=project)
    return render(request, "projects/verify.html", _context(request.access, run=run, report=report))


@login_required
@require_POST
def verify_start(request: ProjectRequest, project_id: int):
    # A run occupies the verification server for minutes: editors start it, viewers read it.
    project = project_access(request, project_id, need="edit").project
    form = VerifyForm(request.POST, numbers=_numbers(project))
    if form.is_valid():
        data = form.cleaned_data
        try:
            run = verification_create(
                project=project,
                user=request.user,
                scale=data["scale"],
                runs=data["runs"],
                version=None if data["version"] == CURRENT else data["version"],
            )
        except releases.VersionError as error:
            form.add_error(None, str(error))
        else:
            if not request.htmx:
                return redirect("verify", project_id=project.pk)
            return _run_fragment(request, project, run)
    template = "projects/verify.html#verify_form" if request.htmx else "projects/verify.html"
    return render(request, template, _context(request.access, form=form), status=422)


@login_required
@require_GET
def verify_status(request: ProjectRequest, project_id: int, run_id: int):
    project = project_access(request, project_id).project
    run = get_object_or_404(Verification.objects.select_related("job"), pk=run_id, project=project)
    services.job_reap(job=run.job)
    return _run_fragment(request, project, run)


def _run_fragment(request, project, run):
    run.job.refresh_from_db()  # in embedded mode the task already ran
    report = run.job.result if run.job.status == "done" else None
    response = render(request, "projects/verify.html#run", _context(request.access, run=run, report=report))
    if run.job.is_finished and request.htmx:
        response.status_code = HttpResponseStopPolling.status_code
    return response


def _numbers(project) -> list[int]:
    return [release.number for release in releases.releases_for(project=project)]


def _context(access: ProjectAccess, *, run=None, report=None, form=None) -> dict:
    project = access.project
    return {
        "project": project,
        "can_edit": access.can_edit,
        "form": form or VerifyForm(numbers=_numbers(project)),
        "runs": verifications_for(project=project),
        "run": run,
        "report": report,
        "rows": _pattern_rows(report) if report else [],
        "findings": findings(report) if report else [],
        # each with its planner estimate in words (a run on fewer rows than declared)
        "recommendations": [r | {"estimated": estimate_lines(r, report)} for r in report["recommendations"]]
        if report
        else [],
    }


def _pattern_rows(report: dict) -> list[dict]:
    """Each pattern with its p50/p95 before and after as shares of the slowest p95, for
    the bars."""
    figures = [
        (p.get(m) or {}).get(k) for p in report["patterns"] for m in ("before", "after") for k in ("p50_ms", "p95_ms")
    ]
    top = max((f for f in figures if f), default=1.0)
    rows = []
    for pattern in report["patterns"]:
        row = {"pattern": pattern, "bars": []}
        for moment in ("before", "after"):
            timing = pattern.get(moment) or {}
            for key in ("p50_ms", "p95_ms"):
                value = timing.get(key)
                share = round(100 * value / top, 1) if value else 0
                row["bars"].append({"label": f"{moment} {key[:3]}", "value": value, "share": share, "moment": moment})
        rows.append(row)
    return rows
