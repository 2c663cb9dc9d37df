"""Index and key options (issue 17 point 2): read from PostgreSQL and MySQL DDL, kept in
the document, validated as names and plain values, written back by each dialect or said
to be left out. The servers judge the DDL in tests/integration/test_index_options_servers.py."""

from __future__ import annotations

import dataclasses
import json

import pytest

from designer.deploy import deploy_check
from designer.formats import import_text
from designer.formats.json_doc import dumps, loads
from designer.migrate import MigrationError, full_ddl
from designer.schema import IndexMethod, NullsOrder, SortOrder, StorageParameter
from designer.validate import validate

POSTGRESQL = """
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, name text, deleted_at timestamptz, score int);
CREATE TABLE rooms (id bigint PRIMARY KEY, account_id bigint, room int, during tsrange,
  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
ALTER TABLE rooms ADD CONSTRAINT rooms_account_fk FOREIGN KEY (account_id) REFERENCES accounts(id)
  MATCH FULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE accounts ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;
CREATE INDEX accounts_trgm ON accounts USING gin (name public.gin_trgm_ops);
CREATE INDEX accounts_sorted ON accounts ((lower(email)) COLLATE "C" text_pattern_ops DESC NULLS LAST) WITH (fillfactor = 70);
CREATE UNIQUE INDEX accounts_live ON accounts (email) INCLUDE (name) NULLS NOT DISTINCT WHERE deleted_at IS NULL;
"""


def _index(schema, name):
    return next(i for e in schema.entities for i in e.indexes if i.name == name)


@pytest.fixture(scope="module")
def imported():
    return import_text(POSTGRESQL, fmt="postgresql").schema


def test_postgresql_reader_keeps_every_index_option(imported):
    trgm = _index(imported, "accounts_trgm")
    assert trgm.method is IndexMethod.GIN and trgm.columns[0].opclass == "public.gin_trgm_ops"
    (key,) = _index(imported, "accounts_sorted").columns
    assert (key.expression, key.collation, key.opclass) == ("lower(email)", "C", "text_pattern_ops")
    assert (key.order, key.nulls) == (SortOrder.DESC, NullsOrder.LAST)
    assert _index(imported, "accounts_sorted").storage == (StorageParameter("fillfactor", "70"),)
    live = _index(imported, "accounts_live")
    assert live.unique and live.nulls_not_distinct and live.predicate == "deleted_at IS NULL" and live.include


def test_postgresql_reader_keeps_key_options_and_exclusions(imported):
    (key,) = imported.relationships
    assert (key.deferrable, key.initially_deferred, key.not_valid, key.match_full) == (True, True, True, True)
    assert imported.entity_by_name("accounts").checks[0].not_valid
    (exclusion,) = imported.entity_by_name("rooms").exclusions
    assert (exclusion.name, exclusion.definition) == ("no_overlap", "USING gist (room WITH =, during WITH &&)")


def test_postgresql_ddl_says_it_all_back(imported):
    ddl = full_ddl(imported, dialect="postgresql")
    assert 'USING gin ("name" "public"."gin_trgm_ops")' in ddl
    assert '((lower(email)) COLLATE "C" "text_pattern_ops" DESC NULLS LAST) WITH (fillfactor = 70)' in ddl
    assert '("email") INCLUDE ("name") NULLS NOT DISTINCT WHERE deleted_at IS NULL' in ddl
    assert 'CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH OPERATOR(=), during WITH OPERATOR(&&))' in ddl
    assert "MATCH FULL DEFERRABLE INITIALLY DEFERRED NOT VALID;" in ddl
    assert 'ADD CONSTRAINT "score_positive" CHECK (score > 0) NOT VALID;' in ddl


def test_the_document_round_trips_and_an_old_document_still_loads(imported):
    assert loads(dumps(imported)) == imported
    old = json.loads(dumps(imported))
    for entity in old["entities"]:
        entity.pop("exclusions", None)
        for index in entity.get("indexes", []):
            for name in ("nulls_not_distinct", "storage"):
                index.pop(name, None)
            for key in index["columns"]:
                for name in ("nulls", "opclass", "collation", "length"):
                    key.pop(name, None)
    for relationship in old["relationships"]:
        for name in ("deferrable", "initially_deferred", "not_valid", "match_full"):
            relationship.pop(name, None)
    loaded = loads(json.dumps(old))
    assert _index(loaded, "accounts_trgm").columns[0].opclass is None and not loaded.relationships[0].deferrable


def _replace_entity(schema, entity):
    return dataclasses.replace(schema, entities=tuple(entity if e.id == entity.id else e for e in schema.entities))


def _with_index(schema, name, **changes):
    entity = next(e for e in schema.entities if any(i.name == name for i in e.indexes))
    indexes = tuple(dataclasses.replace(i, **changes) if i.name == name else i for i in entity.indexes)
    return _replace_entity(schema, dataclasses.replace(entity, indexes=indexes))


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"storage": (StorageParameter("fillfactor", "70); DROP TABLE accounts; --"),)}, "storage parameter"),
        ({"storage": (StorageParameter("fill factor", "70"),)}, "storage parameter"),
    ],
)
def test_hostile_storage_parameters_are_refused_by_validation_and_by_the_renderer(imported, changes, words):
    schema = _with_index(imported, "accounts_sorted", **changes)
    assert any(p.code == "bad-index-option" and words in p.message for p in validate(schema))
    with pytest.raises(MigrationError, match=words):
        full_ddl(schema, dialect="postgresql")


def test_an_operator_class_or_collation_is_a_quoted_name_never_sql(imported):
    key = _index(imported, "accounts_trgm").columns[0]
    hostile = dataclasses.replace(key, opclass='x" ; DROP TABLE accounts; --', collation='C"')
    schema = _with_index(imported, "accounts_trgm", columns=(hostile,))
    ddl = full_ddl(schema, dialect="postgresql")
    assert '"name" COLLATE "C""" "x"" ; DROP TABLE accounts; --"' in ddl
    control = dataclasses.replace(key, opclass="ops\nDROP")
    assert any(
        p.code == "bad-index-option" for p in validate(_with_index(imported, "accounts_trgm", columns=(control,)))
    )


def test_a_hostile_exclusion_is_refused(imported):
    rooms = imported.entity_by_name("rooms")
    bad = dataclasses.replace(rooms.exclusions[0], definition="USING gist (room WITH =); DROP TABLE rooms")
    schema = _replace_entity(imported, dataclasses.replace(rooms, exclusions=(bad,)))
    assert any(p.code == "bad-index-option" and "no_overlap" in p.message for p in validate(schema))
    with pytest.raises(MigrationError, match="exclusion constraint no_overlap"):
        full_ddl(schema, dialect="postgresql")


MYSQL = """
CREATE TABLE handlers (
  id bigint NOT NULL AUTO_INCREMENT, handler_type varchar(255) NOT NULL, cfg varchar(4000), body text,
  place geometry NOT NULL,
  PRIMARY KEY (id), KEY handler_idx (handler_type(100), `cfg`(155) DESC), UNIQUE KEY type_uq (handler_type(191)),
  FULLTEXT KEY body_ft (body), SPATIAL KEY place_sp (place));
CREATE INDEX cfg_idx ON handlers (cfg(20));
CREATE FULLTEXT INDEX cfg_ft ON handlers (cfg);
"""


def test_mysql_reader_keeps_prefix_lengths_fulltext_and_spatial():
    schema = import_text(MYSQL, fmt="mysql").schema
    assert [k.length for k in _index(schema, "handler_idx").columns] == [100, 155]
    assert _index(schema, "type_uq").unique and _index(schema, "type_uq").columns[0].length == 191
    assert _index(schema, "cfg_idx").columns[0].length == 20
    assert {_index(schema, n).method for n in ("body_ft", "cfg_ft")} == {IndexMethod.FULLTEXT}
    assert _index(schema, "place_sp").method is IndexMethod.SPATIAL
    ddl = full_ddl(schema, dialect="mysql")
    assert "(`handler_type`(100), `cfg`(155) DESC)" in ddl and "CREATE FULLTEXT INDEX IF NOT EXISTS `body_ft`" in ddl
    assert "CREATE SPATIAL INDEX IF NOT EXISTS `place_sp`" in ddl


def test_dialects_that_cannot_say_an_option_say_so(imported):
    spatial = ("  place geometry NOT NULL,\n", ", SPATIAL KEY place_sp (place)")
    schema = import_text(MYSQL.replace(spatial[0], "").replace(spatial[1], ""), fmt="mysql").schema
    postgresql = full_ddl(schema, dialect="postgresql")
    assert "[prefix-index-not-kept]" in postgresql and "[mysql-index-method]" in postgresql
    findings = deploy_check(schema).for_dialect("postgresql")
    assert any("has no prefix index" in f.message and f.severity == "warning" for f in findings)
    assert any("has no FULLTEXT index" in f.message for f in findings)
    mysql = deploy_check(imported).for_dialect("mysql")
    assert any("has no EXCLUDE constraints" in f.message for f in mysql)
    assert any("has no DEFERRABLE" in f.message for f in mysql)
    assert any(f.object == "check score_positive on accounts" and "NOT VALID" in f.message for f in mysql)
    assert any(f.message == "needs the PostgreSQL extension pg_trgm" for f in deploy_check(imported).findings)


def test_labels_show_what_an_index_and_a_key_say(imported):
    from designer.labels import index_definition, relationship_label

    accounts = imported.entity_by_name("accounts")
    assert index_definition(accounts, _index(imported, "accounts_sorted")) == (
        'btree (lower(email) collate "C" text_pattern_ops desc nulls last) with (fillfactor = 70)'
    )
    assert relationship_label(imported, imported.relationships[0], actions=True).endswith(
        "(match full) (deferrable, initially deferred) (not valid)"
    )


def test_the_version_comparison_names_a_changed_operator_class_and_deferrability(imported):
    from designer.compare import compare

    changed = import_text(
        POSTGRESQL.replace("public.gin_trgm_ops", "public.gist_trgm_ops").replace(" DEFERRABLE INITIALLY DEFERRED", ""),
        fmt="postgresql",
    ).schema
    details = [detail for change in compare(imported, changed).changes for detail in change.details]
    assert details == [
        "columns: name public.gin_trgm_ops → name public.gist_trgm_ops",
        "options: match full, deferrable, initially deferred, not valid → match full, not valid",
    ]


def test_sqlite_reader_keeps_a_key_collation_and_sqlite_runs_it_back():
    import sqlite3

    source = "CREATE TABLE t (id integer PRIMARY KEY, name text);\nCREATE INDEX t_name ON t (name COLLATE NOCASE DESC);"
    schema = import_text(source, fmt="sqlite").schema
    (key,) = _index(schema, "t_name").columns
    assert (key.collation, key.order) == ("NOCASE", SortOrder.DESC) and key.field_id
    ddl = full_ddl(schema, dialect="sqlite")
    connection = sqlite3.connect(":memory:")
    connection.executescript(ddl)
    (written,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 't_name'").fetchone()
    assert '"name" COLLATE NOCASE DESC' in written


def test_pgvector_hnsw_index_with_its_parameters_is_read_and_written():
    # pgvector is not installed on the test server: the text is checked here, the extension by the deploy check.
    source = (
        "CREATE TABLE items (id bigint PRIMARY KEY, embedding vector(3));\n"
        "CREATE INDEX items_embedding ON items USING hnsw (embedding vector_cosine_ops) "
        "WITH (m = 16, ef_construction = 64);"
    )
    schema = import_text(source, fmt="postgresql").schema
    index = _index(schema, "items_embedding")
    assert index.method is IndexMethod.HNSW and index.columns[0].opclass == "vector_cosine_ops"
    ddl = full_ddl(schema, dialect="postgresql")
    assert 'USING hnsw ("embedding" "vector_cosine_ops") WITH (m = 16, ef_construction = 64);' in ddl
    assert import_text(ddl, fmt="postgresql").schema.entities[0].indexes[0].storage == index.storage
    findings = deploy_check(schema).for_dialect("postgresql")
    assert [f.message for f in findings if f.object == "index items_embedding on items"] == [
        "needs the PostgreSQL extension vector"
    ]
    text_only = import_text(source.replace("vector(3)", "text"), fmt="postgresql").schema
    with pytest.raises(MigrationError, match="uses hnsw, which MySQL does not have"):
        full_ddl(text_only, dialect="mysql")


def test_a_unique_nulls_not_distinct_constraint_keeps_its_nulls_rule():
    source = (
        "CREATE TABLE t (id bigint PRIMARY KEY, a int UNIQUE NULLS NOT DISTINCT, b int, c int);\n"
        "ALTER TABLE t ADD CONSTRAINT t_b_c_key UNIQUE NULLS NOT DISTINCT (b, c);"
    )
    entity = import_text(source, fmt="postgresql").schema.entities[0]
    assert [(i.unique, i.nulls_not_distinct, len(i.columns)) for i in entity.indexes] == [
        (True, True, 1),
        (True, True, 2),
    ]
    assert entity.indexes[1].name == "t_b_c_key" and not entity.field_by_name("a").unique


def test_prisma_import_keeps_a_prefix_length_and_a_fulltext_index_and_writes_the_length_back():
    from designer.codegen import generate

    source = """
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

model Post {
  id    Int    @id
  title String @db.VarChar(300)
  body  String @db.Text

  @@index([title(length: 191)], map: "post_title")
  @@fulltext([body], map: "post_body")
}
"""
    schema = import_text(source, fmt="prisma").schema
    assert _index(schema, "post_title").columns[0].length == 191
    assert _index(schema, "post_body").method is IndexMethod.FULLTEXT
    files = generate(schema, target="prisma")
    assert any("title(length: 191)" in text for text in files.values())
