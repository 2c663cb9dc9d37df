"""`python manage.py generate_code PROJECT_ID --target ... [--dialect ...] [--version N] --out DIR`."""

import pytest
from django.core.management import CommandError, call_command

from designer.codegen import generate
from designer.formats.json_doc import schema_to_dict
from designer.schema import Schema
from projects import selectors
from projects.models import Release


@pytest.mark.parametrize(("target", "file"), [("prisma", "schema.prisma"), ("drizzle", "schema.ts"),
                                               ("typeorm", "entities.ts"), ("mongoose", "models.js"),
                                               ("django", "models.py")])  # fmt: skip
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
