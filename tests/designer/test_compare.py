"""The readable comparison of two versions: matched by id, renames are renames."""

import pytest

from designer.compare import compare, drawing_schema
from designer.diagram import DiagramOptions, build_dot, render
from designer.schema import (
    Check,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Index,
    IndexColumn,
    RefAction,
    SortOrder,
    TypeKind,
    replace,
)


def _entity(schema, name):
    return next(e for e in schema.entities if e.name == name)


def _swap_entity(schema, entity):
    return replace(schema, entities=tuple(entity if e.id == entity.id else e for e in schema.entities))


def test_identical_versions_have_no_changes(blog):
    assert not compare(blog, blog)
    assert compare(blog, blog).marks() == {}


def test_a_renamed_field_is_one_rename_with_before_and_after(blog):
    users = _entity(blog, "users")
    email = users.field_by_name("email")
    renamed = replace(email, name="email_address")
    new = _swap_entity(blog, replace(users, fields=tuple(renamed if f.id == email.id else f for f in users.fields)))
    (change,) = compare(blog, new).changes
    assert (change.kind, change.action, change.label) == ("field", "renamed", "users.email_address")
    assert change.details == ("name: email → email_address",)
    assert compare(blog, new).marks() == {email.id: "changed", users.id: "changed"}


def test_renamed_entity_and_changed_field_properties(blog):
    posts = _entity(blog, "posts")
    title = posts.field_by_name("title")
    wider = replace(title, type=FieldType(TypeKind.VARCHAR, length=200), nullable=True)
    posts_after = replace(posts, name="articles", fields=tuple(wider if f.id == title.id else f for f in posts.fields))
    comparison = compare(blog, _swap_entity(blog, posts_after))
    entity_change = comparison.of_kind("entity")[0]
    assert entity_change.action == "renamed" and entity_change.details == ("name: posts → articles",)
    field_change = comparison.of_kind("field")[0]
    assert field_change.action == "changed" and field_change.label == "articles.title"
    assert field_change.details == ("type: text → varchar(200)", "nullable: no → yes")


def test_added_and_removed_entities_fields_indexes_checks(blog):
    users = _entity(blog, "users")
    tags = _entity(blog, "tags")
    bio = users.field_by_name("bio")
    users_after = replace(
        users,
        fields=(
            *tuple(f for f in users.fields if f.id != bio.id),
            Field("fld_new", "locale", FieldType(TypeKind.TEXT)),
        ),
        indexes=(
            *users.indexes,
            Index(
                "idx_new",
                (IndexColumn(field_id=users.fields[1].id, order=SortOrder.DESC),),
                name="users_email_desc",
                unique=True,
                predicate="email <> ''",
            ),
        ),
        checks=(Check("chk_new", "length(display_name) > 0", name="name_not_blank"),),
    )
    swapped = _swap_entity(blog, users_after)
    new = replace(swapped, entities=tuple(e for e in swapped.entities if e.id != tags.id))
    comparison = compare(blog, new)
    summary = {(c.kind, c.action, c.label) for c in comparison.changes}
    assert ("field", "removed", "users.bio") in summary
    assert ("field", "added", "users.locale") in summary
    assert ("index", "added", "users: users_email_desc") in summary
    assert ("check", "added", "users: name_not_blank") in summary
    assert ("entity", "removed", "tags") in summary
    marks = comparison.marks()
    assert marks[tags.id] == "removed" and marks[bio.id] == "removed" and marks["fld_new"] == "added"
    assert marks[users.id] == "changed"


def test_index_column_order_and_predicate_changes_are_described(blog):
    posts = _entity(blog, "posts")
    index = posts.indexes[0]
    changed = replace(
        index,
        columns=(replace(index.columns[0], order=SortOrder.DESC), *index.columns[1:]),
        predicate="published_at IS NOT NULL",
    )
    (change,) = compare(blog, _swap_entity(blog, replace(posts, indexes=(changed,)))).changes
    assert change.kind == "index" and change.action == "changed"
    assert change.details == (
        "columns: author_id, published_at → author_id desc, published_at",
        "where: (none) → published_at IS NOT NULL",
    )


def test_relationship_actions_and_enum_values(blog):
    relationship = next(r for r in blog.relationships if r.name == "comments_post_fk")
    enum = blog.enums[0]
    new = replace(
        blog,
        relationships=tuple(
            replace(r, on_delete=RefAction.RESTRICT) if r.id == relationship.id else r for r in blog.relationships
        ),
        enums=(
            replace(enum, name="status", values=(*enum.values, EnumValue("hidden"))),
            Enum("enum_new", "mood", (EnumValue("happy"),)),
        ),
    )
    comparison = compare(blog, new)
    (rel_change,) = comparison.of_kind("relationship")
    assert rel_change.label == "comments.post_id → posts.id"
    assert comparison.marks()[relationship.from_entity_id] == "changed"
    assert rel_change.details == ("on delete: cascade → restrict",)
    renamed, added = comparison.of_kind("enum")
    assert renamed.action == "renamed"
    assert renamed.details == (
        "name: post_status → status",
        "values: draft, published, archived → draft, published, archived, hidden",
    )
    assert (added.action, added.label) == ("added", "mood")
    assert comparison.counts() == {"added": 1, "removed": 0, "renamed": 1, "changed": 1}


def test_drawing_schema_keeps_what_was_removed(blog):
    users = _entity(blog, "users")
    bio = users.field_by_name("bio")
    tags = _entity(blog, "tags")
    swapped = _swap_entity(blog, replace(users, fields=tuple(f for f in users.fields if f.id != bio.id)))
    new = replace(
        swapped,
        entities=tuple(e for e in swapped.entities if e.id != tags.id),
        relationships=tuple(r for r in blog.relationships if tags.id not in (r.from_entity_id, r.to_entity_id)),
    )
    drawn = drawing_schema(blog, new)
    assert {e.id for e in drawn.entities} == {e.id for e in blog.entities}
    assert _entity(drawn, "users").field(bio.id) is not None
    assert {r.id for r in drawn.relationships} == {r.id for r in new.relationships}  # a line cannot be struck


@pytest.mark.graphviz
def test_highlighted_diagram_colours_and_strikes_through(blog):
    users = _entity(blog, "users")
    bio = users.field_by_name("bio")
    tags = _entity(blog, "tags")
    swapped = _swap_entity(blog, replace(users, fields=tuple(f for f in users.fields if f.id != bio.id)))
    new = replace(swapped, entities=tuple(e for e in swapped.entities if e.id != tags.id))
    marks = compare(blog, new).marks()
    dot = build_dot(drawing_schema(blog, new), options=DiagramOptions(highlight=tuple(sorted(marks.items()))))
    assert '<s><font color="white"><b>' not in dot  # the title itself is struck, inside the font
    assert "<s>tags</s>" in dot and "<s>bio</s>" in dot
    assert "<s>name</s>" in dot  # the fields of a removed table are struck with it
    assert 'class="entity removed"' in dot and 'class="entity changed"' in dot
    assert 'bgcolor="#F1F5F9"' in dot  # the removed field's row
    assert 'bgcolor="#16A34A"' not in dot  # posts' own green header would read as "added"
    svg = render(dot, fmt="svg").decode()
    assert 'class="node entity removed"' in svg and 'text-decoration="line-through"' in svg


def test_no_highlight_leaves_the_drawing_unchanged(blog):
    assert build_dot(blog) == build_dot(blog, options=DiagramOptions(highlight=()))
    assert "entity added" not in build_dot(blog) and 'bgcolor="#16A34A"' in build_dot(blog)
