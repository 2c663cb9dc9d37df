"""Validation and the deploy check's rules run one table at a time (designer/slices.py)
find exactly what the whole-schema rules find, on real schemas and on schemas broken in
every way the rules know; and an edit of one table judges that table alone."""

from collections import Counter
from pathlib import Path

import pytest

from designer import deploy, ops, validate
from designer.examples.synthetic import synthetic_schema
from designer.formats import import_text
from designer.schema import Field, FieldType, Index, IndexColumn, TypeKind, replace
from designer.validate import validate as validate_schema

REALWORLD = Path(__file__).parents[1] / "realworld"
REAL = ["postgresql/kanboard.sql", "postgresql/panoptes-structure.sql", "sqlite/synapse.sql", "mysql/nacos.sql"]


def _real(path: str):
    return import_text((REALWORLD / path).read_text(), fmt=path.split("/")[0]).schema


def _same(schema) -> None:
    whole = validate_schema(schema)
    assert Counter(validate_schema(schema, memo={})) == Counter(whole)
    memo: dict = {}
    validate_schema(schema, memo=memo)
    assert Counter(validate_schema(schema, memo=memo)) == Counter(whole)  # answered from the memo
    for dialect in deploy.target_dialects(schema):
        assert Counter(deploy.rule_findings(schema, dialect, memo={})) == Counter(deploy.rule_findings(schema, dialect))


@pytest.mark.parametrize("path", REAL)
def test_real_schemas_find_the_same_problems(path):
    _same(_real(path))


def _broken(rich):
    """The rich fixture broken in one way per variant: one finding or more of each kind."""
    users, posts = rich.entities[0], rich.entities[1]
    long_name = "x" * 70
    yield replace(rich, database_type="mysql")
    yield replace(rich, database_type="sqlite")
    yield replace(rich, entities=(replace(users, name="select"), *rich.entities[1:]))
    yield replace(rich, entities=(replace(users, name=posts.name), *rich.entities[1:]))  # duplicate names
    yield replace(rich, entities=(replace(users, name=posts.name.upper()), *rich.entities[1:]))  # case only
    yield replace(rich, entities=(replace(users, name=long_name), *rich.entities[1:]))
    yield replace(rich, entities=(replace(users, name=""), *rich.entities[1:]))
    yield replace(rich, entities=(replace(users, primary_key=()), *rich.entities[1:]))
    yield replace(rich, entities=(replace(users, primary_key=("missing",)), *rich.entities[1:]))
    yield replace(rich, entities=rich.entities[1:])  # relationships to a missing table
    odd = Field(id="odd", name="Odd", type=FieldType(TypeKind.VARCHAR, length=-1, written="frobnicate(3)"))
    twin = Field(id="twin", name="odd", type=FieldType(TypeKind.ENUM, enum_id="nope"))
    yield replace(rich, entities=(replace(users, fields=(*users.fields, odd, twin)), *rich.entities[1:]))
    shared = Index(id="shared", name="shared_idx", columns=(IndexColumn(field_id=users.fields[0].id),))
    yield replace(
        rich,
        entities=(
            replace(users, indexes=(*users.indexes, shared, replace(shared, id="shared2"))),
            replace(
                posts, indexes=(*posts.indexes, replace(shared, columns=(IndexColumn(field_id=posts.fields[0].id),)))
            ),
            *rich.entities[2:],
        ),
    )
    yield replace(rich, relationships=tuple(replace(r, to_field_ids=()) for r in rich.relationships))
    yield replace(rich, relationships=tuple(replace(r, from_field_ids=("gone",)) for r in rich.relationships))
    yield replace(rich, enums=())
    yield replace(rich, relationships=tuple(replace(r, name="fk_" + "y" * 70) for r in rich.relationships))
    # what a foreign key says that MySQL and SQLite cannot (judged per key, beside its table's indexes)
    keys = tuple(replace(r, deferrable=True, not_valid=True, match_full=True) for r in rich.relationships)
    yield replace(rich, relationships=keys)
    non_key = {e.id: next((f.id for f in e.fields if f.id not in e.primary_key), None) for e in rich.entities}
    yield replace(
        rich,
        relationships=tuple(
            replace(r, to_field_ids=(non_key[r.to_entity_id],)) if non_key.get(r.to_entity_id) else r
            for r in rich.relationships
        ),
    )
    yield replace(rich, entities=(*rich.entities, *(replace(e, id=e.id + "_copy") for e in rich.entities)))


def test_broken_schemas_find_the_same_problems(rich):
    variants = list(_broken(rich))
    found = [Counter(p.code for p in validate_schema(s)) for s in variants]
    codes = set().union(*found)
    assert len(codes) >= 12, codes
    kinds = {f.message[:30] for s in variants for f in deploy.deploy_check(s, rendered=False).findings}
    assert len(kinds) >= 8, kinds  # and the deploy check's rules too
    for schema in variants:
        _same(schema)


def test_an_edit_of_one_table_judges_that_table_alone(monkeypatch):
    schema = synthetic_schema(entities=60)
    memo: dict = {}
    validate_schema(schema, memo=memo)
    entity = schema.entities[30]
    after, _ = ops.apply(schema, ops.UpdateEntity(entity=replace(entity, name="select")))
    judged = []
    real = validate.sql_fragments

    def counting(slice_):
        judged.extend(e.id for e in slice_.entities)
        return real(slice_)

    monkeypatch.setattr(
        validate,
        "PER_TABLE_RULES",
        tuple((n, counting if n == "sql_fragments" else r) for n, r in validate.PER_TABLE_RULES),
    )
    found = validate_schema(after, memo=memo)
    assert judged == [entity.id]
    assert Counter(found) == Counter(validate_schema(after))
    assert any(p.code == "reserved-word" for p in found)


def test_one_memo_through_a_run_of_edits_finds_what_the_whole_rules_find():
    """The memo is reused edit after edit (positions unchanged are skipped by identity):
    renames, a table made invalid and mended, a relationship retargeted and removed, a
    table removed and one added all find what the whole-schema rules find."""
    schema = synthetic_schema(entities=40)
    memo: dict = {}
    first, target = schema.entities[5], schema.entities[9]
    relationship = schema.relationships[3]
    steps = [
        ops.UpdateEntity(entity=replace(first, name="select")),
        ops.UpdateEntity(entity=replace(first, name="x" * 70)),
        ops.UpdateEntity(entity=replace(target, primary_key=())),
        ops.UpdateEntity(entity=target),
        ops.UpdateRelationship(relationship=replace(relationship, to_entity_id=target.id)),
        ops.RemoveRelationship(relationship_id=relationship.id),
        ops.RemoveEntity(entity_id=schema.entities[20].id),
        ops.AddEntity(entity=replace(first, id="ent_new", name="fresh")),
    ]
    for op in steps:
        schema, _ = ops.apply(schema, op)
        assert Counter(validate_schema(schema, memo=memo)) == Counter(validate_schema(schema))
        for dialect in deploy.target_dialects(schema):
            assert Counter(deploy.rule_findings(schema, dialect, memo=memo)) == Counter(
                deploy.rule_findings(schema, dialect)
            )
