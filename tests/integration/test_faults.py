"""Faults, as an operator would cause them, against the real stack: a Celery worker process
killed mid-job, the app pointed at a Redis where nothing listens, an oversized upload.
The web side is a real `runserver` process on a port of its own; each case must end as
the README says (done after redelivery, or failed with a message and Retry; pages and
sessions without Redis; 413 with the limit), and nothing stored may be lost or changed."""

from __future__ import annotations

import http.cookiejar
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore

from designer.examples.synthetic import synthetic_schema
from projects import services
from projects.models import Job, JobStatus, Project
from projects.services import imports
from tests.integration.conftest import ROOT, _test_database_url, _wait_until_ready

pytestmark = [pytest.mark.celery, pytest.mark.redis, pytest.mark.postgres]

PORTS = range(8100, 8200)  # this suite's own range on shared machines
FAST_HEARTBEAT = {"JOB_HEARTBEAT_SECONDS": "0.5", "JOB_HEARTBEAT_TIMEOUT_SECONDS": "4"}


# --- processes ---------------------------------------------------------------------------


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port in 8100-8199")


def _dead_redis_url() -> str:
    port = _free_port()  # nothing listens there
    return f"redis://127.0.0.1:{port}/0"


class Server:
    def __init__(self, tmp_path: Path, **env):
        self.port = _free_port()
        self.log_path = tmp_path / f"runserver-{self.port}.log"
        environment = {
            **os.environ,
            "DATABASE_URL": _test_database_url(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "WARNING",
            **FAST_HEARTBEAT,
            **env,
        }
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_listening()

    def _wait_until_listening(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"runserver exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail("runserver did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Browser:
    """Enough of a browser: a session cookie, the CSRF cookie echoed in a header."""

    def __init__(self, server: Server, user):
        self.base = f"http://127.0.0.1:{server.port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        session = SessionStore()  # sessions live in the database: no Redis needed to log in
        session.update(
            {
                "_auth_user_id": str(user.pk),
                "_auth_user_hash": user.get_session_auth_hash(),
                "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
            }
        )
        session.create()
        self.jar.set_cookie(_cookie("sessionid", session.session_key))

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None):
        headers = {"Referer": self.base + "/", **(headers or {})}
        token = next((c.value for c in self.jar if c.name == "csrftoken"), None)
        if token:
            headers["X-CSRFToken"] = token
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs):
        return self.request("POST", path, body=kwargs.pop("body", b""), **kwargs)


def _cookie(name: str, value: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}
    )


def _start_worker(tmp_path: Path, name: str) -> tuple[subprocess.Popen, Path]:
    """A prefork worker with one pool child (the process that runs the job)."""
    log_path = tmp_path / f"worker-{name}.log"
    env = {**os.environ, "DATABASE_URL": _test_database_url(), "PYTHONUNBUFFERED": "1", **FAST_HEARTBEAT}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "projects",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-mingle",
            "--without-gossip",
            "-n",
            f"{name}-{uuid.uuid4().hex[:6]}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    from projects.celery import app

    _wait_until_ready(app, worker, log_path)
    return worker, log_path


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


def _wait(predicate, *, timeout: float, what: str, poll: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture
def big_project(transactional_db):
    """Large enough that an export takes a second or two: time to kill its worker."""
    owner = get_user_model().objects.create_user("olga", password="pw-olga-123")
    project = services.project_create(owner=owner, name="Big", schema=synthetic_schema(entities=1500))
    return project


@pytest.fixture
def fast_reaper(settings):
    settings.JOB_HEARTBEAT_TIMEOUT_SECONDS = float(FAST_HEARTBEAT["JOB_HEARTBEAT_TIMEOUT_SECONDS"])


@pytest.fixture
def empty_queue():
    from projects.celery import app

    app.control.purge()  # messages left by earlier runs must not reach these workers


def _stored(project: Project) -> tuple:
    project.refresh_from_db()
    return project.revision, project.document, project.revisions.count()


def _running(job: Job) -> Job | None:
    job.refresh_from_db()
    return job if job.status == JobStatus.RUNNING and job.worker else None


# --- the cases ---------------------------------------------------------------------------


def test_killing_the_pool_child_mid_job_redelivers_and_finishes_the_same_row(big_project, tmp_path, empty_queue):
    before = _stored(big_project)
    worker, log_path = _start_worker(tmp_path, "child")
    try:
        job = services.job_create(project=big_project, user=big_project.owner, kind="export")
        running = _wait(lambda: _running(job), timeout=60, what="the job to start")
        child_pid = int(running.worker.rsplit(":", 1)[1])
        assert child_pid != worker.pid  # the pool child runs it, not the main process
        os.kill(child_pid, signal.SIGKILL)
        done = _wait(
            lambda: Job.objects.filter(pk=job.pk, status__in=["done", "failed"]).first(),
            timeout=90,
            what="the redelivered job to finish",
            poll=0.2,
        )
    finally:
        _stop(worker)
        print(log_path.read_text()[-3000:])
    assert done.status == JobStatus.DONE, done.error
    assert done.attempts == 2 and done.progress == 100 and Job.objects.count() == 1
    assert done.result["entities"] == 1500
    assert _stored(big_project) == before


def test_killing_the_whole_worker_fails_the_job_then_retry_finishes_it(big_project, tmp_path, empty_queue, fast_reaper):
    before = _stored(big_project)
    server = Server(tmp_path)
    browser = Browser(server, big_project.owner)
    worker, log_path = _start_worker(tmp_path, "whole")
    try:
        assert browser.get(f"/projects/{big_project.pk}/")[0] == 200  # also sets the CSRF cookie
        job = services.job_create(project=big_project, user=big_project.owner, kind="export")
        running = _wait(lambda: _running(job), timeout=60, what="the job to start")
        os.kill(int(running.worker.rsplit(":", 1)[1]), signal.SIGKILL)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        status_url = f"/projects/{big_project.pk}/jobs/{job.pk}/"
        started = time.monotonic()
        status, body = _wait(
            lambda: _stopped_polling(browser, status_url), timeout=30, what="polling to stop", poll=1.0
        )
        assert time.monotonic() - started < 15  # heartbeat timeout (4 s) plus a poll or two
        assert "The worker stopped; retry." in body and "Retry" in body
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED

        worker, log_path = _start_worker(tmp_path, "again")
        status, body = browser.post(f"/projects/{big_project.pk}/jobs/{job.pk}/retry/", headers={"HX-Request": "true"})
        assert status == 200 and 'hx-trigger="every 1s"' in body
        done = _wait(lambda: _stopped_polling(browser, status_url), timeout=90, what="the retried job", poll=0.5)
        assert "Export ready" in done[1]
    finally:
        _stop(worker)
        server.stop()
        print(log_path.read_text()[-3000:])
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and Job.objects.count() == 1
    assert _stored(big_project) == before


def test_time_limits_per_kind_stop_a_slow_job_with_a_message(big_project, tmp_path, empty_queue, fast_reaper, settings):
    before = _stored(big_project)
    worker, log_path = _start_worker(tmp_path, "limits")
    try:
        # Soft limit: the job is interrupted inside its own code and says why.
        settings.JOB_TIME_LIMITS = {"export": (0.3, 30.0), "default": (300.0, 360.0)}
        soft = services.job_create(project=big_project, user=big_project.owner, kind="export")
        soft = _wait(lambda: _finished(soft), timeout=60, what="the soft limit", poll=0.2)
        assert soft.status == JobStatus.FAILED and soft.error == "It timed out after 0.3 s and was stopped."
        # Hard limit: the pool child is killed; the reaper names the limit, nothing is redelivered.
        # No soft limit; the job needs 0.8-3 s here depending on load, well past the hard limit,
        # which leaves the fresh pool child time to mark the job running (0.25 s did not, under load).
        settings.JOB_TIME_LIMITS = {"export": (0, 0.6), "default": (300.0, 360.0)}
        hard = services.job_create(project=big_project, user=big_project.owner, kind="export")
        _wait(lambda: _running(hard), timeout=60, what="the job to start")
        hard = _wait(lambda: services.jobs_reap() and _finished(hard), timeout=30, what="the reaper", poll=0.5)
        assert hard.status == JobStatus.FAILED and hard.error == "It timed out after 0.6 s and was stopped."
        time.sleep(2)
        hard.refresh_from_db()
        assert hard.attempts == 1 and hard.status == JobStatus.FAILED
    finally:
        _stop(worker)
        print(log_path.read_text()[-3000:])
    assert _stored(big_project) == before


def test_an_import_past_its_time_limit_is_followed_by_a_good_one(transactional_db, tmp_path, empty_queue, settings):
    # The probe's case: the DBML parser kept running after the job's limit and answered the
    # next import in that worker with the old reply. One pool child: the same process reads both.
    owner = get_user_model().objects.create_user("ivan", password="pw-ivan-123")
    worker, log_path = _start_worker(tmp_path, "import")
    slow = "".join(f"Table t{i} {{\n  id int [pk]\n  name text\n}}\n" for i in range(20000))  # 10+ s to parse
    small = "Table after {\n  id int [pk]\n}\n"

    def start(text: str, *, soft: float) -> Job:  # the limit is sent with the task: one per job
        settings.JOB_TIME_LIMITS = {"import": (soft, 180.0), "default": (300.0, 360.0)}
        job = imports.import_start_job(owner=owner, project=None, text=text, fmt="dbml")
        return _wait(lambda: _finished(job), timeout=180, what="an import", poll=0.2)

    try:
        # Node starts in 1.5 s, or 6 s on a loaded machine: generous limits for the small reads.
        assert start(small, soft=120).status == JobStatus.DONE  # the parser is running, warm
        first = start(slow, soft=3)
        good = start(small, soft=120)
    finally:
        _stop(worker)
        print(log_path.read_text()[-3000:])
    assert first.status == JobStatus.FAILED and first.error == "It timed out after 3 s and was stopped."
    assert good.status == JobStatus.DONE, good.error
    assert good.worker == first.worker  # the same pool child read both
    assert good.result["tables"] == ["after"]


def _finished(job: Job) -> Job | None:
    job.refresh_from_db()
    return job if job.is_finished else None


def _stopped_polling(browser: Browser, url: str):
    status, body = browser.get(url, headers={"HX-Request": "true"})
    assert status in (200, 286), body[:500]
    return (status, body) if status == 286 else None


def test_a_dead_redis_degrades_pages_and_fails_jobs_with_a_message(transactional_db, tmp_path):
    owner = get_user_model().objects.create_user("rita", password="pw-rita-123")
    project = services.project_create(owner=owner, name="Blog", schema=synthetic_schema(entities=5))
    before = _stored(project)
    server = Server(tmp_path, REDIS_URL=_dead_redis_url())
    try:
        browser = Browser(server, owner)
        for path in (
            "/projects/",
            f"/projects/{project.pk}/",
            f"/projects/{project.pk}/history/",
            f"/projects/{project.pk}/diagram.svg",
            f"/projects/{project.pk}/export/?format=json",
        ):
            status, body = browser.get(path)
            assert status == 200, (path, body[:300])
        status, body = browser.post(f"/projects/{project.pk}/jobs/export/start/", headers={"HX-Request": "true"})
        assert status == 286 and services.QUEUE_DOWN in body and "Retry" in body
        job = Job.objects.get(project=project)
        assert job.status == JobStatus.FAILED and job.error == services.QUEUE_DOWN
    finally:
        server.stop()
    log = server.log_path.read_text()
    assert "cache unavailable" in log and "Traceback" not in log
    assert _stored(project) == before


def test_an_oversized_upload_is_refused_before_it_is_read(transactional_db, tmp_path):
    owner = get_user_model().objects.create_user("uma", password="pw-uma-123")
    project = services.project_create(owner=owner, name="Blog", schema=synthetic_schema(entities=5))
    before = _stored(project)
    server = Server(tmp_path, IMPORT_MAX_BYTES=str(2 * 1024 * 1024))  # a small limit: a small test upload
    try:
        browser = Browser(server, owner)
        browser.get("/projects/")  # the CSRF cookie
        payload = b"Table t { id int }\n" * (200 * 1024)  # about 3.8 MB
        for path in ("/projects/import/", f"/projects/{project.pk}/import/"):
            body, content_type = _multipart(file=("huge.dbml", payload))
            started = time.monotonic()
            status, page = browser.post(path, body=body, headers={"Content-Type": content_type})
            assert status == 413 and "may be up to 2 MB" in page and "<html" in page
            assert time.monotonic() - started < 10
    finally:
        server.stop()
    assert Project.objects.count() == 1 and _stored(project) == before


def _multipart(*, file: tuple[str, bytes]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    name, content = file
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test's own (never the shared one on 6379: it gets frozen)."""
    port = _free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    _wait(lambda: _listening(port), timeout=10, what="redis-server to listen")
    try:
        yield process, f"redis://127.0.0.1:{port}/0"
    finally:
        process.send_signal(signal.SIGCONT)
        process.kill()
        process.wait(timeout=10)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_frozen_redis_answers_every_job_start_within_five_seconds(transactional_db, tmp_path, own_redis):
    # The probe's case: a Redis that accepts connections but never answers (stopped, paused,
    # swapping) hung every job start for 45 s and more. Now each says "try again" at once.
    redis_process, redis_url = own_redis
    owner = get_user_model().objects.create_user("frida", password="pw-frida-123")
    project = services.project_create(owner=owner, name="Blog", schema=synthetic_schema(entities=5))
    server = Server(tmp_path, REDIS_URL=redis_url, IMPORT_JOB_MIN_BYTES="10")  # every import is a job
    starts = {
        "export": (f"/projects/{project.pk}/jobs/export/start/", b"", {}),
        "analysis": (f"/projects/{project.pk}/advice/analyze/", b"", {}),
        "import": ("/projects/import/", *_form(text="Table t {\n  id int [pk]\n}\n", format="dbml")),
    }
    timings = {}
    try:
        browser = Browser(server, owner)
        assert browser.get(f"/projects/{project.pk}/")[0] == 200  # Redis answering: connections made, pooled
        redis_process.send_signal(signal.SIGSTOP)
        for kind, (path, body, headers) in starts.items():
            started = time.monotonic()
            status, page = browser.post(path, body=body, headers={"HX-Request": "true", **headers})
            timings[kind] = time.monotonic() - started
            assert status < 500, (kind, page[:500])
            assert services.QUEUE_DOWN in page, (kind, page[:500])
    finally:
        redis_process.send_signal(signal.SIGCONT)
        server.stop()
    print("job start with a frozen Redis (s):", {k: round(v, 2) for k, v in timings.items()})
    assert all(seconds < 5 for seconds in timings.values()), timings
    assert set(Job.objects.values_list("status", flat=True)) == {JobStatus.FAILED}


def _form(**fields) -> tuple[bytes, dict]:
    from urllib.parse import urlencode

    return urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def test_the_first_request_after_postgresql_dropped_its_connections_is_answered(transactional_db, tmp_path):
    # The probe's case: a 500 on the first request after PostgreSQL dropped the pooled connection.
    import psycopg
    from django.db import connection

    owner = get_user_model().objects.create_user("pia", password="pw-pia-123")
    server = Server(tmp_path)
    try:
        browser = Browser(server, owner)
        assert browser.get("/projects/")[0] == 200  # the server's pool holds a connection now
        settings = connection.settings_dict
        admin_url = (
            f"host={settings['HOST'] or '127.0.0.1'} port={settings['PORT'] or 5432} user=postgres dbname=postgres"
        )
        with psycopg.connect(admin_url, autocommit=True) as admin:
            dropped = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
                [settings["NAME"]],
            ).fetchone()[0]
        connection.close()  # this test's own connection was dropped too
        assert dropped >= 1
        assert browser.get("/projects/")[0] == 200
    finally:
        server.stop()
