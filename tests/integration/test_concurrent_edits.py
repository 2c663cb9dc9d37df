"""20 clients x 25 edits at one project, through a real server process on the real
PostgreSQL. Each client edits on the revision its last answer showed, so almost every
edit is made on an older revision and goes through the rebase. Most edits add fields
(never a conflict); every fifth rewrites a shared entity's comment, which conflicts
when another comment landed since (409, nothing saved). Afterwards the op log replays
to exactly the stored document and every accepted edit is in it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from designer import ops
from designer.formats.json_doc import schema_from_dict
from designer.schema import Entity, Field, FieldType, Schema, TypeKind
from projects import services
from projects.models import Membership, Project, Revision, Role
from tests.integration.conftest import _test_database_url

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.graphviz]

ROOT = Path(__file__).parents[2]
CLIENTS, EDITS, HUBS = 20, 25, 4
PORTS = range(8700, 8800)  # this suite's port range on the shared machine


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail("no free port in 8700-8799")


@pytest.fixture
def server(transactional_db, tmp_path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": _test_database_url(), "ALLOWED_HOSTS": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(port, process, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_for(port, process, log_path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited:\n{log_path.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    pytest.fail(f"the server did not answer within {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")


def starting_schema() -> Schema:
    def entity(n, name):
        key = Field(id=f"fld_key_{n}", name="id", type=FieldType(TypeKind.BIGINT), nullable=False)
        return Entity(id=f"ent_start_{n}", name=name, fields=(key,), primary_key=(key.id,))

    names = [f"hub{h}" for h in range(HUBS)] + [f"own{c}" for c in range(CLIENTS)]
    return Schema(entities=tuple(entity(n, name) for n, name in enumerate(names)))


class Editor:
    """One person in their own browser session, editing over HTTP."""

    def __init__(self, base_url, project, user):
        client = Client()
        client.force_login(user)  # a real session row the server reads
        self.base_url, self.project = base_url, project
        self.cookies = {"sessionid": client.cookies["sessionid"].value}
        page = self.request("GET", f"/projects/{project.pk}/")
        self.csrf = re.search(r'X-CSRFToken": "([^"]+)"', page).group(1)  # the page's token (hx-headers)
        self.cookies["csrftoken"] = self.csrf
        self.revision = int(re.search(r'data-revision="(\d+)"', page).group(1))
        self.rebased = 0  # edits stored more than one revision after the one they were made on

    def request(self, method, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, method=method)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            request.add_header("X-CSRFToken", self.csrf)
            request.add_header("HX-Request", "true")
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                self.status = response.status
                return response.read().decode()
        except urllib.error.HTTPError as error:
            self.status = error.code
            return error.read().decode()

    def add_field(self, entity_id, name) -> int:
        return self.post(
            f"/edit/entities/{entity_id}/fields/",
            {"name": name, "type": "text", "nullable": "on", "selected": entity_id},
        )

    def set_comment(self, entity_id, name, comment) -> int:
        return self.post(f"/edit/entities/{entity_id}/", {"name": name, "comment": comment, "selected": entity_id})

    def post(self, path, data) -> int:
        answer = self.request("POST", f"/projects/{self.project.pk}{path}", {**data, "base_revision": self.revision})
        found = re.search(r'id="editor-panel"[^>]*data-revision="(\d+)"', answer, re.S)
        if found:
            self.rebased += int(found.group(1)) > self.revision + 1
            self.revision = int(found.group(1))
        return self.status


def test_twenty_clients_times_twenty_five_edits(server):
    owner = get_user_model().objects.create_user("owner_conc")
    start = starting_schema()
    project = services.project_create(owner=owner, name="Busy", schema=start)
    people = [get_user_model().objects.create_user(f"editor{c}") for c in range(CLIENTS)]
    Membership.objects.bulk_create(Membership(project=project, user=p, role=Role.EDITOR) for p in people)
    editors = [Editor(server, project, person) for person in people]

    def work(c):
        done = []
        for j in range(EDITS):
            hub, own = f"ent_start_{c % HUBS}", f"ent_start_{HUBS + c}"
            text = f"c{c}_e{j}"
            if j % 5 == 4:
                done.append(("comment", hub, text, editors[c].set_comment(hub, f"hub{c % HUBS}", text)))
            else:
                target = hub if j % 2 == 0 else own
                done.append(("field", target, text, editors[c].add_field(target, text)))
        return done

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = [row for rows in pool.map(work, range(CLIENTS)) for row in rows]

    assert not [r for r in results if r[3] >= 500], "no edit may fail with a server error"
    fields = [(target, name) for kind, target, name, status in results if kind == "field" and status == 200]
    comments = [(target, text) for kind, target, text, status in results if kind == "comment" and status == 200]
    assert len(fields) == len([r for r in results if r[0] == "field"]), "adding distinct fields never conflicts"
    assert {r[3] for r in results if r[0] == "comment"} <= {200, 409}, "a comment edit is saved or a conflict"
    assert comments, "some comment edits land"
    assert sum(e.rebased for e in editors) > CLIENTS * EDITS / 2  # most went through the rebase

    project = Project.objects.get(pk=project.pk)
    log = list(Revision.objects.filter(project=project).order_by("number"))
    accepted = len(fields) + len(comments)
    assert [r.number for r in log] == list(range(1, accepted + 1)) and project.revision == accepted

    stored = schema_from_dict(project.document)
    replayed = start
    for revision in log:  # the op log alone rebuilds the document
        replayed, _ = ops.apply(replayed, ops.op_from_dict(revision.op))
    assert replayed == stored
    for revision in reversed(log):  # and its inverses take it back to the start
        replayed, _ = ops.apply(replayed, ops.op_from_dict(revision.inverse))
    assert replayed == start

    for target, name in fields:
        entity = stored.entity(target)
        assert entity.field_by_name(name) is not None, f"{name} in {entity.name} was lost"
    assert sum(len(e.fields) - 1 for e in stored.entities) == len(fields)
    # Every accepted comment is in the log, and each hub shows the last one that landed.
    logged = [(r.op["entity"]["id"], r.op["entity"]["comment"]) for r in log if r.op["op"] == "UpdateEntity"]
    assert sorted(logged) == sorted(comments)
    for hub in range(HUBS):
        landed = [text for target, text in logged if target == f"ent_start_{hub}"]
        assert stored.entity(f"ent_start_{hub}").comment == (landed[-1] if landed else None)


def test_same_named_fields_added_to_different_tables_at_once_both_land(server):
    # The probe's case: both editors on the same revision add "email", one to each table;
    # with sequential ids both minted the same fld_N and one got 422 "used by 2 objects".
    owner = get_user_model().objects.create_user("owner_same")
    start = starting_schema()
    project = services.project_create(owner=owner, name="Twins", schema=start)
    people = [get_user_model().objects.create_user(f"twin{c}") for c in range(2)]
    Membership.objects.bulk_create(Membership(project=project, user=p, role=Role.EDITOR) for p in people)
    rounds = 5
    for n in range(rounds):
        editors = [Editor(server, project, person) for person in people]  # both open the same revision
        gate = threading.Barrier(2)

        def add(c, editor=editors, barrier=gate, n=n):
            barrier.wait()
            return editor[c].add_field(f"ent_start_{c}", f"email{n}")

        with ThreadPoolExecutor(max_workers=2) as pool:
            assert list(pool.map(add, range(2))) == [200, 200]
    stored = schema_from_dict(Project.objects.get(pk=project.pk).document)
    for c in range(2):
        names = [f.name for f in stored.entity(f"ent_start_{c}").fields]
        assert names == ["id", *(f"email{n}" for n in range(rounds))]
    field_ids = [f.id for e in stored.entities for f in e.fields]
    assert len(field_ids) == len(set(field_ids))
