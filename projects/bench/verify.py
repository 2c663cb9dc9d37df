"""`bench verify`: production-like data generated and COPYed into a scratch PostgreSQL
(VERIFY_DATABASE_URL, else DATABASE_URL's server), as the Verify job does, for the demo
design and optionally the advisor's fixture projects. Goal: 1 M rows in under 60 s."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from designer.advice.quality import load_fixture
from designer.examples import blog_schema
from designer.schema import Schema
from designer.verify.data import data_plan
from projects import verification

GOAL_SECONDS = 60.0
FIXTURES = Path(settings.BASE_DIR) / "tests" / "advisor_fixtures"


@dataclass(frozen=True)
class VerifyRow:
    schema: str
    tables: int
    rows: int
    load_median_s: float  # generate + COPY + constraints back + identities, median of the runs
    load_max_s: float
    analyze_median_s: float
    runs: int

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.load_median_s if self.load_median_s else 0.0


def bench_verify(*, max_rows: int = 1_000_000, runs: int = 3, fixtures: bool = False) -> list[VerifyRow]:
    url = verification.server_url()
    schemas = [("demo (blog)", blog_schema())]
    if fixtures:
        for path in sorted(FIXTURES.glob("*.toml")):
            schemas.append((path.stem, load_fixture(path.read_text(encoding="utf-8"), name=path.stem).schema))
    return [_bench_one(name, schema, url=url, max_rows=max_rows, runs=runs) for name, schema in schemas]


def _bench_one(name: str, schema: Schema, *, url: str, max_rows: int, runs: int) -> VerifyRow:
    # Scaled up so even a design without declared volumes reaches the cap.
    scale = max(1.0, max_rows / max(1, data_plan(schema, max_rows=10**12).total_rows))
    options = verification.Options(scale=scale, max_rows=max_rows)
    loads, analyses, rows = [], [], 0
    for _ in range(runs):
        with verification.scratch_database(url) as database, verification.connect(url, dbname=database) as connection:
            verification.apply_ddl(connection, schema)
            started = time.perf_counter()
            data = verification.load_data(connection, schema, options=options, progress=lambda *_: None, findings=[])
            loads.append(time.perf_counter() - started - data["analyze_seconds"])
            analyses.append(data["analyze_seconds"])
            rows = data["total_rows"]
    return VerifyRow(
        name, len(data["tables"]), rows, statistics.median(loads), max(loads), statistics.median(analyses), runs
    )


def verify_table(rows: list[VerifyRow]) -> str:
    lines = [
        f"Generate + COPY into PostgreSQL (goal: 1 M rows in under {GOAL_SECONDS:.0f} s; VACUUM ANALYZE apart)",
        "",
        "| schema | tables | rows loaded | load median s | load max s | rows/s | VACUUM ANALYZE s | runs | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        met = "met" if row.load_median_s < GOAL_SECONDS * row.rows / 1_000_000 else "MISSED"
        lines.append(
            f"| {row.schema} | {row.tables} | {row.rows:,} | {row.load_median_s:.1f} | {row.load_max_s:.1f} | "
            f"{row.rows_per_second:,.0f} | {row.analyze_median_s:.1f} | {row.runs} | {met} |"
        )
    return "\n".join(lines) + "\n"
