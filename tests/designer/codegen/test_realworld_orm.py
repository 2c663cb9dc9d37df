"""ORM code for real public schemas (tests/realworld/prisma, imported through Prisma's parser),
judged by each ORM's own tools: tsc on Drizzle and TypeORM, Mongoose loading every model,
Django's system checks and makemigrations --check (one throwaway project per schema: the
schemas share table names).
The example AdventureWorks design (DBML) gets the same, and `prisma validate` / `format
--check`; the Prisma corpus's own round trip is in tests/designer/test_prisma_import.py."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import designer.examples
from designer.codegen import generate
from designer.formats import import_text
from designer.formats.dbml import parse_dbml
from tests.designer.codegen.conftest import NODE_MODULES, node_tool
from tests.designer.codegen.test_external_tools import PRISMA_ENV
from tests.realworld.orm_tools import throwaway_django_project

pytestmark = pytest.mark.external
CORPUS = sorted((Path(__file__).parents[2] / "realworld" / "prisma").glob("*.prisma"))
EXAMPLE = Path(designer.examples.__file__).with_name("adventureworks.dbml")  # 68 tables, five schemas
NAMES = [p.stem.replace("-", "_") for p in CORPUS] + ["adventureworks"]


def _schemas():
    for path in CORPUS:
        yield path.stem.replace("-", "_"), import_text(path.read_text(), fmt="prisma").schema
    yield "adventureworks", parse_dbml(EXAMPLE.read_text())


@pytest.fixture(scope="module")
def corpus_code(tmp_path_factory):
    root = tmp_path_factory.mktemp("realworld-orm")
    (root / "node_modules").symlink_to(NODE_MODULES)
    for name, schema in _schemas():
        for target in ("prisma", "drizzle", "typeorm", "mongoose", "django"):
            directory = root / target / name
            directory.mkdir(parents=True)
            for file, text in generate(schema, target=target).items():
                (directory / file).write_text(text, encoding="utf-8")
    return root


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)


def test_tsc_compiles_drizzle_and_typeorm_for_every_real_schema(corpus_code):
    config = {
        "compilerOptions": {
            "strict": True,
            "noEmit": True,
            "target": "es2022",
            "module": "nodenext",
            "moduleResolution": "nodenext",
            "experimentalDecorators": True,
            "emitDecoratorMetadata": True,
            "skipLibCheck": True,
            "types": ["node"],
        },
        "include": ["drizzle/**/*.ts", "typeorm/**/*.ts"],
    }
    (corpus_code / "tsconfig.json").write_text(json.dumps(config))
    result = _run([str(node_tool("tsc")), "-p", str(corpus_code / "tsconfig.json")], cwd=corpus_code)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_mongoose_loads_every_model_of_every_real_schema(corpus_code):
    node_tool("tsc")  # the npm tools are installed (mongoose with them)
    script = (
        "const mongoose = require('mongoose'); let n = 0;"
        "for (const f of process.argv.slice(1)) n += Object.keys(require(f).registerModels(mongoose.createConnection())).length;"
        "console.log(n);"
    )
    files = [str(corpus_code / "mongoose" / name / "models.js") for name in NAMES]
    result = _run(["node", "-e", script, *files], cwd=corpus_code)
    assert result.returncode == 0, result.stderr[-4000:]
    registered = sum(Path(f).read_text().count("connection.model(") for f in files)
    assert int(result.stdout.strip()) == registered > 150  # every model of its own, registered


def _django_check(corpus_code: Path, name: str) -> subprocess.CompletedProcess:
    project = corpus_code / f"django_project_{name}"
    app = project / f"rw_{name}"
    app.mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text((corpus_code / "django" / name / "models.py").read_text())
    env = throwaway_django_project(project, [f"rw_{name}"])
    # check; then the models make a first migration, after which Django sees nothing left to
    # migrate (every option serialisable and stable)
    for command in (
        ["check", "--fail-level", "WARNING"],
        ["makemigrations", f"rw_{name}"],
        ["makemigrations", "--check", "--dry-run"],
    ):
        result = _run([sys.executable, "-m", "django", *command], cwd=project, env=env)
        if result.returncode != 0:
            break
    return result


def test_django_check_and_makemigrations_pass_for_every_real_schema(corpus_code):
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(NAMES, pool.map(lambda n: _django_check(corpus_code, n), NAMES), strict=True))
    failed = {name: r.stdout[-3000:] + r.stderr[-3000:] for name, r in results.items() if r.returncode != 0}
    assert failed == {}


def test_prisma_validates_and_formats_the_example(corpus_code):
    path = corpus_code / "prisma" / "adventureworks" / "schema.prisma"
    for command in (["validate"], ["format", "--check"]):
        result = _run([str(node_tool("prisma")), *command, "--schema", str(path)], env=PRISMA_ENV)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
