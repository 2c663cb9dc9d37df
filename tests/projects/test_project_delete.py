from django.urls import reverse

from projects.models import Project


def test_delete_asks_for_confirmation_first(client_for, project):
    response = client_for(project.owner).get(reverse("project_delete", args=[project.pk]))
    assert response.status_code == 200 and "Delete permanently" in response.content.decode()
    assert Project.objects.filter(pk=project.pk).exists()


def test_owner_deletes(client_for, project):
    response = client_for(project.owner).post(reverse("project_delete", args=[project.pk]))
    assert response.status_code == 302 and not Project.objects.filter(pk=project.pk).exists()


def test_member_viewer_and_outsider_cannot_delete(client_for, project, member, viewer, outsider):
    url = reverse("project_delete", args=[project.pk])
    assert client_for(member).post(url).status_code == 403
    assert client_for(viewer).post(url).status_code == 403
    assert client_for(outsider).post(url).status_code == 404
    assert Project.objects.filter(pk=project.pk).exists()
