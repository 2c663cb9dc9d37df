"""Real public schemas through the product, judged by the real servers (see fidelity.py).

Each schema's outcome today is pinned in known_differences.json: a difference, refusal or
failed DDL that is not listed fails the test, and so does a listed one that no longer
happens (delete it from the list: ``python -m tests.realworld.report --baseline`` rewrites
the list from today's outcomes, keeping the reasons). Every kind of difference the list
holds carries a reason."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.realworld import fidelity, servers
from tests.realworld.catalogs import category

pytestmark = pytest.mark.realworld

SERVICE = {
    "postgresql": [pytest.mark.postgres],
    "mysql": [pytest.mark.mariadb],
    "sqlite": [],
    "prisma": [pytest.mark.postgres],
}


def _params():
    for entry in fidelity.entries():
        kind = entry["dialect"] if entry["kind"] == "dbml" else entry["kind"]
        yield pytest.param(entry, marks=SERVICE[kind], id=f"{entry['kind']}/{entry['name']}")


@pytest.fixture(scope="module", autouse=True)
def _scratch_databases():
    yield
    servers.drop_scratch()


@pytest.mark.parametrize("entry", list(_params()))
def test_the_schema_comes_back_as_the_known_list_says(entry):
    outcome = fidelity.run(entry)
    listed = fidelity.known()["schemas"].get(outcome.id, {})
    now = fidelity.recorded(outcome)
    new = {stage: sorted(set(lines) - set(listed.get(stage, []))) for stage, lines in now.items()}
    gone = {stage: sorted(set(lines) - set(now.get(stage, []))) for stage, lines in listed.items()}
    new, gone = {s: lines for s, lines in new.items() if lines}, {s: lines for s, lines in gone.items() if lines}
    message = [f"{outcome.id}: the outcome is not the one known_differences.json lists."]
    for stage, lines in new.items():
        message += [f"  new ({stage}): {line}" for line in lines]
    for stage, lines in gone.items():
        message += [f"  fixed, delete from the list ({stage}): {line}" for line in lines]
    assert not new and not gone, "\n".join(message)


def test_every_kind_of_known_difference_has_a_reason():
    known = fidelity.known()
    used = {category(line) for stages in known["schemas"].values() for lines in stages.values() for line in lines}
    without = sorted(
        kind
        for kind in used
        if len(known["reasons"].get(kind, "").strip()) < 20 or "TODO" in known["reasons"].get(kind, "")
    )
    assert not without, f"kinds of difference listed without a reason: {without}"
    unused = sorted(set(known["reasons"]) - used)
    assert not unused, f"reasons for kinds no schema shows any more (delete them): {unused}"
    names = {f"{entry['kind']}/{entry['name']}" for entry in fidelity.entries()}
    assert set(known["schemas"]) <= names, set(known["schemas"]) - names


def test_the_corpus_is_kept_as_fetched_and_listed_in_sources():
    entries = fidelity.entries()
    sources = (fidelity.HERE / "SOURCES.md").read_text()
    assert len(entries) >= 30
    for entry in entries:
        data = (fidelity.HERE / entry["file"]).read_bytes()
        assert len(data) == entry["size"], entry["file"]
        assert len(data) < 1_000_000, entry["file"]
        assert re.fullmatch(r"[0-9a-f]{40}", entry["commit"]), entry["file"]
        assert f"`{entry['file']}`" in sources and entry["commit"][:12] in sources, entry["file"]
        assert entry["licence"] and entry["licence_file"], entry["file"]
    digests = {hashlib.sha256((fidelity.HERE / e["file"]).read_bytes()).hexdigest() for e in entries}
    assert len(digests) == len(entries), "a file is in the corpus twice"
