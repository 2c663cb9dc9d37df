"""A library: indexes (composite, partial, descending, unique), index renames, uniques and checks."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, apply, entity, f, key, t, update_entity, update_field
from designer.schema import Check, Index, IndexColumn, Schema, SortOrder, replace


def versions() -> list[Schema]:
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(
            entity=entity(
                "books",
                "books",
                key("b_id"),
                f("b_title", "title", t(K.VARCHAR, length=200), nullable=False),
                f("b_isbn", "isbn", t(K.VARCHAR, length=20)),
                f("b_published", "published", K.DATE),
                f("b_pages", "pages", K.INTEGER),
                f("b_lang", "lang", t(K.CHAR, length=2)),
            )
        ),
        ops.AddEntity(
            entity=entity(
                "authors", "authors", key("a_id"), f("a_name", "name", t(K.VARCHAR, length=100), nullable=False)
            )
        ),
    )
    by_title = Index(
        "ix_title", (IndexColumn("b_title"), IndexColumn("b_published", order=SortOrder.DESC)), name="books_by_title"
    )
    long_books = Index("ix_long", (IndexColumn("b_published"),), predicate="pages > 100")
    v2 = apply(
        v1,
        ops.AddIndex(entity_id="books", index=by_title),
        ops.AddIndex(entity_id="books", index=long_books),
        update_field("b_isbn", unique=True),
        update_entity("books", checks=(Check("chk_pages", "pages > 0", name="books_pages_positive"),)),
    )
    lang_isbn = Index("ix_lang_isbn", (IndexColumn("b_lang"), IndexColumn("b_isbn")), unique=True)
    v3 = apply(
        v2,
        ops.UpdateIndex(entity_id="books", index=replace(by_title, name="books_title_date")),
        ops.AddIndex(entity_id="books", index=lang_isbn),
        update_field("b_lang", check="lang <> ''"),
        update_entity("authors", name="writers"),
    )
    v4 = apply(
        v3,
        ops.RemoveIndex(entity_id="books", index_id="ix_long"),
        update_field("b_isbn", unique=False),
        ops.UpdateIndex(
            entity_id="books",
            index=replace(lang_isbn, columns=(IndexColumn("b_isbn", order=SortOrder.DESC), IndexColumn("b_lang"))),
        ),
        update_entity("books", checks=(Check("chk_pages", "pages >= 1", name="books_pages_positive"),)),
        update_field("a_name", unique=True),
    )
    v5 = apply(
        v4,
        ops.RemoveIndex(entity_id="books", index_id="ix_title"),
        ops.AddIndex(
            entity_id="authors", index=Index("ix_author_name_desc", (IndexColumn("a_name", order=SortOrder.DESC),))
        ),
        update_field("b_pages", name="page_count", check=None),
        update_entity("books", checks=()),
        ops.SetPrimaryKey(entity_id="authors", field_ids=("a_id", "a_name")),
        ops.AddIndex(
            entity_id="books",
            index=Index(
                "ix_recent",
                (IndexColumn("b_published", order=SortOrder.DESC), IndexColumn("b_title")),
                predicate="published IS NOT NULL",
            ),
        ),
    )
    return [v1, v2, v3, v4, v5]
