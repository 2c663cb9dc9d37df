"""The migration bundle: deterministic bytes, safe names, manifest and chained checksums."""

import hashlib
import io
import json
import re
import zipfile

import pytest

from designer.bundle import (
    BundleSpec,
    BundleVersion,
    build_bundle,
    bundle_files,
    checksum_file,
    safe_path,
    slug,
    verify_checksums,
)
from designer.diagram import build_dot
from designer.schema import Entity, Field, FieldType, Schema, TypeKind, replace

DIALECTS = ("postgresql", "mysql", "sqlite")
SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")


def _history(blog):
    """v1: the blog without tags; v2: the whole blog; v3: users gain a column."""
    tags = {e.id for e in blog.entities if e.name in ("tags", "post_tags")}
    v1 = replace(
        blog,
        entities=tuple(e for e in blog.entities if e.id not in tags),
        relationships=tuple(
            r for r in blog.relationships if r.from_entity_id not in tags and r.to_entity_id not in tags
        ),
        groups=(),
    )
    users = blog.entity_by_name("users")
    locale = Field("fld_locale", "locale", FieldType(TypeKind.TEXT), nullable=True)
    v3 = replace(
        blog, entities=tuple(replace(e, fields=(*e.fields, locale)) if e.id == users.id else e for e in blog.entities)
    )
    return (
        BundleVersion(1, v1, "First cut", "alice", "2026-11-20T10:00:00+00:00"),
        BundleVersion(2, blog, "Tags!", "bob", "2026-11-21T10:00:00+00:00"),
        BundleVersion(3, v3, "Users: locale", "alice", "2026-11-22T10:00:00+00:00"),
    )


def _spec(blog, **overrides):
    versions = _history(blog)
    values = dict(
        project_name="Blog",
        versions=versions,
        base=0,
        dialects=DIALECTS,
        diagram_dot=build_dot(versions[-1].schema),
        diagram_svg=b"<svg/>",
    )
    return BundleSpec(**(values | overrides))


def test_layout_of_a_bundle_from_the_empty_database(blog):
    files = bundle_files(_spec(blog))
    for dialect in DIALECTS:
        assert f"schema/{dialect}.sql" in files
        for directory in ("0001_first_cut", "0002_tags", "0003_users_locale"):
            assert f"migrations/{dialect}/{directory}/up.sql" in files
            assert f"migrations/{dialect}/{directory}/down.sql" in files
        assert f"migrations/{dialect}/migrations.sum" in files
    assert {"README.md", "manifest.json", "diagram.svg", "diagram.dot"} <= set(files)
    assert b"CREATE TABLE" in files["migrations/postgresql/0001_first_cut/up.sql"]
    assert b"locale" in files["migrations/postgresql/0003_users_locale/up.sql"]


def test_a_base_version_starts_the_steps_there(blog):
    files = bundle_files(_spec(blog, versions=_history(blog)[1:], base=2, dialects=("postgresql",)))
    directories = sorted(
        {p.split("/")[2] for p in files if p.startswith("migrations/postgresql/") and p.count("/") == 3}
    )
    assert directories == ["0003_users_locale"]


def test_same_input_same_bytes(blog):
    first = build_bundle(_spec(blog))
    rebuilt = build_bundle(_spec(blog))  # new objects, same content
    assert first == rebuilt
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_manifest_lists_every_file_with_its_sha256(blog):
    files = bundle_files(_spec(blog))
    manifest = json.loads(files["manifest.json"])
    listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json"}
    assert all(hashlib.sha256(files[path]).hexdigest() == digest for path, digest in listed.items())
    assert [v["number"] for v in manifest["versions"]] == [1, 2, 3]
    assert (manifest["base_version"], manifest["target_version"]) == (0, 3)
    steps = [m for m in manifest["migrations"] if m["dialect"] == "postgresql"]
    assert [(s["from"], s["to"]) for s in steps] == [(0, 1), (1, 2), (2, 3)]
    assert all({"code", "message", "step"} <= set(w) for s in manifest["migrations"] for w in s["warnings"])


def test_dropping_things_is_listed_as_irreversible(blog):
    versions = _history(blog)
    backwards = (versions[2], replace(versions[0], number=4, message="drop tags"))
    manifest = json.loads(
        bundle_files(_spec(blog, versions=backwards, base=3, dialects=("postgresql",)))["manifest.json"]
    )
    assert manifest["irreversible"], "dropping tables and a column loses data"
    assert all(item["directory"] == "migrations/postgresql/0004_drop_tags" for item in manifest["irreversible"])


def test_chained_checksums_catch_edits_removals_and_reordering(blog):
    files = bundle_files(_spec(blog))
    assert verify_checksums(files, "postgresql") == []
    edited = files | {"migrations/postgresql/0002_tags/up.sql": b"DROP TABLE users;"}
    assert "does not match" in verify_checksums(edited, "postgresql")[0]
    removed = {p: b for p, b in files.items() if p != "migrations/postgresql/0002_tags/down.sql"}
    assert "is missing" in verify_checksums(removed, "postgresql")[0]
    added = files | {"migrations/postgresql/0009_sneaky/up.sql": b"SELECT 1;"}
    assert "not in migrations.sum" in verify_checksums(added, "postgresql")[0]


def test_checksum_file_is_chained():
    one = checksum_file([("a/up.sql", b"1"), ("b/up.sql", b"2")]).decode().splitlines()
    other = checksum_file([("a/up.sql", b"X"), ("b/up.sql", b"2")]).decode().splitlines()
    assert one[0].startswith("h1:") and one[1].startswith("a/up.sql h1:")
    # changing the first file changes the second's line too: the hash runs over both
    assert one[1] != other[1] and one[2] != other[2] and one[0] != other[0]


HOSTILE = "../../e\x00\x1b[31m<script>x</script>|`rm /`\u202e"


def test_hostile_names_give_safe_paths_and_an_escaped_readme(blog):
    evil_entity = Entity("ent_evil", HOSTILE, fields=(Field("fld_evil", "/abs\\path\n..", FieldType(TypeKind.TEXT)),))
    versions = tuple(
        replace(
            v, message=HOSTILE, author=HOSTILE, schema=replace(v.schema, entities=(*v.schema.entities, evil_entity))
        )
        for v in _history(blog)
    )
    spec = _spec(
        blog,
        project_name=HOSTILE,
        versions=versions,
        extra_files={
            "../../outside.py": b"1",
            "/etc/cron.d/x": b"2",
            "orm/\x00\x07evil/__init__.py": b"3",
            "C:\\windows\\x.ts": b"4",
        },
    )
    body = build_bundle(spec)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = archive.namelist()
        readme = archive.read("README.md").decode()
    assert all(SAFE_NAME.match(name) and ".." not in name.split("/") for name in names), names
    assert {"outside.py", "etc/cron.d/x", "orm/_evil/__init__.py", "C_/windows/x.ts"} <= set(names)
    assert "<script>" not in readme and "\x1b" not in readme and "\x00" not in readme
    assert r"\<script\>" in readme


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Add users", "add_users"), ("../..", ""), ("Ünïcödé ŝtuff", "unicode_stuff"), ("a" * 90, "a" * 40)],
)
def test_slug(text, expected):
    assert slug(text) == expected


def test_safe_path():
    assert safe_path("a/../b/./c") == "a/b/c"
    assert safe_path("/") == "file"
    assert safe_path(".hidden/x") == "hidden/x"


def test_readme_is_a_design_document(blog):
    readme = bundle_files(_spec(blog))["README.md"].decode()
    for heading in (
        "## Versions",
        "## Entities",
        "### users",
        "## Relationships",
        "## Enums",
        "## Access patterns and volumes",
        "## Technology and recommendations",
        "## Irreversible steps and warnings",
        "## How to apply and roll back",
    ):
        assert heading in readme
    assert "No analysis was run" in readme
    assert "psql -v ON_ERROR_STOP=1 -d DATABASE -f migrations/postgresql/0001_first_cut/up.sql" in readme


def test_readme_renders_an_analysis_when_given(blog):
    analysis = {
        "technology": {
            "primary": "postgresql",
            "cache": "redis",
            "rationale": ["Relational joins dominate"],
            "would_change_if": ["writes exceed 50k/s"],
        },
        "recommendations": [
            {
                "severity": "warning",
                "title": "Index posts(author_id)",
                "rationale": "Hot lookup",
                "tradeoffs": "Slower inserts",
            }
        ],
        "notes": ["One stale pattern left out"],
    }
    readme = bundle_files(_spec(blog, analysis=analysis))["README.md"].decode()
    assert "Advised: **postgresql**, with redis as a cache" in readme
    assert "Index posts(author\\_id)" in readme and "Slower inserts" in readme
    assert "### Trade-offs" in readme and "writes exceed 50k/s" in readme


def test_an_empty_target_still_builds(blog):
    spec = _spec(blog, versions=(BundleVersion(1, Schema(), "empty", "", ""),), dialects=DIALECTS)
    files = bundle_files(spec)
    assert f"migrations/{DIALECTS[-1]}/0001_empty/up.sql" in files
