from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from designer.advice import analyze
from designer.advice.quality import load_fixture, overall, score

FIXTURES = Path(settings.BASE_DIR) / "tests" / "advisor_fixtures"


def fixture_scores(directory: Path = FIXTURES):
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise CommandError(f"No fixture projects in {directory}.")
    fixtures = [load_fixture(path.read_text(encoding="utf-8"), name=path.stem) for path in paths]
    return [score(fixture, analyze(fixture.schema)) for fixture in fixtures]


class Command(BaseCommand):
    help = "Precision and recall of the advisor against the hand-written fixture projects."

    def add_arguments(self, parser):
        parser.add_argument("--verbose-misses", action="store_true", help="list missed and unexpected items")

    def handle(self, *args, verbose_misses=False, **options):
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
