from designer.problems import Severity
from designer.schema import (
    AccessPattern,
    Entity,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    PatternKind,
    Schema,
    TypeKind,
    ValueKind,
    Volume,
    replace,
)
from designer.validate import validate


def codes(schema, severity=None):
    return {p.code for p in validate(schema) if severity is None or p.severity is severity}


def field(name, kind=TypeKind.INTEGER, **kw):
    return Field(
        id=f"fld_{name}",
        name=name,
        type=FieldType(kind, **{k: v for k, v in kw.items() if k in ("length", "precision", "scale", "enum_id")}),
        identity=kw.get("identity", False),
    )


def table(name, *fields, namespace=None, pk=True):
    return Entity(
        id=f"ent_{namespace}_{name}",
        name=name,
        namespace=namespace,
        fields=fields,
        primary_key=(fields[0].id,) if pk and fields else (),
    )


def test_demo_and_rich_files_have_no_errors(blog, rich):
    assert codes(blog, Severity.ERROR) == set()
    assert codes(rich, Severity.ERROR) == set()


def test_names_differing_only_in_case_are_accepted_with_a_warning():
    schema = Schema(entities=(table("User", field("a")), table("user", replace(field("b"), id="fld_b2"))))
    assert codes(schema, Severity.ERROR) == set()
    assert "case-only-difference" in codes(schema, Severity.WARNING)


def test_duplicate_names_are_errors():
    schema = Schema(
        entities=(
            table("t", field("a"), replace(field("a"), id="fld_a2")),
            replace(table("t", replace(field("z"), id="fld_z")), id="other"),
        )
    )
    assert {"duplicate-entity-name", "duplicate-field-name"} <= codes(schema, Severity.ERROR)


def test_same_name_in_two_namespaces_is_fine():
    schema = Schema(entities=(table("t", field("a"), namespace="x"), table("t", replace(field("b")), namespace="y")))
    assert "duplicate-entity-name" not in codes(schema)


def test_blank_names_and_duplicate_ids():
    schema = Schema(entities=(table(" ", field("a")), replace(table("u", field("a")), id="u")))
    assert {"blank-name", "duplicate-id"} <= codes(schema, Severity.ERROR)


def test_type_parameter_mistakes():
    for bad in (
        field("a", TypeKind.DECIMAL, scale=6),
        field("a", TypeKind.TEXT, length=3),
        field("a", TypeKind.ENUM),
        field("a", TypeKind.INTEGER, precision=3),
    ):
        assert "bad-type" in codes(Schema(entities=(table("t", bad),))), bad


def test_dangling_enum_is_an_error():
    schema = Schema(entities=(table("t", field("a", TypeKind.ENUM, enum_id="enum_gone")),))
    assert "dangling-reference" in codes(schema, Severity.ERROR)


def test_portability_warnings():
    long_name = "x" * 64
    schema = Schema(entities=(table(long_name, field("order")), table("é" * 40, replace(field("b"), id="fld_b"))))
    warnings = codes(schema, Severity.WARNING)
    assert {"identifier-too-long", "reserved-word"} <= warnings
    assert codes(schema, Severity.ERROR) == set()


def test_missing_primary_key_is_a_warning():
    assert "missing-primary-key" in codes(Schema(entities=(table("t", field("a"), pk=False),)), Severity.WARNING)


def test_foreign_key_type_mismatch_is_a_warning(blog):
    posts = blog.entity_by_name("posts")
    author = posts.field_by_name("author_id")
    changed = replace(
        posts,
        fields=tuple(replace(f, type=FieldType(TypeKind.INTEGER)) if f.id == author.id else f for f in posts.fields),
    )
    schema = replace(blog, entities=tuple(changed if e.id == posts.id else e for e in blog.entities))
    assert "fk-type-mismatch" in codes(schema, Severity.WARNING)


def pattern(entity, **kw):
    base = dict(id="pat_1", name="p", kind=PatternKind.READ, operation=Operation.LIST, entity_id=entity.id)
    return AccessPattern(**{**base, **kw})


def test_stale_pattern_is_flagged_after_its_field_is_deleted(blog):
    posts = blog.entity_by_name("posts")
    p = pattern(posts, filters=(Filter(field_id="fld_deleted", op=FilterOp.EQ),))
    problems = [x for x in validate(replace(blog, patterns=(p,))) if x.code == "pattern-stale"]
    assert problems and problems[0].severity is Severity.WARNING
    assert "'p' refers to fields" in problems[0].message


def test_pattern_kind_must_match_operation_and_values_fit(blog):
    posts = blog.entity_by_name("posts")
    slug = posts.field_by_name("slug")
    wrong_kind = pattern(posts, operation=Operation.INSERT)
    null_with_value = pattern(posts, filters=(Filter(field_id=slug.id, op=FilterOp.IS_NULL, value="x"),))
    constant_without = pattern(
        posts, filters=(Filter(field_id=slug.id, op=FilterOp.EQ, value_kind=ValueKind.CONSTANT),)
    )
    bad_peak = pattern(posts, frequency=Frequency(average=10, peak=5))
    assert "pattern-kind" in codes(replace(blog, patterns=(wrong_kind,)))
    assert "pattern-filter" in codes(replace(blog, patterns=(null_with_value,)))
    assert "pattern-filter" in codes(replace(blog, patterns=(constant_without,)))
    assert "bad-frequency" in codes(replace(blog, patterns=(bad_peak,)))


def test_negative_volume_is_an_error(blog):
    posts = blog.entity_by_name("posts")
    assert "negative-volume" in codes(replace(blog, volumes=(Volume(entity_id=posts.id, rows=-1),)))
