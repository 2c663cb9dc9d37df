from django.urls import reverse

from projects import services


def test_lists_only_my_projects(client_for, project, outsider):
    services.project_create(owner=outsider, name="Secret plans")
    body = client_for(project.owner).get(reverse("project_list")).content.decode()
    assert "Blog" in body and "Secret plans" not in body


def test_members_see_shared_projects(client_for, project, member):
    assert "Blog" in client_for(member).get(reverse("project_list")).content.decode()


def test_empty_list_offers_the_demo(client_for, outsider):
    body = client_for(outsider).get(reverse("project_list")).content.decode()
    assert "Create the demo project" in body


def test_anonymous_users_are_sent_to_log_in(client, db):
    response = client.get(reverse("project_list"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_project_names_are_escaped(client_for, outsider):
    services.project_create(owner=outsider, name="<script>alert(1)</script>")
    body = client_for(outsider).get(reverse("project_list")).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
