"""Editor: the schema as DBML text beside the diagram, saved back as edit ops.

The text's objects keep their ids (renames stay renames, designer.text_edits), so the
save is the same kind of edit as the forms': one revision, named changes in the
history, undone in one step, rebased on a teammate's edit like any other."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from designer import ops, text_edits
from designer.formats import dump_schema
from designer.problems import Problem, SchemaError, errors
from designer.validate import validate
from projects import selectors
from projects.access import ProjectRequest
from projects.views.access import project_access
from projects.views.editing import base_revision, commit, editable_project, panel_response, selected_entity_id


@login_required
@require_GET
def schema_text(request: ProjectRequest, project_id: int):
    """The pane: the stored schema as DBML (read-only for viewers)."""
    project = project_access(request, project_id).project
    return _pane(request, project, status=200)


@login_required
@require_POST
def schema_text_save(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    text = request.POST.get("text", "")
    selected = selected_entity_id(request, schema)
    if len(text.encode()) > settings.IMPORT_MAX_BYTES:
        problem = Problem("text-too-long", f"The text is over {settings.IMPORT_MAX_BYTES:,} bytes.")
        return _refused(request, project, text, [problem], status=413, selected=selected)
    if not text.strip():  # a cleared pane saved by mistake would delete every table
        problem = Problem("text-empty", "The text is empty; to delete tables, delete them in the text one by one.")
        return _refused(request, project, text, [problem], status=422, selected=selected)
    seen = _schema_seen(request, project, schema)
    try:
        after = text_edits.schema_from_text(seen, text)
    except SchemaError as error:
        return _refused(request, project, text, error.problems, status=422, selected=selected)
    found = errors(validate(after))
    if found:
        return _refused(request, project, text, found, status=422, selected=selected)
    # The changes to the text, against what it showed: a teammate's edit since then is kept (the service rebases).
    steps = text_edits.ops_between(seen, after)
    if not steps:
        response = panel_response(request, project, selected=selected, announce="The text has no changes to save")
        return _with_pane(response, request, project)
    op = steps[0] if len(steps) == 1 else ops.Batch(ops=tuple(steps))
    response = commit(request, project, op, selected=selected)
    if response.status_code != 200:  # a conflict or a refusal: the panel says why, the text stays as typed
        return _with_pane(response, request, project, text=text)
    project.refresh_from_db(fields=["revision"])
    return _with_pane(response, request, project)


def _schema_seen(request, project, current):
    """The schema of the revision the pane showed (the current one when unknown or gone)."""
    revision = base_revision(request)
    if revision is None or revision == project.revision or not 0 <= revision < project.revision:
        return current
    return selectors.schema_at(project=project, number=revision, current=current)


def _refused(request, project, text, problems, *, status, selected):
    """Nothing saved: the panel says so, the pane keeps the text and lists each problem at its line."""
    messages = [f"The text was not saved: {_where(problems[0])}{problems[0].message}"]
    response = panel_response(request, project, status=status, errors=messages, selected=selected)
    return _with_pane(response, request, project, text=text, problems=problems)


def _where(problem) -> str:
    return f"line {problem.line}: " if problem.line is not None else ""


def _pane(request, project, *, status):
    return HttpResponse(_pane_html(request, project), status=status)


def _pane_html(request, project, *, text=None, problems=(), oob=False) -> str:
    schema = selectors.project_schema(project)
    # Text kept as typed stays tied to the revision it was written from; fresh text is the stored one's.
    kept_revision = base_revision(request) if text is not None else None
    context = {
        "project": project,
        "text_revision": project.revision if kept_revision is None else kept_revision,
        "can_edit": request.access.can_edit,
        "schema_text": dump_schema(schema, fmt="dbml") if text is None else text,
        "text_problems": problems,
        "oob": oob,
    }
    return render_to_string("projects/detail.html#text-pane", context, request=request)


def _with_pane(response, request, project, **pane):
    """The panel's answer plus the pane, swapped out of band (fresh after a save)."""
    response.content += _pane_html(request, project, oob=True, **pane).encode()
    return response
