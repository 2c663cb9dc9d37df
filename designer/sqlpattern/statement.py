"""Parsing the pasted SQL: exactly one statement, any placeholder style, errors located."""

from __future__ import annotations

import re

import pglast
from pglast import ast

from designer.problems import Problem, SchemaError
from designer.sqlpattern.codes import SYNTAX, UNMAPPABLE


def single_statement(sql: str) -> ast.Node:
    numbered, to_original = numbered_parameters(sql)
    try:
        statements = pglast.parse_sql(numbered)
    except pglast.parser.ParseError as error:
        message, index = error.args
        if index is None:  # "at end of input"
            index = len(numbered)
        line, column = line_and_column(sql, to_original(index))
        raise SchemaError([Problem(code=SYNTAX, message=message, line=line, column=column)]) from None
    if not statements:
        raise SchemaError([Problem(code=SYNTAX, message="no SQL statement found")])
    if len(statements) > 1:
        message = f"one SQL statement describes one access pattern: found {len(statements)}"
        raise SchemaError([Problem(code=UNMAPPABLE, message=message)])
    return statements[0].stmt


# Skipped whole so placeholders inside them stay text: strings, quoted names, comments,
# dollar-quoted bodies and :: casts.
_OPAQUE = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|(\$[A-Za-z_]\w*\$|\$\$).*?\1|::", re.S)
_PLACEHOLDER = re.compile(r"(?<![\w:]):([A-Za-z_]\w*)|%\(([^)]+)\)s|%s\b|\?(?![|&])")
# `?` is also PostgreSQL's jsonb "has key" operator: it is a placeholder only where a
# value is expected (after a comparison, an opening bracket, a comma or these words).
_BEFORE_VALUE = re.compile(r"(?:[=<>(,]|\b(?:and|between|like|ilike|limit|offset))\s*$", re.I)


def numbered_parameters(sql: str):
    """``sql`` with every placeholder style rewritten to ``$n`` (the one PostgreSQL
    parses), and a function mapping a position in the result back to ``sql``."""
    pieces: list[str] = []
    length = 0  # of the pieces so far
    shifts: list[tuple[int, int]] = []  # from this position in the result on, original = result + shift
    numbers: dict[str, int] = {}  # a named placeholder used twice is one parameter
    next_number = max((int(n) for n in re.findall(r"\$(\d+)", sql)), default=0) + 1
    position = 0
    for match in placeholders(sql):
        name = match.group(1) or match.group(2) or f"#{match.start()}"  # unnamed: each its own
        if name not in numbers:
            numbers[name], next_number = next_number, next_number + 1
        for piece in (sql[position : match.start()], f"${numbers[name]}"):
            pieces.append(piece)
            length += len(piece)
        shifts.append((length, match.end() - length))
        position = match.end()
    pieces.append(sql[position:])

    def to_original(index: int) -> int:
        return index + next((shift for at, shift in reversed(shifts) if index >= at), 0)

    return "".join(pieces), to_original


def placeholders(sql: str):
    """Placeholder matches outside strings, quoted names, comments and casts."""
    position = 0
    while True:
        opaque, placeholder = _OPAQUE.search(sql, position), _PLACEHOLDER.search(sql, position)
        if placeholder is None:
            return
        if opaque is not None and opaque.start() <= placeholder.start():
            position = opaque.end()  # skip it whole: a placeholder inside is text
            continue
        if placeholder.group(0) != "?" or _BEFORE_VALUE.search(sql, 0, placeholder.start()):
            yield placeholder
        position = placeholder.end()


def line_and_column(sql: str, index: int) -> tuple[int, int]:
    before = sql[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1
