"""The Verify page (projects/views/verify.py): who may start and read a verification,
the run through the job to its report, bad input, and the pattern SQL in the editor."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from designer.advice import analysis_to_dict, analyze
from projects import services
from projects.models import Job, JobKind, JobStatus, Verification
from projects.selectors import project_schema
from projects.services import releases
from projects.tasks import run_job


def _start(client, project, **data):
    payload = {"version": 0, "scale": 1, "runs": 2} | data
    return client.post(reverse("verify_start", args=[project.pk]), payload, HTTP_HX_REQUEST="true")


def test_an_outsider_sees_nothing(client_for, project, outsider):
    client = client_for(outsider)
    assert client.get(reverse("verify", args=[project.pk])).status_code == 404
    assert _start(client, project).status_code == 404
    assert not Verification.objects.exists()


def test_a_viewer_reads_the_page_but_cannot_start_a_run(client_for, project, viewer):
    client = client_for(viewer)
    page = client.get(reverse("verify", args=[project.pk]))
    assert page.status_code == 200 and 'id="verify-form"' not in page.content.decode()
    assert _start(client, project).status_code == 403
    assert not Verification.objects.exists()


def test_bad_options_are_refused_with_a_message(client_for, project, member):
    client = client_for(member)
    response = _start(client, project, scale="-1")
    assert response.status_code == 422 and "greater than or equal to" in response.content.decode()
    response = _start(client, project, version=7)
    assert response.status_code == 422 and "Select a valid choice" in response.content.decode()
    assert not Verification.objects.exists()


@pytest.mark.postgres
def test_a_member_runs_a_verification_and_reads_its_report(
    client_for, project, member, viewer, django_capture_on_commit_callbacks
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _start(client, project)
    run = Verification.objects.get(project=project)
    assert response.status_code == 200 and 'hx-trigger="every 1s"' in response.content.decode()
    assert len(callbacks) == 1 and run.job.status == JobStatus.PENDING and run.runs == 2
    Verification.objects.filter(pk=run.pk).update(max_rows=5_000)  # small and quick; the form keeps the 1 M cap
    assert run_job.run(run.job.pk) == "done"
    status = client.get(reverse("verify_status", args=[project.pk, run.pk]), HTTP_HX_REQUEST="true")
    body = status.content.decode()
    assert status.status_code == 286 and 'id="verify-report"' in body
    assert "recent comments of a post" in body and "comments_post_id_created_at_idx" in body
    assert '<svg class="verify-bar-track"' in body  # p50/p95 bars
    # 5,000 rows are far fewer than declared: the planner's estimate with the index hypothetical, labelled.
    assert "estimate (planner cost, hypothetical index, data at" in body
    run.job.refresh_from_db()
    assert run.job.result["estimates"]["available"] is True
    assert run.job.result["summary"]["patterns"] == 10 and run.job.file.name.endswith(".md")
    # The pattern that scanned, with the p95 cut of its index on the client and the server; at
    # 5,000 rows its table holds a few pages, so the 10x goal is not judged there, and it says so.
    (target,) = run.job.result["targets"]
    assert target["pattern"] == "recent comments of a post" and target["met"].startswith("not judged: comments")
    assert 'id="verify-targets"' in body and "not judged: comments holds" in body
    # A viewer reads the same report, and downloads verification.md.
    viewer_client = client_for(viewer)
    page = viewer_client.get(reverse("verify", args=[project.pk])).content.decode()
    assert 'id="verify-report"' in page and reverse("job_download", args=[project.pk, run.job.pk]) in page
    download = viewer_client.get(reverse("job_download", args=[project.pk, run.job.pk]))
    assert b"# Verification of Blog" in b"".join(download.streaming_content)


@pytest.mark.postgres
def test_the_verify_command_prints_json(project, owner, capsys):
    releases.release_create(project=project, user=owner, message="first")
    call_command("verify", str(project.pk), "--version", "1", "--max-rows", "3000", "--runs", "2", "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1 and report["data"]["total_rows"] <= 3000
    assert {p["name"] for p in report["patterns"]} >= {"post by slug", "recent comments of a post"}
    assert report["summary"]["recommendations_failed"] == 0


def test_the_editor_shows_each_pattern_as_the_sql_verify_runs(client_for, project, owner):
    page = client_for(owner).get(reverse("project_detail", args=[project.pk]) + "?tab=workload").content.decode()
    assert "As SQL (what Verify runs)" in page
    assert "FROM &quot;posts&quot; AS t0" in page  # escaped like any value


def test_the_advice_tab_flags_a_claim_the_latest_verification_contradicted(client_for, project, owner):
    schema = project_schema(project)
    result = analysis_to_dict(analyze(schema), schema=schema, revision=project.revision, internal=True)
    services.analysis_store(project=project, revision=project.revision, result=result)
    indexed = next(r for r in result["recommendations"] if r["code"] == "index.foreign-key")
    report = {
        "recommendations": [
            {
                "key": indexed["key"],
                "claims": [
                    {
                        "claim": "a declared pattern uses it",
                        "held": False,
                        "evidence": "no declared pattern's plan uses it",
                    }
                ],
            }
        ]
    }
    job = Job.objects.create(
        project=project, kind=JobKind.VERIFICATION, status=JobStatus.DONE, revision=0, result=report
    )
    Verification.objects.create(project=project, job=job, created_by=owner)
    page = client_for(owner).get(reverse("project_detail", args=[project.pk]) + "?tab=advice").content.decode()
    assert page.count("Verify contradicted this") == 1
    assert "a declared pattern uses it: no declared pattern&#x27;s plan uses it" in page
