"""mysqldump's ``DELIMITER ;;`` / ``DELIMITER //`` blocks: a directive of the mysql client,
not SQL. Triggers, routines and events are written in them (their bodies hold ``;``).

``without_client_delimiters`` hands each routine to ``skipped`` with its line and blanks it
out (lines and offsets kept, so every later line number stays true); any other statement
in a block is kept, its delimiter turned back into ``;``. A delimiter inside a quoted
string or a comment (``'http://…'`` under ``DELIMITER //``) does not end a statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DELIMITER = re.compile(r"^[ \t]*DELIMITER[ \t]+(\S+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ROUTINE = re.compile(r"^\s*CREATE\b.*?\b(TRIGGER|PROCEDURE|FUNCTION|EVENT)\s+([`\"\w.$]+)", re.IGNORECASE | re.DOTALL)
_VERSION_MARKS = re.compile(r"/\*M?!\d*|\*/")

Skipped = Callable[[str, int], None]


def without_client_delimiters(text: str, skipped: Skipped) -> str:
    if not _DELIMITER.search(text):
        return text
    out, delimiter, at = [], ";", 0
    for match in _DELIMITER.finditer(text):
        out.append(_delimited(text, at, match.start(), delimiter, skipped))
        out.append(_blank(match[0]))
        delimiter, at = match[1], match.end()
    out.append(_delimited(text, at, len(text), delimiter, skipped))
    return "".join(out)


def _delimited(text: str, start: int, end: int, delimiter: str, skipped: Skipped) -> str:
    if delimiter == ";":
        return text[start:end]
    out = []
    for piece_start, piece_end, ended in _pieces(text, start, end, delimiter):
        piece = text[piece_start:piece_end]
        tail = " " * len(delimiter) if ended else ""
        routine = _ROUTINE.match(_VERSION_MARKS.sub(" ", piece))
        if routine is None:
            out.append(piece + (";" + tail[1:] if ended else ""))
            continue
        line = text.count("\n", 0, piece_start + len(piece) - len(piece.lstrip())) + 1
        name = routine[2].strip('`"')
        skipped(f"CREATE {routine[1].upper()} {name}", line)
        out.append(_blank(piece) + tail)
    return "".join(out)


def _pieces(text: str, start: int, end: int, delimiter: str):
    """(start, end, ended by the delimiter) of each statement, outside quotes and comments."""
    i, piece_start, quote = start, start, None
    while i < end:
        char = text[i]
        if quote:
            if char == "\\" and quote != "`":
                i += 2
                continue
            if char == quote:
                quote = None
        elif char in "'\"`":
            quote = char
        elif text.startswith("--", i) or char == "#":
            i = _line_end(text, i, end)
            continue
        elif text.startswith("/*", i) and not text.startswith("/*!", i):
            close = text.find("*/", i + 2, end)
            i = end if close < 0 else close + 2
            continue
        elif text.startswith(delimiter, i):
            yield piece_start, i, True
            i += len(delimiter)
            piece_start = i
            continue
        i += 1
    yield piece_start, end, False


def _line_end(text: str, i: int, end: int) -> int:
    newline = text.find("\n", i, end)
    return end if newline < 0 else newline


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)
