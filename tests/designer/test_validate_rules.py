"""Each validation rule, shown firing on a broken schema and silent on the clean one.

The clean schema is built by hand (no parser in the way) and must produce no
problem at all; every test then breaks exactly one thing.
"""

import pytest

from designer import ops
from designer.problems import Severity
from designer.schema import (
    AccessPattern,
    Cardinality,
    Default,
    DefaultKind,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Filter,
    FilterOp,
    Frequency,
    Group,
    Index,
    IndexColumn,
    Note,
    Operation,
    PatternKind,
    Relationship,
    Schema,
    TypeKind,
    ValueKind,
    Volume,
    replace,
)
from designer.validate import validate

BIGINT = FieldType(TypeKind.BIGINT)


def _field(field_id, name, field_type=BIGINT, **kw):
    return Field(id=field_id, name=name, type=field_type, nullable=kw.pop("nullable", False), **kw)


USERS = Entity(
    id="ent_users",
    name="users",
    fields=(
        _field("fld_u_id", "id", identity=True),
        _field("fld_u_email", "email", FieldType(TypeKind.VARCHAR, length=200)),
    ),
    primary_key=("fld_u_id",),
    indexes=(Index(id="idx_u_email", name="users_email_idx", columns=(IndexColumn(field_id="fld_u_email"),)),),
)
POSTS = Entity(
    id="ent_posts",
    name="posts",
    fields=(
        _field("fld_p_id", "id", identity=True),
        _field("fld_p_author", "author_id"),
        _field("fld_p_slug", "slug", FieldType(TypeKind.TEXT)),
        _field(
            "fld_p_status",
            "status",
            FieldType(TypeKind.ENUM, enum_id="enum_status"),
            default=Default(DefaultKind.LITERAL, "'draft'"),
        ),
        _field("fld_p_price", "price", FieldType(TypeKind.DECIMAL, precision=10, scale=2), nullable=True),
    ),
    primary_key=("fld_p_id",),
    indexes=(
        Index(
            id="idx_p_author",
            name="posts_author_idx",
            columns=(IndexColumn(field_id="fld_p_author"),),
            include=("fld_p_slug",),
        ),
    ),
)
TAGS = Entity(
    id="ent_tags",
    name="tags",
    fields=(_field("fld_t_id", "id", FieldType(TypeKind.INTEGER), identity=True),),
    primary_key=("fld_t_id",),
)
POST_TAGS = Entity(
    id="ent_pt",
    name="post_tags",
    fields=(_field("fld_pt_post", "post_id"), _field("fld_pt_tag", "tag_id", FieldType(TypeKind.INTEGER))),
    primary_key=("fld_pt_post", "fld_pt_tag"),
)


def _ref(rel_id, source, field_ids, target, target_ids, cardinality=Cardinality.ONE_TO_MANY, **kw):
    return Relationship(
        id=rel_id,
        cardinality=cardinality,
        from_entity_id=source,
        from_field_ids=field_ids,
        to_entity_id=target,
        to_field_ids=target_ids,
        **kw,
    )


CLEAN = Schema(
    entities=(USERS, POSTS, TAGS, POST_TAGS),
    relationships=(
        _ref("rel_author", "ent_posts", ("fld_p_author",), "ent_users", ("fld_u_id",)),
        _ref("rel_pt_post", "ent_pt", ("fld_pt_post",), "ent_posts", ("fld_p_id",)),
        _ref("rel_pt_tag", "ent_pt", ("fld_pt_tag",), "ent_tags", ("fld_t_id",)),
        # posts.id is bigint, tags.id integer: a many-to-many pairs two keys, not a key and a reference
        _ref(
            "rel_m2m",
            "ent_posts",
            ("fld_p_id",),
            "ent_tags",
            ("fld_t_id",),
            Cardinality.MANY_TO_MANY,
            join_entity_id="ent_pt",
        ),
    ),
    enums=(Enum(id="enum_status", name="post_status", values=(EnumValue("draft"), EnumValue("published"))),),
    groups=(Group(id="grp_content", name="content", entity_ids=("ent_posts", "ent_tags")),),
    notes=(Note(id="note_1", name="readme", content="hello"),),
    patterns=(
        AccessPattern(
            id="pat_slug",
            name="post by slug",
            kind=PatternKind.READ,
            operation=Operation.POINT_LOOKUP,
            entity_id="ent_posts",
            filters=(Filter(field_id="fld_p_slug", op=FilterOp.EQ),),
            joins=("rel_author",),
            returns=("fld_p_id", "fld_p_slug"),
        ),
        AccessPattern(
            id="pat_publish",
            name="publish a post",
            kind=PatternKind.WRITE,
            operation=Operation.UPDATE,
            entity_id="ent_posts",
            filters=(Filter(field_id="fld_p_id", op=FilterOp.EQ),),
            changes=("fld_p_status",),
            frequency=Frequency(average=2, peak=10),
        ),
    ),
    volumes=(Volume(entity_id="ent_users", rows=10, growth_per_month=1), Volume(entity_id="ent_posts")),
)


def problems(schema, code):
    return [p for p in validate(schema) if p.code == code]


def with_entity(schema, entity):
    return replace(schema, entities=tuple(entity if e.id == entity.id else e for e in schema.entities))


def with_field(schema, entity_id, field):
    entity = schema.entity(entity_id)
    return with_entity(schema, replace(entity, fields=tuple(field if f.id == field.id else f for f in entity.fields)))


def renamed(entity, name, **kw):
    return replace(entity, name=name, **kw)


def test_the_clean_schema_has_no_problem_at_all():
    assert validate(CLEAN) == []


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "schema",
    [
        with_entity(CLEAN, renamed(USERS, "  ")),
        with_field(CLEAN, "ent_users", replace(USERS.fields[1], name="")),
        replace(CLEAN, enums=(replace(CLEAN.enums[0], name=""),)),
        replace(CLEAN, enums=(replace(CLEAN.enums[0], values=(EnumValue(" "),)),)),
        replace(CLEAN, patterns=(replace(CLEAN.patterns[0], name=""),)),
    ],
)
def test_blank_names_are_errors(schema):
    assert [p.severity for p in problems(schema, "blank-name")] == [Severity.ERROR]


def test_entities_named_alike_except_for_case_are_accepted_with_a_warning():
    schema = replace(CLEAN, entities=(*CLEAN.entities, Entity(id="ent_Users", name="Users", primary_key=())))
    schema = with_entity(schema, replace(schema.entity("ent_Users"), fields=(_field("fld_U", "id"),)))
    schema = with_entity(schema, replace(schema.entity("ent_Users"), primary_key=("fld_U",)))
    assert [p for p in validate(schema) if p.severity is Severity.ERROR] == []
    [warning] = problems(schema, "case-only-difference")
    assert warning.severity is Severity.WARNING and "users" in warning.message


def test_exactly_equal_entity_names_are_an_error_only_in_the_same_namespace():
    twin = replace(TAGS, id="ent_tags2", fields=(_field("fld_t2", "id"),), primary_key=("fld_t2",))
    clash = replace(CLEAN, entities=(*CLEAN.entities, twin))
    assert [p.path for p in problems(clash, "duplicate-entity-name")] == ["entities/tags"]
    apart = replace(CLEAN, entities=(*CLEAN.entities, replace(twin, namespace="archive")))
    assert problems(apart, "duplicate-entity-name") == []
    assert problems(apart, "case-only-difference") == []


def test_duplicate_field_names_name_the_entity():
    schema = with_entity(CLEAN, replace(USERS, fields=(*USERS.fields, _field("fld_u_x", "email"))))
    [problem] = problems(schema, "duplicate-field-name")
    assert problem.path == "entities/users/fields/email"
    assert "users has two fields named email" in problem.message


def test_duplicate_enum_names_and_values():
    doubled = replace(CLEAN, enums=(*CLEAN.enums, Enum(id="enum_2", name="post_status", values=(EnumValue("a"),))))
    assert len(problems(doubled, "duplicate-enum-name")) == 1
    elsewhere = replace(doubled, enums=(CLEAN.enums[0], replace(doubled.enums[1], namespace="other")))
    assert problems(elsewhere, "duplicate-enum-name") == []
    repeated = replace(CLEAN, enums=(replace(CLEAN.enums[0], values=(EnumValue("a"), EnumValue("a"))),))
    [problem] = problems(repeated, "duplicate-enum-value")
    assert "'a' twice" in problem.message


def test_an_index_name_shared_by_two_tables_is_a_warning_per_namespace():
    taken = Index(id="idx_x", name="users_email_idx", columns=(IndexColumn(field_id="fld_p_slug"),))
    clash = with_entity(CLEAN, replace(POSTS, indexes=(*POSTS.indexes, taken)))
    [shared] = problems(clash, "index-name-shared")
    assert shared.severity is Severity.WARNING and problems(clash, "duplicate-index-name") == []
    assert problems(replace(clash, database_type="MySQL"), "index-name-shared") == []  # names are per table there
    moved = with_entity(clash, replace(clash.entity("ent_posts"), namespace="blog"))
    assert problems(moved, "index-name-shared") == []
    twice = with_entity(
        CLEAN, replace(POSTS, indexes=(*POSTS.indexes, replace(taken, name="t"), replace(taken, id="i2", name="t")))
    )
    [doubled] = problems(twice, "duplicate-index-name")
    assert doubled.severity is Severity.ERROR and "posts has two indexes named t" in doubled.message
    unnamed = replace(taken, name=None)
    two_unnamed = with_entity(CLEAN, replace(POSTS, indexes=(unnamed, replace(unnamed, id="idx_y"))))
    assert problems(two_unnamed, "duplicate-index-name") == []


def test_an_id_used_twice_anywhere_in_the_document_is_an_error():
    schema = replace(CLEAN, notes=(*CLEAN.notes, Note(id="fld_u_id", name="clash", content="")))
    [problem] = problems(schema, "duplicate-id")
    assert "'fld_u_id'" in problem.message


# --- references ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "schema",
    [
        with_entity(CLEAN, replace(USERS, primary_key=("fld_gone",))),
        with_entity(CLEAN, replace(USERS, indexes=(Index(id="i", columns=(IndexColumn(field_id="fld_gone"),)),))),
        with_entity(CLEAN, replace(POSTS, indexes=(replace(POSTS.indexes[0], include=("fld_gone",)),))),
        with_field(CLEAN, "ent_posts", replace(POSTS.fields[3], type=FieldType(TypeKind.ENUM, enum_id="enum_gone"))),
        replace(CLEAN, groups=(Group(id="g", name="g", entity_ids=("ent_gone",)),)),
        replace(CLEAN, volumes=(Volume(entity_id="ent_gone"),)),
        replace(CLEAN, relationships=(replace(CLEAN.relationships[0], to_entity_id="ent_gone"),)),
        replace(CLEAN, relationships=(replace(CLEAN.relationships[0], from_field_ids=("fld_gone",)),)),
        # a field of another entity is as missing as a deleted one
        replace(CLEAN, relationships=(replace(CLEAN.relationships[0], to_field_ids=("fld_p_id",)),)),
        replace(CLEAN, relationships=(replace(CLEAN.relationships[3], join_entity_id="ent_gone"),)),
    ],
)
def test_dangling_references_are_errors(schema):
    found = problems(schema, "dangling-reference")
    assert len(found) == 1 and found[0].severity is Severity.ERROR


def test_relationship_sides_must_pair_the_same_number_of_fields():
    mismatch = replace(CLEAN.relationships[0], to_field_ids=("fld_u_id", "fld_u_email"))
    empty = replace(CLEAN.relationships[0], from_field_ids=(), to_field_ids=())
    for relationship in (mismatch, empty):
        [problem] = problems(replace(CLEAN, relationships=(relationship,)), "relationship-fields")
        assert "posts → users" in problem.message


@pytest.mark.parametrize(
    "columns",
    [(), (IndexColumn(),), (IndexColumn(field_id="fld_u_email", expression="lower(email)"),)],
)
def test_an_index_key_is_a_field_or_an_expression(columns):
    schema = with_entity(CLEAN, replace(USERS, indexes=(Index(id="idx_bad", columns=columns),)))
    assert len(problems(schema, "bad-index")) == 1
    expression = (IndexColumn(expression="lower(email)"),)
    assert problems(with_entity(CLEAN, replace(USERS, indexes=(Index(id="i", columns=expression),))), "bad-index") == []


# --- types --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field_type", "identity", "expected"),
    [
        (FieldType(TypeKind.TEXT, length=10), False, "text takes no length"),
        (FieldType(TypeKind.DECIMAL, scale=2), False, "a decimal scale needs a precision"),
        (FieldType(TypeKind.INTEGER, scale=2), False, "integer takes no precision or scale"),
        (FieldType(TypeKind.ENUM), False, "an enum field must name its enum"),
    ],
)
def test_type_parameter_mistakes_are_errors(field_type, identity, expected):
    schema = with_field(CLEAN, "ent_posts", replace(POSTS.fields[4], type=field_type, identity=identity))
    messages = [p.message for p in problems(schema, "bad-type")]
    assert len(messages) == 1 and messages[0].startswith("posts.price: ")
    assert expected in messages[0]


@pytest.mark.parametrize(
    "field_type",
    [
        FieldType(TypeKind.VARCHAR, length=1),
        FieldType(TypeKind.DECIMAL),
        FieldType(TypeKind.DECIMAL, precision=5),
        FieldType(TypeKind.DECIMAL, precision=5, scale=5),
        FieldType(TypeKind.TEXT, array=True),
    ],
)
def test_well_formed_types_pass(field_type):
    assert problems(with_field(CLEAN, "ent_posts", replace(POSTS.fields[4], type=field_type)), "bad-type") == []


# --- workload -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "volume",
    [
        Volume(entity_id="ent_users", rows=-1),
        Volume(entity_id="ent_users", growth_per_month=-5),
        Volume(entity_id="ent_users", retention_days=-1),
        Volume(entity_id="ent_users", avg_row_bytes=-8),
    ],
)
def test_negative_volumes_are_errors(volume):
    assert len(problems(replace(CLEAN, volumes=(volume,)), "negative-volume")) == 1


@pytest.mark.parametrize("frequency", [Frequency(average=-1), Frequency(average=5, peak=1)])
def test_negative_frequency_or_a_peak_below_average_is_an_error(frequency):
    schema = replace(CLEAN, patterns=(replace(CLEAN.patterns[0], frequency=frequency),))
    assert len(problems(schema, "bad-frequency")) == 1


@pytest.mark.parametrize(
    ("kind", "operation"),
    [(PatternKind.READ, Operation.INSERT), (PatternKind.WRITE, Operation.POINT_LOOKUP)],
)
def test_pattern_kind_must_agree_with_its_operation(kind, operation):
    schema = replace(CLEAN, patterns=(replace(CLEAN.patterns[0], kind=kind, operation=operation),))
    [problem] = problems(schema, "pattern-kind")
    assert "'post by slug'" in problem.message


@pytest.mark.parametrize(
    "condition",
    [
        Filter(field_id="fld_p_slug", op=FilterOp.IS_NULL, value="x"),
        Filter(field_id="fld_p_slug", op=FilterOp.IS_NOT_NULL, value_kind=ValueKind.CONSTANT, value="1"),
        Filter(field_id="fld_p_slug", op=FilterOp.EQ, value_kind=ValueKind.CONSTANT),
        Filter(field_id="fld_p_slug", op=FilterOp.BETWEEN, value_kind=ValueKind.CONSTANT, value=""),
    ],
)
def test_filter_values_follow_their_operator(condition):
    schema = replace(CLEAN, patterns=(replace(CLEAN.patterns[0], filters=(condition,)),))
    assert len(problems(schema, "pattern-filter")) == 1


@pytest.mark.parametrize(
    "condition",
    [
        Filter(field_id="fld_p_slug", op=FilterOp.IS_NULL),
        Filter(field_id="fld_p_slug", op=FilterOp.EQ, value_kind=ValueKind.CONSTANT, value="'a'"),
        Filter(field_id="fld_p_slug", op=FilterOp.IN),
    ],
)
def test_well_formed_filters_pass(condition):
    schema = replace(CLEAN, patterns=(replace(CLEAN.patterns[0], filters=(condition,)),))
    assert problems(schema, "pattern-filter") == []


def test_a_pattern_is_flagged_stale_after_its_field_is_deleted():
    changed, _ = ops.apply(CLEAN, ops.RemoveField(entity_id="ent_posts", field_id="fld_p_slug"))
    [problem] = problems(changed, "pattern-stale")
    assert problem.severity is Severity.WARNING
    assert problem.path == "patterns/post by slug"
    assert "'post by slug'" in problem.message and "fields" in problem.message


def test_a_pattern_is_flagged_stale_after_its_entity_or_join_is_deleted():
    without_posts, _ = ops.apply(CLEAN, ops.RemoveEntity(entity_id="ent_posts"))
    assert {p.path for p in problems(without_posts, "pattern-stale")} == {
        "patterns/post by slug",
        "patterns/publish a post",
    }
    without_join, _ = ops.apply(CLEAN, ops.RemoveRelationship(relationship_id="rel_author"))
    [problem] = problems(without_join, "pattern-stale")
    assert "relationship" in problem.message


# --- portability and quality warnings --------------------------------------------------------


def test_identifier_length_limits_of_postgresql_and_mysql():
    def codes_for(name):
        return {p.code for p in validate(with_field(CLEAN, "ent_posts", replace(POSTS.fields[4], name=name)))}

    assert "identifier-too-long" not in codes_for("x" * 63)
    assert "identifier-too-long" in codes_for("x" * 64)
    assert "identifier-too-long" in codes_for("é" * 32)  # 32 characters, 64 bytes
    assert "identifier-too-long-mysql" not in codes_for("é" * 32)
    assert {"identifier-too-long", "identifier-too-long-mysql"} <= codes_for("x" * 65)


def test_reserved_words_warn_and_near_misses_do_not():
    assert len(problems(with_entity(CLEAN, renamed(USERS, "user")), "reserved-word")) == 1
    assert len(problems(with_entity(CLEAN, renamed(USERS, "Order")), "reserved-word")) == 1
    assert problems(with_entity(CLEAN, renamed(USERS, "orders")), "reserved-word") == []


def test_an_entity_without_a_primary_key_is_a_warning():
    [problem] = problems(with_entity(CLEAN, replace(USERS, primary_key=())), "missing-primary-key")
    assert problem.severity is Severity.WARNING and problem.path == "entities/users"


def test_a_foreign_key_of_another_type_than_its_key_is_a_warning():
    schema = with_field(CLEAN, "ent_posts", replace(POSTS.fields[1], type=FieldType(TypeKind.INTEGER)))
    [problem] = problems(schema, "fk-type-mismatch")
    assert "posts.author_id is integer" in problem.message and "users.id of type bigint" in problem.message


def test_a_nullable_column_in_a_multi_column_foreign_key_is_a_warning():
    composite = _ref("rel_c", "ent_pt", ("fld_pt_post", "fld_pt_tag"), "ent_posts", ("fld_p_id", "fld_p_author"))
    schema = replace(CLEAN, relationships=(*CLEAN.relationships, composite))
    schema = with_field(schema, "ent_pt", replace(POST_TAGS.fields[1], type=BIGINT))
    assert problems(schema, "nullable-composite-fk") == []
    loose = with_field(schema, "ent_pt", replace(POST_TAGS.fields[1], type=BIGINT, nullable=True))
    assert len(problems(loose, "nullable-composite-fk")) == 1
    single = with_field(CLEAN, "ent_posts", replace(POSTS.fields[1], nullable=True))
    assert problems(single, "nullable-composite-fk") == []


@pytest.mark.parametrize(
    "schema",
    [
        with_entity(CLEAN, replace(USERS, indexes=(replace(USERS.indexes[0], name=" "),))),
        replace(CLEAN, groups=(replace(CLEAN.groups[0], name=""),)),
        replace(CLEAN, notes=(replace(CLEAN.notes[0], name="\t"),)),
    ],
)
def test_blank_names_of_indexes_groups_and_notes_are_errors(schema):
    assert len(problems(schema, "blank-name")) == 1


def test_an_enum_reference_on_a_non_enum_type_is_an_error():
    text_with_enum = FieldType(TypeKind.TEXT, enum_id="enum_status")
    [problem] = problems(with_field(CLEAN, "ent_posts", replace(POSTS.fields[4], type=text_with_enum)), "bad-type")
    assert "text takes no enum" in problem.message


def test_a_json_path_filter_needs_its_path():
    def filtered(value):
        condition = Filter(field_id="fld_p_slug", op=FilterOp.JSON_PATH, value=value)
        return replace(CLEAN, patterns=(replace(CLEAN.patterns[0], filters=(condition,)),))

    [problem] = problems(filtered(None), "pattern-filter")
    assert "needs its path" in problem.message
    assert problems(filtered("$.tags[0]"), "pattern-filter") == []


def test_fields_differing_only_in_case_warn_for_mysql():
    schema = with_entity(CLEAN, replace(USERS, fields=(*USERS.fields, _field("fld_u_Email", "Email", nullable=True))))
    [problem] = problems(schema, "case-only-difference")
    assert problem.path == "entities/users/fields/email" and problem.severity is Severity.WARNING
    assert problems(schema, "duplicate-field-name") == []


def test_case_only_differences_are_judged_per_namespace():
    lower = replace(TAGS, id="ent_t2", name="tags", namespace="archive", fields=(), primary_key=())
    upper = replace(lower, id="ent_t3", name="Tags", namespace=None)
    schema = replace(CLEAN, entities=(*CLEAN.entities, lower, replace(lower, id="ent_t4")))
    # two exact "archive.tags" (an error) and public "tags": no case warning for either namespace
    assert problems(schema, "case-only-difference") == []
    assert len(problems(replace(schema, entities=(*schema.entities, upper)), "case-only-difference")) == 1


def test_an_enum_default_outside_the_enum_values_is_a_warning():
    status = POSTS.fields[3]
    without_draft = replace(CLEAN.enums[0], values=(EnumValue("published"),))
    [problem] = problems(replace(CLEAN, enums=(without_draft,)), "enum-default-unknown")
    assert problem.message == "posts.status defaults to 'draft', which is not a value of post_status"
    for fine in ("'published'", "null", "published"):
        schema = with_field(CLEAN, "ent_posts", replace(status, default=Default(DefaultKind.LITERAL, fine)))
        assert problems(schema, "enum-default-unknown") == [], fine


def test_removing_an_enum_value_through_update_enum_flags_the_default_and_rename_keeps_it_valid():
    removed, _ = ops.apply(CLEAN, ops.UpdateEnum(enum=replace(CLEAN.enums[0], values=(EnumValue("published"),))))
    assert len(problems(removed, "enum-default-unknown")) == 1
    renamed_value, _ = ops.apply(CLEAN, ops.RenameEnumValue(enum_id="enum_status", old="draft", new="sketch"))
    assert validate(renamed_value) == []


def test_validation_of_a_large_schema_finds_no_errors():
    from designer.examples.synthetic import synthetic_schema

    # Its speed is a benchmark's business, not a timed assertion's (this machine's load varies).
    found = validate(synthetic_schema(entities=3000))
    assert [p for p in found if p.severity is Severity.ERROR] == []


def test_problem_paths_and_messages_use_names():
    mismatch = replace(CLEAN.relationships[0], to_field_ids=())
    [problem] = problems(replace(CLEAN, relationships=(mismatch,)), "relationship-fields")
    assert problem.path == "relationships/posts → users"
    named = replace(mismatch, name="posts_author_fk")
    assert problems(replace(CLEAN, relationships=(named,)), "relationship-fields")[0].path == (
        "relationships/posts_author_fk"
    )
    [volume] = problems(replace(CLEAN, volumes=(Volume(entity_id="ent_users", rows=-1),)), "negative-volume")
    assert volume.path == "volumes/users"
    without_posts, _ = ops.apply(CLEAN, ops.RemoveEntity(entity_id="ent_posts"))
    stale = problems(without_posts, "pattern-stale")[0]
    assert stale.message == "access pattern 'post by slug' refers to its entity that no longer exists"


@pytest.mark.parametrize(
    ("kind", "severity"),
    [
        (TypeKind.TEXT, "warning"),
        (TypeKind.UUID, "warning"),
        (TypeKind.INTEGER, "warning"),
        (TypeKind.DECIMAL, "warning"),
    ],
)
def test_a_foreign_key_between_types_is_a_warning_never_a_refusal(kind, severity):
    schema = with_field(CLEAN, "ent_posts", replace(POSTS.fields[1], type=FieldType(kind)))
    found = problems(schema, "fk-type-incompatible") + problems(schema, "fk-type-mismatch")
    assert [p.severity.value for p in found] == [severity]
    if kind in (TypeKind.TEXT, TypeKind.UUID):
        assert found[0].code == "fk-type-incompatible" and "PostgreSQL refuses" in found[0].message


def test_a_type_we_do_not_know_is_never_called_incompatible():
    other = FieldType(TypeKind.OTHER, written="citext")
    schema = with_field(CLEAN, "ent_posts", replace(POSTS.fields[1], type=other))
    assert problems(schema, "fk-type-incompatible") == []
