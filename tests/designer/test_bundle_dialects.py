"""Bundles per dialect: a dialect that cannot be written is left out with its reason; a
baseline starts the chain; versions released without a dialect are passed over."""

import json

import pytest

from designer.bundle import BundleSpec, BundleVersion, bundle_files, verify_checksums
from designer.formats.dbml import import_dbml
from designer.migrate import MigrationError

DIALECTS = ("postgresql", "mysql", "sqlite")


def version(number, body, *, baseline=False, dropped=()):
    schema = import_dbml(f'Project p {{ database_type: "PostgreSQL" }}\n{body}').schema
    return BundleVersion(number, schema, f"v{number}", baseline=baseline, dropped=dropped)


BAD = "Table t { id int [pk]\n code varchr(20) }"  # a typo released before the check existed
GOOD = "Table t { id int [pk]\n code varchar(20) }"
MORE = "Table t { id int [pk]\n code varchar(20)\n note text }"
RANGE = "Table t { id int [pk]\n code varchar(20)\n period tsrange }"  # no MySQL / SQLite equivalent


def spec(*versions, base=0, dialects=DIALECTS):
    return BundleSpec(project_name="P", versions=versions, base=base, dialects=dialects)


def test_a_dialect_that_cannot_render_is_left_out_with_its_reason():
    files = bundle_files(spec(version(1, GOOD), version(2, RANGE)))
    manifest = json.loads(files["manifest.json"])
    assert manifest["dialects"] == ["postgresql"]
    assert [d["dialect"] for d in manifest["left_out"]] == ["mysql", "sqlite"]
    assert "tsrange" in manifest["left_out"][0]["reason"]
    readme = files["README.md"].decode()
    assert "## Dialects left out" in readme and "MySQL / MariaDB:" in readme
    assert "schema/postgresql.sql" in files and not any(
        p.startswith(("schema/mysql", "migrations/mysql")) for p in files
    )
    assert verify_checksums(files, "postgresql") == []


def test_a_bad_old_version_blocks_until_a_baseline_starts_the_chain():
    bad, good, more = version(1, BAD), version(2, GOOD), version(3, MORE)
    blocked = json.loads(bundle_files(spec(bad, good, more))["manifest.json"])
    assert blocked["dialects"] == ["postgresql"]  # v1 cannot be written for MySQL or SQLite
    files = bundle_files(spec(bad, version(2, GOOD, baseline=True), more))
    manifest = json.loads(files["manifest.json"])
    assert manifest["dialects"] == list(DIALECTS) and manifest["left_out"] == []
    mysql = [(m["from"], m["to"]) for m in manifest["migrations"] if m["dialect"] == "mysql"]
    assert mysql == [(0, 2), (2, 3)]  # from empty straight to the baseline's full DDL
    assert b"varchr" not in b"".join(body for path, body in files.items() if path.startswith("migrations/"))
    assert all(verify_checksums(files, d) == [] for d in DIALECTS)


def test_from_a_version_before_the_baseline_the_chain_jumps_to_it():
    files = bundle_files(spec(version(1, GOOD), version(2, MORE, baseline=True), version(3, GOOD), base=1))
    steps = [(m["from"], m["to"]) for m in json.loads(files["manifest.json"])["migrations"] if m["dialect"] == "sqlite"]
    assert steps == [(1, 2), (2, 3)]


def test_versions_released_without_a_dialect_are_passed_over():
    files = bundle_files(spec(version(1, GOOD), version(2, RANGE, dropped=("mysql", "sqlite")), version(3, MORE)))
    manifest = json.loads(files["manifest.json"])
    assert manifest["dialects"] == list(DIALECTS)
    mysql = [(m["from"], m["to"]) for m in manifest["migrations"] if m["dialect"] == "mysql"]
    postgresql = [(m["from"], m["to"]) for m in manifest["migrations"] if m["dialect"] == "postgresql"]
    assert mysql == [(0, 1), (1, 3)] and postgresql == [(0, 1), (1, 2), (2, 3)]
    assert manifest["versions"][1]["dropped"] == ["mysql", "sqlite"]


def test_a_target_released_without_a_dialect_leaves_it_out():
    manifest = json.loads(bundle_files(spec(version(1, RANGE, dropped=("mysql",))))["manifest.json"])
    reasons = {d["dialect"]: d["reason"] for d in manifest["left_out"]}
    assert "released without mysql" in reasons["mysql"]


def test_nothing_left_to_bundle_is_an_error_naming_each_reason():
    with pytest.raises(MigrationError, match=r"mysql: .*tsrange"):
        bundle_files(spec(version(1, RANGE), dialects=("mysql",)))
