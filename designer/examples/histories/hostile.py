"""Names that break careless quoting: quotes of every dialect, spaces, unicode, a
backslash, an enum value with an apostrophe; renamed, retyped and dropped like any other."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, apply, entity, f, key, lit, ref, t, update_entity, update_field
from designer.schema import Enum, EnumValue, Index, IndexColumn, Schema

QUOTES = "we\"ird `name` 'q'"
UNICODE = "Bestellung Größe ✓"


def versions() -> list[Schema]:
    mood = Enum("en_mood", 'mo"od', (EnumValue("it's"), EnumValue('say "hi"'), EnumValue("back\\slash")))
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEnum(enum=mood),
        ops.AddEntity(
            entity=entity(
                "h1",
                QUOTES,
                key("h1_id", name="id `x`"),
                f("h1_note", 'no"te', K.TEXT, default=lit("'it''s'")),
                f("h1_mood", "mood", t(K.ENUM, enum_id="en_mood"), default=lit("'it''s'")),
            )
        ),
        ops.AddEntity(entity=entity("h2", UNICODE, key("h2_id"), f("h2_ref", "ref ✓", K.BIGINT))),
    )
    v2 = apply(
        v1,
        ops.AddRelationship(relationship=ref("h_ref", "h2", ["h2_ref"], "h1", ["h1_id"], name='fk "q" `b`')),
        ops.AddIndex(entity_id="h2", index=Index("h_ix", (IndexColumn("h2_ref"),), name="ix 'single' \"double\"")),
    )
    v3 = apply(
        v2,
        update_entity("h1", name='re"named `again`'),
        update_field("h2_ref", name="réf ✓✓"),
        ops.RenameEnumValue(enum_id="en_mood", old="it's", new="it''s twice"),
    )
    v4 = apply(
        v3,
        update_field("h1_note", type=t(K.VARCHAR, length=300), name="note\\slash"),
        ops.UpdateIndex(entity_id="h2", index=Index("h_ix", (IndexColumn("h2_ref"),), name="ix renamed ✓")),
    )
    v5 = apply(v4, ops.RemoveField(entity_id="h1", field_id="h1_note"), ops.RemoveEntity(entity_id="h2"))
    return [v1, v2, v3, v4, v5]
