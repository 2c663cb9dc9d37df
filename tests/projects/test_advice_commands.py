"""`manage.py analyze` and `manage.py advisor_quality`, as documented in docs/advice.md."""

import json

import pytest
from django.core.management import CommandError, call_command


def test_analyze_json_exact_shape(project, capsys):
    call_command("analyze", str(project.pk), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["revision"] == project.revision
    assert data["technology"]["primary"] == "postgresql" and data["technology"]["cache"] == "redis"
    index = next(r for r in data["recommendations"] if r["code"] == "index.pattern")
    assert index["entity"] == "comments" and index["index"]["columns"][0]["field"] == "post_id"
    assert "key" not in index and "ops" not in index


def test_analyze_markdown_to_a_file(project, tmp_path):
    out = tmp_path / "review.md"
    call_command("analyze", str(project.pk), "--format", "markdown", "--out", str(out))
    text = out.read_text()
    assert text.startswith("# Design review: Blog") and "**Primary store: PostgreSQL**" in text


def test_analyze_unknown_project(db):
    with pytest.raises(CommandError, match="No project with id 999999"):
        call_command("analyze", "999999", "--format", "json")


def test_advisor_quality_prints_per_fixture_and_overall(capsys):
    call_command("advisor_quality")
    out = capsys.readouterr().out
    assert "| blog |" in out and "| saas |" in out and "| **overall** |" in out


def test_bench_advisor_prints_its_table(capsys):
    call_command("bench", "advisor", "--sizes", "20", "--runs", "1")
    out = capsys.readouterr().out
    assert "| entities | access patterns | workload summary (baseline, median) | analyze (median)" in out
    assert "\n| 20 | 40 |" in out


def test_advisor_quality_corpus_prints_precision_per_rule_on_the_fixtures(capsys):
    call_command("advisor_quality", "--corpus", "tests/advisor_fixtures")
    out = capsys.readouterr().out
    assert "11 schemas in tests/advisor_fixtures" in out
    assert "| rule | findings | judged | right | wrong | precision | verdict |" in out
    assert "| index.pattern | 24 | 24 | 24 | 0 | 1.00 | keep |" in out


def test_advisor_quality_corpus_judges_plain_schemas_and_flags_a_weak_rule(tmp_path, capsys):
    (tmp_path / "people.dbml").write_text(
        "Table people {\n id bigint [pk]\n email text\n a timestamp\n}\nTable pets {\n id bigint [pk]\n b timestamp\n"
        " c timestamp\n}\n"
    )
    (tmp_path / "judgements.toml").write_text(
        '[people]\nright = []\nwrong = ["type.timestamptz (people.a, pets.b, pets.c)"]\n'
    )
    call_command("advisor_quality", "--corpus", str(tmp_path), "--verbose-misses")
    out = capsys.readouterr().out
    assert "| type.timestamptz | 1 | 1 | 0 | 1 | 0.00 | demote or retire |" in out
    assert "| security.personal-data | 1 | 0 | 0 | 0 | n/a | not judged |" in out
    assert "unjudged [people] security.personal-data people" in out


def test_advisor_quality_corpus_refuses_a_missing_or_empty_directory(tmp_path):
    with pytest.raises(CommandError, match="No directory"):
        call_command("advisor_quality", "--corpus", str(tmp_path / "nowhere"))
    with pytest.raises(CommandError, match="No schema files"):
        call_command("advisor_quality", "--corpus", str(tmp_path))
    (tmp_path / "broken.dbml").write_text("Table {")
    with pytest.raises(CommandError, match=r"broken\.dbml"):
        call_command("advisor_quality", "--corpus", str(tmp_path))


def test_advisor_quality_on_the_judged_real_world_corpus_meets_the_goal_or_names_the_demotion(capsys):
    call_command("advisor_quality", "--corpus", "tests/realworld/postgresql")
    out = capsys.readouterr().out
    assert "| security.password | 10 | 8 | 3 | 5 | 0.38 | demoted to warning |" in out
    assert "| security.secret | 35 | 35 | 34 | 1 | 0.97 | keep |" in out
    assert "| type.enum | 21 | 21 | 20 | 1 | 0.95 | keep |" in out
    assert "type.money" not in out  # its one finding, pghero's total_time, was a duration
    assert "demote or retire" not in out
