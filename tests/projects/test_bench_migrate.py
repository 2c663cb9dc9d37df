"""`manage.py bench migrate` prints its table (tiny sizes: the numbers are the README's job)."""

from io import StringIO

from django.core.management import call_command


def test_bench_migrate_prints_a_row_per_dialect():
    out = StringIO()
    call_command("bench", "migrate", "--entities", "6", "--versions", "3", "--runs", "1", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("| dialect | 6 entities x 3 versions")
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["postgresql", "mysql", "sqlite"]
    assert all(int(line.split("|")[2]) > 0 for line in lines[2:])
