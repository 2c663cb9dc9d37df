import pytest

from designer import ops
from designer.problems import SchemaError
from designer.schema import Entity, Field, FieldType, TypeKind
from projects import services
from projects.models import Revision
from projects.selectors import project_schema


def add(name, entity_id="ent_new"):
    return ops.AddEntity(
        entity=Entity(
            id=entity_id, name=name, fields=(Field(id=f"{entity_id}_f", name="id", type=FieldType(TypeKind.BIGINT)),)
        )
    )


def test_apply_op_saves_document_and_log_together(project, member):
    updated, warnings = services.apply_op(project_id=project.pk, user=member, op=add("likes"), base_revision=0)
    assert updated.revision == 1
    assert project_schema(updated).entity_by_name("likes") is not None
    revision = Revision.objects.get(project=project, number=1)
    assert revision.summary == "Add entity likes" and revision.inverse == {"op": "RemoveEntity", "entity_id": "ent_new"}
    assert any(w.code == "missing-primary-key" for w in warnings)


def test_stale_base_revision_is_refused(project, member):
    services.apply_op(project_id=project.pk, user=member, op=add("a", "ent_a"), base_revision=0)
    with pytest.raises(services.StaleRevision, match="you had revision 0, it is now 1"):
        services.apply_op(project_id=project.pk, user=member, op=add("b", "ent_b"), base_revision=0)
    assert Revision.objects.filter(project=project).count() == 1


def test_invalid_result_saves_nothing(project, member):
    with pytest.raises(SchemaError, match="two entities are named users"):
        services.apply_op(project_id=project.pk, user=member, op=add("users"), base_revision=0)
    project.refresh_from_db()
    assert project.revision == 0 and not Revision.objects.exists()


def test_undo_is_applying_the_stored_inverse(project, member):
    before = project_schema(project)
    services.apply_op(project_id=project.pk, user=member, op=add("likes"), base_revision=0)
    inverse = ops.op_from_dict(Revision.objects.get(number=1).inverse)
    undone, _ = services.apply_op(project_id=project.pk, user=member, op=inverse, base_revision=1)
    assert project_schema(undone) == before


def test_safe_file_stem():
    assert services.safe_file_stem("Ünïcode Shop ✓") == "unicode-shop"
    assert services.safe_file_stem("../../etc/passwd") == "etcpasswd"
    assert services.safe_file_stem("✓✓") == "schema"
