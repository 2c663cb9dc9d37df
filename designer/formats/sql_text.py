"""Small text helpers shared by the SQL readers: line numbers and types as written."""

from __future__ import annotations

import bisect
import re


class ByteOffsets:
    """UTF-8 byte offset → character offset (PostgreSQL's parser counts bytes): checkpoints
    after each non-ASCII character, ASCII runs in between count one for one."""

    def __init__(self, text: str):
        self.bytes_at, self.chars_at = [0], [0]
        if text.isascii():
            return
        position = 0
        for index, char in enumerate(text):
            if char >= "\x80":
                position += len(char.encode())
                self.bytes_at.append(position)
                self.chars_at.append(index + 1)
            else:
                position += 1

    def char(self, byte_offset: int) -> int:
        at = bisect.bisect_right(self.bytes_at, byte_offset) - 1
        return self.chars_at[at] + (byte_offset - self.bytes_at[at])


class Lines:
    """Character offset → 1-based line, in O(log n) (a dump has thousands of statements)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, self.skip_blanks(offset))

    def skip_blanks(self, offset: int) -> int:
        """Past blanks and comments: a statement's reported offset often starts before them."""
        text, length = self.text, len(self.text)
        while offset < length:
            if text[offset].isspace():
                offset += 1
            elif text.startswith("--", offset) or text.startswith("#", offset):
                end = text.find("\n", offset)
                offset = length if end < 0 else end + 1
            elif text.startswith("/*", offset) and not text.startswith("/*!", offset):
                end = text.find("*/", offset)
                offset = length if end < 0 else end + 2
            else:
                break
        return offset


# Words that end a column's type in a column definition (every dialect we read).
_TYPE_STOP = frozenset(
    {
        "not",
        "null",
        "default",
        "constraint",
        "primary",
        "unique",
        "check",
        "references",
        "generated",
        "collate",
        "compression",
        "storage",
        "auto_increment",
        "autoincrement",
        "comment",
        "on",
        "as",
        "virtual",
        "stored",
        "key",
        "charset",
        "identity",
        "invisible",
        "visible",
        "srid",
    }
)
# Words that end a DEFAULT expression in a column definition.
_DEFAULT_STOP = frozenset(
    {
        "not",
        "null",
        "constraint",
        "primary",
        "unique",
        "check",
        "references",
        "generated",
        "collate",
        "comment",
        "on",
        "auto_increment",
    }
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


def type_text_at(text: str, start: int) -> str:
    """The type written at ``start`` in a column definition, exactly as written (blanks
    folded): up to the first constraint keyword, comma or closing parenthesis at depth 0."""
    return " ".join(text[start : _clause_end(text, start, _TYPE_STOP)].split())


def default_text_after(text: str, start: int) -> str | None:
    """The expression after the word DEFAULT found at or after ``start``, as written."""
    match = re.compile(r"\bdefault\b", re.IGNORECASE).search(text, start)
    if match is None:
        return None
    begin = match.end()
    while begin < len(text) and text[begin].isspace():
        begin += 1
    return text[begin : _clause_end(text, begin, _DEFAULT_STOP)].strip() or None


def parenthesized_after(text: str, start: int, word: str) -> str | None:
    """The text inside the parentheses that follow ``word`` (CHECK, AS) at or after ``start``,
    without redundant outer parentheses: pg_dump writes ``CHECK ((price > 0))``."""
    match = re.compile(rf"\b{word}\s*\(", re.IGNORECASE).search(text, start)
    if match is None:
        return None
    open_at = match.end() - 1
    close_at = _matching(text, open_at)
    if close_at is None:
        return None
    return unwrap(text[open_at + 1 : close_at].strip())


def clause_at(text: str, start: int) -> str:
    """From ``start`` to the end of its clause: the next comma, closing parenthesis or
    semicolon at depth 0."""
    return text[start : _clause_end(text, start, frozenset())]


def unwrap(expression: str) -> str:
    while expression.startswith("(") and _matching(expression, 0) == len(expression) - 1:
        expression = expression[1:-1].strip()
    return expression


def _matching(text: str, open_at: int) -> int | None:
    depth, i, length = 0, open_at, len(text)
    while i < length:
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        elif char in "\"'`":
            close = text.find(char, i + 1)
            if close < 0:
                return None
            i = close
        i += 1
    return None


def _clause_end(text: str, start: int, stop_words: frozenset[str]) -> int:
    depth, i, end, length = 0, start, start, len(text)
    while i < length:
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                break
            depth -= 1
        elif char in ",;" and depth == 0:
            break
        elif char in "\"'`":
            close = text.find(char, i + 1)
            i = length if close < 0 else close
        elif depth == 0 and (char.isalpha() or char == "_"):
            word = _WORD.match(text, i)
            if i > start and (word[0].lower() in stop_words or _character_set(text, word)):
                break
            i = end = word.end()
            continue
        i += 1
        if not char.isspace():
            end = i
    return end


_SET = re.compile(r"\s+set\b", re.IGNORECASE)


def _character_set(text: str, word: re.Match) -> bool:
    # Matched in place: a slice from here would copy the rest of a multi-megabyte dump per column.
    return word[0].lower() == "character" and _SET.match(text, word.end()) is not None


def split_top_level(text: str) -> list[str]:
    """``a, lower(b), (c + d) DESC`` → its comma-separated parts (quotes and nesting kept)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char in "\"'`":
            close = text.find(char, i + 1)
            i = len(text) if close < 0 else close
        elif char == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def parenthesized_from(text: str, start: int) -> str | None:
    """The text inside the first parentheses at or after ``start``."""
    open_at = text.find("(", start)
    if open_at < 0:
        return None
    close_at = _matching(text, open_at)
    return text[open_at + 1 : close_at] if close_at is not None else None
