from django.urls import reverse

from designer import ops
from designer.schema import Entity
from projects import services


def test_history_lists_edits_with_authors(client_for, project, member):
    services.apply_op(project_id=project.pk, user=member, op=ops.AddEntity(entity=Entity(id="ent_x", name="likes")),
                      base_revision=0)  # fmt: skip
    body = client_for(project.owner).get(reverse("project_history", args=[project.pk])).content.decode()
    assert "<strong>bob</strong> added entity likes" in body


def test_outsider_gets_404(client_for, project, outsider):
    assert client_for(outsider).get(reverse("project_history", args=[project.pk])).status_code == 404
