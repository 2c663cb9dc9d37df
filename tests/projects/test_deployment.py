"""Deployment: `check --deploy` is clean with DEBUG off and HTTPS on, every page carries
the Content-Security-Policy, HEAD is answered wherever GET is."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).parents[2]


def check_deploy(**env) -> subprocess.CompletedProcess:
    unset = {"DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the e2e tests set the last one in this process
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(
        SECRET_KEY="k" * 20 + "-Zq8#p2@L!vR5^tY7&uW9*eX1%bN3$mC", ALLOWED_HOSTS="schemas.example.com", **env
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_is_clean_with_https_on():
    result = check_deploy(HTTPS="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_https_check_deploy_names_what_is_missing():
    result = check_deploy()
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_pages_carry_a_strict_content_security_policy(client_for, project):
    policy = client_for(project.owner).get(reverse("project_detail", args=[project.pk]))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy


def get_urls(project):
    entity = project.document["entities"][0]["id"]
    return [
        reverse("project_list"),
        reverse("project_detail", args=[project.pk]),
        reverse("project_detail", args=[project.pk]) + f"?selected={entity}",
        reverse("diagram_fragment", args=[project.pk]),
        reverse("diagram_download", args=[project.pk, "svg"]),
        reverse("diagram_download", args=[project.pk, "dot"]),
        reverse("project_history", args=[project.pk]),
        reverse("project_settings", args=[project.pk]),
        reverse("import_revision", args=[project.pk]),
        reverse("export", args=[project.pk]) + "?format=json",
        reverse("editor_panel", args=[project.pk]),
        reverse("import_new"),
        reverse("login"),
        reverse("signup"),
    ]


@pytest.mark.graphviz
def test_head_is_answered_wherever_get_is(client_for, project):
    client = client_for(project.owner)
    for url in get_urls(project):
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code and got.status_code in (200, 302), url
        assert head.content == b"" and head["Content-Type"] == got["Content-Type"], url
        assert int(head["Content-Length"]) == len(got.content), url
