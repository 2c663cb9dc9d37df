"""How the migration rehearsal (projects/rehearsal.py) reads a rendered migration and
judges its steps; the rehearsal on a real server is in tests/integration/test_verify_postgres.py."""

from projects.rehearsal import _GUARD, _chunks, _findings, _lock_timeout, _placeholders


def test_a_migration_is_read_into_steps_and_its_lock_timeout():
    sql = (
        "-- postgresql, zero-downtime: 2 steps\nSET lock_timeout = '2s';\n"
        "-- step 0: rename column posts.headline (was title)\nBEGIN;\nALTER TABLE x RENAME a TO b;\nCOMMIT;\n"
        "-- step 1: add index posts.x\nCREATE INDEX CONCURRENTLY x ON t (a);\n"
    )
    preamble, steps = _chunks(sql)
    assert "SET lock_timeout = '2s'" in preamble
    assert [(n, subject) for n, subject, _ in steps] == [
        (0, "rename column posts.headline (was title)"),
        (1, "add index posts.x"),
    ]
    assert _lock_timeout(sql) == ("2s", 2000.0) and _lock_timeout("SET lock_timeout = '150ms';")[1] == 150.0
    assert _lock_timeout("-- nothing") is None
    waited = {
        "direction": "up",
        "step": 1,
        "subject": "add index posts.x",
        "announced_safe": True,
        "longest_wait_ms": 2500.0,
    }
    warned = {**waited, "announced_safe": False}
    failed = {**warned, "longest_wait_ms": 0.0, "error": 'column "w" contains null values'}
    found = _findings([waited, warned, failed], ("2s", 2000.0))
    assert found == [
        "up step 1 (add index posts.x) is announced as safe but kept a query waiting 2,500 ms, "
        "longer than lock_timeout 2s",
        'up step 1 (add index posts.x) failed on the data: column "w" contains null values',
    ]


def test_a_guard_that_stops_the_file_is_a_finding_with_its_reason_and_what_to_write_instead():
    preamble = (
        "SET lock_timeout = '2s';\n"
        "-- WILL FAIL ON DATA (step 1): posts.w is added NOT NULL without a default: this will fail on a populated table\n"
        '-- BACKFILL PLACEHOLDER: give it a default (UPDATE "posts" SET "w" = <value>;); then delete the guard below\n'
        "DO $guard$ BEGIN RAISE EXCEPTION 'x'; END $guard$;\n"
    )
    assert _placeholders(preamble) == ['give it a default (UPDATE "posts" SET "w" = <value>;)']
    assert _GUARD.match("DO $guard_1$ BEGIN END $guard_1$") and not _GUARD.match("DO $rename$ BEGIN END $rename$")
    stop = {
        "direction": "down",
        "step": -1,
        "subject": "the file's guard",
        "announced_safe": False,
        "error": "posts.w is added NOT NULL without a default: this will fail on a populated table",
        "placeholder": _placeholders(preamble),
    }
    (found,) = _findings([stop], ("2s", 2000.0))
    assert found.startswith("the down's guard stops it before any step, on these rows: posts.w is added NOT NULL")
    assert '(the file says: give it a default (UPDATE "posts" SET "w" = <value>;))' in found
    assert found.endswith("rehearsed again without the guard, each step in a savepoint, to measure the other steps")
