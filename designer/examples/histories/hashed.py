"""A blog whose keys MariaDB cannot index whole: a unique text slug (and a unique pair
longer than 3072 bytes) is kept through a hidden hash column, and then no index or
column of that table changes in place. Foreign keys, indexes and columns of such tables
are added, renamed and dropped while other tables keep their online changes."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, apply, entity, f, key, ref, t, update_field
from designer.schema import Index, IndexColumn, Schema, replace


def versions() -> list[Schema]:
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(
            entity=entity(
                "users",
                "users",
                key("u_id"),
                f("u_email", "email", K.TEXT, nullable=False, unique=True),
                f("u_name", "name", t(K.VARCHAR, length=100)),
            )
        ),
        ops.AddEntity(
            entity=entity(
                "posts",
                "posts",
                key("p_id"),
                f("p_author", "author_id", K.BIGINT, nullable=False),
                f("p_slug", "slug", K.TEXT, nullable=False, unique=True),
                f("p_title", "title", t(K.VARCHAR, length=200)),
                f("p_published", "published", K.DATE),
            )
        ),
        ops.AddRelationship(relationship=ref("posts_author", "posts", ["p_author"], "users", ["u_id"])),
        ops.AddIndex(entity_id="posts", index=Index("ix_published", (IndexColumn("p_published"),))),
        ops.AddIndex(entity_id="users", index=Index("ix_name", (IndexColumn("u_name"),))),
    )
    by_title = Index("ix_title", (IndexColumn("p_title"),))
    v2 = apply(
        v1,
        ops.RemoveRelationship(relationship_id="posts_author"),
        ops.RemoveIndex(entity_id="posts", index_id="ix_published"),
        ops.AddIndex(entity_id="posts", index=by_title),
        ops.AddField(entity_id="posts", field=f("p_summary", "summary", K.TEXT)),
        update_field("p_title", name="headline"),
        ops.RemoveIndex(entity_id="users", index_id="ix_name"),
        ops.AddEntity(
            entity=entity(
                "tags",
                "tags",
                key("tg_id"),
                f("tg_scope", "scope", t(K.VARCHAR, length=500)),
                f("tg_label", "label", t(K.VARCHAR, length=500)),
            )
        ),
    )
    pair = Index("ix_scope_label", (IndexColumn("tg_scope"), IndexColumn("tg_label")), unique=True)
    v3 = apply(
        v2,
        ops.AddRelationship(relationship=ref("posts_writer", "posts", ["p_author"], "users", ["u_id"])),
        ops.UpdateIndex(entity_id="posts", index=replace(by_title, name="posts_by_headline")),
        ops.RemoveField(entity_id="posts", field_id="p_published"),
        ops.AddIndex(entity_id="tags", index=pair),
        ops.AddIndex(entity_id="tags", index=Index("ix_label", (IndexColumn("tg_label"),))),
    )
    return [v1, v2, v3]
