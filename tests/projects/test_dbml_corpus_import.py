"""The DBML reference corpus (../shared/conformance/dbml beside the repository) through the
product's own path, ``import_schema`` then ``export_schema``: every valid file becomes a
project, every invalid one is refused with a line and leaves nothing, and the reference
parser (@dbml/core) reads the same model from our export as from the source, up to what
the corpus README documents as not kept (Records, TablePartials expanded, NOT NULL on
primary-key columns, the order of a one-to-many ref's ends). Skipped locally without the
corpus; in CI (CI=true) its absence fails. The counts are printed (``-s``)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from designer.formats.dbml_reader import HELPER_DIR
from projects.models import Project

pytestmark = pytest.mark.graphviz  # an import is laid out by dot

# Beside the clone, as in CI; DBML_CONFORMANCE_DIR points elsewhere (a worktree deeper down).
CORPUS = Path(
    os.environ.get("DBML_CONFORMANCE_DIR")
    or Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "dbml"
)
REFUSED_WITH_LINE = re.compile(r": line \d+: ")


@pytest.fixture(scope="module")
def corpus():
    if not (CORPUS / "expected.jsonl").is_file():
        message = f"the DBML conformance corpus is not at {CORPUS}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: {message}")
        pytest.skip(message)
    return [json.loads(line) for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines()]


def _command(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


def _reference_readings(paths: list[Path]) -> dict[str, dict]:
    done = subprocess.run(
        ["node", str(CORPUS / "canon.js"), str(HELPER_DIR / "node_modules" / "@dbml" / "core")],
        input="\n".join(str(p) for p in paths),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return {r["file"]: r for r in map(json.loads, done.stdout.splitlines())}


def _meaning(model: dict) -> dict:
    """The reading without what is documented as not kept: Records (a notice, not kept),
    TablePartials (expanded into their tables), NOT NULL on primary-key columns (SQL makes
    them NOT NULL anyway); refs as a set, a one-to-many ref's two ends unordered (a
    one-to-one keeps its order: the second end holds the key)."""
    model = json.loads(json.dumps(model))
    model.pop("records")
    model.pop("partials")
    for table in model["tables"].values():
        table.pop("records")
        for field in table["fields"].values():
            if field["pk"]:
                field.pop("not_null")
    refs = []
    for ref in model["refs"]:
        ends = ref["endpoints"]
        if [e[2] for e in ends] != ["1", "1"]:
            ends = sorted(ends)
        refs.append(json.dumps({**ref, "endpoints": ends}, sort_keys=True))
    model["refs"] = sorted(refs)
    return model


# Valid DBML whose SQL text no database we know reads: refused at import with the reason
# (issue 24: every fragment is one type or expression some parser reads, never spliced).
SQL_NO_DATABASE_READS = {
    # `int(--1)`: `--` starts an SQL comment, the shape of an injection; no server reads it.
    "dbml-core__examples__normalized_model__schema_def.in.dbml": "int(--1)",
    "dbml-parse__snapshots__interpreter__input__negative_number.in.dbml": "int(--1)",
    "dbml-parse__snapshots__validator__input__negative_number.in.dbml": "int(--1)",
    # One backtick holding two index keys: as one expression PostgreSQL reads a row value.
    "dbml-core__examples__model_exporter__dbml_exporter__output__index_tables.out.dbml": "(getdate()), (upper(gender))",
}


def _import_valid(valid: list[dict], exports: Path) -> tuple[list, dict[str, dict]]:
    refused, exported = [], {}
    for record in valid:
        try:
            out = _command("import_schema", str(CORPUS / "fixtures" / record["file"]), "--owner", "alice")
        except CommandError as error:
            refused.append((record["file"], str(error)[:300]))
            continue
        path = exports / record["file"]
        _command("export_schema", out.strip().splitlines()[-1], "--format", "dbml", "--out", str(path))
        exported[str(path)] = record
    return refused, exported


def _refuse_invalid(invalid: list[dict]) -> tuple[list, list]:
    accepted, without_line = [], []
    for record in invalid:
        try:
            _command("import_schema", str(CORPUS / "fixtures" / record["file"]), "--owner", "alice")
        except CommandError as error:
            if not REFUSED_WITH_LINE.search(str(error)):
                without_line.append((record["file"], str(error)[:300]))
        else:
            accepted.append(record["file"])
    return accepted, without_line


def test_the_reference_corpus_through_import_schema(corpus, owner, tmp_path, settings):
    settings.MAX_PROJECTS_PER_USER = len(corpus)  # one project per file, all owned by alice
    valid = [r for r in corpus if r["valid"]]
    invalid = [r for r in corpus if not r["valid"]]
    refused_valid, exports = _import_valid(valid, tmp_path)
    projects = Project.objects.count()
    accepted_invalid, refused_without_line = _refuse_invalid(invalid)
    assert Project.objects.count() == projects  # a refusal writes nothing
    readings = _reference_readings(list(map(Path, exports)))
    changed = [
        (exports[file]["file"], reading.get("error"))
        for file, reading in readings.items()
        if not reading["ok"] or _meaning(reading["canon"]) != _meaning(exports[file]["model"])
    ]
    print(
        f"\nDBML corpus through import_schema: {len(valid) - len(refused_valid)}/{len(valid)} valid imported, "
        f"{len(invalid) - len(accepted_invalid) - len(refused_without_line)}/{len(invalid)} invalid refused "
        f"with a line, {len(exports) - len(changed)}/{len(exports)} exports read the same by the reference parser"
    )
    for file, reason in [*refused_valid, *refused_without_line, *changed]:
        print(f"  {file}: {reason}")
    for file in accepted_invalid:
        print(f"  {file}: accepted, though the reference parser refuses it")
    assert len(valid) == 248 and len(invalid) == 96
    refused = {file: reason for file, reason in refused_valid}
    assert sorted(refused) == sorted(SQL_NO_DATABASE_READS)
    for file, words in SQL_NO_DATABASE_READS.items():
        assert words in refused[file]
    assert accepted_invalid == [] and refused_without_line == []
    assert changed == []
