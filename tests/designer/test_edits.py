"""Edits from plain values, without Django: what the editor's forms ask for."""

from designer import edits, ops
from designer.schema import Cardinality, FieldType, TypeKind


def test_a_relationship_without_a_field_creates_the_foreign_key_with_the_key_type(blog):
    op = edits.add_relationship(
        blog,
        from_entity_id=blog.entity_by_name("tags").id,
        to_entity_id=blog.entity_by_name("users").id,
        cardinality="one_to_many",
    )
    after, _ = ops.apply(blog, op)
    field = after.entity_by_name("tags").field_by_name("user_id")
    assert field.type.kind is blog.entity_by_name("users").field_by_name("id").type.kind and not field.nullable


def test_many_to_many_adds_the_join_entity_and_three_relationships(blog):
    users, tags = blog.entity_by_name("users"), blog.entity_by_name("tags")
    op = edits.add_relationship(blog, from_entity_id=users.id, to_entity_id=tags.id, cardinality="many_to_many")
    after, _ = ops.apply(blog, op)
    join = after.entity_by_name("users_tags")
    assert join is not None and len(join.primary_key) == 2
    kinds = [r.cardinality for r in after.relationships if join.id in (r.from_entity_id, r.join_entity_id)]
    assert sorted(kinds) == sorted([Cardinality.ONE_TO_MANY, Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_MANY])


def test_saving_a_field_puts_it_in_the_key_in_the_same_edit(blog):
    tags = blog.entity_by_name("tags")
    op = edits.save_field(
        blog,
        tags,
        None,
        name="code",
        type=FieldType(TypeKind.TEXT),
        nullable=True,
        primary_key=True,
        unique=False,
        identity=False,
        default="it's",
        default_is_expression=False,
        check="",
        comment="",
    )
    after, _ = ops.apply(blog, op)
    code = after.entity_by_name("tags").field_by_name("code")
    assert code.id in after.entity_by_name("tags").primary_key and not code.nullable
    assert code.default.value == "'it''s'" and edits.unquote(code.default.value) == "it's"


def test_enum_values_move_and_literals_quote(blog):
    enum = blog.enums[0]
    first, second = enum.values[0].name, enum.values[1].name
    after, _ = ops.apply(blog, edits.change_enum_value(enum, action="down", current=first))
    assert [v.name for v in after.enums[0].values][:2] == [second, first]
    assert [edits.sql_literal(t) for t in ("12", "TRUE", "x'y")] == ["12", "true", "'x''y'"]


def test_ids_minted_in_the_editor_are_random_and_valid_everywhere_ids_go():
    from designer.formats.codec import ID_PATTERN
    from designer.schema import minted_id

    taken: set[str] = set()
    ids = [minted_id("fld", taken) for _ in range(1000)]
    assert len(set(ids)) == 1000 and taken == set(ids)
    assert all(ID_PATTERN.fullmatch(i) and i.startswith("fld_") for i in ids)
