"""`manage.py bench deploy` prints its table (tiny sizes: the numbers are the report's job)."""

from io import StringIO

from django.core.management import call_command


def test_bench_deploy_prints_a_row_per_size():
    out = StringIO()
    call_command("bench", "deploy", "--sizes", "5,10", "--runs", "1", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("| entities | validate")
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["5", "10"]
