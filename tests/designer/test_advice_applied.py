"""A recommendation counts as applied while its edit is in the schema."""

from designer import ops
from designer.advice import analysis_to_dict, analyze
from designer.advice.applied import is_applied
from designer.examples import blog_schema


def test_applied_after_its_edit_and_not_after_the_undo():
    schema = blog_schema()
    result = analysis_to_dict(analyze(schema), schema=schema, revision=0, internal=True)
    recommendation = next(r for r in result["recommendations"] if r["code"] == "index.pattern")
    (step,) = [ops.op_from_dict(o) for o in recommendation["ops"]]
    after, inverse = ops.apply(schema, step)
    undone, _ = ops.apply(after, inverse)
    assert not is_applied(schema, recommendation["ops"])
    assert is_applied(after, recommendation["ops"])
    assert not is_applied(undone, recommendation["ops"])


def test_removals_and_changes_count_when_they_hold():
    schema = blog_schema()
    posts = schema.entity_by_name("posts")
    bio = schema.entity_by_name("users").field_by_name("bio")
    users = schema.entity_by_name("users")
    remove = ops.op_to_dict(ops.RemoveField(entity_id=users.id, field_id=bio.id))
    same = ops.op_to_dict(ops.UpdateEntity(entity=posts))
    assert is_applied(schema, [same]) and not is_applied(schema, [remove])
    without_bio, _ = ops.apply(schema, ops.RemoveField(entity_id=users.id, field_id=bio.id))
    assert is_applied(without_bio, [remove]) and not is_applied(schema, [])
