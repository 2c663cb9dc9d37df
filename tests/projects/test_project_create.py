import io

from django.core.management import call_command
from django.urls import reverse

from projects.models import Membership, Project, Role


def test_create_makes_the_user_owner(client_for, outsider):
    response = client_for(outsider).post(reverse("project_create"), {"name": "Shop", "description": "orders"})
    project = Project.objects.get(name="Shop")
    assert response.status_code == 302 and response.url == reverse("project_detail", args=[project.pk])
    assert Membership.objects.get(project=project, user=outsider).role == Role.OWNER


def test_blank_name_is_refused_with_a_message(client_for, outsider):
    response = client_for(outsider).post(reverse("project_create"), {"name": "   ", "description": ""})
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()
    assert not Project.objects.exists()


def test_demo_project_has_the_blog(client_for, outsider):
    client_for(outsider).post(reverse("project_create_demo"))
    project = Project.objects.get(owner=outsider)
    names = [e["name"] for e in project.document["entities"]]
    assert names == ["users", "posts", "comments", "tags", "post_tags"]


def test_demo_project_opens_laid_out_as_seed_demo_makes_it(client_for, outsider, member):
    client_for(outsider).post(reverse("project_create_demo"))
    call_command("seed_demo", owner=member.username, stdout=io.StringIO())
    from_button, from_command = Project.objects.get(owner=outsider), Project.objects.get(owner=member)
    assert from_button.name == from_command.name == "Blog (demo)"
    positions = from_button.document["diagram"]["positions"]
    assert len(positions) >= len(from_button.document["entities"])
    assert positions == from_command.document["diagram"]["positions"]
