"""Every op: apply, then apply its inverse, and the schema is exactly what it was."""

import pytest

from designer import ops
from designer.problems import SchemaError
from designer.schema import (
    AccessPattern,
    Cardinality,
    Default,
    DefaultKind,
    DiagramSettings,
    Direction,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Group,
    Index,
    IndexColumn,
    Note,
    Operation,
    PatternKind,
    Position,
    Relationship,
    SubjectArea,
    TypeKind,
    Volume,
    replace,
)


def example_ops(blog):
    users, posts = blog.entity_by_name("users"), blog.entity_by_name("posts")
    status = posts.field_by_name("status")
    enum = blog.enum(status.type.enum_id)
    new_field = Field(id="fld_new", name="subtitle", type=FieldType(TypeKind.VARCHAR, length=200))
    pattern = AccessPattern(
        id="pat_x",
        name="by slug",
        kind=PatternKind.READ,
        operation=Operation.POINT_LOOKUP,
        entity_id=posts.id,
        filters=(Filter(field_id=posts.field_by_name("slug").id, op=FilterOp.EQ),),
    )
    return [
        ops.AddEntity(entity=Entity(id="ent_new", name="likes"), position=1),
        ops.UpdateEntity(entity=replace(users, name="accounts", color="#112233")),
        ops.RemoveEntity(entity_id=posts.id),
        ops.RemoveEntity(entity_id=users.id),
        ops.AddField(entity_id=posts.id, field=new_field, position=2),
        ops.UpdateField(entity_id=posts.id, field=replace(status, nullable=True)),
        ops.MoveField(entity_id=posts.id, field_id=status.id, position=0),
        ops.RemoveField(entity_id=posts.id, field_id=posts.field_by_name("author_id").id),
        ops.SetPrimaryKey(entity_id=posts.id, field_ids=(posts.fields[0].id, posts.field_by_name("slug").id)),
        ops.AddIndex(entity_id=posts.id, index=Index(id="idx_new", columns=(IndexColumn(field_id=status.id),))),
        ops.UpdateIndex(entity_id=posts.id, index=replace(posts.indexes[0], unique=True)),
        ops.RemoveIndex(entity_id=posts.id, index_id=posts.indexes[0].id),
        ops.AddRelationship(
            relationship=Relationship(
                id="rel_new",
                cardinality=Cardinality.ONE_TO_ONE,
                from_entity_id=posts.id,
                from_field_ids=(posts.fields[0].id,),
                to_entity_id=users.id,
                to_field_ids=(users.fields[0].id,),
            )
        ),
        ops.UpdateRelationship(relationship=replace(blog.relationships[1], on_delete=None)),
        ops.RemoveRelationship(relationship_id=blog.relationships[1].id),
        ops.ReverseRelationship(relationship_id=blog.relationships[1].id),
        ops.AddEnum(enum=Enum(id="enum_new", name="mood", values=(EnumValue("ok"),))),
        ops.UpdateEnum(enum=replace(enum, values=enum.values[::-1])),
        ops.RemoveEnum(enum_id=enum.id),
        ops.RenameEnumValue(enum_id=enum.id, old="draft", new="sketch"),
        ops.AddGroup(group=Group(id="grp_new", name="people", entity_ids=(users.id,))),
        ops.UpdateGroup(group=replace(blog.groups[0], color="#000000")),
        ops.RemoveGroup(group_id=blog.groups[0].id),
        ops.AddNote(note=Note(id="note_new", name="todo", content="x")),
        ops.UpdateNote(note=replace(blog.notes[0], content="changed")),
        ops.RemoveNote(note_id=blog.notes[0].id),
        ops.AddPattern(pattern=pattern),
        ops.SetVolume(entity_id=posts.id, volume=Volume(entity_id=posts.id, rows=10)),
        ops.SetDiagramSettings(settings=DiagramSettings(direction=Direction.TOP_BOTTOM)),
        ops.SetPositions(positions=(Position(users.id, 10, 20), Position(posts.id, 300, 40.5)), label="Auto layout"),
        ops.SetSubjectArea(area_id="area_1", area=SubjectArea("area_1", "People", (users.id, posts.id))),
        ops.SetProjectInfo(name="renamed", database_type="PostgreSQL", comment=None),
        ops.ReplaceSchema(schema=replace(blog, entities=blog.entities[:1], relationships=(), groups=())),
        ops.Batch(
            ops=(
                ops.AddEntity(entity=Entity(id="ent_a", name="a")),
                ops.AddField(entity_id="ent_a", field=replace(new_field, id="fld_a")),
            )
        ),
    ]


def test_every_op_kind_is_exercised(blog):
    assert {type(op) for op in example_ops(blog)} == set(ops.OP_TYPES.values()) - {ops.UpdatePattern, ops.RemovePattern}


def test_inverse_restores_the_schema_exactly(blog):
    for op in example_ops(blog):
        changed, inverse = ops.apply(blog, op)
        assert changed != blog, op
        assert ops.apply(changed, inverse)[0] == blog, op


def test_inverse_survives_storage(blog):
    for op in example_ops(blog):
        changed, inverse = ops.apply(blog, op)
        stored = ops.op_from_dict(ops.op_to_dict(inverse))
        assert ops.apply(changed, stored)[0] == blog, op
        assert ops.op_from_dict(ops.op_to_dict(op)) == op


def test_removing_an_entity_cascades_and_undo_restores_positions(blog):
    users = blog.entity_by_name("users")
    changed, inverse = ops.apply(blog, ops.RemoveEntity(entity_id=users.id))
    assert all(users.id not in (r.from_entity_id, r.to_entity_id) for r in changed.relationships)
    assert len(changed.relationships) == len(blog.relationships) - 2
    assert ops.apply(changed, inverse)[0].relationships == blog.relationships


def test_removing_a_field_trims_key_and_indexes(blog):
    post_tags = blog.entity_by_name("post_tags")
    tag_id = post_tags.field_by_name("tag_id")
    changed, _ = ops.apply(blog, ops.RemoveField(entity_id=post_tags.id, field_id=tag_id.id))
    trimmed = changed.entity(post_tags.id)
    assert trimmed.primary_key == (post_tags.field_by_name("post_id").id,)
    assert trimmed.indexes == ()  # the tag_id index lost its only column


def test_pattern_is_kept_not_cascaded_when_its_field_goes(blog):
    posts = blog.entity_by_name("posts")
    slug = posts.field_by_name("slug")
    pattern = AccessPattern(
        id="pat_1",
        name="post by slug",
        kind=PatternKind.READ,
        operation=Operation.POINT_LOOKUP,
        entity_id=posts.id,
        filters=(Filter(field_id=slug.id, op=FilterOp.EQ),),
    )
    schema, _ = ops.apply(blog, ops.AddPattern(pattern=pattern))
    assert "access pattern 'post by slug' will be flagged" in ops.removal_impact(schema, field_id=slug.id)
    changed, _ = ops.apply(schema, ops.RemoveField(entity_id=posts.id, field_id=slug.id))
    assert changed.pattern("pat_1") == pattern


def test_renaming_an_enum_value_updates_defaults(blog):
    posts = blog.entity_by_name("posts")
    status = posts.field_by_name("status")
    changed, _ = ops.apply(blog, ops.RenameEnumValue(enum_id=status.type.enum_id, old="draft", new="sketch"))
    assert changed.entity(posts.id).field(status.id).default == Default(DefaultKind.LITERAL, "'sketch'")


def test_primary_key_fields_become_not_null(blog):
    users = blog.entity_by_name("users")
    bio = users.field_by_name("bio")
    changed, _ = ops.apply(blog, ops.SetPrimaryKey(entity_id=users.id, field_ids=(bio.id,)))
    assert changed.entity(users.id).field(bio.id).nullable is False


def test_unknown_ids_are_refused_with_a_message(blog):
    with pytest.raises(SchemaError, match="entity 'nope' does not exist"):
        ops.apply(blog, ops.RemoveEntity(entity_id="nope"))
    with pytest.raises(SchemaError, match="already exists"):
        ops.apply(blog, ops.AddEntity(entity=blog.entities[0]))


def test_bad_stored_ops_are_refused():
    with pytest.raises(SchemaError, match="unknown edit operation"):
        ops.op_from_dict({"op": "DropDatabase"})
    with pytest.raises(SchemaError):
        ops.op_from_dict({"op": "RemoveEntity", "entity": 3})


def test_describe_names_the_change(blog):
    users = blog.entity_by_name("users")
    assert ops.describe(ops.AddEntity(entity=Entity(id="x", name="likes"))) == "Add entity likes"
    renamed = ops.UpdateEntity(entity=replace(users, name="accounts"))
    assert ops.describe(renamed, blog) == "Update entity accounts (renamed from users)"


def test_removal_impact_lists_relationships_and_indexes(blog):
    users = blog.entity_by_name("users")
    lines = ops.removal_impact(blog, entity_id=users.id)
    assert "relationship posts.author_id → users.id" in lines
    assert "relationship comments.author_id → users.id" in lines


def test_reverse_relationship_is_its_own_inverse():
    from designer.examples import blog_schema

    schema = blog_schema()
    link = schema.relationships[0]
    after, inverse = ops.apply(schema, ops.ReverseRelationship(relationship_id=link.id))
    flipped = after.relationship(link.id)
    assert (flipped.from_entity_id, flipped.from_field_ids) == (link.to_entity_id, link.to_field_ids)
    assert (flipped.to_entity_id, flipped.to_field_ids) == (link.from_entity_id, link.from_field_ids)
    assert inverse == ops.ReverseRelationship(relationship_id=link.id)
    assert ops.apply(after, inverse)[0] == schema
    assert ops.op_from_dict(ops.op_to_dict(inverse)) == inverse
