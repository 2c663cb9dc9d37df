from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from designer.formats.dbml import parse_dbml
from designer.schema import replace
from projects.models import Project, Revision

RICH = Path(__file__).parents[1] / "designer" / "fixtures" / "rich.dbml"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_the_project_id_last_and_export_round_trips(owner, tmp_path):
    out, err = run("import_schema", str(RICH), "--owner", "alice")
    project_id = int(out.strip().splitlines()[-1])
    assert Project.objects.get(pk=project_id).owner == owner
    assert "reserved word" in err  # portability notes are warnings, not errors
    target = tmp_path / "out.dbml"
    run("export_schema", str(project_id), "--format", "dbml", "--out", str(target))
    exported = parse_dbml(target.read_text())
    assert {p.id for p in exported.diagram.positions} >= {e.id for e in exported.entities}  # laid out on import
    assert replace(exported, diagram=replace(exported.diagram, positions=())) == parse_dbml(RICH.read_text())
    stdout, _ = run("export_schema", str(project_id), "--format", "json")
    assert '"format": "schema-designer"' in stdout


def test_import_into_a_named_project_adds_a_revision(owner, tmp_path):
    first, _ = run("import_schema", str(RICH), "--owner", "alice", "--project", "Shop")
    path = tmp_path / "v2.dbml"
    path.write_text("Table t {\n  id int [pk]\n}\n")
    second, _ = run("import_schema", str(path), "--owner", "alice", "--project", "Shop")
    assert first.splitlines()[-1] == second.splitlines()[-1]
    assert Revision.objects.get().op["op"] == "ReplaceSchema"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Table a {\n  id int\n  name text [not null\n}\n", "line 4: Expect"),
        ("Table a {\n  id int\n}\nRef: a.id > b.id\n", "line 4: Table 'b' does not exist"),
        ("Table a {\n  id int\n}\nTable a {\n  x int\n}\n", "line 4: Table 'a' already exists"),
        ("Table t {\n}", "line 1: A Table must have at least one column"),
        ('{"format": "schema-designer", "version": 1, "entities": [{"id": "e"}]}', "missing key 'name'"),
    ],
)
def test_bad_input_fails_with_the_reason_and_changes_nothing(owner, tmp_path, text, words):
    path = tmp_path / ("bad.json" if text.startswith("{") else "bad.dbml")
    path.write_text(text)
    with pytest.raises(CommandError, match=words):
        run("import_schema", str(path), "--owner", "alice")
    assert not Project.objects.exists()


def test_unknown_owner_and_missing_project(db, tmp_path):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        run("import_schema", str(RICH), "--owner", "nobody")
    with pytest.raises(CommandError, match="No project with id 999"):
        run("export_schema", "999", "--format", "dbml")


@pytest.mark.graphviz
def test_seed_demo_is_idempotent_and_opens_laid_out(owner):
    run("seed_demo", "--owner", "alice")
    run("seed_demo", "--owner", "alice")
    demo = Project.objects.get(owner=owner)
    placed = {p["id"] for p in demo.document["diagram"]["positions"]}
    assert {e["id"] for e in demo.document["entities"]} <= placed  # every table has its place


@pytest.mark.graphviz
def test_render_diagram_writes_each_format(project, tmp_path):
    for fmt, magic in (("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")):
        target = tmp_path / f"d.{fmt}"
        run("render_diagram", str(project.pk), "--format", fmt, "--out", str(target))
        assert target.read_bytes().startswith(magic)
    with pytest.raises(CommandError, match="No entity named 'nope'"):
        run("render_diagram", str(project.pk), "--out", str(tmp_path / "x.svg"), "--focus", "nope")


def test_import_schema_reads_sql_and_detects_its_dialect(owner):
    sql = Path(__file__).parents[1] / "designer" / "fixtures" / "rich_postgresql.sql"
    out, err = run("import_schema", str(sql), "--owner", "alice")
    project = Project.objects.get(pk=int(out.strip().splitlines()[-1]))
    assert "from postgresql: 4 tables" in out and project.document["database_type"] == "PostgreSQL"
    assert "line 35: skipped GRANT (not part of a schema)" in err


def test_import_schema_names_the_line_of_a_sql_error(owner, tmp_path):
    path = tmp_path / "broken.sql"
    path.write_text("CREATE TABLE a (\n  id int,\n  name text DEFAULT\n);\n")
    with pytest.raises(CommandError, match="line 4: PostgreSQL syntax error"):
        run("import_schema", str(path), "--owner", "alice")
    assert not Project.objects.exists()
