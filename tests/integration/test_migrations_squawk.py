"""squawk, the PostgreSQL migration linter, on the zero-downtime output of every step
of every fixture history (up, down, and expand / contract): whatever it finds, our own warnings must have
announced under the same rule name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from designer.examples.histories import HISTORIES
from designer.migrate import diff, render
from designer.schema import Schema

SQUAWK = shutil.which("squawk") or str(Path(sys.executable).with_name("squawk"))


def _files(tmp_path: Path) -> dict[str, set[str]]:
    """Every migration file written → the rule names we announced for it."""
    announced = {}
    for name, versions in HISTORIES.items():
        previous = Schema(database_type="PostgreSQL")
        for number, version in enumerate(versions, start=1):
            steps = diff(previous, version)
            migration = render(steps, dialect="postgresql", old=previous, new=version)
            expanded = render(steps, dialect="postgresql", old=previous, new=version, expand_contract=True)
            for direction, sql, warnings in (("up", migration.up, migration.warnings),
                                             ("down", migration.down, migration.down_warnings),
                                             ("expand", expanded.up, expanded.warnings),
                                             ("contract", expanded.contract, expanded.contract_warnings)):  # fmt: skip
                if not sql:
                    continue
                path = tmp_path / f"{name}_{number:02d}_{direction}.sql"
                path.write_text(sql)
                announced[str(path)] = {w.code for w in warnings}
            previous = version
    return announced


@pytest.mark.external
def test_every_squawk_finding_is_announced_by_our_own_warning(tmp_path):
    announced = _files(tmp_path)
    result = subprocess.run([SQUAWK, "--reporter", "json", "--pg-version", "15", *announced],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads(result.stdout or "[]")
    unannounced = sorted(
        f"{Path(f['file']).name}:{f['line']} {f['rule_name']}: {f['message']}"
        for f in findings
        if f["rule_name"] not in announced[str(Path(f["file"]))] and f["rule_name"] not in announced.get(f["file"], ())
    )
    assert not unannounced, "squawk found what we did not announce:\n" + "\n".join(unannounced)
    # The test means something only if squawk does find things and we do warn about them.
    assert findings and any(announced.values())
