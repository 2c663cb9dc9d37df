"""The generated code of every fixture project, judged by the real tools: the Prisma CLI,
the TypeScript compiler, Mongoose in Node, Django's system checks. Tool runs are batched
(one tsc over every Drizzle and TypeORM file, one Node process for every Mongoose model,
one Django process per dialect) so the suite stays fast."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from designer.codegen import generate
from designer.codegen.mongoose import document_key
from designer.formats.dbml import parse_dbml
from designer.schema import TypeKind
from tests.designer.codegen.conftest import DIALECTS, node_tool
from tests.designer.codegen.fixtures import fixtures
from tests.realworld.orm_tools import TSCONFIG

pytestmark = pytest.mark.external
RICH = Path(__file__).parents[1] / "fixtures" / "rich.dbml"
FIXTURES = tuple(fixtures())
# Prisma 7 fetches its engines before every command; validate and format need none.
PRISMA_ENV = {
    **os.environ,
    "PRISMA_SCHEMA_ENGINE_BINARY": "/bin/false",
    "PRISMA_HIDE_UPDATE_MESSAGE": "1",
    "CHECKPOINT_DISABLE": "1",
    "NO_COLOR": "1",
}


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)


def _prisma_commands(dialect: str) -> tuple[str, ...]:
    # `format --check` parses and validates the schema too (an invalid one fails it), so
    # MySQL and SQLite get that one run each; PostgreSQL, the product's main dialect, both.
    return ("validate", "format --check") if dialect == "postgresql" else ("format --check",)


@pytest.fixture(scope="module")
def prisma_results(written, workdir):
    prisma = node_tool("prisma")
    jobs = [
        (
            (name, dialect, command),
            [str(prisma), *command.split(), "--schema", str(written[("prisma", name, dialect)] / "schema.prisma")],
        )
        for name in FIXTURES
        for dialect in DIALECTS
        for command in _prisma_commands(dialect)
    ]
    # and the rich DBML fixture (every DBML feature, and design slips Prisma cannot relate)
    rich = workdir / "rich.prisma"
    rich.write_text(generate(parse_dbml(RICH.read_text()), target="prisma")["schema.prisma"])
    jobs += [
        (("rich", "postgresql", command), [str(prisma), *command.split(), "--schema", str(rich)])
        for command in ("validate", "format --check")
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = pool.map(lambda job: (job[0], _run(job[1], env=PRISMA_ENV)), jobs)
        return dict(done)


def test_prisma_takes_the_rich_fixture(prisma_results):
    for command in ("validate", "format --check"):
        result = prisma_results[("rich", "postgresql", command)]
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", FIXTURES)
def test_prisma_validate_passes_and_format_changes_nothing(prisma_results, name, dialect):
    if dialect == "postgresql":
        validate = prisma_results[(name, dialect, "validate")]
        assert validate.returncode == 0, validate.stdout + validate.stderr
        assert "is valid" in validate.stdout + validate.stderr
    formatted = prisma_results[(name, dialect, "format --check")]
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_prisma_catches_a_broken_schema(written, tmp_path):
    """The check can fail: a relation to a model that does not exist is refused."""
    broken = (written[("prisma", "demo", "postgresql")] / "schema.prisma").read_text().replace("User", "Nobody", 1)
    path = tmp_path / "schema.prisma"
    path.write_text(broken)
    result = _run([str(node_tool("prisma")), "validate", "--schema", str(path)], env=PRISMA_ENV)
    assert result.returncode != 0


def test_prisma_format_check_catches_a_misaligned_schema(written, tmp_path):
    text = (written[("prisma", "demo", "postgresql")] / "schema.prisma").read_text()
    path = tmp_path / "schema.prisma"
    path.write_text(text.replace("  id ", "  id   ", 1))
    result = _run([str(node_tool("prisma")), "format", "--check", "--schema", str(path)], env=PRISMA_ENV)
    assert result.returncode != 0


@pytest.fixture(scope="module")
def tsc_result(written, workdir):
    tsc = node_tool("tsc")
    # The corpus check's settings, only checking: nothing is emitted here.
    options = {key: value for key, value in TSCONFIG["compilerOptions"].items() if key != "outDir"}
    config = {**TSCONFIG, "compilerOptions": {**options, "noEmit": True}}
    (workdir / "tsconfig.json").write_text(json.dumps(config))
    return _run([str(tsc), "-p", str(workdir / "tsconfig.json")], cwd=workdir)


def test_tsc_compiles_every_drizzle_and_typeorm_output(tsc_result, written):
    files = [d for (target, _, _), d in written.items() if target in ("drizzle", "typeorm")]
    assert len(files) == 2 * len(FIXTURES) * len(DIALECTS)
    assert tsc_result.returncode == 0, tsc_result.stdout[-6000:] + tsc_result.stderr[-2000:]


def test_tsc_catches_a_type_error(workdir, tmp_path):
    """The check can fail: a Drizzle column with a wrong option does not compile."""
    (tmp_path / "node_modules").symlink_to(workdir / "node_modules")
    (tmp_path / "bad.ts").write_text(
        'import { pgTable, varchar } from "drizzle-orm/pg-core";\n'
        'export const t = pgTable("t", { a: varchar("a", { length: "long" }) });\n'
    )
    config = {
        "compilerOptions": {"strict": True, "noEmit": True, "module": "nodenext", "skipLibCheck": True},
        "include": ["bad.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    result = _run([str(node_tool("tsc")), "-p", str(tmp_path / "tsconfig.json")], cwd=tmp_path)
    assert result.returncode != 0 and "bad.ts" in result.stdout


# --- Mongoose: every model loads, takes a good document and refuses a bad one --------------------

_MONGOOSE_CHECK = r"""
const fs = require("fs");
const mongoose = require("mongoose");
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const results = [];
  const loaded = {};
  for (const c of cases) {
    if (!loaded[c.file]) loaded[c.file] = require(c.file).registerModels(mongoose.createConnection());
    const Model = loaded[c.file][c.model];
    if (!Model) { results.push({ ...c, good: "model missing", bad: null }); continue; }
    let good = null, bad = null;
    try { await new Model(c.good).validate(); } catch (e) { good = e.message; }
    try { await new Model(c.bad).validate(); } catch (e) { bad = e.message; }
    results.push({ file: c.file, model: c.model, good, bad });
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => { console.error(e); process.exit(1); });
"""


def _sample(field, link_target_identity: bool | None, enum_values):
    kind = field.type.kind
    if link_target_identity:
        value = "507f1f77bcf86cd799439011"
    elif kind is TypeKind.ENUM:
        value = enum_values[0]
    elif kind in (TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.REAL, TypeKind.DOUBLE):
        value = 1
    elif kind is TypeKind.DECIMAL:
        value = "1.5"
    elif kind is TypeKind.BOOLEAN:
        value = True
    elif kind in (TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.TIMESTAMPTZ):
        value = "2026-01-02T03:04:05Z"
    elif kind in (TypeKind.JSON, TypeKind.OTHER):
        value = {"a": 1}
    else:
        value = "x"
    return [value] if field.type.array else value


def _documents(schema, entity):
    """A good document for ``entity``'s model and a bad one (a broken validator)."""
    links = {
        link.source_fields[0].id: link for link in _plan(schema).links_from(entity) if len(link.source_fields) == 1
    }
    good, bad_changes = {}, []
    identity = entity.primary_key[0] if len(entity.primary_key) == 1 else None
    for field in entity.fields:
        if field.id == identity and field.identity:
            continue
        link = links.get(field.id)
        target_identity = None
        if link is not None:
            key = link.target.field(link.target.primary_key[0]) if len(link.target.primary_key) == 1 else None
            target_identity = bool(key and key.identity)
        enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
        values = [v.name for v in enum.values] if enum else []
        key = document_key(field.name)
        good[key] = _sample(field, target_identity, values)
        if field.type.kind is TypeKind.ENUM and values:
            bad_changes.append((key, "not one of the values"))
        elif field.type.length and not link:
            bad_changes.append((key, "y" * (field.type.length + 1)))
        elif not field.nullable and field.default is None:
            bad_changes.append((key, None))
        elif field.type.kind in (TypeKind.SMALLINT, TypeKind.INTEGER) and not link:
            bad_changes.append((key, 10**12))
    assert bad_changes, f"{entity.name}: nothing to break"
    key, value = bad_changes[0]
    bad = {k: v for k, v in good.items() if not (k == key and value is None)}
    if value is not None:
        bad[key] = value
    return good, bad


def _plan(schema):
    from designer.codegen.plan import make_plan

    return make_plan(schema, dialect="postgresql")


def test_mongoose_models_load_accept_good_and_refuse_bad_documents(schemas, written, workdir):
    node_tool("tsc")  # the npm tools are installed (mongoose with them)
    cases = []
    for name, schema in schemas.items():
        file = str(written[("mongoose", name, "postgresql")] / "models.js")
        names, models = _model_names(schema)
        for entity in schema.entities:
            if entity.id not in models:
                continue  # embedded in its parent (the advisor's decision): no model of its own
            good, bad = _documents(schema, entity)
            cases.append({"file": file, "model": names[entity.id], "good": good, "bad": bad})
    result = _run(["node", "-e", _MONGOOSE_CHECK], input=json.dumps(cases), cwd=workdir)
    assert result.returncode == 0, result.stderr[-4000:]
    results = json.loads(result.stdout)
    assert len(results) == len(cases) >= len(schemas)
    failures = [r for r in results if r["good"] is not None or r["bad"] is None]
    assert failures == []


def _model_names(schema):
    """(model name by entity id, ids of the entities that have a model of their own)."""
    from designer.codegen.mongoose import MongooseWriter, advised_embeds
    from designer.codegen.plan import make_plan

    writer = MongooseWriter(make_plan(schema, dialect="postgresql", embed=advised_embeds(schema)))
    return writer.model_names, {e.id for e in schema.entities if not writer.only_embedded(e)}


# --- Django: models pass `check` in a throwaway project ---------------------------------------------


def _django_check(written, workdir, dialect):
    project = workdir / f"django_{dialect}"
    project.mkdir()
    apps = []
    for name in FIXTURES:
        app = f"fx_{name}"
        apps.append(app)
        (project / app).mkdir()
        (project / app / "__init__.py").write_text("")
        (project / app / "models.py").write_text((written[("django", name, dialect)] / "models.py").read_text())
    # Several fixtures use the same table names (tags, users): a router turns Django's
    # "db_table used by several models" error into a warning, as for models in several databases.
    (project / "throwaway_settings.py").write_text(
        f"SECRET_KEY = 'throwaway'\nINSTALLED_APPS = {apps!r}\n"
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\n"
        "DATABASE_ROUTERS = ['throwaway_settings.Router']\nUSE_TZ = True\n\n\nclass Router:\n    pass\n"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(project),
        "DJANGO_SETTINGS_MODULE": "throwaway_settings",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "django", "check", "--fail-level", "ERROR"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_django_models_pass_check_in_a_throwaway_project(written, workdir):
    processes = {dialect: _django_check(written, workdir, dialect) for dialect in DIALECTS}
    for dialect, process in processes.items():
        output = process.communicate(timeout=300)[0]
        assert process.returncode == 0, f"{dialect}:\n{output[-6000:]}"
        assert "ERRORS:" not in output
