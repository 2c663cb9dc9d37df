"""`manage.py bench verify` prints its table (a few thousand rows: the figures are the docs' job)."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.postgres


def test_bench_verify_prints_rows_loaded_per_schema():
    out = StringIO()
    call_command("bench", "verify", "--rows", "3000", "--runs", "1", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[2].startswith("| schema | tables | rows loaded | load median s")
    cells = [cell.strip() for cell in lines[4].split("|")]
    assert cells[1] == "demo (blog)" and cells[2] == "5"
    assert 2_500 <= int(cells[3].replace(",", "")) <= 3_000 and float(cells[4]) > 0
