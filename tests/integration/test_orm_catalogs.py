"""The spellings where TypeORM and Drizzle used to build another database than our DDL
(issue 18 point 6), on one small PostgreSQL schema
(SPELLINGS, whose generated text test_generators.py reads): TypeORM's ``synchronize`` and
``drizzle-kit generate`` each build a database, compared catalog against catalog with the
one ``full_ddl`` builds (tests/realworld/catalogs.py, as the real-world corpus is judged).

A UNIQUE constraint stays a constraint next to a unique index, CURRENT_TIMESTAMP and
DEFAULT NULL are kept as written (by Drizzle; TypeORM keeps the same meaning), '-1' on a bigint keeps its cast and 0.0 its point, a GIN
index stays GIN, a bigserial inside a composite key keeps its sequence, a one-column primary
key keeps its own name, timestamp(0) its precision, an expression key its operator class. What TypeORM cannot say is pinned in
TYPEORM_CANNOT with its reason; Drizzle says all of it."""

from __future__ import annotations

import pytest

from designer.codegen import generate
from designer.formats import import_text
from designer.migrate import full_ddl
from tests.designer.codegen.conftest import NODE_MODULES, node_tool
from tests.designer.codegen.test_generators import SPELLINGS
from tests.realworld import catalogs, orm_tools, servers

pytestmark = [pytest.mark.external, pytest.mark.postgres]

# What TypeORM has no spelling for: why (the generator says so in a comment).
TYPEORM_CANNOT = {
    "changed index public.events.events_team_at: USING btree (team_id, at DESC) → USING btree (team_id, at)": (
        "@Index has no per-column order"
    ),
    "changed index public.teams.teams_tags_idx: USING gin (tags jsonb_path_ops) → USING gin (tags)": (
        "@Index has no operator classes"
    ),
    "missing index public.teams.teams_lower_name: USING btree (lower((name)::text) text_pattern_ops DESC)": (
        "@Index takes properties, not expressions"
    ),
    # Spellings TypeORM could write, but then never compares equal to what it reads back:
    # each synchronize would re-set the default and re-create the column's indexes.
    "changed column public.teams.created_at :: default: CURRENT_TIMESTAMP → now()": (
        "TypeORM writes CURRENT_TIMESTAMP as now(), the same function"
    ),
    "changed column public.teams.region :: default: NULL::character varying → ": (
        "DEFAULT NULL is no default: TypeORM leaves it out"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """{"ours": catalog, "typeorm": catalog, "drizzle-kit": catalog} of the three databases."""
    node_tool("tsc")
    schema = import_text(SPELLINGS, fmt="postgresql").schema
    root = tmp_path_factory.mktemp("orm_catalogs")
    (root / "node_modules").symlink_to(NODE_MODULES)
    for target in ("typeorm", "drizzle"):
        for path, text in generate(schema, target=target, dialect="postgresql").items():
            (root / target / "spellings").mkdir(parents=True, exist_ok=True)
            (root / target / "spellings" / path).write_text(text, encoding="utf-8")
    written = orm_tools.Written(root, {"spellings": "spellings"}, {})
    assert orm_tools.tsc(written) == {}
    kit_sql = orm_tools.drizzle_kit_sql(written, ["spellings"])["spellings"]
    found = {}
    try:
        with servers.pg_database("spellings_typeorm") as database:
            assert orm_tools.typeorm_synchronize(written, {"spellings": database}) == {"spellings": None}
            found["typeorm"] = servers.pg_catalog(database)
        for tool, sql in (("ours", full_ddl(schema, dialect="postgresql")), ("drizzle-kit", kit_sql)):
            with servers.pg_database(f"spellings_{tool.replace('-', '_')}") as database:
                assert servers.psql(database, sql) is None
                found[tool] = servers.pg_catalog(database)
    finally:
        servers.drop_scratch()
    return found


def test_drizzle_kit_builds_the_database_our_ddl_builds(built):
    assert catalogs.differences(built["ours"], built["drizzle-kit"]) == []


def test_typeorm_synchronize_differs_only_where_typeorm_has_no_spelling(built):
    assert set(catalogs.differences(built["ours"], built["typeorm"])) == set(TYPEORM_CANNOT)


def test_the_spellings_are_in_the_catalogs(built):
    """The comparison sees what this file is about: every one of them is in our database."""
    ours = "\n".join(f"{k}: {v}" for k, v in built["ours"].items())
    for spelling in (
        "UNIQUE (name, region)",
        "UNIQUE USING btree (region, budget)",
        "USING gin (tags jsonb_path_ops)",
        "default: CURRENT_TIMESTAMP",
        "default: NULL::character varying",
        "default: '-1'::bigint",
        "default: nextval('events_id_seq'::regclass)",
        "default: 0.0",
        "timestamp(0) without time zone",
        "teams_pk: PRIMARY KEY (id)",
        "USING btree (lower((name)::text) text_pattern_ops DESC)",
    ):
        assert spelling in ours, spelling
