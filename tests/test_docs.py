"""The README and docs/ say what is true: every link lands on a file, every command they
name exists, and the README stays a page a newcomer reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
COMMAND = re.compile(r"manage\.py (\w+)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_lands_on_a_file(page):
    for target in LINK.findall(page.read_text()):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_manage_command_named_exists(page):
    commands = {p.stem for p in (ROOT / "projects/management/commands").glob("*.py")}
    builtin = {"migrate", "runserver", "collectstatic", "check", "createsuperuser", "shell", "makemigrations"}
    for name in COMMAND.findall(page.read_text()):
        assert name in commands | builtin, f"{page.name} names `manage.py {name}`, which does not exist"


def test_readme_stays_short():
    assert len((ROOT / "README.md").read_text().splitlines()) < 250
