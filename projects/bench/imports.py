"""`bench import`: a real pg_dump of a large schema (by default 1,400 tables made in a
scratch PostgreSQL database) imported through the web the way a person does it (upload,
the import job, confirm), then the editor opened; against PostgreSQL's own parser on the
same file in the same run (the floor no importer can beat)."""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pglast.parser import parse_sql_json

from designer.formats import import_text
from projects.models import Job, Project
from projects.tasks import run_job


@dataclass(frozen=True)
class ImportRow:
    step: str
    median_ms: float
    runs: int


def big_ddl(*, tables: int, seed: int = 7) -> str:
    """A large application's shape: two schemas, an enum, ten typed columns per table,
    a foreign key to an earlier table, expression, partial and FK indexes, comments, views."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible shape, not a secret
    out = ["CREATE SCHEMA app;", "CREATE TYPE app.state AS ENUM ('new', 'active', 'closed');"]
    for i in range(tables):
        namespace = "app" if i % 7 == 0 else "public"
        name = f"{namespace}.t{i:04d}"
        columns = [
            "id bigserial PRIMARY KEY",
            "created_at timestamp with time zone NOT NULL DEFAULT now()",
            "updated_at timestamp(6) without time zone",
            f"name character varying({rng.choice([80, 120, 255])}) NOT NULL",
            "state app.state NOT NULL DEFAULT 'new'",
            "amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0)",
            "meta jsonb DEFAULT '{}'::jsonb",
            "tags text[]",
            "flag boolean DEFAULT false NOT NULL",
            "ip inet",
        ]
        if i:
            parent = rng.randrange(0, i)
            columns.append(
                f"parent_id bigint REFERENCES {'app' if parent % 7 == 0 else 'public'}.t{parent:04d}(id) ON DELETE CASCADE"
            )
        out.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n);")
        out.append(f"CREATE INDEX t{i:04d}_name_idx ON {name} (lower(name::text));")
        out.append(f"CREATE INDEX t{i:04d}_recent_idx ON {name} (created_at DESC) WHERE flag;")
        if i:
            out.append(f"CREATE INDEX t{i:04d}_parent_idx ON {name} (parent_id);")
        out.append(f"COMMENT ON TABLE {name} IS 'table number {i}';")
        if i % 50 == 0:
            out.append(f"CREATE VIEW {namespace}.v{i:04d} AS SELECT id, name FROM {name};")  # noqa: S608 - our names
    return "\n".join(out) + "\n"


def make_dump(*, tables: int, server: str) -> str:
    """Create the tables in a scratch database on ``server``, pg_dump it, drop it."""
    name = f"imp_bench_{tables}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
            for statement in big_ddl(tables=tables).split(";\n"):  # one transaction would run out of locks
                if statement.strip():
                    connection.execute(statement)
        return subprocess.run(
            [shutil.which("pg_dump") or "pg_dump", "--schema-only", "--dbname", f"{server}/{name}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_import(*, dump: str, runs: int = 3) -> list[ImportRow]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    client = Client()
    client.force_login(user)
    timings: dict[str, list[float]] = {}
    try:
        for _ in range(runs):
            for step, elapsed in _one_run(client, user, dump).items():
                timings.setdefault(step, []).append(elapsed)
    finally:
        user.delete()
    return [ImportRow(step, statistics.median(values), len(values)) for step, values in timings.items()]


def _one_run(client, user, dump: str) -> dict[str, float]:
    times = {}
    started = time.perf_counter()
    parse_sql_json(dump.replace("\\restrict", "--restrict").replace("\\unrestrict", "--unrestrict"))
    times["baseline: PostgreSQL's parser alone (pglast, C)"] = _ms(started)
    started = time.perf_counter()
    schema = import_text(dump, fmt="postgresql").schema
    times[f"our reading of the dump ({len(schema.entities)} tables)"] = _ms(started)
    started = time.perf_counter()
    response = client.post(reverse("import_new"), {"file": SimpleUploadedFile("structure.sql", dump.encode())})
    assert response.status_code == 200, response.content[:300]
    job = Job.objects.filter(created_by=user).latest("created_at")
    run_job.run(job.pk)  # the worker's part, timed here
    status = client.get(reverse("import_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert status.status_code == 286, status.content[:300]
    applied = client.post(reverse("import_apply", args=[job.pk]), {"name": "bench"})
    assert applied.status_code == 302, applied.content[:300]
    times["web: upload → job → preview → confirm"] = _ms(started)
    project = Project.objects.filter(owner=user).latest("created_at")
    started = time.perf_counter()
    page = client.get(reverse("project_detail", args=[project.pk]))
    assert page.status_code == 200 and b"t0001" in page.content
    times["web: open the editor"] = _ms(started)
    times["total: upload to editor open"] = sum(v for k, v in times.items() if k.startswith("web:"))
    return times


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def import_table(rows: list[ImportRow], *, size_bytes: int) -> str:
    lines = [f"pg_dump of {size_bytes / 1_000_000:.1f} MB", "", "| step | median | runs |", "|---|---:|---:|"]
    lines += [f"| {row.step} | {row.median_ms / 1000:.2f} s | {row.runs} |" for row in rows]
    return "\n".join(lines)


def read_or_make_dump(*, path: str | None, tables: int, server: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    return make_dump(tables=tables, server=server)
