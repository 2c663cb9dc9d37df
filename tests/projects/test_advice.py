"""The Advice tab: analysis job, polling, apply (one undoable edit), dismiss, review."""

from pathlib import Path

import pytest
from django.urls import reverse

from designer.advice.quality import load_fixture
from projects import services
from projects.models import Analysis, Dismissal, Job, JobKind, JobStatus, Project
from projects.selectors import project_schema
from projects.tasks import run_job


def panel(client, project, **params):
    return client.get(reverse("editor_panel", args=[project.pk]), {"tab": "advice", **params}, HTTP_HX_REQUEST="true")


def analysed(project) -> Analysis:
    job = Job.objects.create(project=project, kind=JobKind.ANALYSIS, revision=project.revision)
    assert run_job.run(job.pk) == "done"
    return Analysis.objects.get(job=job)


def index_recommendation(analysis: Analysis) -> dict:
    return next(r for r in analysis.result["recommendations"] if r["code"] == "index.pattern")


def test_tab_before_any_analysis(client_for, project):
    response = panel(client_for(project.owner), project)
    assert response.status_code == 200 and "No analysis yet" in response.content.decode()


def test_analyze_creates_the_job_first_then_polling_shows_results_and_stops(
    client_for, project, viewer, django_capture_on_commit_callbacks
):
    client = client_for(viewer)  # analysing changes nothing: viewers may run it
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("advice_analyze", args=[project.pk]), HTTP_HX_REQUEST="true")
    job = Job.objects.get(project=project, kind=JobKind.ANALYSIS)
    body = response.content.decode()
    assert response.status_code == 200 and job.status == JobStatus.PENDING and len(callbacks) == 1
    assert "<progress" in body and 'hx-trigger="every 1s"' in body
    url = reverse("advice_job", args=[project.pk, job.pk])
    assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    run_job.run(job.pk)
    done = client.get(url, HTTP_HX_REQUEST="true")
    text = done.content.decode()
    assert done.status_code == 286
    assert "Primary store: PostgreSQL" in text and "Indexes" in text and "150/s (peak 700/s)" in text
    assert "<progress" not in text
    stored = Analysis.objects.get(project=project)
    assert stored.revision == project.revision and stored.result["technology"]["primary"] == "postgresql"


def test_apply_is_one_undoable_edit_with_the_diagram(client_for, project):
    analysis = analysed(project)
    recommendation = index_recommendation(analysis)
    client = client_for(project.owner)
    response = client.post(
        reverse("advice_apply", args=[project.pk]),
        {"analysis": analysis.pk, "key": recommendation["key"], "base_revision": project.revision, "tab": "advice"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="diagram"' in body and "hx-swap-oob" in body  # the diagram comes along out of band
    assert "is now at revision" in body  # the analysis is stale after the edit
    project.refresh_from_db()
    comments = project_schema(project).entity_by_name("comments")
    assert [i.name for i in comments.indexes] == ["comments_post_id_created_at_idx"]
    assert project.revisions.first().summary.startswith("Advice: ")
    card = 'data-code="index.pattern" aria-label="' + recommendation["title"] + ' (applied)"'
    assert card in body and "1 applied" in body  # marked applied, no Apply button on it
    undo = client.post(reverse("undo", args=[project.pk]), {"base_revision": project.revision}, HTTP_HX_REQUEST="true")
    assert undo.status_code == 200
    project.refresh_from_db()
    assert project_schema(project).entity_by_name("comments").indexes == ()
    after_undo = panel(client, project).content.decode()
    assert card not in after_undo and "1 applied" not in after_undo  # the undo takes the mark away


def test_apply_on_a_stale_analysis_is_refused(client_for, project):
    analysis = analysed(project)
    recommendation = index_recommendation(analysis)
    Project.objects.filter(pk=project.pk).update(revision=project.revision + 1)
    response = client_for(project.owner).post(
        reverse("advice_apply", args=[project.pk]),
        {"analysis": analysis.pk, "key": recommendation["key"], "base_revision": project.revision + 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409 and "re-run the analysis" in response.content.decode()


def test_recommendation_without_an_edit_and_unknown_keys(client_for, project):
    analysis = analysed(project)
    without_ops = next(r for r in analysis.result["recommendations"] if not r["ops"])
    client = client_for(project.owner)
    url = reverse("advice_apply", args=[project.pk])
    data = {"analysis": analysis.pk, "base_revision": project.revision}
    assert client.post(url, {**data, "key": without_ops["key"]}, HTTP_HX_REQUEST="true").status_code == 422
    assert client.post(url, {**data, "key": "nope"}, HTTP_HX_REQUEST="true").status_code == 404
    assert client.post(url, {"analysis": "x", "key": "nope"}, HTTP_HX_REQUEST="true").status_code == 404


def test_dismiss_with_a_reason_is_remembered_and_can_be_restored(client_for, project):
    analysis = analysed(project)
    recommendation = index_recommendation(analysis)
    client = client_for(project.owner)
    reason = "<b>we read comments from a cache</b>"
    response = client.post(
        reverse("advice_dismiss", args=[project.pk]),
        {"analysis": analysis.pk, "key": recommendation["key"], "reason": reason, "tab": "advice"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Dismissed" in body
    assert "&lt;b&gt;we read comments from a cache&lt;/b&gt;" in body and reason not in body
    assert Dismissal.objects.get(project=project).reason == reason
    analysed(project)  # a new analysis still shows it as dismissed
    again = panel(client, project).content.decode()
    assert again.count(f'value="{recommendation["key"]}"') == 1  # only the restore form
    client.post(reverse("advice_restore", args=[project.pk]), {"key": recommendation["key"], "tab": "advice"})
    assert not Dismissal.objects.exists()


def test_review_reads_in_the_page_and_downloads(client_for, project):
    Project.objects.filter(pk=project.pk).update(name="<script>alert(1)</script> *Blog*")
    project.refresh_from_db()
    analysed(project)
    client = client_for(project.owner)
    page = panel(client, project).content.decode()
    assert "<h1>Design review: &lt;script&gt;alert(1)&lt;/script&gt; *Blog*</h1>" in page
    assert "<script>alert" not in page
    response = client.get(reverse("advice_review", args=[project.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/markdown")
    assert 'filename="scriptalert1script-blog-review-r0.md"' in response["Content-Disposition"]
    assert "## Recommendations" in response.content.decode()


def test_review_without_an_analysis_is_404(client_for, project):
    assert client_for(project.owner).get(reverse("advice_review", args=[project.pk])).status_code == 404


@pytest.mark.parametrize("name", ["advice_apply", "advice_dismiss", "advice_restore"])
def test_viewers_cannot_change_and_outsiders_see_nothing(client_for, project, viewer, outsider, name):
    analysis = analysed(project)
    data = {"analysis": analysis.pk, "key": index_recommendation(analysis)["key"], "base_revision": project.revision}
    url = reverse(name, args=[project.pk])
    assert client_for(viewer).post(url, data).status_code == 403
    assert client_for(outsider).post(url, data).status_code == 404


def test_outsiders_cannot_analyze_poll_or_download(client_for, project, outsider):
    job = Job.objects.create(project=project, kind=JobKind.ANALYSIS, revision=0)
    client = client_for(outsider)
    assert client.post(reverse("advice_analyze", args=[project.pk])).status_code == 404
    assert client.get(reverse("advice_job", args=[project.pk, job.pk])).status_code == 404
    assert client.get(reverse("advice_review", args=[project.pk])).status_code == 404


def test_a_failed_analysis_shows_its_error(client_for, project):
    Job.objects.create(project=project, kind=JobKind.ANALYSIS, revision=0, status=JobStatus.FAILED, error="boom")
    assert "The analysis failed: boom" in panel(client_for(project.owner), project).content.decode()


def test_an_empty_project_analyses_to_sensible_output(client_for, owner):
    empty = services.project_create(owner=owner, name="Empty")
    analysis = analysed(empty)
    assert analysis.result["recommendations"] == [] and analysis.result["technology"]["primary"] == "postgresql"
    body = panel(client_for(owner), empty).content.decode()
    assert "The schema is empty." in body and "Nothing to recommend." in body


def test_apply_in_a_namespaced_entity_opens_it(client_for, owner):
    text = (Path(__file__).parents[1] / "advisor_fixtures" / "shop.toml").read_text()
    shop = services.project_create(owner=owner, name="Shop", schema=load_fixture(text, name="shop").schema)
    analysis = analysed(shop)
    recommendation = next(r for r in analysis.result["recommendations"] if r["title"].endswith("(category, price)"))
    response = client_for(owner).post(
        reverse("advice_apply", args=[shop.pk]),
        {"analysis": analysis.pk, "key": recommendation["key"], "base_revision": shop.revision},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "products_category_price_idx" in response.content.decode()  # the products editor is open
    shop.refresh_from_db()
    products = project_schema(shop).entity_by_name("products", "catalog")
    assert [i.include for i in products.indexes] == [
        (products.field_by_name("id").id, products.field_by_name("name").id)
    ]


def test_the_analysis_poll_opened_as_a_page_shows_the_advice_tab(client_for, project):
    client = client_for(project.owner)
    job = services.job_create(project=project, user=project.owner, kind=JobKind.ANALYSIS)
    url = reverse("advice_job", args=[project.pk, job.pk])
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body and 'id="editor-panel"' in body
    assert '?tab=advice" aria-selected="true"' in body and 'id="advice"' in body
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<section class="advice" id="advice"') and "<html" not in fragment
