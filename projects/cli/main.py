"""`schema-designer` commands. Exit status: 0 done, 1 a check failed or drift found,
2 an error (the server's problem details are printed on stderr)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from projects.cli import config
from projects.cli.client import ApiError, Client

FORMATS = {".dbml": "dbml", ".json": "json", ".sql": "auto"}
POLL_SECONDS = 0.5
JOB_TIMEOUT = 600


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except ApiError as error:
        print(f"error: {error}", file=sys.stderr)
        for line in error.errors:
            print(f"  {line}", file=sys.stderr)
        for key, title in (("changed_since", "Changed on the server since"), ("conflicts", "Your changes that clash")):
            if error.body.get(key):
                print(f"{title}:", *(f"  {line}" for line in error.body[key]), sep="\n", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="schema-designer", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name, run, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        if name != "login":
            sub.add_argument("--project", type=int, help="project id (default: the one given at login)")
        return sub

    login = command("login", login_command, "store the server URL and a personal access token")
    login.add_argument("--url", required=True)
    login.add_argument("--token", required=True)
    login.add_argument("--project", type=int, help="the project later commands use by default")

    command("projects", projects_command, "list the projects you may see")

    push = command("push", push_command, "a new revision from a file (DBML, SQL, JSON); prints the changes")
    push.add_argument("file", type=Path)
    push.add_argument("--format", choices=["dbml", "json", "postgresql", "mysql", "sqlite", "auto"])
    push.add_argument("--message", default="", help="the revision's summary")
    push.add_argument("--new", metavar="NAME", help="create a new project from the file instead (prints its id)")

    pull = command("pull", pull_command, "the current schema (stdout, or --out FILE)")
    pull.add_argument("--format", choices=["dbml", "json"], default="dbml")
    pull.add_argument("--out", type=Path)

    check = command("check", check_command, "the deploy check and advice; exit 1 when it fails")
    check.add_argument("--fail-on", choices=["critical", "warning", "info"], default="critical")
    check.add_argument("--format", choices=["text", "markdown"], default="text")
    check.add_argument("--version", type=int, help="a released version (default: the current revision)")

    release = command("release", release_command, "release the current schema as the next version")
    release.add_argument("--message", default="")

    bundle = command("bundle", bundle_command, "build a migration bundle and download the zip")
    bundle.add_argument("--out", type=Path, required=True)
    bundle.add_argument("--target", type=int, help="version to migrate to (default: the latest)")
    bundle.add_argument("--base", type=int, default=0, help="version to migrate from (0: the empty database)")
    bundle.add_argument("--dialect", action="append", choices=["postgresql", "mysql", "sqlite"])

    migration = command("migration", migration_command, "the migration SQL between two versions")
    migration.add_argument("--from", dest="from_version", type=int, required=True)
    migration.add_argument("--to", dest="to_version", type=int, required=True)
    migration.add_argument("--dialect", choices=["postgresql", "mysql", "sqlite"], default="postgresql")
    migration.add_argument("--down", action="store_true", help="print the down migration instead")

    drift = command("drift", drift_command, "compare a live database with the design; exit 1 when they differ")
    drift.add_argument("--database", required=True, help="postgres://… or mysql://… (a host the server allows)")
    drift.add_argument("--version", type=int, help="a released version (default: the current revision)")
    drift.add_argument("--sql-out", type=Path, help="write the migration that brings the database to the design")
    return parser


# --- commands ---------------------------------------------------------------------------


def login_command(args) -> int:
    client = Client(url=args.url, token=args.token)
    projects = client.get("/projects")
    values = {"url": args.url.rstrip("/"), "token": args.token}
    if args.project is not None:
        values["project"] = args.project
    path = config.save(values)
    print(f"Logged in to {values['url']} ({len(projects)} project(s) visible); saved in {path}")
    return 0


def projects_command(args) -> int:
    for project in _client().get("/projects"):
        print(f"{project['id']}\t{project['role']}\trevision {project['revision']}\t{project['name']}")
    return 0


def push_command(args) -> int:
    client = _client()
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from None
    fmt = args.format or FORMATS.get(args.file.suffix.lower(), "auto")
    if args.new:
        created = client.post("/projects", {"name": args.new, "schema": {"text": text, "format": fmt}})
        print(f"Created project {created['id']} ({created['name']}).")
        return 0
    project_id = _project(args)
    current = client.get(f"/projects/{project_id}")
    body = {"text": text, "format": fmt, "base_revision": current["revision"], "summary": args.message}
    result = client.put(f"/projects/{project_id}/schema", body)
    print(result["diff"])
    if result["revision"] == current["revision"]:
        print(f"Nothing changed: the project stays at revision {result['revision']}.")
    else:
        print(f"Pushed: project {project_id} is at revision {result['revision']}.")
    return 0


def pull_command(args) -> int:
    found = _client().get(f"/projects/{_project(args)}/schema", format=args.format)
    if args.out:
        args.out.write_text(found["text"], encoding="utf-8")
        print(f"Wrote revision {found['revision']} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(found["text"])
    return 0


def check_command(args) -> int:
    found = _client().get(f"/projects/{_project(args)}/check", fail_on=args.fail_on, version=args.version)
    if args.format == "markdown":
        sys.stdout.write(found["markdown"])
    else:
        for finding in found["findings"]:
            print(f"{finding['severity']:8} {finding['code']}: {finding['message']}")
        verdict = "passed" if found["passed"] else f"failed (findings at {args.fail_on} or above)"
        print(f"Check {verdict}.")
    return 0 if found["passed"] else 1


def release_command(args) -> int:
    found = _client().post(f"/projects/{_project(args)}/releases", {"message": args.message})
    print(f"Released version {found['number']} (revision {found['revision']}).")
    return 0


def bundle_command(args) -> int:
    client, project_id = _client(), _project(args)
    body = {"target": args.target, "base": args.base}
    if args.dialect:
        body["dialects"] = args.dialect
    job = wait_for_job(client, project_id, client.post(f"/projects/{project_id}/bundles", body))
    if job["status"] != "done":
        raise UsageError(f"the bundle failed: {job['error'] or job['message']}")
    data = client.download(f"/projects/{project_id}/jobs/{job['id']}/file")
    args.out.write_bytes(data)
    print(f"Wrote {args.out} ({len(data):,} bytes)")
    return 0


def migration_command(args) -> int:
    found = _client().get(
        f"/projects/{_project(args)}/migration",
        **{"from": args.from_version, "to": args.to_version},
        dialect=args.dialect,
    )
    sys.stdout.write(found["down" if args.down else "up"])
    for warning in found["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def drift_command(args) -> int:
    body = {"database_url": args.database, "version": args.version}
    found = _client().post(f"/projects/{_project(args)}/drift", body)
    for title, key in (
        ("Missing from the database", "missing"),
        ("Extra in the database", "extra"),
        ("Different", "different"),
    ):
        if found[key]:
            print(f"{title}:")
            for line in found[key]:
                print(f"  {line}")
    print(f"{found['count']} difference(s).")
    if args.sql_out:
        args.sql_out.write_text(found["migration"], encoding="utf-8")
        print(f"Wrote the migration to {args.sql_out}", file=sys.stderr)
    elif found["migration"]:
        print("\n-- The migration that brings the database to the design:")
        print(found["migration"])
    return 1 if found["count"] else 0


# --- helpers ----------------------------------------------------------------------------


def _client() -> Client:
    values = config.load()
    if not values.get("url") or not values.get("token"):
        raise UsageError("not logged in: run `schema-designer login --url URL --token TOKEN` first")
    return Client(url=values["url"], token=values["token"])


def _project(args) -> int:
    project = args.project if args.project is not None else config.load().get("project")
    if project is None:
        raise UsageError("which project? Give --project ID (see `schema-designer projects`)")
    return int(project)


def wait_for_job(client: Client, project_id: int, job: dict) -> dict:
    """Poll a job, drawing a progress bar on stderr, until it is finished."""
    deadline = time.monotonic() + JOB_TIMEOUT
    while not job["finished"]:
        _progress(job)
        if time.monotonic() > deadline:
            raise UsageError(f"job {job['id']} did not finish in {JOB_TIMEOUT} s")
        time.sleep(POLL_SECONDS)
        job = client.get(f"/projects/{project_id}/jobs/{job['id']}")
    _progress(job)
    print(file=sys.stderr)
    return job


def _progress(job: dict, width: int = 30) -> None:
    done = int(width * job["progress"] / 100)
    bar = "#" * done + "-" * (width - done)
    sys.stderr.write(f"\r[{bar}] {job['progress']:3}% {job['message'][:50]:50}")
    sys.stderr.flush()
