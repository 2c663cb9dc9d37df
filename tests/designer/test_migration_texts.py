"""The Compare page's migration per dialect: up and down, or why a dialect cannot be written."""

from designer.migration_texts import migration_texts
from designer.schema import Entity, Field, FieldType, Schema, TypeKind


def _schema(*fields):
    return Schema(
        entities=(Entity("e1", "places", fields=(Field("f1", "id", FieldType(TypeKind.BIGINT)), *fields)),),
        database_type="PostgreSQL",
    )


def test_each_dialect_has_its_up_and_down_the_primary_first():
    before = _schema()
    after = _schema(Field("f2", "name", FieldType(TypeKind.TEXT)))
    texts = migration_texts(before, after)
    assert [t.dialect for t in texts] == ["postgresql", "mysql", "sqlite"]
    assert all('"name"' in t.up or "`name`" in t.up for t in texts)
    assert all("DROP COLUMN" in t.down or "places" in t.down for t in texts)


def test_a_dialect_that_cannot_be_written_says_why_and_the_others_stand():
    before = _schema()
    after = _schema(Field("f2", "spot", FieldType(TypeKind.OTHER, written="geometry(Point,4326)")))
    by_dialect = {t.dialect: t for t in migration_texts(before, after)}
    assert by_dialect["postgresql"].error == "" and "geometry" in by_dialect["postgresql"].up.lower()
    assert "geometry" in by_dialect["mysql"].error and by_dialect["mysql"].up == ""


def test_the_steps_that_can_fail_on_rows_are_listed_for_up_and_down():
    before = _schema(Field("f2", "code", FieldType(TypeKind.TEXT), nullable=False))
    after = _schema()  # the up drops a required column; the down brings it back empty
    text = migration_texts(before, after)[0]
    assert text.fails_on_data == (
        "down: places.code is added NOT NULL without a default: this will fail on a populated table",
    )
    assert "BACKFILL PLACEHOLDER" in text.down and "BACKFILL PLACEHOLDER" not in text.up
