"""squawk, the PostgreSQL migration linter, on the zero-downtime output of every step
of every fixture history (up, down, and expand / contract): whatever it finds, our
own warnings must have announced under the same rule name — for up, down and expand,
on the very step (``-- step N:`` line) the finding is in."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from designer.examples.histories import HISTORIES
from designer.migrate import diff, render
from designer.schema import Schema

SQUAWK = shutil.which("squawk") or str(Path(sys.executable).with_name("squawk"))
STEP = re.compile(r"^-- step (\d+):")


def _files(tmp_path: Path) -> dict[str, list]:
    """Every migration file written → the warnings we announced for it."""
    announced = {}
    for name, versions in HISTORIES.items():
        previous = Schema(database_type="PostgreSQL")
        for number, version in enumerate(versions, start=1):
            steps = diff(previous, version)
            migration = render(steps, dialect="postgresql", old=previous, new=version)
            expanded = render(steps, dialect="postgresql", old=previous, new=version, expand_contract=True)
            for direction, sql, warnings in (
                ("up", migration.up, migration.warnings),
                ("down", migration.down, migration.down_warnings),
                ("expand", expanded.up, expanded.warnings),
                ("contract", expanded.contract, expanded.contract_warnings),
            ):
                if not sql:
                    continue
                path = tmp_path / f"{name}_{number:02d}_{direction}.sql"
                path.write_text(sql)
                announced[str(path)] = warnings
            previous = version
    return announced


def _step_at(path: Path, line: int) -> int | None:
    """The step a line belongs to: the nearest ``-- step N:`` line above it."""
    found = None
    for number, text in enumerate(path.read_text().splitlines()[:line], start=1):
        match = STEP.match(text)
        if match and number <= line:
            found = int(match[1])
    return found


@pytest.mark.external
def test_every_squawk_finding_is_announced_by_our_own_warning_on_its_step(tmp_path):
    announced = _files(tmp_path)
    result = subprocess.run(
        [SQUAWK, "--reporter", "json", "--pg-version", "15", *announced], capture_output=True, text=True, timeout=120
    )
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads(result.stdout or "[]")
    unannounced = []
    for finding in findings:
        path = Path(finding["file"])
        warnings = announced[str(path)]
        step = None if path.stem.endswith("_contract") else _step_at(path, finding["line"])
        codes = {w.code for w in warnings if step is None or w.step == step}
        if finding["rule_name"] not in codes:
            unannounced.append(
                f"{path.name}:{finding['line']} (step {step}) {finding['rule_name']}: {finding['message']}"
            )
    assert not unannounced, "squawk found what we did not announce:\n" + "\n".join(sorted(unannounced))
    # The test means something only if squawk does find things and we do warn about them.
    assert len(findings) > 100 and all(
        _step_at(Path(f["file"]), f["line"]) is not None for f in findings if not f["file"].endswith("_contract.sql")
    )
