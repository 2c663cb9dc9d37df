import pytest

from designer import ops
from designer.problems import SchemaError
from designer.schema import Entity, Field, FieldType, TypeKind, replace
from projects import history, services
from projects.models import Revision
from projects.selectors import project_schema
from projects.services import imports


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


def test_an_edit_on_an_older_revision_is_carried_over(project, owner, member):
    services.apply_op(project_id=project.pk, user=owner, op=add("a", "ent_a"), base_revision=0)
    updated, _ = services.apply_op(project_id=project.pk, user=member, op=add("b", "ent_b"), base_revision=0)
    schema = project_schema(updated)
    assert updated.revision == 2 and schema.entity_by_name("a") and schema.entity_by_name("b")


def test_an_edit_touching_what_changed_since_is_a_conflict_and_saves_nothing(project, owner, member):
    posts = project_schema(project).entity_by_name("posts")
    title = posts.field_by_name("title")
    services.apply_op(
        project_id=project.pk,
        user=owner,
        base_revision=0,
        op=ops.UpdateField(entity_id=posts.id, field=replace(title, name="headline")),
    )
    with pytest.raises(services.EditConflict) as caught:
        services.apply_op(
            project_id=project.pk,
            user=member,
            base_revision=0,
            op=ops.UpdateField(entity_id=posts.id, field=replace(title, name="heading")),
        )
    assert "alice changed this" in str(caught.value) and "is now 'headline' (yours: 'heading')" in str(caught.value)
    assert Revision.objects.filter(project=project).count() == 1


def test_a_revision_from_the_future_is_refused(project, member):
    with pytest.raises(services.StaleRevision, match="you had revision 5, it is now 0"):
        services.apply_op(project_id=project.pk, user=member, op=add("b", "ent_b"), base_revision=5)


def test_import_opened_before_a_teammates_edit_is_refused_not_overwriting(project, owner, member):
    """Lost update 1: A opens Import at revision 0, B adds a table, A imports."""
    services.apply_op(project_id=project.pk, user=member, op=add("b_table", "ent_b"), base_revision=0)
    with pytest.raises(services.StaleRevision, match="bob changed the project since you opened Import"):
        imports.project_import(
            owner=owner, text="Table only {\n id int [pk]\n}\n", fmt="dbml", project=project, base_revision=0
        )
    project.refresh_from_db()
    assert project.revision == 1 and project_schema(project).entity_by_name("b_table") is not None


def test_undo_does_not_overwrite_a_teammates_later_change(project, owner, member):
    """Lost update 2: A renames a field, B changes its name, type and comment, A undoes."""
    posts = project_schema(project).entity_by_name("posts")
    title = posts.field_by_name("title")
    services.apply_op(
        project_id=project.pk,
        user=owner,
        base_revision=0,
        op=ops.UpdateField(entity_id=posts.id, field=replace(title, name="headline")),
    )
    theirs = replace(title, name="caption", type=FieldType(TypeKind.VARCHAR, length=80), comment="short")
    services.apply_op(
        project_id=project.pk, user=member, base_revision=1, op=ops.UpdateField(entity_id=posts.id, field=theirs)
    )
    with pytest.raises(services.EditConflict, match="is now 'caption'"):
        history.undo(project=project, user=owner)
    project.refresh_from_db()
    assert project.revision == 2 and project_schema(project).find_field(title.id)[1] == theirs


def test_undo_merges_when_the_teammate_changed_something_else(project, owner, member):
    posts = project_schema(project).entity_by_name("posts")
    title = posts.field_by_name("title")
    services.apply_op(
        project_id=project.pk,
        user=owner,
        base_revision=0,
        op=ops.UpdateField(entity_id=posts.id, field=replace(title, name="headline")),
    )
    services.apply_op(
        project_id=project.pk,
        user=member,
        base_revision=1,
        op=ops.UpdateField(entity_id=posts.id, field=replace(title, name="headline", comment="short")),
    )
    undone, _ = history.undo(project=project, user=owner)
    field = project_schema(undone).find_field(title.id)[1]
    assert (field.name, field.comment) == ("title", "short")


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
