"""Every schema of the real-world corpus, as ORM code, passes the ORMs' own tools (issue 18,
point 6): ``prisma validate`` and ``prisma format --check``, ``tsc`` on Drizzle and TypeORM,
Mongoose loading every model, Django's ``check`` and ``makemigrations --check --dry-run``
(orm_tools.py runs them: ``format --check`` validates as well, in the same process). A schema the import refuses has no code to judge: those are
listed with the import's reason, and the list must stay what REFUSED says."""

from __future__ import annotations

import pytest

from tests.realworld import orm_tools, servers
from tests.realworld.catalogs import category

pytestmark = pytest.mark.realworld

# schema id → the start of the import's refusal (the SQL readers' business, not the ORMs').
# Empty since MySQL prefix lengths and SQLite virtual tables are read: every schema has code.
REFUSED: dict[str, str] = {}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    if not (orm_tools.NODE_MODULES / ".bin" / "tsc").exists():
        pytest.fail(f"{orm_tools.NODE_MODULES} is missing: run `npm ci --prefix tests`", pytrace=False)
    return orm_tools.write_code(tmp_path_factory.mktemp("realworld-orm"))


def test_every_schema_the_import_takes_has_code_for_every_orm(written):
    assert set(written.refused) == set(REFUSED), written.refused
    for schema_id, start in REFUSED.items():
        assert start in written.refused[schema_id], written.refused[schema_id]
    assert len(written.directories) == len(orm_tools.fidelity.entries()) - len(REFUSED)


@pytest.fixture(scope="module")
def compiled(written):
    """tsc's errors by schema; its JavaScript (for TypeORM's synchronize) is in js/."""
    return orm_tools.tsc(written)


@pytest.fixture(scope="module", autouse=True)
def _scratch_databases():
    yield
    servers.drop_scratch()


def test_tsc_compiles_the_drizzle_and_typeorm_code_of_every_schema(compiled):
    assert compiled == {}, "\n".join(line for lines in compiled.values() for line in lines[:5])


def test_mongoose_loads_every_model_of_every_schema(written):
    loaded = orm_tools.mongoose(written)
    failed = {schema_id: n for schema_id, n in loaded.items() if not isinstance(n, int)}
    assert failed == {}
    assert set(loaded) == set(written.directories)
    assert sum(loaded.values()) > 1000  # ~1,200 models: none left out


def test_prisma_validate_and_format_check_pass_on_every_schema(written):
    assert orm_tools.prisma(written) == {}


def test_prisma_format_check_validates_too(written, tmp_path):
    """One process per schema suffices: ``format --check`` refuses what ``validate`` refuses
    (here a DEFAULT NULL written as ``@default(null)``, the corpus's most common slip once)."""
    schema_id = "mysql/kanboard"
    text = (written.root / "prisma" / written.directories[schema_id] / "schema.prisma").read_text()
    broken = text.replace('@map("date_creation")', '@default(null) @map("date_creation")', 1)
    assert broken != text
    (written.root / "prisma" / "broken").mkdir()
    (written.root / "prisma" / "broken" / "schema.prisma").write_text(broken)
    case = orm_tools.Written(written.root, {"broken": "broken"}, {})
    assert "Expected a BigInt value, but found `null`" in orm_tools.prisma(case)["broken"]


def test_django_check_and_makemigrations_pass_on_every_schema(written):
    groups = orm_tools.django_groups(written)
    assert sorted(i for group in groups for i in group) == sorted(written.directories)
    assert orm_tools.django(written) == {}


@pytest.mark.postgres
def test_typeorm_synchronize_and_drizzle_kit_build_the_databases_the_known_list_says(written, compiled):
    """The database TypeORM's synchronize builds (and drizzle-kit's SQL, for DRIZZLE_KIT) against
    the one our full DDL builds, catalog against catalog, for orm_tools.SYNCHRONIZED: every
    difference is listed in known_orm_differences.json (``python -m tests.realworld.orm_tools
    --baseline`` rewrites it, keeping the reasons)."""
    assert compiled == {}
    now = orm_tools.built_databases(written)
    listed = orm_tools.known_orm()["schemas"]
    message = []
    for schema_id in sorted(now.keys() | listed.keys()):
        for tool in sorted(now.get(schema_id, {}).keys() | listed.get(schema_id, {}).keys()):
            today, before = set(now.get(schema_id, {}).get(tool, [])), set(listed.get(schema_id, {}).get(tool, []))
            message += [f"new ({schema_id}, {tool}): {line}" for line in sorted(today - before)]
            message += [f"fixed, delete from the list ({schema_id}, {tool}): {line}" for line in sorted(before - today)]
    assert not message, "\n".join(message)
    assert "failed: " not in str(now.get("postgresql/quartz")) and not now.get("postgresql/quartz")  # equal at last


def test_every_kind_of_orm_difference_has_a_reason():
    known = orm_tools.known_orm()
    used = {category(line) for tools in known["schemas"].values() for lines in tools.values() for line in lines}
    without = sorted(k for k in used if len(known["reasons"].get(k, "")) < 20 or "TODO" in known["reasons"].get(k, ""))
    assert not without, f"kinds of difference listed without a reason: {without}"
    assert set(known["reasons"]) == used, set(known["reasons"]) ^ used
