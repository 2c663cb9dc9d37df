"""The advisor against the hand-written fixture projects (tests/advisor_fixtures):
overall precision and recall must both stay at or above 0.9."""

from pathlib import Path

from designer.advice import analyze
from designer.advice.quality import load_fixture, overall, score

FIXTURES = Path(__file__).parents[1] / "advisor_fixtures"
THRESHOLD = 0.9


def test_at_least_ten_fixture_projects():
    assert len(list(FIXTURES.glob("*.toml"))) >= 10


def test_overall_precision_and_recall_stay_above_the_threshold():
    scores = []
    for path in sorted(FIXTURES.glob("*.toml")):
        fixture = load_fixture(path.read_text(encoding="utf-8"), name=path.stem)
        scores.append(score(fixture, analyze(fixture.schema)))
    precision, recall = overall(scores)
    misses = {s.name: sorted(s.expected ^ s.found) for s in scores if s.expected != s.found}
    assert precision >= THRESHOLD and recall >= THRESHOLD, misses


def test_the_score_counts_misses_and_extras():
    fixture = load_fixture(
        (FIXTURES / "blog.toml").read_text(encoding="utf-8").replace('  "type.text authors(email)",\n', ""),
        name="blog-without-one",
    )
    result = score(fixture, analyze(fixture.schema))
    assert result.recall == 1.0 and result.precision == len(result.hits) / (len(result.hits) + 1)
