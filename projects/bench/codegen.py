"""bench codegen: every ORM target on synthetic schemas, against writing the same schema
as PostgreSQL DDL (designer.migrate.full_ddl), measured in the same run on fresh schema
objects (nothing cached between runs), median of several runs."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from designer.codegen import TARGETS, generate
from designer.examples.synthetic import synthetic_schema
from designer.migrate import full_ddl
from designer.schema import replace

CODEGEN_SIZES = (50, 200, 500)


@dataclass(frozen=True)
class CodegenRow:
    entities: int
    ddl_median_ms: float
    target_median_ms: dict[str, float]

    @property
    def worst_ratio(self) -> float:
        return max(self.target_median_ms.values()) / self.ddl_median_ms


def bench_codegen(*, sizes=CODEGEN_SIZES, runs: int = 5) -> list[CodegenRow]:
    rows = []
    for size in sizes:
        schema = synthetic_schema(entities=size)
        ddl, targets = [], {target: [] for target in TARGETS}
        for _ in range(runs):  # alternating, so drift of the machine hits both sides
            ddl.append(_timed_ms(full_ddl, replace(schema), dialect="postgresql"))
            for target in TARGETS:
                targets[target].append(_timed_ms(generate, replace(schema), target=target))
        rows.append(CodegenRow(size, statistics.median(ddl), {t: statistics.median(v) for t, v in targets.items()}))
    return rows


def _timed_ms(work, *args, **kwargs) -> float:
    started = time.perf_counter()
    work(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def codegen_table(rows: list[CodegenRow]) -> str:
    lines = [
        "| entities | PostgreSQL DDL (baseline) | " + " | ".join(TARGETS) + " | slowest / baseline |",
        "|---:|---:|" + "---:|" * len(TARGETS) + "---:|",
    ]
    for row in rows:
        cells = " | ".join(f"{row.target_median_ms[t]:.1f} ms" for t in TARGETS)
        lines.append(f"| {row.entities} | {row.ddl_median_ms:.1f} ms | {cells} | {row.worst_ratio:.2f} |")
    return "\n".join(lines)
