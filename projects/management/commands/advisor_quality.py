import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from designer.advice import analyze
from designer.advice.quality import corpus_schema, load_fixture, overall, rule_scores, score, unjudged
from designer.problems import SchemaError

FIXTURES = Path(settings.BASE_DIR) / "tests" / "advisor_fixtures"
CORPUS_SUFFIXES = (".toml", ".dbml", ".sql")
JUDGEMENTS = "judgements.toml"
GOAL = 0.9  # a rule below this precision is demoted or retired (issue 19)
# Rules demoted for a precision under GOAL, and to what (the reasons: docs/advisor.md).
DEMOTED = {"security.password": "demoted to warning"}


def fixture_scores(directory: Path = FIXTURES):
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise CommandError(f"No fixture projects in {directory}.")
    fixtures = [load_fixture(path.read_text(encoding="utf-8"), name=path.stem) for path in paths]
    return [score(fixture, analyze(fixture.schema)) for fixture in fixtures]


def corpus_entries(directory: Path) -> list:
    """Every schema file of ``directory`` with its analysis; judgements from judgements.toml."""
    if not directory.is_dir():
        raise CommandError(f"No directory {directory}.")
    judgements = _judgements(directory / JUDGEMENTS)
    paths = sorted(p for p in directory.iterdir() if p.suffix in CORPUS_SUFFIXES and p.name != JUDGEMENTS)
    if not paths:
        raise CommandError(f"No schema files ({', '.join(CORPUS_SUFFIXES)}) in {directory}.")
    entries = []
    for path in paths:
        try:
            entry = corpus_schema(
                path.read_text(encoding="utf-8"),
                name=path.stem,
                filename=path.name,
                judgements=judgements.get(path.stem, {}),
            )
        except (SchemaError, ValueError, tomllib.TOMLDecodeError) as error:
            raise CommandError(f"{path.name}: {error}") from error
        entries.append((entry, analyze(entry.schema)))
    return entries


def _judgements(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CommandError(f"{path.name}: {error}") from error


class Command(BaseCommand):
    help = (
        "Precision and recall of the advisor against the hand-written fixture projects; with --corpus DIR, "
        "the precision of each rule over a directory of schemas (.toml fixtures, .dbml, .sql)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--verbose-misses", action="store_true", help="list missed, unexpected, unjudged items")
        parser.add_argument("--corpus", type=Path, help="a directory of schema files: print precision per rule")

    def handle(self, *args, verbose_misses=False, corpus=None, **options):
        if corpus is not None:
            self._rule_precision(corpus, verbose=verbose_misses)
            return
        scores = fixture_scores()
        self.stdout.write("| fixture | expected | found | precision | recall |\n|---|---:|---:|---:|---:|")
        for s in scores:
            self.stdout.write(f"| {s.name} | {len(s.expected)} | {len(s.found)} | {s.precision:.2f} | {s.recall:.2f} |")
            if verbose_misses:
                for item in sorted(s.expected - s.found):
                    self.stdout.write(f"|   missed: {item} | | | | |")
                for item in sorted(s.found - s.expected):
                    self.stdout.write(f"|   unexpected: {item} | | | | |")
        precision, recall = overall(scores)
        total_expected = sum(len(s.expected) for s in scores)
        total_found = sum(len(s.found) for s in scores)
        self.stdout.write(f"| **overall** | {total_expected} | {total_found} | {precision:.2f} | {recall:.2f} |")

    def _rule_precision(self, directory: Path, *, verbose: bool) -> None:
        entries = corpus_entries(directory)
        scores = rule_scores(entries)
        self.stdout.write(f"{len(entries)} schemas in {directory}\n")
        self.stdout.write("| rule | findings | judged | right | wrong | precision | verdict |")
        self.stdout.write("|---|---:|---:|---:|---:|---:|---|")
        for s in scores:
            precision = "n/a" if s.precision is None else f"{s.precision:.2f}"
            verdict = "not judged" if s.precision is None else ("keep" if s.precision >= GOAL else "demote or retire")
            if s.precision is not None and s.precision < GOAL and s.code in DEMOTED:
                verdict = DEMOTED[s.code]
            self.stdout.write(
                f"| {s.code} | {s.findings} | {s.judged} | {s.right} | {s.wrong} | {precision} | {verdict} |"
            )
        judged = sum(s.judged for s in scores)
        right = sum(s.right for s in scores)
        total = f"{right / judged:.2f}" if judged else "n/a"
        self.stdout.write(
            f"| **all rules** | {sum(s.findings for s in scores)} | {judged} | {right} | {judged - right} | {total} | |"
        )
        if verbose:
            for entry, analysis in entries:
                for item in unjudged(entry, analysis):
                    self.stdout.write(f"unjudged [{entry.name}] {item}")
