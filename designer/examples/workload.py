"""The demo project's declared workload: what a small but busy blog does all day.

Readers far outnumber writers: posts are read by slug and listed per author, comments
are listed under each post, and writes arrive a few per hour. The numbers are
realistic for a blog with tens of thousands of users, so the workload summary, the
heat map and the advice have something meaningful to show on first run.
"""

from __future__ import annotations

from designer.schema import (
    AccessPattern,
    Consistency,
    Entity,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    Pagination,
    PatternKind,
    Per,
    Schema,
    SortKey,
    SortOrder,
    ValueKind,
    Volume,
    fresh_id,
    replace,
)


def with_demo_workload(schema: Schema) -> Schema:
    """The blog schema (from blog.dbml) with its access patterns and volumes."""
    tables = {entity.name: entity for entity in schema.entities}
    users, posts, comments = tables["users"], tables["posts"], tables["comments"]
    taken = schema.all_ids()
    patterns = (
        _published_posts_of_an_author(posts, fresh_id("pat", taken)),
        _post_by_slug(schema, posts, users, fresh_id("pat", taken)),
        _insert_post(posts, fresh_id("pat", taken)),
        _user_by_email(users, fresh_id("pat", taken)),
        _recent_comments_of_a_post(schema, comments, users, fresh_id("pat", taken)),
        _add_comment(comments, fresh_id("pat", taken)),
        _count_posts_of_a_user(posts, fresh_id("pat", taken)),
        _edit_post(posts, fresh_id("pat", taken)),
        _tag_by_name(tables["tags"], fresh_id("pat", taken)),
        _posts_with_a_tag(schema, tables["post_tags"], posts, fresh_id("pat", taken)),
    )
    volumes = (
        Volume(entity_id=users.id, rows=50_000, growth_per_month=2_000),
        Volume(entity_id=posts.id, rows=120_000, growth_per_month=6_000),
        Volume(entity_id=comments.id, rows=900_000, growth_per_month=60_000),
        Volume(entity_id=tables["tags"].id, rows=800, growth_per_month=20),
        Volume(entity_id=tables["post_tags"].id, rows=300_000, growth_per_month=15_000),
    )
    return replace(schema, patterns=patterns, volumes=volumes)


def _field_ids(entity: Entity, *names: str) -> tuple[str, ...]:
    return tuple(entity.field_by_name(name).id for name in names)


def _field_id(entity: Entity, name: str) -> str:
    return entity.field_by_name(name).id


def _relationship_id(schema: Schema, *, source: Entity, field_name: str, target: Entity) -> str:
    """The foreign key ``source.field_name`` → ``target``."""
    field_id = _field_id(source, field_name)
    return next(
        r.id
        for r in schema.relationships
        if r.from_entity_id == source.id and r.to_entity_id == target.id and r.from_field_ids == (field_id,)
    )


def _published_posts_of_an_author(posts: Entity, pattern_id: str) -> AccessPattern:
    # The author page: the busiest list, paged by the last published_at seen (keyset),
    # so page 50 costs what page 1 costs.
    return AccessPattern(
        id=pattern_id,
        name="published posts of an author, newest first",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=posts.id,
        filters=(
            Filter(field_id=_field_id(posts, "author_id"), op=FilterOp.EQ),
            Filter(
                field_id=_field_id(posts, "status"), op=FilterOp.EQ, value_kind=ValueKind.CONSTANT, value="'published'"
            ),
        ),
        sort=(SortKey(field_id=_field_id(posts, "published_at"), order=SortOrder.DESC),),
        limit=20,
        pagination=Pagination.KEYSET,
        returns=_field_ids(posts, "id", "title", "slug", "published_at"),
        frequency=Frequency(average=40, peak=150),
        latency_ms=50,
        consistency=Consistency.EVENTUAL,  # a post showing up a second late is fine
    )


def _post_by_slug(schema: Schema, posts: Entity, users: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="post by slug",
        kind=PatternKind.READ,
        operation=Operation.POINT_LOOKUP,
        entity_id=posts.id,
        description="The post page, with its author's display name.",
        filters=(Filter(field_id=_field_id(posts, "slug"), op=FilterOp.EQ),),
        joins=(_relationship_id(schema, source=posts, field_name="author_id", target=users),),
        frequency=Frequency(average=200, peak=900),
        latency_ms=20,
        consistency=Consistency.EVENTUAL,
    )


def _insert_post(posts: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="insert post",
        kind=PatternKind.WRITE,
        operation=Operation.INSERT,
        entity_id=posts.id,
        changes=_field_ids(posts, "author_id", "title", "slug", "body", "status"),
        frequency=Frequency(average=8, peak=40, per=Per.HOUR),
        latency_ms=200,
    )


def _user_by_email(users: Entity, pattern_id: str) -> AccessPattern:
    # Login: must see a just-changed email or password at once, hence strong.
    return AccessPattern(
        id=pattern_id,
        name="user by email",
        kind=PatternKind.READ,
        operation=Operation.POINT_LOOKUP,
        entity_id=users.id,
        filters=(Filter(field_id=_field_id(users, "email"), op=FilterOp.EQ),),
        frequency=Frequency(average=90, peak=600, per=Per.MINUTE),
        latency_ms=30,
    )


def _recent_comments_of_a_post(schema: Schema, comments: Entity, users: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="recent comments of a post",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=comments.id,
        filters=(Filter(field_id=_field_id(comments, "post_id"), op=FilterOp.EQ),),
        sort=(SortKey(field_id=_field_id(comments, "created_at"), order=SortOrder.DESC),),
        limit=50,
        pagination=Pagination.KEYSET,
        joins=(_relationship_id(schema, source=comments, field_name="author_id", target=users),),
        frequency=Frequency(average=150, peak=700),
        latency_ms=50,
        consistency=Consistency.EVENTUAL,
    )


def _add_comment(comments: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="add comment",
        kind=PatternKind.WRITE,
        operation=Operation.INSERT,
        entity_id=comments.id,
        changes=_field_ids(comments, "post_id", "author_id", "body"),
        frequency=Frequency(average=80, peak=500, per=Per.HOUR),
        latency_ms=150,
    )


def _count_posts_of_a_user(posts: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="count posts of a user",
        kind=PatternKind.READ,
        operation=Operation.COUNT,
        entity_id=posts.id,
        filters=(Filter(field_id=_field_id(posts, "author_id"), op=FilterOp.EQ),),
        frequency=Frequency(average=5, peak=20),
        latency_ms=100,
        consistency=Consistency.EVENTUAL,  # a profile's post count may lag a little
    )


def _edit_post(posts: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="update post title and body",
        kind=PatternKind.WRITE,
        operation=Operation.UPDATE,
        entity_id=posts.id,
        filters=(Filter(field_id=_field_id(posts, "id"), op=FilterOp.EQ),),
        changes=_field_ids(posts, "title", "body"),
        frequency=Frequency(average=60, peak=300, per=Per.DAY),
        latency_ms=200,
    )


def _tag_by_name(tags: Entity, pattern_id: str) -> AccessPattern:
    return AccessPattern(
        id=pattern_id,
        name="tag by name",
        kind=PatternKind.READ,
        operation=Operation.POINT_LOOKUP,
        entity_id=tags.id,
        filters=(Filter(field_id=_field_id(tags, "name"), op=FilterOp.EQ),),
        frequency=Frequency(average=15, peak=60),
        latency_ms=20,
        consistency=Consistency.EVENTUAL,
    )


def _posts_with_a_tag(schema: Schema, post_tags: Entity, posts: Entity, pattern_id: str) -> AccessPattern:
    # Read from the join table (its tag_id index) and follow post_id to the posts.
    return AccessPattern(
        id=pattern_id,
        name="posts with a tag",
        kind=PatternKind.READ,
        operation=Operation.LIST,
        entity_id=post_tags.id,
        filters=(Filter(field_id=_field_id(post_tags, "tag_id"), op=FilterOp.EQ),),
        limit=20,
        pagination=Pagination.OFFSET,
        joins=(_relationship_id(schema, source=post_tags, field_name="post_id", target=posts),),
        frequency=Frequency(average=15, peak=60),
        latency_ms=80,
        consistency=Consistency.EVENTUAL,
    )
