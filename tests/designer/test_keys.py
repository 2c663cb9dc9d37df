from designer.formats.dbml import import_dbml
from designer.keys import better_reading, is_unique_key, non_unique_references

DBML = """
Table parent { id int [pk]
  code varchar(10) [unique] }
Table child { id int [pk]
  parent_id int }
Table profile { id int [pk]
  parent_id int [unique] }
Table tagged { id int [pk]
  parent_id int
  Indexes { parent_id [unique] } }
Ref: child.parent_id - parent.id
Ref: parent.id - profile.parent_id
Ref: tagged.parent_id - parent.id
"""


def test_one_to_one_refs_written_child_first_are_read_the_way_that_makes_sense():
    imported = import_dbml(DBML)
    schema = imported.schema
    names = [(schema.entity(r.from_entity_id).name, schema.entity(r.to_entity_id).name) for r in schema.relationships]
    assert names == [("child", "parent"), ("profile", "parent"), ("parent", "tagged")]
    reversed_notices = [n for n in imported.notices if n.code == "dbml-ref-reversed"]
    assert [n.line for n in reversed_notices] == [11]  # the unique index on tagged.parent_id: nothing to flip
    assert non_unique_references(schema) == []


def test_unique_keys():
    schema = import_dbml(DBML).schema
    parent, tagged = schema.entity_by_name("parent"), schema.entity_by_name("tagged")
    assert is_unique_key(parent, parent.primary_key)
    assert is_unique_key(parent, (parent.field_by_name("code").id,))
    assert is_unique_key(tagged, (tagged.field_by_name("parent_id").id,))
    assert not is_unique_key(schema.entity_by_name("child"), (schema.entity_by_name("child").fields[1].id,))


def test_no_better_reading_when_neither_side_is_a_key():
    schema = import_dbml("Table a { x int }\nTable b { y int }\nRef: a.x > b.y").schema
    entities = {e.id: e for e in schema.entities}
    assert better_reading(entities, schema.relationships[0]) is None
    assert len(non_unique_references(schema)) == 1


def test_one_to_many_refs_keep_the_direction_they_were_written_in():
    imported = import_dbml("Table a { id int [pk]\n x int }\nTable b { id int [pk] }\nRef: a.x < b.id")
    schema = imported.schema
    link = schema.relationships[0]
    assert schema.entity(link.from_entity_id).name == "b" and not imported.notices
    assert non_unique_references(schema) == [link]  # the deploy check names it, with "reverse its direction"
