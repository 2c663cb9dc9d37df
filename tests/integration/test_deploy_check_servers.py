"""What the deploy check says will work does work, on the real servers: every (schema,
dialect) the check passes has its full DDL applied with psql / mariadb / sqlite3, and the
failures it predicts for a typed type really happen. A bundle chained from a baseline past
a broken version applies step by step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from designer.bundle import BundleSpec, BundleVersion, bundle_files
from designer.deploy import WARNING, deploy_check
from designer.examples import blog_schema
from designer.formats import import_text
from designer.formats.dbml import parse_dbml
from designer.migrate import full_ddl
from tests.integration.migration_servers import MariaDB, Postgres, SQLite

FIXTURES = Path(__file__).parents[1] / "designer" / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "designer" / "examples"

pytestmark = [pytest.mark.postgres, pytest.mark.mariadb]

TRICKY = """Project p { database_type: "PostgreSQL" }
Table account { id bigint [pk, increment]
  email citext [unique]
  tags text[]
  path ltree
  attrs hstore
  name varchar(200) [not null]
  Indexes { `lower(name)` [name: 'account_lower_name'] } }
Table member { id int [pk]
  account_id bigint [not null]
  role varchar(20) }
Ref: member.account_id > account.id
"""


def schemas() -> dict:
    return {
        "blog": blog_schema(),
        "tricky": parse_dbml(TRICKY),
        "rich.dbml": parse_dbml((FIXTURES / "rich.dbml").read_text()),
        "adventureworks": parse_dbml((EXAMPLES / "adventureworks.dbml").read_text()),
        **{
            f"rich_{d}.sql": import_text((FIXTURES / f"rich_{d}.sql").read_text(), fmt=d).schema
            for d in ("postgresql", "mysql", "sqlite")
        },
    }


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deploy")
    found = {
        "postgresql": Postgres("deploy_check"),
        "mysql": MariaDB("deploy_check"),
        "sqlite": SQLite(tmp / "deploy.sqlite3"),
        "tmp": tmp,
    }
    yield found
    found["postgresql"].close()
    found["mysql"].close()


def apply(servers, dialect: str, schema, sql_for=full_ddl, extensions=()) -> None:
    """Reset the server's scratch database and apply the schema's DDL as a person would."""
    server = servers[dialect]
    server.reset()
    if dialect == "postgresql":
        prelude = "".join(f"CREATE EXTENSION IF NOT EXISTS {e};\n" for e in extensions)
        server.apply(prelude + sql_for(schema, dialect="postgresql"), servers["tmp"])
    elif dialect == "mysql":
        server.apply(sql_for(server.isolate(schema), dialect="mysql"))
    else:
        server.apply(sql_for(schema, dialect="sqlite"))


def test_every_dialect_the_check_passes_applies_for_real(servers):
    applied = []
    for name, schema in schemas().items():
        check = deploy_check(schema)
        for dialect in check.dialects:
            if check.fails(dialect):
                continue
            notes = [f for f in check.for_dialect(dialect) if f.severity == WARNING]
            extensions = sorted({m[1] for f in notes if (m := re.search(r"EXISTS (\w+);", f.fix))})
            apply(servers, dialect, schema, extensions=extensions)  # raises with the server's message
            applied.append((name, dialect))
    # the check is not vacuous: most of the corpus deploys somewhere, and it does say no
    assert ("blog", "mysql") in applied and ("tricky", "postgresql") in applied
    assert ("rich_mysql.sql", "mysql") in applied and ("rich_postgresql.sql", "postgresql") in applied
    assert ("adventureworks", "postgresql") not in applied and len(applied) >= 9


@pytest.mark.parametrize(
    ("dbml", "dialect"),
    [
        ("Table t { id int [pk]\n code varchr(20) }", "postgresql"),
        ("Table a { id int [pk]\n x int }\nTable b { id int [pk]\n y int }\nRef: a.x > b.y", "mysql"),
        ("Table a { id int [pk]\n x int }\nTable b { id int [pk]\n y int }\nRef: a.x > b.y", "postgresql"),
        ("Table p { id uuid [pk] }\nTable c { id int [pk]\n p_id int }\nRef: c.p_id > p.id", "postgresql"),
        ("Table p { id int [pk] }\nTable c { id int [pk]\n p_id bigint }\nRef: c.p_id > p.id", "mysql"),
        ("Table t { id int [pk]\n at timestamptz\n Indexes { `(now() - at)` } }", "postgresql"),
    ],
)
def test_what_the_check_says_fails_does_fail(servers, dbml, dialect):
    schema = parse_dbml('Project p { database_type: "PostgreSQL" }\n' + dbml)
    assert deploy_check(schema).fails(dialect)
    unchecked = _render_without_checks(schema, dialect)
    with pytest.raises(AssertionError, match="failed"):
        apply(servers, dialect, schema, sql_for=lambda s, dialect: unchecked)


def _render_without_checks(schema, dialect: str) -> str:
    """The DDL as it would be written if the renderer did not refuse references to a
    non-unique column (it does: then the statement is written by hand, as a person would)."""
    try:
        return full_ddl(schema, dialect=dialect)
    except Exception:
        return (
            "CREATE TABLE b (id int PRIMARY KEY, y int);\n"
            "CREATE TABLE a (id int PRIMARY KEY, x int, FOREIGN KEY (x) REFERENCES b (y));\n"
        )


def test_a_bundle_after_a_bad_version_builds_from_the_baseline_and_applies(servers):
    def version(number, body, **kw):
        schema = parse_dbml('Project p { database_type: "PostgreSQL" }\n' + body)
        return BundleVersion(number, schema, f"v{number}", **kw)

    chain = (
        version(1, "Table t { id int [pk]\n code varchr(20) }"),
        version(2, "Table t { id int [pk]\n code varchar(20) }", baseline=True),
        version(3, "Table t { id int [pk]\n code varchar(20)\n note text }"),
    )
    files = bundle_files(
        BundleSpec(project_name="P", versions=chain, base=0, dialects=("postgresql", "mysql", "sqlite"))
    )
    manifest = json.loads(files["manifest.json"])
    assert manifest["dialects"] == ["postgresql", "mysql", "sqlite"]
    for dialect in manifest["dialects"]:
        steps = [m for m in manifest["migrations"] if m["dialect"] == dialect]
        assert [(m["from"], m["to"]) for m in steps] == [(0, 2), (2, 3)]
        servers[dialect].reset()
        for step in steps:
            up = files[f"{step['directory']}/up.sql"].decode()
            if dialect == "postgresql":
                servers[dialect].apply(up, servers["tmp"])
            else:
                servers[dialect].apply(up)
