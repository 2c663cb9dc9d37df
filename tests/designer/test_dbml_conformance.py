"""The DBML reference corpus (../shared/conformance/dbml beside the repository): every valid
file is accepted, every invalid one refused with a line, and the reference parser reads the
same model from our export as from the source. Skipped locally without the corpus; in CI
(CI=true) its absence fails."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from designer.formats.dbml import import_dbml, to_dbml
from designer.formats.dbml_reader import HELPER_DIR
from designer.problems import SchemaError

# Beside the clone, as in CI; DBML_CONFORMANCE_DIR points elsewhere (a worktree deeper down).
CORPUS = Path(
    os.environ.get("DBML_CONFORMANCE_DIR")
    or Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "dbml"
)


@pytest.fixture(scope="module")
def corpus():
    if not (CORPUS / "expected.jsonl").is_file():
        message = f"the DBML conformance corpus is not at {CORPUS}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: {message}")
        pytest.skip(message)
    return [json.loads(line) for line in (CORPUS / "expected.jsonl").read_text(encoding="utf-8").splitlines()]


def _read(record) -> str:
    return (CORPUS / "fixtures" / record["file"]).read_text(encoding="utf-8")


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
    """The reading without what is not meaning: Records (reported, not kept) and TablePartials
    (expanded into their tables), NOT NULL on primary-key columns; refs as a set, a one-to-many ref's two ends unordered (a
    one-to-one keeps its order: the second end holds the key)."""
    model = json.loads(json.dumps(model))
    model.pop("records")
    model.pop("partials")
    for table in model["tables"].values():
        table.pop("records")
        for field in table["fields"].values():
            if field["pk"]:  # SQL makes every primary-key column NOT NULL: saying so changes nothing
                field.pop("not_null")
    refs = []
    for ref in model["refs"]:
        ends = ref["endpoints"]
        if [e[2] for e in ends] != ["1", "1"]:
            ends = sorted(ends)
        refs.append(json.dumps({**ref, "endpoints": ends}, sort_keys=True))
    model["refs"] = sorted(refs)
    return model


def test_the_reference_corpus(corpus, tmp_path):
    valid = [r for r in corpus if r["valid"]]
    invalid = [r for r in corpus if not r["valid"]]
    refused_valid, exports = [], {}
    for record in valid:
        try:
            schema = import_dbml(_read(record)).schema
        except SchemaError as error:
            refused_valid.append((record["file"], str(error)))
            continue
        path = tmp_path / record["file"]
        path.write_text(to_dbml(schema), encoding="utf-8")
        exports[str(path)] = record
    refused_without_line, accepted_invalid = [], []
    for record in invalid:
        try:
            import_dbml(_read(record))
        except SchemaError as error:
            if error.problems[0].line is None:
                refused_without_line.append(record["file"])
        else:
            accepted_invalid.append(record["file"])
    readings = _reference_readings(list(map(Path, exports)))
    changed = [
        exports[file]["file"]
        for file, reading in readings.items()
        if not reading["ok"] or _meaning(reading["canon"]) != _meaning(exports[file]["model"])
    ]
    print(
        f"\nDBML corpus: {len(valid) - len(refused_valid)}/{len(valid)} valid accepted, "
        f"{len(invalid) - len(accepted_invalid) - len(refused_without_line)}/{len(invalid)} invalid refused "
        f"with a line, {len(exports) - len(changed)}/{len(exports)} exports read the same by the reference parser"
    )
    assert len(valid) == 248 and len(invalid) == 96
    assert len(refused_valid) <= 5, refused_valid
    assert accepted_invalid == [] and refused_without_line == []
    assert changed == []
