"""The Node helper that runs the reference DBML parser: started on first use, a clear
message without Node, a timeout that kills a stuck read and recovers."""

import signal

import pytest

from designer.formats import dbml_reader as reader
from designer.formats.dbml import parse_dbml
from designer.formats.dbml_reader import read_dbml, stop_helper
from designer.limits import DBML_HELPER_MEMORY_MB
from designer.problems import SchemaError


def test_without_node_the_message_says_what_is_missing(monkeypatch, tmp_path):
    stop_helper()
    monkeypatch.setenv("PATH", str(tmp_path))  # no `node` anywhere
    with pytest.raises(SchemaError) as caught:
        parse_dbml("Table t {\n  id int\n}\n")
    assert caught.value.problems[0].code == "dbml-parser-unavailable"
    assert "Node.js" in caught.value.problems[0].message


def test_a_read_over_the_timeout_is_stopped_and_the_next_read_works():
    big = "".join(f"Table t{i} {{\n  id int [pk]\n  name text\n}}\n" for i in range(3000))
    with pytest.raises(SchemaError) as caught:
        read_dbml(big, timeout=0.01)
    assert caught.value.problems[0].code == "dbml-timeout"
    assert [e.name for e in parse_dbml("Table after {\n  id int\n}\n").entities] == ["after"]


class Interrupted(Exception):
    """What Celery's soft time limit raises in the job's thread (SoftTimeLimitExceeded)."""


def test_an_interrupted_read_ends_the_parser_and_the_next_read_gets_its_own_reply():
    # The probe's case: an import job hit its time limit while the parser was busy; the
    # old reply later answered the next import in the same worker ("error on our side").
    big = "".join(f"Table t{i} {{\n  id int [pk]\n  name text\n}}\n" for i in range(3000))
    read_dbml("Table warm { id int }")  # the process is running before the clock starts
    busy = reader._helper.process
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        with pytest.raises(Interrupted):
            read_dbml(big, timeout=30)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert busy.poll() is not None  # killed, not left parsing at gigabytes
    assert [t["name"] for t in read_dbml("Table after {\n  id int\n}\n")["tables"]] == ["after"]


def _interrupt(signum, frame):
    raise Interrupted


def test_a_timed_out_read_says_so_with_the_limit():
    big = "".join(f"Table t{i} {{\n  id int [pk]\n}}\n" for i in range(3000))
    with pytest.raises(SchemaError) as caught:
        read_dbml(big, timeout=0.01)
    assert caught.value.problems[0].message == "reading the DBML timed out after 0.01 s"
    assert read_dbml("Table ok { id int }")["tables"][0]["name"] == "ok"


def test_the_parser_runs_with_a_capped_heap():
    read_dbml("Table t { id int }")
    assert f"--max-old-space-size={DBML_HELPER_MEMORY_MB}" in reader._helper.process.args
