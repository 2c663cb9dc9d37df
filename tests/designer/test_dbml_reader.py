"""The Node helper that runs the reference DBML parser: started on first use, a clear
message without Node, a timeout that kills a stuck read and recovers."""

import pytest

from designer.formats.dbml import parse_dbml
from designer.formats.dbml_reader import read_dbml, stop_helper
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
