"""`manage.py bench import` on a small Rails-like structure.sql made on the real server:
every step is timed and each partitioned parent is one table (its 50 partitions on it)."""

from io import StringIO

import pytest
from django.core.management import call_command

from designer.formats import import_text
from projects.bench.structure_sql import PARTITIONED, PARTITIONS, structure_ddl

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_bench_import_times_every_step_and_folds_the_partitions(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    out = StringIO()
    call_command("bench", "import", "--tables", "12", "--runs", "1", stdout=out)
    text = out.getvalue()
    assert (
        f"our reading of the dump (19 tables, {PARTITIONED} of them partitioned ({PARTITIONED * PARTITIONS} partitions))"
        in text
    )
    for step in ("web: upload → job → preview → confirm", "web: open the editor", "cli: manage.py import_schema"):
        assert step in text


def test_the_generated_schema_has_what_a_large_rails_application_has():
    statements = structure_ddl(tables=50)
    kinds = {" ".join(s.split()[:2]) for s in statements}
    assert {"CREATE FUNCTION", "CREATE TRIGGER", "CREATE VIEW", "CREATE MATERIALIZED", "CREATE DOMAIN"} <= kinds
    schema = import_text(";\n".join(statements) + ";\n", fmt="postgresql").schema
    assert len([e for e in schema.entities if e.partitioning]) == PARTITIONED
