"""The ORM code the product generates for every schema of the real-world corpus, written
once into a work directory, and the ORMs' own tools run over it in as few processes as they
allow: one ``tsc`` over every Drizzle and TypeORM file, one Node process loading every
Mongoose model, one ``prisma`` process per schema and command (two at a time), and Django's
``check`` + ``makemigrations`` + ``makemigrations --check --dry-run`` in one Python process per
group of schemas whose table and index names do not meet (Django checks names across apps).

A schema is read the way ``import_schema`` reads it (designer.formats.import_text) and its
code generated for the dialect it was written for (a DBML file: its ``dialect``; Prisma:
PostgreSQL, the provider of every Prisma file of the corpus)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.realworld import fidelity

NODE_MODULES = Path(__file__).parents[1] / "node_modules"
TARGETS = ("prisma", "drizzle", "typeorm", "mongoose", "django")
TIMEOUT = 600
PRISMA_ENV = {  # Prisma 7 fetches its engines before every command; validate and format need none
    **os.environ,
    "PRISMA_SCHEMA_ENGINE_BINARY": "/bin/false",
    "PRISMA_HIDE_UPDATE_MESSAGE": "1",
    "CHECKPOINT_DISABLE": "1",
    "NO_COLOR": "1",
}


@dataclass(frozen=True)
class Written:
    root: Path
    directories: dict[str, str]  # schema id ("mysql/kanboard") → directory name ("mysql_kanboard")
    refused: dict[str, str]  # schema id → why the import refuses it (no code to judge)


def dialect_of(entry: dict) -> str:
    if entry["kind"] == "dbml":
        return entry["dialect"]
    return "postgresql" if entry["kind"] == "prisma" else entry["kind"]


def write_code(root: Path) -> Written:
    from designer.codegen import generate
    from designer.formats import import_text
    from designer.problems import SchemaError

    (root / "node_modules").symlink_to(NODE_MODULES)
    directories, refused = {}, {}
    for entry in fidelity.entries():
        schema_id = f"{entry['kind']}/{entry['name']}"
        try:
            schema = import_text((fidelity.HERE / entry["file"]).read_text(encoding="utf-8"), fmt=entry["kind"]).schema
        except SchemaError as error:
            refused[schema_id] = f"{error.problems[0].message} [{error.problems[0].code}]"
            continue
        directory = schema_id.replace("/", "_").replace("-", "_")
        directories[schema_id] = directory
        for target in TARGETS:
            for path, text in generate(schema, target=target, dialect=dialect_of(entry)).items():
                (root / target / directory / path).parent.mkdir(parents=True, exist_ok=True)
                (root / target / directory / path).write_text(text, encoding="utf-8")
    return Written(root, directories, refused)


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, **kwargs)


def _tool(name: str) -> str:
    return str(NODE_MODULES / ".bin" / name)


# --- TypeScript: Drizzle and TypeORM -----------------------------------------------------------

TSCONFIG = {
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


def tsc(written: Written) -> dict[str, list[str]]:
    """schema id → tsc's errors in its Drizzle or TypeORM files (none: compiles)."""
    (written.root / "tsconfig.json").write_text(json.dumps(TSCONFIG))
    done = _run([_tool("tsc"), "-p", "tsconfig.json"], cwd=written.root)
    by_directory = {directory: schema_id for schema_id, directory in written.directories.items()}
    errors: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        found = re.match(r"(drizzle|typeorm)/([^/]+)/", line)
        key = by_directory.get(found.group(2), "?") if found else "?"
        errors.setdefault(key, []).append(line)
    assert done.returncode == 0 or errors, done.stdout[-2000:] + done.stderr[-2000:]
    return errors


# --- Mongoose ----------------------------------------------------------------------------------

_MONGOOSE = (
    "const mongoose = require('mongoose'); const out = {};"
    "for (const [id, file] of JSON.parse(process.argv[1])) {"
    "  try { out[id] = Object.keys(require(file).registerModels(mongoose.createConnection())).length; }"
    "  catch (e) { out[id] = String(e && e.message || e); } }"
    "process.stdout.write(JSON.stringify(out));"
)


def mongoose(written: Written) -> dict[str, int | str]:
    """schema id → the number of models registered, or why loading failed."""
    files = [[i, str(written.root / "mongoose" / d / "models.js")] for i, d in written.directories.items()]
    done = _run(["node", "-e", _MONGOOSE, json.dumps(files)], cwd=written.root)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


# --- Prisma ------------------------------------------------------------------------------------


def prisma(written: Written, command: str = "format --check") -> dict[str, str]:
    """schema id → the CLI's complaint; empty: ``command`` passed on every schema. ``format
    --check`` runs the same validation as ``validate`` first (its P1012 errors), then checks
    the layout: one process per schema judges both (a Prisma process costs a second)."""

    def one(schema_id):
        path = written.root / "prisma" / written.directories[schema_id] / "schema.prisma"
        done = _run([_tool("prisma"), *command.split(), "--schema", str(path)], env=PRISMA_ENV)
        return schema_id, "" if done.returncode == 0 else _prisma_errors(done)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {schema_id: error for schema_id, error in pool.map(one, written.directories) if error}


def _prisma_errors(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.startswith("error")]
    return "; ".join(lines[:3]) or (done.stdout + done.stderr)[-500:]


# --- Django ------------------------------------------------------------------------------------

# check, then a first migration, after which Django must see nothing left to migrate (every
# option serialisable and stable): in one process, as three commands. Django's migration
# optimizer (merging a CreateModel with its later AddFields) is quadratic in a migration's
# operations, minutes for civitai's 300 models; it changes no state, so nothing
# `makemigrations --check` judges, and is left out.
_DJANGO = """
import django
from django.core.management import call_command
from django.db.migrations.optimizer import MigrationOptimizer
MigrationOptimizer.optimize = lambda self, operations, app_label: operations
django.setup()
call_command("check", fail_level="WARNING")
call_command("makemigrations", verbosity=0)
call_command("makemigrations", check=True, dry_run=True, verbosity=0)
"""


def django_groups(written: Written) -> list[list[str]]:
    """Schemas in groups whose db_table, index and constraint names never meet: Django checks
    those across every installed app (models.E028/E030/E032), so apps from schemas that share
    names (the same product for two databases) go into different projects."""
    groups: list[tuple[list[str], set[str]]] = []
    for schema_id, directory in written.directories.items():
        text = (written.root / "django" / directory / "models.py").read_text()
        names = set(re.findall(r"""(?:db_table = |name=)('[^']*'|"[^"]*")""", text))
        group = next((g for g in groups if not g[1] & names), None)
        if group is None:
            groups.append(([], set()))
            group = groups[-1]
        group[0].append(schema_id)
        group[1].update(names)
    return [ids for ids, _ in groups]


def django(written: Written) -> dict[str, str]:
    """group label → what Django reported, for each group of schemas it refused."""

    def one(numbered):
        number, ids = numbered
        project = written.root / f"django_project_{number}"
        apps = []
        for schema_id in ids:
            app = f"rw_{written.directories[schema_id]}"
            (project / app).mkdir(parents=True)
            (project / app / "__init__.py").write_text("")
            models = (written.root / "django" / written.directories[schema_id] / "models.py").read_text()
            (project / app / "models.py").write_text(models)
            apps.append(app)
        (project / "throwaway_settings.py").write_text(
            f"SECRET_KEY = 'throwaway'\nINSTALLED_APPS = {apps!r}\nUSE_TZ = True\n"
            "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'unused'}}\n"
            "DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n"
        )
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(project),
            "DJANGO_SETTINGS_MODULE": "throwaway_settings",
            "PYTHONWARNINGS": "ignore::RuntimeWarning",  # makemigrations: no database to check history against
        }
        done = _run([sys.executable, "-c", _DJANGO], cwd=project, env=env)
        return ", ".join(ids), "" if done.returncode == 0 else (done.stdout[-3000:] + done.stderr[-3000:])

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {label: error for label, error in pool.map(one, enumerate(django_groups(written))) if error}
