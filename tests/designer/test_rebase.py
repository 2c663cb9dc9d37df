"""Rebasing an edit made on an older revision: carried over when it touches nothing
that changed since, a Conflict naming the object and both values when it does."""

import pytest

from designer import ops
from designer.examples import blog_schema
from designer.rebase import Conflict, rebase
from designer.schema import Cardinality, Entity, Field, FieldType, Relationship, TypeKind, fresh_id, replace


@pytest.fixture
def blog():
    return blog_schema()


def field(schema, entity, field_name):
    return schema.entity_by_name(entity).field_by_name(field_name)


def update_field(schema, entity, field_name, **changes):
    posts = schema.entity_by_name(entity)
    return ops.UpdateField(entity_id=posts.id, field=replace(posts.field_by_name(field_name), **changes))


def theirs_after(schema, *edits):
    for edit in edits:
        schema, _ = ops.apply(schema, edit)
    return schema


def test_nothing_changed_since_applies_as_is(blog):
    op = update_field(blog, "posts", "title", name="headline")
    after, applied, _ = rebase(op, base=blog, current=blog)
    assert applied == op and field(after, "posts", "headline") is not None


def test_different_attributes_of_one_field_are_combined(blog):
    current = theirs_after(blog, update_field(blog, "posts", "title", comment="shown in lists"))
    mine = update_field(blog, "posts", "title", name="headline")  # made on the old revision
    after, _, inverse = rebase(mine, base=blog, current=current)
    combined = field(after, "posts", "headline")
    assert combined.comment == "shown in lists"
    # the inverse undoes only the person's part
    undone, _ = ops.apply(after, inverse)
    assert field(undone, "posts", "title").comment == "shown in lists"


def test_same_attribute_changed_by_both_is_a_conflict_with_both_values(blog):
    current = theirs_after(blog, update_field(blog, "posts", "title", name="headline"))
    mine = update_field(blog, "posts", "title", name="heading")
    with pytest.raises(Conflict) as caught:
        rebase(mine, base=blog, current=current)
    [item] = caught.value.items
    assert item.label == "field posts.headline: name"
    assert (item.current, item.yours) == ("'headline'", "'heading'")
    assert "is now 'headline' (yours: 'heading')" in str(caught.value)


def test_same_change_by_both_is_no_conflict(blog):
    current = theirs_after(blog, update_field(blog, "posts", "title", name="headline"))
    after, _, _ = rebase(update_field(blog, "posts", "title", name="headline"), base=blog, current=current)
    assert after == current


def test_edits_of_different_entities_are_carried_over(blog):
    current = theirs_after(blog, update_field(blog, "users", "bio", comment="markdown"))
    after, _, _ = rebase(update_field(blog, "posts", "body", nullable=True), base=blog, current=current)
    assert field(after, "users", "bio").comment == "markdown"
    assert field(after, "posts", "body").nullable is True


def test_two_new_entities_minted_with_the_same_id_both_survive(blog):
    same_id = fresh_id("ent", blog.all_ids())
    theirs = ops.AddEntity(entity=Entity(id=same_id, name="labels"))
    mine = ops.AddEntity(entity=Entity(id=same_id, name="likes"))
    after, applied, _ = rebase(mine, base=blog, current=theirs_after(blog, theirs))
    assert after.entity_by_name("labels").id == same_id
    assert after.entity_by_name("likes").id != same_id
    assert applied.entity.name == "likes"


def test_fields_added_to_one_entity_by_two_people_are_both_kept(blog):
    posts = blog.entity_by_name("posts")
    theirs = ops.AddField(entity_id=posts.id, field=Field(id="fld_a", name="subtitle", type=FieldType(TypeKind.TEXT)))
    mine = ops.AddField(entity_id=posts.id, field=Field(id="fld_b", name="summary", type=FieldType(TypeKind.TEXT)))
    after, _, _ = rebase(mine, base=blog, current=theirs_after(blog, theirs))
    names = [f.name for f in after.entity_by_name("posts").fields]
    assert names[-2:] == ["subtitle", "summary"]


def test_removing_a_field_a_teammate_just_linked_to_is_a_conflict(blog):
    posts, users = blog.entity_by_name("posts"), blog.entity_by_name("users")
    bio = users.field_by_name("bio")
    link = Relationship(
        id="rel_new",
        from_entity_id=posts.id,
        from_field_ids=(posts.field_by_name("body").id,),
        to_entity_id=users.id,
        to_field_ids=(bio.id,),
        cardinality=Cardinality.ONE_TO_MANY,
    )
    current = theirs_after(blog, ops.AddRelationship(relationship=link))
    with pytest.raises(Conflict) as caught:
        rebase(ops.RemoveField(entity_id=users.id, field_id=bio.id), base=blog, current=current)
    assert any(i.label.startswith("relationship") for i in caught.value.items)


def test_editing_a_deleted_object_is_a_conflict_saying_so(blog):
    posts = blog.entity_by_name("posts")
    current = theirs_after(blog, ops.RemoveField(entity_id=posts.id, field_id=posts.field_by_name("slug").id))
    with pytest.raises(Conflict, match="“Update field slug”: what it changes was deleted since"):
        rebase(update_field(blog, "posts", "slug", comment="x"), base=blog, current=current)


def test_undo_after_a_teammate_changed_the_same_field_is_refused(blog):
    """The lost update of the issue: A renames, B changes name, type and comment, A undoes."""
    rename = update_field(blog, "posts", "title", name="headline")
    after_a, inverse = ops.apply(blog, rename)
    current = theirs_after(
        after_a,
        update_field(
            after_a, "posts", "headline", name="caption", type=FieldType(TypeKind.VARCHAR, length=80), comment="short"
        ),
    )
    with pytest.raises(Conflict) as caught:
        rebase(inverse, base=after_a, current=current)
    assert caught.value.items[0].current == "'caption'"


def test_undo_after_a_teammate_changed_another_attribute_keeps_both(blog):
    after_a, inverse = ops.apply(blog, update_field(blog, "posts", "title", name="headline"))
    current = theirs_after(after_a, update_field(after_a, "posts", "headline", comment="short"))
    after, _, _ = rebase(inverse, base=after_a, current=current)
    assert field(after, "posts", "title").comment == "short"


def test_a_batch_is_rebased_step_by_step(blog):
    posts = blog.entity_by_name("posts")
    slug = posts.field_by_name("slug")
    current = theirs_after(blog, update_field(blog, "posts", "slug", comment="unique"))
    mine = ops.Batch(
        ops=(
            update_field(blog, "posts", "slug", name="handle"),
            ops.SetPrimaryKey(entity_id=posts.id, field_ids=(posts.primary_key[0], slug.id)),
        )
    )
    after, _, _ = rebase(mine, base=blog, current=current)
    handle = field(after, "posts", "handle")
    assert handle.comment == "unique" and handle.id in after.entity_by_name("posts").primary_key


def test_restoring_an_old_document_keeps_later_unrelated_work(blog):
    old = blog
    renamed = theirs_after(blog, update_field(blog, "posts", "title", name="headline"))
    later = theirs_after(renamed, update_field(renamed, "users", "bio", comment="markdown"))
    # restore 'old' as an op made when 'renamed' was current, rebased onto 'later'
    after, _, _ = rebase(ops.ReplaceSchema(schema=old), base=renamed, current=later)
    assert field(after, "posts", "title") is not None and field(after, "users", "bio").comment == "markdown"


def test_an_edit_built_on_the_newer_object_carries_the_teammates_addition_once(blog):
    """Forms are built on the stored revision: the entity form posted on revision 0
    after a teammate added a field carries that field along; it is not a new one."""
    users = blog.entity_by_name("users")
    theirs = ops.AddField(
        entity_id=users.id, field=Field(id="fld_nick", name="nickname", type=FieldType(TypeKind.TEXT))
    )
    current = theirs_after(blog, theirs)
    mine = ops.UpdateEntity(entity=replace(current.entity(users.id), comment="People who sign in"))
    after, _, _ = rebase(mine, base=blog, current=current)
    merged = after.entity(users.id)
    assert merged.comment == "People who sign in" and [f.name for f in merged.fields].count("nickname") == 1


def test_two_people_moving_different_tables_both_keep_their_move():
    from designer.schema import DiagramSettings, Position

    blog = blog_schema()
    e1, e2 = blog.entities[0].id, blog.entities[1].id
    base = replace(blog, diagram=DiagramSettings(positions=(Position(e1, 0, 0), Position(e2, 0, 0))))
    current, _ = ops.apply(base, ops.SetPositions(positions=(Position(e1, 100, 0),)))
    after, _, _ = rebase(ops.SetPositions(positions=(Position(e2, 0, 200),)), base=base, current=current)
    assert after.diagram.position_index[e1] == Position(e1, 100, 0)
    assert after.diagram.position_index[e2] == Position(e2, 0, 200)


def test_a_place_a_teammate_gave_an_object_meanwhile_is_kept():
    from designer.schema import DiagramSettings, Position

    blog = blog_schema()
    e1, e2 = blog.entities[0].id, blog.entities[1].id
    base = replace(blog, diagram=DiagramSettings(positions=(Position(e1, 0, 0),)))
    current, _ = ops.apply(base, ops.SetPositions(positions=(Position(e1, 100, 0), Position(e2, 5, 5))))
    mine = ops.SetPositions(positions=(Position(e1, 0, 300), Position(e2, 9, 9)), label="Auto layout")
    after, applied, _ = rebase(mine, base=base, current=current)
    assert after.diagram.position_index[e1] == Position(e1, 100, 0)  # theirs: they moved it first
    assert after.diagram.position_index[e2] == Position(e2, 5, 5)
    assert applied.positions == ()
