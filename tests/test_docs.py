"""The README and docs/ say what is true: every link lands on a file, every command they
name exists, and the README stays a page a newcomer reads."""

from __future__ import annotations

import re
import shlex
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


FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
PLACEHOLDER = re.compile(r"^(<[^>]+>|[A-Z][A-Z0-9_]*|\.\.\.|…)$")


def documented_commands() -> list[tuple[str, str, list[str]]]:
    """Every `manage.py NAME ARGS` line in a fenced block of the README and docs/: the
    page, the command and its arguments (placeholders such as PROJECT_ID or <id> become 1)."""
    found = []
    for page in PAGES:
        for block in FENCE.findall(page.read_text()):
            for line in block.replace("\\\n", " ").splitlines():
                words = shlex.split(re.split(r"\s(?:\||&&|>|2>|;)\s?", line.split("#")[0])[0], posix=True)
                if "manage.py" not in words[:-1]:
                    continue
                at = words.index("manage.py")
                args = [arg for arg in map(_example, words[at + 2 :]) if arg]
                found.append((page.name, words[at + 1], args))
    return found


def _example(word: str) -> str:
    """A synopsis word as a person would type it: [--opt] is written out, a|b is a."""
    word = word.strip("[]").split("|")[0]
    if word == "options":  # "[options]": the page's shorthand for "any of them"
        return ""
    return "1" if PLACEHOLDER.match(word) else word


@pytest.mark.parametrize(("page", "name", "args"), documented_commands(), ids=lambda v: str(v)[:40])
def test_every_documented_command_line_parses(page, name, args):
    """The command line as the page writes it: its options and arguments exist (the
    command's own parser reads them; nothing runs)."""
    from django.core.management import get_commands, load_command_class

    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("manage.py", name)
    try:
        parser.parse_args(args)
    except SystemExit as error:
        pytest.fail(f"{page}: `manage.py {name} {' '.join(args)}` does not parse ({error})")
