"""The generated code of every fixture project, written once per session into a work
directory where Node finds the pinned tools (tests/node_modules, installed by
`make test` with `npm ci --prefix tests`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from designer.codegen import generate
from tests.conftest import IN_CI
from tests.designer.codegen.fixtures import demo_versions, fixtures

NODE_MODULES = Path(__file__).parents[2] / "node_modules"
DIALECTS = ("postgresql", "mysql", "sqlite")


def node_tool(name: str) -> Path:
    """tests/node_modules/.bin/<name>; missing: fail in CI, skip locally with how to fix."""
    path = NODE_MODULES / ".bin" / name
    if not path.exists():
        message = f"{path} is missing: run `npm ci --prefix tests` (make test does)"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def schemas():
    return fixtures()


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("codegen")
    os.symlink(NODE_MODULES, root / "node_modules")
    return root


@pytest.fixture(scope="session")
def written(schemas, workdir):
    """{(target, fixture, dialect): directory} for every target, fixture and dialect."""
    out = {}
    for target in ("prisma", "drizzle", "typeorm", "mongoose", "django"):
        for name, schema in schemas.items():
            for dialect in DIALECTS if target != "mongoose" else ("postgresql",):
                directory = workdir / target / f"{name}_{dialect}"
                directory.mkdir(parents=True)
                versions = demo_versions() if name == "demo" else ()  # + the ORM's migration files
                for path, text in generate(schema, target=target, dialect=dialect, versions=versions).items():
                    (directory / path).parent.mkdir(parents=True, exist_ok=True)
                    (directory / path).write_text(text, encoding="utf-8")
                out[(target, name, dialect)] = directory
    return out
