"""Cascades, redo, storage and descriptions of edit operations on a schema with a workload.

The blog demo gains volumes, access patterns, a second group and a many-to-many
relationship (built with ops, so building it is itself exercised), then every
removal is checked for what it takes along and for an exact, position-true undo.
"""

import json

import pytest

from designer import ops
from designer.problems import SchemaError
from designer.schema import (
    AccessPattern,
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Group,
    Index,
    IndexColumn,
    Operation,
    PatternKind,
    Relationship,
    SortKey,
    TypeKind,
    Volume,
    replace,
)
from designer.validate import validate


def _read(pattern_id, name, entity, *, filters=(), sort=(), joins=()):
    return AccessPattern(
        id=pattern_id,
        name=name,
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=entity.id,
        filters=tuple(Filter(field_id=entity.field_by_name(f).id, op=FilterOp.EQ) for f in filters),
        sort=tuple(SortKey(field_id=entity.field_by_name(f).id) for f in sort),
        joins=joins,
    )


@pytest.fixture
def shop(blog):
    """The blog plus volumes, patterns, a 'people' group and posts <> tags through post_tags."""
    users, posts, comments = (blog.entity_by_name(n) for n in ("users", "posts", "comments"))
    tags, post_tags = blog.entity_by_name("tags"), blog.entity_by_name("post_tags")
    author_rel = blog.relationships[0]
    build = ops.Batch(
        ops=(
            ops.SetVolume(entity_id=users.id, volume=Volume(entity_id=users.id, rows=1000)),
            ops.SetVolume(entity_id=posts.id, volume=Volume(entity_id=posts.id, rows=50_000)),
            ops.SetVolume(entity_id=comments.id, volume=Volume(entity_id=comments.id, rows=900_000)),
            ops.AddPattern(pattern=_read("pat_slug", "post by slug", posts, filters=("slug",))),
            ops.AddPattern(
                pattern=_read(
                    "pat_author",
                    "posts by author",
                    posts,
                    filters=("author_id",),
                    sort=("published_at",),
                    joins=(author_rel.id,),
                )
            ),
            ops.AddPattern(pattern=_read("pat_comments", "comments of a post", comments, filters=("post_id",))),
            ops.AddGroup(group=Group(id="grp_people", name="people", entity_ids=(users.id,))),
            ops.AddRelationship(
                relationship=Relationship(
                    id="rel_m2m",
                    cardinality=Cardinality.MANY_TO_MANY,
                    from_entity_id=posts.id,
                    from_field_ids=(posts.field_by_name("id").id,),
                    to_entity_id=tags.id,
                    to_field_ids=(tags.field_by_name("id").id,),
                    join_entity_id=post_tags.id,
                )
            ),
        )
    )
    schema, _ = ops.apply(blog, build)
    return schema


def _undo_is_exact(schema, op):
    changed, inverse = ops.apply(schema, op)
    restored, redo = ops.apply(changed, inverse)
    assert restored == schema
    # Redo (the inverse of the inverse) gives the edited schema again, stored or not.
    assert ops.apply(restored, redo)[0] == changed
    assert ops.apply(restored, ops.op_from_dict(json.loads(json.dumps(ops.op_to_dict(redo)))))[0] == changed
    return changed


def test_the_workload_fixture_is_a_valid_schema(shop):
    assert [p for p in validate(shop) if p.severity == "error"] == []
    assert len(shop.patterns) == 3 and len(shop.volumes) == 3


def test_removing_an_entity_takes_relationships_groups_and_volume_along(shop):
    users = shop.entity_by_name("users")
    changed = _undo_is_exact(shop, ops.RemoveEntity(entity_id=users.id))
    assert changed.relationships_of(users.id) == ()
    assert all(users.id not in g.entity_ids for g in changed.groups)
    assert changed.volume(users.id) is None
    # the other volumes keep their order
    assert [v.entity_id for v in changed.volumes] == [v.entity_id for v in shop.volumes[1:]]


def test_removing_an_entity_in_the_middle_restores_every_position(shop):
    posts = shop.entity_by_name("posts")
    changed = _undo_is_exact(shop, ops.RemoveEntity(entity_id=posts.id))
    # posts sits in the middle of entities, volumes, the content group and the relationships
    assert [e.name for e in changed.entities] == ["users", "comments", "tags", "post_tags"]
    assert changed.relationships_of(posts.id) == ()
    assert changed.volume(posts.id) is None


def test_removing_the_join_entity_removes_the_many_to_many(shop):
    post_tags = shop.entity_by_name("post_tags")
    changed = _undo_is_exact(shop, ops.RemoveEntity(entity_id=post_tags.id))
    assert changed.relationship("rel_m2m") is None


def test_removing_a_referenced_key_removes_every_relationship_to_it(shop):
    users = shop.entity_by_name("users")
    changed = _undo_is_exact(shop, ops.RemoveField(entity_id=users.id, field_id=users.field_by_name("id").id))
    assert changed.relationships_of(users.id) == ()
    assert changed.entity(users.id).primary_key == ()


def test_removing_a_field_trims_composite_indexes_and_include(shop):
    posts = shop.entity_by_name("posts")
    slug, author, published = (posts.field_by_name(n) for n in ("slug", "author_id", "published_at"))
    covering = Index(
        id="idx_cover", name="posts_slug_cover", columns=(IndexColumn(field_id=slug.id),), include=(author.id,)
    )
    schema, _ = ops.apply(shop, ops.AddIndex(entity_id=posts.id, index=covering))
    changed = _undo_is_exact(schema, ops.RemoveField(entity_id=posts.id, field_id=author.id))
    indexes = {i.name: i for i in changed.entity(posts.id).indexes}
    assert indexes["posts_author_published_idx"].columns == (IndexColumn(field_id=published.id),)
    assert indexes["posts_slug_cover"].include == ()
    assert changed.relationship(shop.relationships[0].id) is None  # posts.author_id → users.id


def test_removing_an_index_key_expression_keeps_the_index(shop):
    posts = shop.entity_by_name("posts")
    slug = posts.field_by_name("slug")
    index = Index(id="idx_expr", columns=(IndexColumn(expression="lower(title)"), IndexColumn(field_id=slug.id)))
    schema, _ = ops.apply(shop, ops.AddIndex(entity_id=posts.id, index=index, position=0))
    changed = _undo_is_exact(schema, ops.RemoveField(entity_id=posts.id, field_id=slug.id))
    assert changed.entity(posts.id).indexes[0].columns == (IndexColumn(expression="lower(title)"),)


def test_patterns_are_flagged_not_removed_after_an_entity_goes(shop):
    users = shop.entity_by_name("users")
    changed = _undo_is_exact(shop, ops.RemoveEntity(entity_id=users.id))
    assert changed.patterns == shop.patterns
    stale = [p for p in validate(changed) if p.code == "pattern-stale"]
    assert [p.path for p in stale] == ["patterns/posts by author"]  # it joined posts → users


def test_patterns_are_flagged_after_their_field_goes(shop):
    comments = shop.entity_by_name("comments")
    post_id = comments.field_by_name("post_id")
    changed = _undo_is_exact(shop, ops.RemoveField(entity_id=comments.id, field_id=post_id.id))
    assert changed.pattern("pat_comments") == shop.pattern("pat_comments")
    assert "patterns/comments of a post" in {p.path for p in validate(changed) if p.code == "pattern-stale"}
    assert "pattern-stale" not in {p.code for p in validate(shop)}


def test_update_and_remove_pattern_are_exactly_undone(shop):
    changed = _undo_is_exact(shop, ops.UpdatePattern(pattern=replace(shop.pattern("pat_slug"), limit=1)))
    assert changed.pattern("pat_slug").limit == 1
    changed = _undo_is_exact(shop, ops.RemovePattern(pattern_id="pat_author"))
    assert [p.id for p in changed.patterns] == ["pat_slug", "pat_comments"]


def test_volumes_are_set_replaced_and_forgotten_in_place(shop):
    posts, tags = shop.entity_by_name("posts"), shop.entity_by_name("tags")
    changed = _undo_is_exact(shop, ops.SetVolume(entity_id=posts.id, volume=Volume(entity_id=posts.id, rows=7)))
    assert changed.volumes[1] == Volume(entity_id=posts.id, rows=7)
    changed = _undo_is_exact(shop, ops.SetVolume(entity_id=posts.id, volume=None))
    assert changed.volume(posts.id) is None
    changed = _undo_is_exact(shop, ops.SetVolume(entity_id=tags.id, volume=Volume(entity_id=tags.id), position=0))
    assert changed.volumes[0].entity_id == tags.id


def test_a_volume_for_a_missing_entity_is_refused(shop):
    with pytest.raises(SchemaError):
        ops.apply(shop, ops.SetVolume(entity_id="ent_gone", volume=Volume(entity_id="ent_gone")))


def test_moving_a_field_past_the_end_puts_it_last_and_undo_puts_it_back(shop):
    posts = shop.entity_by_name("posts")
    changed = _undo_is_exact(shop, ops.MoveField(entity_id=posts.id, field_id=posts.fields[0].id, position=99))
    assert changed.entity(posts.id).fields[-1].name == "id"


def test_renaming_an_enum_value_is_undone_including_defaults(shop):
    status = shop.entity_by_name("posts").field_by_name("status")
    changed = _undo_is_exact(shop, ops.RenameEnumValue(enum_id=status.type.enum_id, old="draft", new="sketch"))
    assert [v.name for v in changed.enum(status.type.enum_id).values] == ["sketch", "published", "archived"]


def test_renaming_a_missing_enum_value_is_refused(shop):
    status = shop.entity_by_name("posts").field_by_name("status")
    with pytest.raises(SchemaError, match="post_status has no value 'nope'"):
        ops.apply(shop, ops.RenameEnumValue(enum_id=status.type.enum_id, old="nope", new="x"))


def test_renaming_an_enum_value_leaves_other_enums_defaults_alone(shop):
    posts = shop.entity_by_name("posts")
    other = Field(
        id="fld_other", name="mood", type=FieldType(TypeKind.TEXT), default=Default(DefaultKind.LITERAL, "'draft'")
    )
    schema, _ = ops.apply(shop, ops.AddField(entity_id=posts.id, field=other))
    enum_id = posts.field_by_name("status").type.enum_id
    changed, _ = ops.apply(schema, ops.RenameEnumValue(enum_id=enum_id, old="draft", new="sketch"))
    assert changed.entity(posts.id).field("fld_other").default.value == "'draft'"


def test_a_many_to_many_with_its_join_entity_is_one_undoable_batch(shop):
    users, tags = shop.entity_by_name("users"), shop.entity_by_name("tags")
    join = Entity(
        id="ent_ut",
        name="user_tags",
        fields=(
            Field(id="fld_ut_user", name="user_id", type=FieldType(TypeKind.BIGINT), nullable=False),
            Field(id="fld_ut_tag", name="tag_id", type=FieldType(TypeKind.INTEGER), nullable=False),
        ),
        primary_key=("fld_ut_user", "fld_ut_tag"),
    )

    def ref(rel_id, field_id, target):
        return Relationship(
            id=rel_id,
            cardinality=Cardinality.ONE_TO_MANY,
            from_entity_id=join.id,
            from_field_ids=(field_id,),
            to_entity_id=target.id,
            to_field_ids=(target.primary_key[0],),
        )

    many = Relationship(
        id="rel_ut",
        cardinality=Cardinality.MANY_TO_MANY,
        from_entity_id=users.id,
        from_field_ids=users.primary_key,
        to_entity_id=tags.id,
        to_field_ids=tags.primary_key,
        join_entity_id=join.id,
    )
    batch = ops.Batch(
        ops=(
            ops.AddEntity(entity=join),
            ops.AddRelationship(relationship=ref("rel_ut_user", "fld_ut_user", users)),
            ops.AddRelationship(relationship=ref("rel_ut_tag", "fld_ut_tag", tags)),
            ops.AddRelationship(relationship=many),
        )
    )
    changed = _undo_is_exact(shop, batch)
    assert [p for p in validate(changed) if p.severity == "error"] == []
    # removing the join entity later takes all three relationships along
    gone, _ = ops.apply(changed, ops.RemoveEntity(entity_id=join.id))
    assert gone.relationships == shop.relationships


def test_project_info_and_whole_schema_replacement_round_trip(shop, rich):
    _undo_is_exact(shop, ops.SetProjectInfo(name=None, database_type=None, comment=None))
    assert _undo_is_exact(shop, ops.ReplaceSchema(schema=rich)) == rich


# --- storage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "AddEntity",
        {},
        {"op": []},
        {"op": {"nested": 1}},
        {"op": "Batch"},
        {"op": "Batch", "ops": [{"op": "Nope"}]},
        {"op": "AddEntity"},
        {"op": "AddEntity", "entity": {"id": "e", "name": "x"}, "colour": "red"},
        {"op": "MoveField", "entity_id": "e", "field_id": "f", "position": True},
        {"op": "SetVolume", "entity_id": "e", "volume": {"entity_id": "e", "rows": "many"}},
    ],
)
def test_malformed_stored_ops_raise_schema_errors(data):
    with pytest.raises(SchemaError):
        ops.op_from_dict(data)


def test_stored_ops_are_plain_json_with_the_op_name_first(shop):
    posts = shop.entity_by_name("posts")
    data = ops.op_to_dict(ops.MoveField(entity_id=posts.id, field_id=posts.fields[0].id, position=2))
    assert data == {"op": "MoveField", "entity_id": posts.id, "field_id": posts.fields[0].id, "position": 2}
    nested = ops.op_to_dict(ops.Batch(ops=(ops.RemovePattern(pattern_id="pat_slug"),)))
    assert nested == {"op": "Batch", "ops": [{"op": "RemovePattern", "pattern_id": "pat_slug"}]}


# --- descriptions and impact ----------------------------------------------------------------


def test_descriptions_read_as_short_sentences(shop):
    posts = shop.entity_by_name("posts")
    email = shop.entity_by_name("users").field_by_name("email")
    assert ops.describe(ops.AddField(entity_id=posts.id, field=email)) == "Add field email"
    assert ops.describe(ops.SetPrimaryKey(entity_id=posts.id, field_ids=())) == "Set primary key"
    assert ops.describe(ops.RenameEnumValue(enum_id="e", old="draft", new="sketch")) == (
        "Rename enum value draft → sketch"
    )
    renamed = ops.UpdateField(entity_id=posts.id, field=replace(email, name="email_address"))
    assert ops.describe(renamed, shop) == "Update field email_address (renamed from email)"
    slug = shop.pattern("pat_slug")  # quoted whether the op carries the pattern or only its id
    assert ops.describe(ops.UpdatePattern(pattern=slug)) == "Update pattern 'post by slug'"


def test_every_description_is_a_non_empty_line(shop):
    ops_to_describe = [ops.Batch(ops=()), ops.ReplaceSchema(schema=shop), ops.RemoveEntity(entity_id="x")]
    for op in ops_to_describe:
        text = ops.describe(op)
        assert text.strip() and "\n" not in text, op


def test_a_long_batch_is_summarised(shop):
    batch = ops.Batch(ops=tuple(ops.RemovePattern(pattern_id=p.id) for p in shop.patterns) * 2)
    assert ops.describe(batch) == "6 changes"


def test_removal_impact_of_a_field_names_index_key_and_patterns(shop):
    posts = shop.entity_by_name("posts")
    author = posts.field_by_name("author_id")
    lines = ops.removal_impact(shop, field_id=author.id)
    assert "relationship posts.author_id → users.id" in lines
    assert any(line.startswith("index posts_author_published_idx") for line in lines)
    assert "access pattern 'posts by author' will be flagged" in lines
    assert "access pattern 'post by slug' will be flagged" not in lines


def test_removal_impact_of_a_key_field_mentions_the_primary_key(shop):
    post_tags = shop.entity_by_name("post_tags")
    lines = ops.removal_impact(shop, field_id=post_tags.field_by_name("tag_id").id)
    assert any("primary key of post_tags" in line for line in lines)


def test_removal_impact_of_an_entity_lists_join_relationships_and_patterns(shop):
    post_tags = shop.entity_by_name("post_tags")
    lines = ops.removal_impact(shop, entity_id=post_tags.id)
    assert "relationship posts.id ↔ tags.id" in lines  # the many-to-many it joins
    posts_lines = ops.removal_impact(shop, entity_id=shop.entity_by_name("posts").id)
    assert "access pattern 'post by slug' will be flagged" in posts_lines
    assert "access pattern 'comments of a post' will be flagged" not in posts_lines


def test_removal_impact_of_an_unused_field_is_empty(shop):
    users = shop.entity_by_name("users")
    assert ops.removal_impact(shop, field_id=users.field_by_name("bio").id) == []


def test_descriptions_name_the_target_of_id_only_ops_from_the_schema_before(shop):
    posts = shop.entity_by_name("posts")
    author_rel = shop.relationships[0]
    index = posts.indexes[0]
    expected = {
        ops.RemoveEntity(entity_id=posts.id): "Remove entity posts",
        ops.RemoveField(entity_id=posts.id, field_id=posts.fields[1].id): "Remove field author_id",
        ops.MoveField(entity_id=posts.id, field_id=posts.fields[1].id, position=0): "Move field author_id",
        ops.RemoveIndex(entity_id=posts.id, index_id=index.id): "Remove index posts_author_published_idx",
        ops.RemoveRelationship(relationship_id=author_rel.id): "Remove relationship posts.author_id → users.id",
        ops.RemovePattern(pattern_id="pat_slug"): "Remove pattern 'post by slug'",
        ops.RemoveGroup(group_id="grp_people"): "Remove group people",
        ops.RemoveEnum(enum_id=shop.enums[0].id): "Remove enum post_status",
        ops.RemoveNote(note_id=shop.notes[0].id): "Remove note publishing",
        ops.SetPrimaryKey(entity_id=posts.id, field_ids=()): "Set primary key of posts",
        ops.SetVolume(entity_id=posts.id, volume=None): "Set volume of posts",
    }
    assert {op: ops.describe(op, shop) for op in expected} == expected
    # without the schema, or once the target is gone, the line stays generic
    assert ops.describe(ops.RemoveEntity(entity_id=posts.id)) == "Remove entity"
    assert ops.describe(ops.RemoveEntity(entity_id="ent_gone"), shop) == "Remove entity"


def test_removal_impact_tells_a_dropped_index_from_a_trimmed_one(shop):
    post_tags = shop.entity_by_name("post_tags")
    lines = ops.removal_impact(shop, field_id=post_tags.field_by_name("tag_id").id)
    assert "index on post_tags (tag_id)" in lines  # its only key column: the index goes
    posts = shop.entity_by_name("posts")
    lines = ops.removal_impact(shop, field_id=posts.field_by_name("published_at").id)
    assert "index posts_author_published_idx loses this column" in lines


def test_removal_impact_of_an_entity_mentions_groups_and_volume(shop):
    users = shop.entity_by_name("users")
    lines = ops.removal_impact(shop, entity_id=users.id)
    assert "its place in group people" in lines
    assert "the declared volume of users" in lines
    tags_lines = ops.removal_impact(shop, entity_id=shop.entity_by_name("tags").id)
    assert "its place in group content" in tags_lines and "its place in group people" not in tags_lines
    assert not any("volume" in line for line in tags_lines)


@pytest.mark.parametrize(("before", "after"), [("'draft'", "'sketch'"), ("draft", "sketch"), ("'it''s'", "'it''s'")])
def test_renaming_an_enum_value_renames_quoted_and_bare_defaults(shop, before, after):
    posts = shop.entity_by_name("posts")
    status = posts.field_by_name("status")
    schema, _ = ops.apply(
        shop, ops.UpdateField(entity_id=posts.id, field=replace(status, default=Default(DefaultKind.LITERAL, before)))
    )
    rename = ops.RenameEnumValue(enum_id=status.type.enum_id, old="draft", new="sketch")
    changed = _undo_is_exact(schema, rename)
    assert changed.entity(posts.id).field(status.id).default.value == after


def test_every_removal_in_a_generated_schema_is_undone_exactly():
    from designer.examples.synthetic import synthetic_schema

    schema = synthetic_schema(entities=25, fields_per_entity=6)
    for entity in schema.entities:
        _undo_is_exact(schema, ops.RemoveEntity(entity_id=entity.id))
        for field in entity.fields:
            changed = _undo_is_exact(schema, ops.RemoveField(entity_id=entity.id, field_id=field.id))
            assert all(field.id not in r.from_field_ids + r.to_field_ids for r in changed.relationships)
