"""How many rooms of the shell one action walks through: the ``projects/`` modules whose
code runs, in every thread (the diagram is drawn beside the request). Counted the same
way at 8d93eac: adding a field ran 15 shell files, building and downloading a bundle 11.
These are ratchets: a path may get narrower, never quietly wider. (Splitting the
services into rooms added one to the bundle's: the file name comes from services/projects.py.)"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse

from projects.models import Bundle
from projects.services import releases
from projects.tasks import run_job

pytestmark = pytest.mark.graphviz
SHELL = Path(__file__).resolve().parents[2] / "projects"
HTMX = {"HTTP_HX_REQUEST": "true"}


@contextmanager
def shell_files_run():
    """The ``projects/`` files (relative paths) whose functions are called inside the block."""
    seen: set[str] = set()
    prefix = str(SHELL) + "/"

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code.co_filename.startswith(prefix):
            seen.add(frame.f_code.co_filename[len(prefix) :])

    sys.setprofile(profile)
    threading.setprofile(profile)
    try:
        yield seen
    finally:
        sys.setprofile(None)
        threading.setprofile(None)


def test_adding_a_field_walks_no_more_shell_files_than_today(client_for, project, member):
    posts = project_schema_entity(project, "posts")
    data = {"base_revision": project.revision, "name": "subtitle", "type": "varchar(200)", "nullable": "on"}
    client = client_for(member)
    client.get(reverse("project_detail", args=[project.pk]))  # the page is open before the edit
    with shell_files_run() as files:
        response = client.post(reverse("field_add", args=[project.pk, posts]), data, **HTMX)
    assert response.status_code == 200
    print(f"add a field: {len(files)} shell files: {sorted(files)}")
    assert len(files) <= 16, sorted(files)


def test_building_a_bundle_walks_no_more_shell_files_than_today(
    client_for, project, owner, django_capture_on_commit_callbacks
):
    releases.release_create(project=project, user=owner, message="first")
    client = client_for(owner)
    payload = {"target": 1, "base": 0, "dialects": ["postgresql"], "zero_downtime": "on"}
    with shell_files_run() as files:
        with django_capture_on_commit_callbacks(execute=False):
            client.post(reverse("bundle_start", args=[project.pk]), payload, **HTMX)
        job = Bundle.objects.get(project=project).job
        assert run_job.run(job.pk) == "done"
        download = client.get(reverse("job_download", args=[project.pk, job.pk]))
        assert download.status_code == 200 and b"".join(download.streaming_content)
    print(f"build a bundle: {len(files)} shell files: {sorted(files)}")
    assert len(files) <= 14, sorted(files)


def project_schema_entity(project, name):
    from projects.selectors import project_schema

    return project_schema(project).entity_by_name(name).id
