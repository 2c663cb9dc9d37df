"""bench deploy: the deploy check on synthetic schemas, against validation of the same
schema (what every edit already pays). The rules alone are what the editor's warnings
panel runs on each edit; the full check (full DDL and migration rendered for every
dialect) is what the Versions page and release run. Fresh schema objects per run, so
nothing cached is measured; median of several runs."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from designer.deploy import deploy_check
from designer.examples.synthetic import synthetic_schema
from designer.schema import replace
from designer.validate import validate

DEPLOY_SIZES = (200, 1000, 2000)


@dataclass(frozen=True)
class DeployRow:
    entities: int
    validate_median_ms: float
    rules_median_ms: float
    full_median_ms: float


def bench_deploy(*, sizes=DEPLOY_SIZES, runs: int = 5) -> list[DeployRow]:
    rows = []
    for size in sizes:
        schema = synthetic_schema(entities=size)
        checked, rules, full = [], [], []
        for _ in range(runs):  # alternating, so drift of the machine hits every column
            checked.append(_timed_ms(validate, replace(schema)))
            rules.append(_timed_ms(lambda s: deploy_check(s, rendered=False), replace(schema)))
            full.append(_timed_ms(deploy_check, replace(schema)))
        rows.append(DeployRow(size, *(statistics.median(v) for v in (checked, rules, full))))
    return rows


def _timed_ms(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def deploy_table(rows: list[DeployRow]) -> str:
    lines = [
        "| entities | validate (every edit) | deploy check, rules (warnings panel) | deploy check, rendered (release) |",
        "|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.entities} | {r.validate_median_ms:.0f} ms | {r.rules_median_ms:.0f} ms | {r.full_median_ms:.0f} ms |"
        for r in rows
    ]
    return "\n".join(lines)
