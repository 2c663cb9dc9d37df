"""designer.identity: a pushed or live-read schema takes the ids of the version it replaces."""

from designer.compare import compare
from designer.formats import import_text
from designer.identity import adopt_ids
from designer.migrate import diff


def _dbml(text: str):
    return import_text(text, fmt="dbml").schema


OLD = _dbml("""
Table users { id int [pk]
 email varchar
 name text }
Table posts { id int [pk]
 user_id int [ref: > users.id]
 title text }
""")


def test_a_renamed_table_and_column_are_renames_not_drops():
    new = _dbml("""
Table members { id int [pk]
 email varchar
 name text }
Table posts { id int [pk]
 user_id int [ref: > members.id]
 headline text
 body text }
Table tags { id int [pk] }
""")
    changes = {(c.kind, c.action, c.label) for c in compare(OLD, adopt_ids(new, previous=OLD)).changes}
    assert ("entity", "renamed", "members") in changes
    assert ("field", "renamed", "posts.headline") in changes
    assert ("field", "added", "posts.body") in changes
    assert ("entity", "added", "tags") in changes
    assert not any(action == "removed" for _, action, _ in changes)


def test_the_same_document_read_again_is_no_change_and_no_migration():
    again = adopt_ids(_dbml("Table posts { id int [pk]\n user_id int\n title text }"), previous=OLD)
    assert {c.label for c in compare(OLD, again).changes} == {"users", "posts.user_id → users.id"}
    same = adopt_ids(_dbml(_text(OLD)), previous=OLD)
    assert not compare(OLD, same)
    assert diff(OLD, same) == []


def test_new_objects_never_take_an_id_the_old_version_holds():
    new = _dbml("Table tags { id int [pk] }\nTable users { id int [pk]\n email varchar\n name text }")
    adopted = adopt_ids(new, previous=OLD)
    ids = [e.id for e in adopted.entities]
    assert len(set(ids)) == 2
    assert adopted.entity_by_name("users").id == OLD.entity_by_name("users").id
    assert adopted.entity_by_name("tags").id not in {e.id for e in OLD.entities}


def _text(schema):
    from designer.formats import dump_schema

    return dump_schema(schema, fmt="dbml")


def test_a_plain_file_keeps_the_workload_and_diagram_it_cannot_say():
    from designer.examples import blog_schema
    from designer.identity import keep_unsaid

    old = blog_schema()
    plain = "\n".join(line for line in _text(old).splitlines() if not line.startswith("//@"))
    pushed = adopt_ids(_dbml(plain), previous=old)
    assert not pushed.patterns
    kept = keep_unsaid(pushed, previous=old)
    assert (kept.patterns, kept.volumes, kept.diagram) == (old.patterns, old.volumes, old.diagram)
    without_comments = adopt_ids(_dbml(_without_table(plain, "comments")), previous=old)
    kept = keep_unsaid(without_comments, previous=old)
    comments = old.entity_by_name("comments").id
    assert kept.patterns and all(p.entity_id != comments for p in kept.patterns)
    assert len(kept.patterns) < len(old.patterns)
    assert all(v.entity_id != comments for v in kept.volumes)


def _without_table(dbml: str, name: str) -> str:
    """The DBML without one table's block and the references that name it."""
    out, skipping = [], False
    for line in dbml.splitlines():
        if line.startswith(f"Table {name} ") or line.startswith(f'Table "{name}"'):
            skipping = True
        elif skipping and line.startswith("}"):
            skipping = False
            continue
        if not skipping and f"{name}." not in line and f'"{name}".' not in line and line.strip() != f'"{name}"':
            out.append(line)
    return "\n".join(out)
