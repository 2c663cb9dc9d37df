"""The deploy check: per dialect, what would not render or would fail, with the fix."""

from designer.deploy import ERROR, WARNING, deploy_check, primary_dialect, target_dialects
from designer.examples import blog_schema
from designer.formats.dbml import import_dbml
from designer.schema import Schema


def schema(dbml: str, database: str = "PostgreSQL") -> Schema:
    return import_dbml(f'Project p {{ database_type: "{database}" }}\n{dbml}').schema


def test_the_blog_deploys_everywhere():
    check = deploy_check(blog_schema())
    assert check.dialects == ("postgresql", "mysql", "sqlite") and check.findings == () and check.failing == []


def test_the_primary_dialect_comes_first():
    mysql = schema("Table t { id int [pk] }", "MySQL")
    assert primary_dialect(mysql) == "mysql" and target_dialects(mysql) == ("mysql", "postgresql", "sqlite")
    assert primary_dialect(Schema()) == "postgresql"


def test_a_typo_fails_where_it_is_written_with_the_suggestion():
    check = deploy_check(schema("Table t { id int [pk]\n code varchr(20) }"))
    finding = check.for_dialect("postgresql")[0]
    assert (finding.object, finding.severity) == ("t.code", ERROR)
    assert "varchr(20) does not exist in PostgreSQL" in finding.message and finding.fix == "change it to varchar(20)"
    assert check.fails("mysql") and "no MySQL/MariaDB equivalent" in check.for_dialect("mysql")[0].message


def test_a_postgresql_type_with_no_mysql_equivalent_fails_only_mysql():
    check = deploy_check(schema("Table t { id int [pk]\n range int4range }"))
    assert check.failing == ["mysql", "sqlite"]
    assert "leave MySQL/MariaDB out of this version" in check.for_dialect("mysql")[0].fix


def test_extension_types_are_notes_with_the_create_extension():
    check = deploy_check(schema("Table t { id int [pk]\n email citext }"))
    finding = check.for_dialect("postgresql")[0]
    assert finding.severity == WARNING and "CREATE EXTENSION IF NOT EXISTS citext" in finding.fix
    assert not check.fails("postgresql")


def test_a_foreign_key_to_a_non_unique_column_fails_every_dialect_with_the_fix():
    check = deploy_check(schema("Table a { id int [pk]\n x int }\nTable b { id int [pk]\n y int }\nRef: a.x > b.y"))
    assert check.failing == ["postgresql", "mysql", "sqlite"]
    assert "add a unique key on b (y)" in check.for_dialect("sqlite")[0].fix


def test_names_too_long_for_mysql_and_postgresql():
    long = "a" * 64
    check = deploy_check(schema(f"Table {long} {{ id int [pk] }}"))
    assert check.fails("postgresql") and not check.fails("mysql") and not check.fails("sqlite")
    assert check.for_dialect("postgresql")[0].object == f"table {long}"
    longer = deploy_check(schema(f"Table t {{ id int [pk]\n {'b' * 65} int }}"))
    assert longer.fails("mysql") and "allows 64" in longer.for_dialect("mysql")[0].message


def test_postgresql_truncation_collisions_are_named():
    stem = "c" * 63
    check = deploy_check(schema(f"Table t {{ id int [pk]\n {stem}_one int\n {stem}_two int }}"))
    messages = [f.message for f in check.for_dialect("postgresql")]
    assert len(messages) == 2 and all("collide" in m for m in messages)


def test_an_expression_index_sqlite_cannot_build():
    dbml = "Table t { id int [pk]\n state varchar(9)\n Indexes { `lower(state::text)` } }"
    check = deploy_check(schema(dbml))
    assert check.fails("sqlite") and "SQLite cannot index" in check.for_dialect("sqlite")[0].message
    assert not check.fails("postgresql")
    assert check.fails("mysql")  # MariaDB cannot index expressions: the renderer says so


def test_the_migration_from_the_last_release_is_rendered():
    old = schema("Table t { id int [pk]\n code varchr(20) }")
    new = schema("Table t { id int [pk]\n code varchar(20) }")
    assert not deploy_check(new).failing
    check = deploy_check(new, previous=old, previous_number=1)
    assert check.failing == ["mysql", "sqlite"]  # v1's type cannot be written there: the chain breaks
    finding = check.for_dialect("mysql")[0]
    assert finding.object == "migration from version 1" and "baseline" in finding.fix


def test_without_rendering_only_the_rules_run():
    dbml = "Table t { id int [pk]\n Indexes { `lower(name)` } }"
    assert not deploy_check(schema(dbml), rendered=False).fails("mysql")
    assert deploy_check(schema(dbml)).fails("mysql")


def test_as_dict_is_json_ready():
    data = deploy_check(schema("Table t { id int [pk]\n code varchr(20) }")).as_dict()
    assert data["primary"] == "postgresql" and data["failing"] == ["postgresql", "mysql", "sqlite"]
    assert {"dialect", "object", "message", "fix", "severity"} == set(data["findings"][0])


def test_key_types_that_cannot_be_compared():
    check = deploy_check(schema("Table p { id uuid [pk] }\nTable c { id int [pk]\n p_id int }\nRef: c.p_id > p.id"))
    assert check.fails("postgresql") and "give c.p_id the type of p.id" in check.for_dialect("postgresql")[0].fix
    widened = deploy_check(schema("Table p { id int [pk] }\nTable c { id int [pk]\n p_id bigint }\nRef: c.p_id > p.id"))
    assert not widened.fails("postgresql") and widened.fails("mysql") and not widened.fails("sqlite")


def test_index_expressions_postgresql_cannot_index():
    dbml = "Enum mood { ok\n sad }\nTable t { id int [pk]\n m mood\n Indexes { `lower(m::text)` } }"
    assert deploy_check(schema(dbml)).fails("postgresql")
    assert deploy_check(schema("Table t { id int [pk]\n at timestamptz\n Indexes { `(now() - at)` } }")).fails(
        "postgresql"
    )
    assert not deploy_check(schema("Table t { id int [pk]\n n text\n Indexes { `lower(n)` } }")).fails("postgresql")


def test_defaults_another_dialect_cannot_evaluate():
    mysql = schema("Table t { id int [pk]\n at datetime [default: `CURRENT_TIMESTAMP(3)`] }", "MySQL")
    check = deploy_check(mysql)
    assert check.fails("sqlite") and not check.fails("mysql")
    assert not deploy_check(schema("Table t { id int [pk]\n at timestamp [default: `now()`] }")).failing
