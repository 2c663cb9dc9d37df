"""`python manage.py generate_code PROJECT_ID --target ... [--dialect ...] [--version N] --out DIR`."""

import pytest
from django.core.management import CommandError, call_command

from designer.codegen import generate
from designer.formats.json_doc import schema_to_dict
from designer.schema import Schema
from projects import selectors
from projects.models import Release


@pytest.mark.parametrize(
    ("target", "file"),
    [
        ("prisma", "schema.prisma"),
        ("drizzle", "schema.ts"),
        ("typeorm", "entities.ts"),
        ("mongoose", "models.js"),
        ("django", "models.py"),
    ],
)
def test_writes_the_files_of_each_target(project, tmp_path, target, file):
    call_command(
        "generate_code", str(project.pk), "--target", target, "--dialect", "mysql", "--out", str(tmp_path / "o")
    )
    expected = generate(selectors.project_schema(project), target=target, dialect="mysql")
    assert (tmp_path / "o" / file).read_text() == expected[file]


def test_version_n_is_the_released_schema(project, tmp_path):
    Release.objects.create(project=project, number=3, document=schema_to_dict(Schema()), revision=project.revision)
    call_command("generate_code", str(project.pk), "--target", "prisma", "--version", "3", "--out", str(tmp_path))
    assert "model " not in (tmp_path / "schema.prisma").read_text()  # version 3 had no tables


def test_errors_are_messages(project, tmp_path):
    with pytest.raises(CommandError, match="No project with id 999999"):
        call_command("generate_code", "999999", "--target", "prisma", "--out", str(tmp_path))
    with pytest.raises(CommandError, match="Version 9 does not exist"):
        call_command("generate_code", str(project.pk), "--target", "prisma", "--version", "9", "--out", str(tmp_path))


def test_the_command_line_exactly_as_written(transactional_db, tmp_path):
    """`python manage.py generate_code PROJECT_ID --target ... --dialect ... --version N --out DIR`
    in its own process, against this test's database."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.contrib.auth import get_user_model
    from django.db import connection

    from designer.examples import blog_schema
    from projects import services

    owner = get_user_model().objects.create_user("cli-owner", password="pw-cli-123")
    project = services.project_create(owner=owner, name="Blog", schema=blog_schema())
    Release.objects.create(project=project, number=1, document=schema_to_dict(blog_schema()), revision=project.revision)
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
    }
    command = [
        sys.executable,
        "manage.py",
        "generate_code",
        str(project.pk),
        "--target",
        "typeorm",
        "--dialect",
        "mysql",
        "--version",
        "1",
        "--out",
        str(tmp_path / "orm"),
    ]
    result = subprocess.run(
        command, cwd=Path(__file__).parents[2], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path / "orm").as_posix() for p in (tmp_path / "orm").rglob("*.ts"))
    assert written[0] == "entities.ts" and written[1].startswith("migrations/") and len(written) == 2
    assert "@Entity" in (tmp_path / "orm" / "entities.ts").read_text()
    bad = subprocess.run(
        [*command[:4], "--target", "cobol", "--out", str(tmp_path)],
        cwd=Path(__file__).parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode != 0 and "invalid choice: 'cobol'" in bad.stderr
