"""The command-line client's failures: a clear line on stderr and exit status 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from projects.api_tokens import token_create

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).parents[2]


def _cli(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMA_DESIGNER_")}
    env |= {"XDG_CONFIG_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "projects.cli", *map(str, args)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_not_logged_in(tmp_path):
    done = _cli(tmp_path, "pull", "--project", "1")
    assert done.returncode == 2 and "not logged in" in done.stderr


def test_a_wrong_token_and_someone_elses_project(tmp_path, live_server, owner, outsider, project):
    assert _cli(tmp_path, "login", "--url", live_server.url, "--token", "sdp_wrong").returncode == 2
    token = token_create(user=outsider, name="o", scope="read")[1]
    assert _cli(tmp_path, "login", "--url", live_server.url, "--token", token).returncode == 0
    done = _cli(tmp_path, "pull", "--project", project.pk)
    assert done.returncode == 2 and "error: No such project" in done.stderr


def test_push_new_creates_a_project(tmp_path, live_server, owner):
    token = token_create(user=owner, name="w", scope="write")[1]
    _cli(tmp_path, "login", "--url", live_server.url, "--token", token)
    (tmp_path / "shop.sql").write_text("CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);\n")
    done = _cli(tmp_path, "push", "shop.sql", "--new", "Shop")
    assert done.returncode == 0 and "Created project" in done.stdout
    assert "items" in _cli(tmp_path, "pull", "--project", done.stdout.split()[2]).stdout


def test_a_file_that_does_not_parse_names_its_line(tmp_path, live_server, owner, project):
    token = token_create(user=owner, name="w", scope="write")[1]
    _cli(tmp_path, "login", "--url", live_server.url, "--token", token, "--project", project.pk)
    (tmp_path / "bad.dbml").write_text("Table users {\n  id int [pk\n}\n")
    done = _cli(tmp_path, "push", "bad.dbml")
    assert done.returncode == 2
    assert "cannot be read" in done.stderr and "line" in done.stderr
