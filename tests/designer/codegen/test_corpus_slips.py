"""Slips the real-world corpus showed in the generated ORM code (tests/realworld/
test_orm_tools.py runs the ORMs' tools over it), each on a small schema read from SQL."""

from __future__ import annotations

import re
from dataclasses import replace

from designer.codegen import generate
from designer.formats import import_text


def _code(sql: str, fmt: str, target: str, **kwargs) -> str:
    schema = import_text(sql, fmt=fmt).schema
    return "".join(generate(schema, target=target, dialect=fmt, **kwargs).values())


def test_a_default_null_is_no_default_in_prisma():
    sql = "CREATE TABLE t (id int PRIMARY KEY, n bigint DEFAULT NULL, s varchar(9) DEFAULT NULL);"
    prisma = _code(sql, "mysql", "prisma")
    assert "@default(null)" not in prisma and '@default("null")' not in prisma
    assert "n  BigInt?" in prisma


def test_prisma_leaves_a_gin_index_on_scalars_to_the_sql():
    sql = (
        "CREATE EXTENSION IF NOT EXISTS btree_gin; CREATE TABLE t (id int PRIMARY KEY, c char(3), tags text[]);"
        "CREATE INDEX t_c ON t USING gin (c); CREATE INDEX t_tags ON t USING gin (tags);"
    )
    prisma = _code(sql, "postgresql", "prisma")
    assert '@@index([tags], map: "t_tags", type: Gin)' in prisma
    assert "// t_c: gin on a type Prisma knows no operator class for; it is in the SQL." in prisma


def test_a_foreign_key_to_columns_that_are_no_key_stays_a_column():
    sql = (
        "CREATE TABLE m (id int, cc int, PRIMARY KEY (id, cc));"
        "CREATE TABLE p (id int PRIMARY KEY, m_id int, KEY (m_id), FOREIGN KEY (m_id) REFERENCES m (id));"
    )
    schema_sql = sql.replace("KEY (m_id),", "INDEX (m_id),")
    prisma = _code(schema_sql, "mysql", "prisma")
    assert "@relation(" not in prisma and "not a key of the target, which Prisma cannot relate" in prisma
    django = _code(schema_sql, "mysql", "django")
    assert "ForeignKey" not in django and "m_id = models.IntegerField(" in django


def test_sqlite_numbers_only_its_integer_primary_key_in_prisma():
    sql = "CREATE TABLE t (k blob PRIMARY KEY, id integer NOT NULL UNIQUE);"
    schema = import_text(sql, fmt="sqlite").schema
    entity = schema.entities[0]
    numbered = replace(
        schema, entities=(replace(entity, fields=(entity.fields[0], replace(entity.fields[1], identity=True))),)
    )
    prisma = generate(numbered, target="prisma", dialect="sqlite")["schema.prisma"]
    assert "autoincrement()" not in prisma
    assert "autoincrement()" in generate(numbered, target="prisma", dialect="postgresql")["schema.prisma"]


def test_django_leaves_index_names_several_tables_share_to_the_sql():
    sql = (
        "CREATE TABLE a (id int PRIMARY KEY, project_id int, KEY project_id (project_id));"
        "CREATE TABLE b (id int PRIMARY KEY, project_id int, KEY project_id (project_id), KEY b_own (project_id));"
    )
    django = _code(sql, "mysql", "django")
    assert "name='project_id'" not in django and 'name="project_id"' not in django
    assert django.count("index project_id: other tables have an index of this name too") == 2
    assert '"b_own"' in django


def test_mongoose_never_embeds_two_tables_in_each_other():
    sql = (
        "CREATE TABLE tr (id int PRIMARY KEY, version_id int);"
        "CREATE TABLE tv (id int PRIMARY KEY, tr_id int REFERENCES tr (id));"
        "ALTER TABLE tr ADD FOREIGN KEY (version_id) REFERENCES tv (id);"
    )
    schema = import_text(sql, fmt="postgresql").schema
    both = frozenset(r.id for r in schema.relationships)
    models = generate(schema, target="mongoose", embed=both)["models.js"]
    assert models.count("{ type: [") == 1  # one embeds the other; the second link stays a reference
    child = re.search(r"\{ type: \[(\w+)\]", models)
    assert models.index(f"const {child.group(1)} =") < child.start()  # defined before it is embedded
