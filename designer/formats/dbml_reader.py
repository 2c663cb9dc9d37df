"""Reads DBML with the reference parser (@dbml/core) in a long-lived Node process.

Why Node: the reference parser is the definition of the language (TablePartials,
Records, checks, every quoting rule) and reads a 50-table file in milliseconds once
running; Python parsers accept a fraction of the language. The process starts on the
first read (about 1.5 s); designer/formats/node_helper.py drives it (timeouts, late
replies, restarts); its heap is capped (DBML_HELPER_MEMORY_MB).
"""

from __future__ import annotations

from pathlib import Path

from designer.formats.node_helper import HelperSpec, NodeHelper
from designer.limits import DBML_HELPER_MEMORY_MB, DBML_READ_SECONDS
from designer.problems import Problem, SchemaError

HELPER_DIR = Path(__file__).with_name("dbml_node")
DEFAULT_TIMEOUT = DBML_READ_SECONDS
MAX_PROBLEMS = 10
_helper = NodeHelper(
    HelperSpec(
        directory=HELPER_DIR,
        package="@dbml/core",
        code="dbml",
        parser="the DBML parser",
        reading="the DBML",
        memory_mb=DBML_HELPER_MEMORY_MB,
        restart_after_chars=1_000_000,
    )
)


def read_dbml(text: str, *, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """The reference parser's reading of ``text`` (see helper.js), or SchemaError with the
    parser's messages and their lines."""
    answer = _helper.read(text, timeout=timeout)
    if answer.get("ok"):
        return answer["reading"]
    problems = [
        Problem(code="dbml-syntax", message=_whole_characters(e["message"]), line=e.get("line"), column=e.get("column"))
        for e in answer["errors"]
    ]
    # The parser may say the same thing several times, some without a place: keep the placed
    # ones, in file order, and few enough to read.
    placed = sorted({p for p in problems if p.line is not None}, key=lambda p: (p.line, p.column or 0))
    raise SchemaError((placed or problems)[:MAX_PROBLEMS])


def _whole_characters(text: str) -> str:
    """The parser works in UTF-16 code units: a message may quote half an emoji (a lone
    surrogate), which no page or log can encode. Pairs are joined, halves become U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def stop_helper() -> None:
    """End the Node process (tests and shutdown; the next read starts a new one)."""
    _helper.stop_locked()
