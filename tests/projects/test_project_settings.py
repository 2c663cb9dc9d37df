from django.urls import reverse


def test_owner_renames_the_project(client_for, project):
    url = reverse("project_settings", args=[project.pk])
    response = client_for(project.owner).post(url, {"name": "Blog v2", "description": "new"})
    project.refresh_from_db()
    assert response.status_code == 302 and project.name == "Blog v2"


def test_member_may_not_rename(client_for, project, member):
    url = reverse("project_settings", args=[project.pk])
    assert client_for(member).post(url, {"name": "mine", "description": ""}).status_code == 403


def test_outsider_does_not_learn_the_project_exists(client_for, project, outsider):
    assert client_for(outsider).get(reverse("project_settings", args=[project.pk])).status_code == 404


def test_blank_name_keeps_the_old_one(client_for, project):
    url = reverse("project_settings", args=[project.pk])
    response = client_for(project.owner).post(url, {"name": "", "description": "x"})
    project.refresh_from_db()
    assert response.status_code == 422 and project.name == "Blog"
