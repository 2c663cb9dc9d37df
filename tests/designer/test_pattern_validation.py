"""Patterns follow renames (they hold ids) and are flagged, never rewritten, when what
they name is deleted; undo brings them back to health. Run on the demo workload."""

from designer import ops
from designer.examples import blog_schema
from designer.schema import replace
from designer.validate import validate
from designer.workload import workload_summary

DEMO = blog_schema()
POSTS = DEMO.entity_by_name("posts")
BY_SLUG = next(p for p in DEMO.patterns if p.name == "post by slug")


def stale(schema) -> list[str]:
    return [p.path for p in validate(schema) if p.code == "pattern-stale"]


def test_the_demo_has_no_stale_pattern():
    assert stale(DEMO) == []


def test_renaming_a_field_keeps_the_pattern_valid_and_counted():
    slug = POSTS.field_by_name("slug")
    renamed, _ = ops.apply(DEMO, ops.UpdateField(entity_id=POSTS.id, field=replace(slug, name="url_slug")))
    assert stale(renamed) == []
    assert BY_SLUG.id not in workload_summary(renamed).stale_pattern_ids


def test_renaming_the_entity_keeps_the_pattern_valid():
    renamed, _ = ops.apply(DEMO, ops.UpdateEntity(entity=replace(POSTS, name="articles")))
    assert stale(renamed) == []


def test_deleting_a_filtered_field_flags_the_pattern_and_undo_heals_it():
    slug = POSTS.field_by_name("slug")
    after, inverse = ops.apply(DEMO, ops.RemoveField(entity_id=POSTS.id, field_id=slug.id))
    assert "patterns/post by slug" in stale(after)  # and every pattern returning slug
    assert after.pattern(BY_SLUG.id) == BY_SLUG  # kept as it was, not silently rewritten
    assert BY_SLUG.id in workload_summary(after).stale_pattern_ids
    restored, _ = ops.apply(after, inverse)
    assert stale(restored) == []


def test_deleting_a_joined_relationship_flags_the_pattern():
    joined = next(p for p in DEMO.patterns if p.joins)
    after, _ = ops.apply(DEMO, ops.RemoveRelationship(relationship_id=joined.joins[0]))
    assert f"patterns/{joined.name}" in stale(after)


def test_deleting_the_target_entity_flags_its_patterns():
    tags = DEMO.entity_by_name("tags")
    after, _ = ops.apply(DEMO, ops.RemoveEntity(entity_id=tags.id))
    flagged = stale(after)
    assert "patterns/tag by name" in flagged
    assert all(after.pattern(p.id) is not None for p in DEMO.patterns)


def test_the_delete_confirmation_names_the_patterns_it_will_flag():
    slug = POSTS.field_by_name("slug")
    impact = ops.removal_impact(DEMO, entity_id=POSTS.id, field_id=slug.id)
    assert "access pattern 'post by slug' will be flagged" in impact
