"""The Workload tab: access patterns by form and by pasted SQL, volumes, the summary,
undo, permissions and the error paths (422, nothing saved, typing kept)."""

import pytest
from django.urls import reverse

from designer.schema import FilterOp, Operation, Pagination, PatternKind, Per, SortOrder, ValueKind
from projects.models import Project
from projects.selectors import project_schema

pytestmark = pytest.mark.graphviz
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, name, project, data, *args):
    project.refresh_from_db()
    payload = {"base_revision": project.revision, "tab": "workload", **data}
    return client.post(reverse(name, args=[project.pk, *args]), payload, **HTMX)


def schema_of(project):
    return project_schema(Project.objects.get(pk=project.pk))


def pattern_data(schema, **overrides):
    posts = schema.entity_by_name("posts")
    field = posts.field_by_name
    data = {
        "name": "drafts of an author",
        "entity": posts.id,
        "operation": "list",
        "limit": "50",
        "pagination": "keyset",
        "frequency": "12",
        "peak": "40",
        "per": "minute",
        "latency_ms": "50",
        "consistency": "eventual",
        "filter_field": [field("author_id").id, field("status").id, ""],
        "filter_op": ["=", "=", "="],
        "filter_value": ["", "'draft'", ""],
        "sort_field": [field("created_at").id, ""],
        "sort_order": ["desc", "asc"],
        "returns": [field("id").id, field("title").id],
    }
    return {**data, **overrides}


def test_the_workload_tab_shows_summary_patterns_and_volumes(client_for, project, viewer):
    response = client_for(viewer).get(reverse("project_detail", args=[project.pk]) + "?tab=workload")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hottest patterns" in html and "post by slug" in html
    assert "published posts of an author, newest first" in html
    assert "now · 12 · 36 months" in html
    assert 'hx-post="/projects/' not in html.split('class="workload"')[1].split("Volumes")[0]  # viewer: no forms
    assert "Add access pattern" not in html


def test_add_a_pattern_by_form(client_for, project, member):
    schema = schema_of(project)
    response = post(client_for(member), "pattern_add", project, pattern_data(schema))
    assert response.status_code == 200
    assert "drafts of an author" in response.content.decode()
    pattern = schema_of(project).patterns[-1]
    posts = schema.entity_by_name("posts")
    assert (pattern.kind, pattern.operation, pattern.entity_id) == (PatternKind.READ, Operation.LIST, posts.id)
    author, status = pattern.filters
    assert (author.op, author.value_kind, author.value) == (FilterOp.EQ, ValueKind.PARAMETER, None)
    assert (status.value_kind, status.value) == (ValueKind.CONSTANT, "'draft'")
    assert pattern.sort[0].order is SortOrder.DESC and pattern.limit == 50
    assert pattern.pagination is Pagination.KEYSET
    assert (pattern.frequency.average, pattern.frequency.peak, pattern.frequency.per) == (12, 40, Per.MINUTE)
    assert pattern.latency_ms == 50 and pattern.consistency.value == "eventual"
    assert [posts.field(f).name for f in pattern.returns] == ["id", "title"]


@pytest.mark.parametrize("op", [op.value for op in FilterOp])
def test_every_operator_can_be_declared(client_for, project, member, op):
    schema = schema_of(project)
    posts = schema.entity_by_name("posts")
    value = {"is_null": "", "is_not_null": "", "json_path": "meta.lang"}.get(op, "")
    data = pattern_data(schema, filter_field=[posts.field_by_name("title").id], filter_op=[op], filter_value=[value])
    assert post(client_for(member), "pattern_add", project, data).status_code == 200
    assert schema_of(project).patterns[-1].filters[0].op is FilterOp(op)


@pytest.mark.parametrize("operation", [o.value for o in Operation])
def test_every_kind_can_be_declared(client_for, project, member, operation):
    schema = schema_of(project)
    posts = schema.entity_by_name("posts")
    data = pattern_data(schema, operation=operation, changes=[posts.field_by_name("title").id])
    assert post(client_for(member), "pattern_add", project, data).status_code == 200
    pattern = schema_of(project).patterns[-1]
    assert pattern.operation is Operation(operation)
    is_write = pattern.kind is PatternKind.WRITE
    assert pattern.changes == ((posts.field_by_name("title").id,) if is_write else ())


def test_a_bad_pattern_is_refused_with_the_typing_kept(client_for, project, member):
    schema = schema_of(project)
    title = schema.entity_by_name("posts").field_by_name("title").id
    data = pattern_data(
        schema, name="null check", filter_field=[title], filter_op=["is_null"], filter_value=["'x'"], peak="1"
    )
    before = schema_of(project)
    response = post(client_for(member), "pattern_add", project, data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "takes no value" in html and "null check" in html and "&#x27;x&#x27;" in html
    assert schema_of(project) == before


def test_peak_below_average_is_refused(client_for, project, member):
    response = post(client_for(member), "pattern_add", project, pattern_data(schema_of(project), peak="1"))
    assert response.status_code == 422 and "cannot be below the average" in response.content.decode()


def test_edit_and_delete_a_pattern_then_undo(client_for, project, member):
    client = client_for(member)
    schema = schema_of(project)
    slug = next(p for p in schema.patterns if p.name == "post by slug")
    data = pattern_data(schema, name="post by its slug", operation="point_lookup", limit="", pagination="none")
    assert post(client, "pattern_update", project, data, slug.id).status_code == 200
    assert schema_of(project).pattern(slug.id).name == "post by its slug"
    assert post(client, "pattern_delete", project, {}, slug.id).status_code == 200
    assert schema_of(project).pattern(slug.id) is None
    post(client, "undo", project, {})
    assert schema_of(project).pattern(slug.id).name == "post by its slug"


def test_a_pattern_from_sql(client_for, project, member):
    sql = (
        "SELECT id, title FROM posts WHERE author_id = $1 AND status = 'published' ORDER BY published_at DESC LIMIT 20"
    )
    response = post(
        client_for(member),
        "pattern_from_sql",
        project,
        {"sql": sql, "name": "author page", "frequency": "30", "per": "second"},
    )
    assert response.status_code == 200
    pattern = schema_of(project).patterns[-1]
    assert pattern.name == "author page" and pattern.frequency.average == 30
    assert [f.op for f in pattern.filters] == [FilterOp.EQ, FilterOp.EQ] and pattern.limit == 20
    assert "author page" in response.content.decode()


@pytest.mark.parametrize(
    "sql, message",
    [
        ("SELECT * FROM nowhere WHERE id = $1", "nowhere"),
        ("SELECT * FROM posts WHERE colour = $1", "colour"),
        ("SELEC * FROM posts", "syntax"),
    ],
)
def test_unmappable_sql_is_reported_and_nothing_saved(client_for, project, member, sql, message):
    before = schema_of(project)
    response = post(client_for(member), "pattern_from_sql", project, {"sql": sql, "frequency": "1", "per": "second"})
    html = response.content.decode()
    assert response.status_code == 422
    assert message in html.lower() or message in html
    assert "<textarea" in html and "FROM" in html  # the query is still there to fix
    assert schema_of(project) == before


def test_set_a_volume_and_see_the_projection(client_for, project, member):
    tags = schema_of(project).entity_by_name("tags")
    data = {"rows": "1000", "growth_per_month": "100", "retention_days": "", "avg_row_bytes": "100"}
    response = post(client_for(member), "volume_set", project, data, tags.id)
    assert response.status_code == 200
    volume = schema_of(project).volume(tags.id)
    assert (volume.rows, volume.growth_per_month, volume.retention_days, volume.avg_row_bytes) == (1000, 100, None, 100)
    row = response.content.decode().split(f'data-entity-id="{tags.id}"')[1].split("</tr>")[0]
    # 1000 + 12 x 100 = 2200 rows, 2200 x 100 B = 220 kB; 36 months: 4600 rows, 460 kB.
    assert "1k · 2.2k · 4.6k" in row and "100 kB · 220 kB · 460 kB" in row


def test_a_negative_volume_is_refused(client_for, project, member):
    tags = schema_of(project).entity_by_name("tags")
    before = schema_of(project)
    response = post(client_for(member), "volume_set", project, {"rows": "-5", "growth_per_month": "0"}, tags.id)
    assert response.status_code == 422 and schema_of(project) == before


def test_deleting_a_field_flags_the_patterns_that_use_it(client_for, project, member):
    client = client_for(member)
    posts = schema_of(project).entity_by_name("posts")
    slug = posts.field_by_name("slug")
    project.refresh_from_db()
    client.post(
        reverse("field_delete", args=[project.pk, posts.id, slug.id]),
        {"base_revision": project.revision, "selected": posts.id},
        **HTMX,
    )
    html = client.get(reverse("editor_panel", args=[project.pk]) + "?tab=workload", **HTMX).content.decode()
    assert "Left out of the numbers until fixed" in html and "post by slug" in html
    assert "needs fixing" in html


def test_the_form_follows_the_target_entity(client_for, project, member):
    users = schema_of(project).entity_by_name("users")
    url = reverse("pattern_form", args=[project.pk]) + f"?entity={users.id}&name=kept+name"
    html = client_for(member).get(url, **HTMX).content.decode()
    assert "kept name" in html and ">email<" in html and ">slug<" not in html


def test_heat_colouring_of_the_diagram(client_for, project, viewer):
    html = client_for(viewer).get(reverse("diagram_fragment", args=[project.pk]) + "?colour=load").content.decode()
    assert "#DC2626" in html.upper()  # the busiest entity is drawn hot


@pytest.mark.parametrize("name", ["pattern_add", "pattern_from_sql"])
def test_viewers_and_outsiders_cannot_declare(client_for, project, viewer, outsider, name):
    assert post(client_for(viewer), name, project, {"sql": "SELECT 1"}).status_code == 403
    assert post(client_for(outsider), name, project, {"sql": "SELECT 1"}).status_code == 404


def test_outsiders_cannot_see_the_pattern_form(client_for, project, outsider):
    assert client_for(outsider).get(reverse("pattern_form", args=[project.pk])).status_code == 404


def test_hostile_pattern_names_and_sql_are_escaped(client_for, project, member):
    client = client_for(member)
    hostile = '<script>alert("x")</script> & {"a": 1}'
    assert post(client, "pattern_add", project, pattern_data(schema_of(project), name=hostile)).status_code == 200
    response = post(
        client,
        "pattern_from_sql",
        project,
        {"sql": 'SELECT * FROM "<img src=x onerror=alert(1)>" WHERE id = $1', "frequency": "1", "per": "second"},
    )
    assert response.status_code == 422
    html = client.get(reverse("editor_panel", args=[project.pk]) + "?tab=workload", **HTMX).content.decode()
    for body in (html, response.content.decode()):
        assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_an_empty_project_shows_the_tab_and_refuses_a_pattern_clearly(client_for, owner):
    from projects import services

    empty = services.project_create(owner=owner, name="Empty")
    client = client_for(owner)
    html = client.get(reverse("editor_panel", args=[empty.pk]) + "?tab=workload", **HTMX).content.decode()
    assert "No access patterns declared yet." in html
    response = post(
        client,
        "pattern_add",
        empty,
        {
            "name": "x",
            "operation": "list",
            "frequency": "1",
            "per": "second",
            "pagination": "none",
            "consistency": "strong",
        },
    )
    assert response.status_code == 422 and "Add an entity first" in response.content.decode()


def test_the_pattern_form_opened_as_a_page_shows_the_workload_tab_with_that_form_open(client_for, project, member):
    schema = schema_of(project)
    users = schema.entity_by_name("users")
    url = reverse("pattern_form", args=[project.pk]) + f"?entity={users.id}&name=kept+name"
    fragment = client_for(member).get(url, **HTMX)
    body = fragment.content.decode()
    assert body.lstrip().startswith('<form class="form-grid pattern-form"') and "<html" not in body
    assert 'id="editor-panel"' not in body
    page = client_for(member).get(url)
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body and 'class="topbar"' in body and 'id="editor-panel"' in body
    assert '?tab=workload" aria-selected="true"' in body
    assert '<details open class="add-block">\n    <summary>+ Add access pattern</summary>' in body
    assert 'value="kept name"' in body
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]
    by_slug = next(p for p in schema.patterns if p.name == "post by slug")
    existing = client_for(member).get(reverse("pattern_form", args=[project.pk]), {"pattern": by_slug.id})
    item = existing.content.decode().split(f'data-pattern-id="{by_slug.id}">', 1)[1]
    assert item.lstrip().startswith("<details open>")
