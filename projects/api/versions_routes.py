"""Versions (releases), migrations, bundles and other jobs, analysis, code, the check and drift."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from designer.advice import analyze
from designer.advice.base import SEVERITY_ORDER, Severity
from designer.deploy import DIALECT_LABELS, deploy_check
from designer.deploy import ERROR as DEPLOY_ERROR
from designer.migrate import diff, render
from designer.problems import Severity as ProblemSeverity
from designer.validate import validate
from projects import code, drift, selectors, services
from projects.api import schemas as s
from projects.api.auth import project_access
from projects.api.problems import COMMON
from projects.models import Job, JobKind
from projects.services import releases

router = Router(tags=["versions"])


def _release_out(release) -> dict:
    return {
        "number": release.number,
        "message": release.message,
        "revision": release.revision,
        "created_at": release.created_at,
        "created_by": release.created_by.username if release.created_by else None,
    }


@router.get("/projects/{project_id}/releases", response={200: list[s.ReleaseOut], **COMMON}, summary="Versions")
def release_list(request, project_id: int):
    project = project_access(request, project_id)
    return [_release_out(r) for r in releases.releases_for(project=project)]


@router.post("/projects/{project_id}/releases", response={201: s.ReleaseOut, **COMMON}, summary="Release a version")
def release_create(request, project_id: int, body: s.ReleaseIn):
    project = project_access(request, project_id, need="edit")
    return Status(201, _release_out(releases.release_create(project=project, user=request.user, message=body.message)))


class MigrationQuery(s.Schema):
    from_version: int = s.Field(..., ge=0, alias="from", description="0 is the empty database.")
    to_version: int = s.Field(..., ge=0, alias="to")
    dialect: s.Dialect = "postgresql"
    zero_downtime: bool = True


@router.get("/projects/{project_id}/migration", response={200: s.MigrationOut, **COMMON}, summary="Migration SQL")
def migration(request, project_id: int, query: Query[MigrationQuery]):
    project = project_access(request, project_id)
    old = releases.version_schema(project=project, number=query.from_version)
    new = releases.version_schema(project=project, number=query.to_version)
    result = render(diff(old, new), dialect=query.dialect, old=old, new=new, zero_downtime=query.zero_downtime)
    return {
        "dialect": query.dialect,
        "from_version": query.from_version,
        "to_version": query.to_version,
        "up": result.up,
        "down": result.down,
        "warnings": [f"{w.code}: {w.message}" for w in result.warnings],
    }


def _job_out(job: Job) -> dict:
    return {
        "id": job.pk,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "message": job.message,
        "error": job.error,
        "finished": job.is_finished,
        "has_file": bool(job.file),
        "result": job.result if job.is_finished else None,
    }


@router.post("/projects/{project_id}/bundles", response={202: s.JobOut, **COMMON}, summary="Build a migration bundle")
def bundle_start(request, project_id: int, body: s.BundleIn):
    # Building a bundle changes nothing in the design: whoever may see the project may build one (as the page).
    project = project_access(request, project_id)
    bundle = releases.bundle_create(
        project=project,
        user=request.user,
        target=body.target,
        base=body.base,
        dialects=body.dialects,
        zero_downtime=body.zero_downtime,
    )
    bundle.job.refresh_from_db()
    return Status(202, _job_out(bundle.job))


@router.post("/projects/{project_id}/analysis", response={202: s.JobOut, **COMMON}, summary="Start an analysis")
def analysis_start(request, project_id: int):
    project = project_access(request, project_id)
    job = services.job_create(project=project, user=request.user, kind=JobKind.ANALYSIS)
    job.refresh_from_db()
    return Status(202, _job_out(job))


@router.get("/projects/{project_id}/analysis", response={200: dict, **COMMON}, summary="The latest analysis")
def analysis_result(request, project_id: int):
    project = project_access(request, project_id)
    found = selectors.latest_analysis(project=project)
    if found is None:
        raise Http404("No analysis yet: start one first.")
    return found.result


@router.get("/projects/{project_id}/jobs/{job_id}", response={200: s.JobOut, **COMMON}, summary="A job's status")
def job_status(request, project_id: int, job_id: int):
    project = project_access(request, project_id)
    return _job_out(services.job_reap(job=get_object_or_404(Job, pk=job_id, project=project)))


@router.get(
    "/projects/{project_id}/jobs/{job_id}/file",
    response={200: bytes, **COMMON},
    summary="A finished job's file (a bundle's zip)",
    openapi_extra={"responses": {200: {"description": "The file", "content": {"application/octet-stream": {}}}}},
)
def job_file(request, project_id: int, job_id: int):
    project = project_access(request, project_id)
    job = get_object_or_404(Job, pk=job_id, project=project)
    if not job.file:
        raise Http404("This job has no file (yet).")
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
        content_type="application/octet-stream",
    )


class CodeQuery(s.Schema):
    dialect: s.Dialect | None = None
    version: int | None = s.Field(None, ge=1)


@router.get("/projects/{project_id}/code/{target}", response={200: s.CodeOut, **COMMON}, summary="Generated code")
def generated_code(request, project_id: int, target: str, query: Query[CodeQuery]):
    from designer.codegen import TARGETS

    project = project_access(request, project_id)
    if target not in TARGETS:
        raise Http404(f"Unknown target; choose one of: {', '.join(TARGETS)}.")
    found = code.generated_code(project=project, target=target, dialect=query.dialect, version=query.version)
    return {"target": found.target, "dialect": found.dialect, "source": found.source, "files": found.files}


class CheckQuery(s.Schema):
    fail_on: s.SeverityName = "critical"
    version: int | None = s.Field(None, ge=1, description="A released version; the current revision when absent.")


@router.get("/projects/{project_id}/check", response={200: s.CheckOut, **COMMON}, summary="The deploy check")
def check(request, project_id: int, query: Query[CheckQuery]):
    project = project_access(request, project_id)
    schema, source = code.source_schema(project=project, version=query.version)
    findings = _findings(schema)
    threshold = SEVERITY_ORDER[Severity(query.fail_on)]
    failing = [f for f in findings if SEVERITY_ORDER[Severity(f["severity"])] <= threshold]
    return {
        "passed": not failing,
        "fail_on": query.fail_on,
        "findings": findings,
        "markdown": _markdown(project.name, source, findings, failing, query.fail_on),
    }


def _findings(schema) -> list[dict]:
    found = [
        {
            "severity": "critical" if p.severity is ProblemSeverity.ERROR else "warning",
            "code": p.code,
            "message": str(p),
            "source": "validation",
        }
        for p in validate(schema)
    ]
    found += _deploy_findings(schema)
    for rec in analyze(schema).recommendations:
        found.append({"severity": rec.severity.value, "code": rec.code, "message": rec.title, "source": "advice"})
    return sorted(found, key=lambda f: (SEVERITY_ORDER[Severity(f["severity"])], f["code"], f["message"]))


def _deploy_findings(schema) -> list[dict]:
    """The deploy check per target dialect (designer.deploy): what fails for the primary
    dialect is critical (a release refuses it), for another dialect a warning (a release
    may leave that dialect out), its own warnings are info."""
    check = deploy_check(schema)
    found = []
    for finding in check.findings:
        if finding.severity != DEPLOY_ERROR:
            severity = "info"
        else:
            severity = "critical" if finding.dialect == check.primary else "warning"
        message = f"{DIALECT_LABELS.get(finding.dialect, finding.dialect)}: {finding.object}: {finding.message}"
        fix = f" Fix: {finding.fix}" if finding.fix else ""
        found.append(
            {"severity": severity, "code": f"deploy-{finding.dialect}", "message": message + fix, "source": "deploy"}
        )
    return found


def _markdown(name: str, source: str, findings, failing, fail_on: str) -> str:
    verdict = "✅ passed" if not failing else f"❌ failed: {len(failing)} finding(s) at {fail_on} or above"
    lines = [f"### Schema check: {_md(name)} ({source})", "", verdict, ""]
    if findings:
        lines += ["| severity | code | finding |", "|---|---|---|"]
        lines += [f"| {f['severity']} | `{f['code']}` | {_md(f['message'])} |" for f in findings]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


@router.post("/projects/{project_id}/drift", response={200: s.DriftOut, **COMMON}, summary="Drift of a live database")
def drift_check(request, project_id: int, body: s.DriftIn):
    project = project_access(request, project_id)
    design, _ = code.source_schema(project=project, version=body.version)
    found = drift.drift_check(database_url=body.database_url, design=design, schemas=body.schemas)
    return {
        "missing": found.missing,
        "extra": found.extra,
        "different": found.different,
        "count": found.count,
        "dialect": found.dialect,
        "migration": found.migration,
    }
