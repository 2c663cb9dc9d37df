"""Projects, their schema document, edits, workload, history and members."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from ninja import Query, Router, Status

from designer import ops
from designer.compare import compare
from designer.formats import detect_format, dump_schema
from designer.formats.json_doc import schema_to_dict
from designer.identity import adopt_ids, keep_unsaid
from designer.problems import Problem as DesignProblem
from designer.problems import SchemaError
from projects import selectors, services
from projects.api import schemas as s
from projects.api.auth import project_access, refuse_read_token, token_of
from projects.api.problems import COMMON, Problem, problem
from projects.drift import change_line
from projects.services import imports

router = Router(tags=["projects"])
WITH_CONFLICT = {**COMMON, 409: Problem}


def _project_out(project, role=None) -> dict:
    return {
        "id": project.pk,
        "name": project.name,
        "description": project.description,
        "revision": project.revision,
        "role": role or getattr(project, "role", None),
        "updated_at": project.updated_at,
    }


@router.get("/projects", response={200: list[s.ProjectOut], **COMMON}, summary="Projects you may see")
def project_list(request):
    found = selectors.projects_for_user(user=request.user)
    token = token_of(request)
    if token is not None and token.project_id is not None:
        found = found.filter(pk=token.project_id)
    return [_project_out(p) for p in found.defer("document")[:500]]


@router.post("/projects", response={201: s.ProjectOut, **COMMON}, summary="Create a project")
def project_create(request, body: s.ProjectIn):
    refuse_read_token(request)
    token = token_of(request)
    if token is not None and token.project_id is not None:
        raise PermissionDenied("This token is bound to one project; it cannot create others.")
    schema = _read(body.schema_) if body.schema_ is not None else None
    project = services.project_create(owner=request.user, name=body.name, description=body.description, schema=schema)
    return Status(201, _project_out(project, role="owner"))


@router.get("/projects/{project_id}", response={200: s.ProjectOut, **COMMON}, summary="One project")
def project_detail(request, project_id: int):
    return _project_out(project_access(request, project_id))


@router.delete("/projects/{project_id}", response={204: None, **COMMON}, summary="Delete a project (owner)")
def project_delete(request, project_id: int):
    project = project_access(request, project_id, need="owner")
    services.project_delete(project=project)
    return Status(204, None)


@router.get("/projects/{project_id}/schema", response={200: s.SchemaOut, **COMMON}, summary="The schema document")
def schema_get(request, project_id: int, format: s.ExportFormat = "dbml"):
    project = project_access(request, project_id)
    text = dump_schema(selectors.project_schema(project), fmt=format)
    return {"project": project.pk, "revision": project.revision, "format": format, "text": text}


@router.put(
    "/projects/{project_id}/schema",
    response={200: s.EditOut, **WITH_CONFLICT},
    summary="Replace the schema with a new document (a new revision)",
    description="Objects are matched to the current ones by name (and renames by shape), so the "
    "answer lists renames and changes. 409 when `base_revision` is not the current revision, "
    "with what changed since.",
)
def schema_put(request, project_id: int, body: s.SchemaPut):
    project = project_access(request, project_id, need="edit")
    before = selectors.project_schema(project)
    if body.base_revision != project.revision:
        return _stale(project, body, before)
    schema = keep_unsaid(adopt_ids(_read(body), previous=before), previous=before)
    changes = compare(before, schema).changes
    if changes:
        summary = body.summary or f"Pushed a {body.format} schema ({len(schema.entities)} tables)"
        project = services.schema_replace(
            project=project, user=request.user, schema=schema, base_revision=body.base_revision, summary=summary
        )
    return _edit_out(project, changes, warnings=[])


def _stale(project, body: s.SchemaPut, current):
    """409 with the rebase result: what changed since the push's base, what the push
    changes, and the objects both touch (nothing is stored)."""
    base_revision = body.base_revision
    if not 0 <= base_revision < project.revision:
        return problem(
            409,
            f"There is no revision {base_revision} to start from (the project is at {project.revision}).",
            kind="stale-revision",
            current_revision=project.revision,
        )
    base = selectors.schema_at(project=project, number=base_revision, current=current)
    authors = selectors.authors_since(project=project, number=base_revision)
    theirs = compare(base, current).changes
    pushed = keep_unsaid(adopt_ids(_read(body), previous=base), previous=base)
    mine = compare(base, pushed).changes
    touched = {c.object_id for c in theirs} | {(c.kind, c.label) for c in theirs}
    return problem(
        409,
        f"{', '.join(authors) or 'Someone'} changed the project since revision {base_revision} "
        f"(it is at {project.revision}); pull, merge and push again.",
        kind="stale-revision",
        current_revision=project.revision,
        changed_since=[change_line(c) for c in theirs],
        your_changes=[change_line(c) for c in mine],
        conflicts=[change_line(c) for c in mine if c.object_id in touched or (c.kind, c.label) in touched],
    )


def _read(body: s.SchemaText):
    fmt = detect_format(body.text) if body.format == "auto" else body.format
    schema, _notices = imports.import_read(text=body.text, fmt=fmt)
    return schema


def _edit_out(project, changes, *, warnings) -> dict:
    lines = [change_line(c) for c in changes]
    return {
        "project": project.pk,
        "revision": project.revision,
        "changes": [
            {"kind": c.kind, "action": c.action, "label": c.label, "details": list(c.details)} for c in changes
        ],
        "diff": "\n".join(lines) or "No changes.",
        "warnings": [str(w) for w in warnings],
    }


@router.post("/projects/{project_id}/ops", response={200: s.EditOut, **WITH_CONFLICT}, summary="Apply one edit")
def op_apply(request, project_id: int, body: s.OpIn):
    project = project_access(request, project_id, need="edit")
    try:
        op = ops.op_from_dict(body.op)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise SchemaError([DesignProblem(code="bad-op", message=f"The op cannot be read: {error}")]) from error
    before = selectors.project_schema(project)
    project, warnings = services.apply_op(
        project_id=project.pk, user=request.user, op=op, base_revision=body.base_revision
    )
    return _edit_out(project, compare(before, selectors.project_schema(project)).changes, warnings=warnings)


@router.get("/projects/{project_id}/patterns", response={200: list[dict], **COMMON}, summary="Access patterns")
def patterns(request, project_id: int):
    project = project_access(request, project_id)
    return schema_to_dict(selectors.project_schema(project)).get("patterns", [])


@router.get("/projects/{project_id}/volumes", response={200: list[dict], **COMMON}, summary="Volumes")
def volumes(request, project_id: int):
    project = project_access(request, project_id)
    return schema_to_dict(selectors.project_schema(project)).get("volumes", [])


class HistoryQuery(s.Schema):
    limit: int = s.Field(50, ge=1, le=200)


@router.get("/projects/{project_id}/history", response={200: list[s.RevisionOut], **COMMON}, summary="Revisions")
def history(request, project_id: int, query: Query[HistoryQuery]):
    project = project_access(request, project_id)
    return [
        {
            "number": r.number,
            "author": r.author.username if r.author else None,
            "summary": r.summary,
            "created_at": r.created_at,
        }
        for r in selectors.timeline(project=project, limit=query.limit)
    ]


@router.get("/projects/{project_id}/members", response={200: list[s.MemberOut], **COMMON}, summary="Members")
def members(request, project_id: int):
    project = project_access(request, project_id)
    return [{"username": m.user.username, "role": m.role} for m in selectors.members_of(project=project)]
