"""`bench import`: a real pg_dump of a large schema (by default a Rails-like structure.sql of
1,400 tables and 5 partitioned tables of 50 partitions, made in a scratch PostgreSQL database,
see ``structure_sql``) imported through the web the way a person does it (upload,
the import job, confirm), then the editor opened; against PostgreSQL's own parser on the
same file in the same run (the floor no importer can beat); and through ``manage.py
import_schema``."""

from __future__ import annotations

import io
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pglast.parser import parse_sql_json

from designer.formats import import_text
from projects.bench.structure_sql import rails_tail, structure_ddl
from projects.models import Job, Project
from projects.tasks import run_job


@dataclass(frozen=True)
class ImportRow:
    step: str
    median_ms: float
    runs: int
    # CPU time of this process and its children (dot) over the step: what the step costs
    # when the machine is shared (wall time there waits for other processes' turns).
    cpu_ms: float = 0.0


def make_dump(*, tables: int, server: str) -> str:
    """A Rails-like structure.sql (see ``structure_sql``): the schema created in a scratch
    database on ``server``, pg_dump'ed, given Rails' tail; the database dropped."""
    name = f"imp_bench_{tables}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(f"{server}/{name}", autocommit=True) as connection:
            for statement in structure_ddl(tables=tables):  # one transaction would run out of locks
                connection.execute(statement)
        dump = subprocess.run(
            [shutil.which("pg_dump") or "pg_dump", "--schema-only", "--dbname", f"{server}/{name}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return dump + rails_tail(tables=tables)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_import(*, dump: str, runs: int = 3) -> list[ImportRow]:
    user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}")
    client = Client()
    client.force_login(user)
    timings: dict[str, list[tuple[float, float]]] = {}
    try:
        for _ in range(runs):
            for step, elapsed in _one_run(client, user, dump).items():
                timings.setdefault(step, []).append(elapsed)
    finally:
        user.delete()
    return [
        ImportRow(step, statistics.median(w for w, _ in values), len(values), statistics.median(c for _, c in values))
        for step, values in timings.items()
    ]


def _one_run(client, user, dump: str) -> dict[str, tuple[float, float]]:
    times = {}
    started = _now()
    parse_sql_json(dump.replace("\\restrict", "--restrict").replace("\\unrestrict", "--unrestrict"))
    times["baseline: PostgreSQL's parser alone (pglast, C)"] = _ms(started)
    started = _now()
    schema = import_text(dump, fmt="postgresql").schema
    times[f"our reading of the dump ({_tables_read(schema)})"] = _ms(started)
    started = _now()
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
    started = _now()
    page = client.get(reverse("project_detail", args=[project.pk]))
    assert page.status_code == 200 and b"t0001" in page.content
    times["web: open the editor"] = _ms(started)
    web = [v for k, v in times.items() if k.startswith("web:")]
    times["total: upload to editor open"] = (sum(w for w, _ in web), sum(c for _, c in web))
    times["cli: manage.py import_schema (a new project)"] = _command_line_import(user, dump)
    assert Project.objects.get(pk=project.pk).document == project.document  # the editor changed nothing
    _check_partitions_folded(project.document)
    return times


def _command_line_import(user, dump: str) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".sql", encoding="utf-8") as file:
        file.write(dump)
        file.flush()
        started = _now()
        call_command("import_schema", file.name, owner=user.get_username(), stdout=io.StringIO(), stderr=io.StringIO())
        return _ms(started)


def _tables_read(schema) -> str:
    """ "1,407 tables, 5 of them partitioned (250 partitions)": each partitioned parent is one table."""
    partitioned = [e for e in schema.entities if e.partitioning is not None]
    partitions = sum(len(e.partitioning.partitions) for e in partitioned)
    return f"{len(schema.entities):,} tables, {len(partitioned)} of them partitioned ({partitions} partitions)"


def _check_partitions_folded(document: dict) -> None:
    names = {e["name"] for e in document["entities"]}
    folded = [p["name"] for e in document["entities"] for p in e.get("partitioning", {}).get("partitions", [])]
    assert not names & set(folded), "a partition was imported as a table of its own"


def _now() -> tuple[float, float]:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


def _ms(started: tuple[float, float]) -> tuple[float, float]:
    """(wall, CPU) milliseconds since ``started``."""
    wall, cpu = _now()
    return (wall - started[0]) * 1000, (cpu - started[1]) * 1000


def import_table(rows: list[ImportRow], *, size_bytes: int) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"structure.sql of {size_bytes / 1_000_000:.1f} MB; load average at the end {load} on {os.cpu_count()} CPUs",
        "",
        "| step | median | CPU (ours + dot) | runs |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {r.step} | {r.median_ms / 1000:.2f} s | {r.cpu_ms / 1000:.2f} s | {r.runs} |" for r in rows]
    return "\n".join(lines)


def read_or_make_dump(*, path: str | None, tables: int, server: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    return make_dump(tables=tables, server=server)
