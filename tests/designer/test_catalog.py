"""Catalog rows → schema (pure): statistics as volumes and access patterns, hostile names."""

from pathlib import Path

from designer.catalog import PostgresCatalog, postgresql_schema, with_patterns, with_volumes
from designer.formats import import_text
from designer.schema import Operation, Per

FIXTURES = Path(__file__).parent / "fixtures"


def rich():
    return import_text((FIXTURES / "rich_postgresql.sql").read_text(), fmt="postgresql").schema


def test_top_statements_become_patterns_at_their_call_rate():
    statements = [
        ("SELECT id, title FROM posts WHERE author_id = $1 ORDER BY id DESC LIMIT $2", 7200),
        ("SELECT * FROM posts p WHERE lower(p.title) = $1 OR p.id = $2", 50),
        ("INSERT INTO posts (author_id, title) VALUES ($1, $2)", 30),
    ]
    schema, notices = with_patterns(rich(), statements, seconds=3600)
    listing, insert = schema.patterns
    assert listing.operation is Operation.LIST and (listing.frequency.average, listing.frequency.per) == (
        2.0,
        Per.SECOND,
    )
    assert insert.operation is Operation.INSERT and (insert.frequency.average, insert.frequency.per) == (30.0, Per.HOUR)
    assert len(notices) == 1 and "statement #2 (50 calls)" in notices[0].message


def test_row_estimates_become_volumes():
    schema = rich()
    estimated = with_volumes(schema, {(None, "posts"): 1200, ("core", "users"): 80, (None, "gone"): 5})
    rows = {schema.entity(v.entity_id).name: v.rows for v in estimated.volumes}
    assert rows == {"users": 80, "posts": 1200}


def test_hostile_catalog_names_are_quoted():
    catalog = PostgresCatalog(
        tables=[("public", 'we"ird; DROP TABLE x', None, None, None)],
        columns=[("public", 'we"ird; DROP TABLE x', 'a"b', "integer", True, None, "", None)],
        table_comments=[("public", 'we"ird; DROP TABLE x', "it's")],
    )
    schema, _ = postgresql_schema(catalog)
    entity = schema.entities[0]
    assert (entity.name, entity.fields[0].name, entity.comment) == ('we"ird; DROP TABLE x', 'a"b', "it's")
