"""A real Celery worker process, talking to the real Redis and the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).parents[2]


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    from projects.celery import app

    # The worker must see the rows this test commits: point it at the test database.
    env = {**os.environ, "DATABASE_URL": _test_database_url(), "PYTHONUNBUFFERED": "1"}
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "projects",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-mingle",
                "--without-gossip",
                "-n",
                f"test-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_ready(app, worker, log_path)
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
            print(log_path.read_text()[-4000:])  # shown by pytest when the test failed


def _test_database_url() -> str:
    settings = connection.settings_dict
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def _wait_until_ready(app, worker, log_path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            pytest.fail(f"the Celery worker exited early:\n{log_path.read_text()[-3000:]}")
        if app.control.ping(timeout=0.5):
            return
        time.sleep(0.3)
    pytest.fail(f"the Celery worker did not answer within {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")
