"""The project's own JSON document format (see docs/json-format.md).

``{"format": "schema-designer", "version": 1, ...the Schema fields...}``. The round
trip is exact: ``loads(dumps(schema)) == schema``, ids included.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from designer.allocation import collector_paused
from designer.formats.codec import BadNumber, from_data, to_data
from designer.problems import Problem, SchemaError
from designer.schema import FORMAT_VERSION, Schema

FORMAT_NAME = "schema-designer"


def schema_to_dict(schema: Schema, *, memo: dict | None = None) -> dict[str, Any]:
    """``memo``: see ``codec.to_data`` (a long-lived process passes one to convert less)."""
    with collector_paused():  # a large document is hundreds of thousands of acyclic dicts
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **to_data(schema, memo)}


def document_text(document: dict[str, Any], *, memo: dict | None = None) -> str:
    """``document`` (from ``schema_to_dict``) as compact JSON text, the same JSON as
    ``json.dumps`` makes. ``memo`` (owned by the caller): the text of each part of the
    document (a table, a relationship, a position...) by its data, which documents made
    with one ``to_data`` memo share while unchanged: the next document dumps only what
    changed and joins the rest."""
    if memo is None:
        return json.dumps(document)

    def part(value) -> str:
        if not isinstance(value, list | dict):
            return json.dumps(value)
        known = memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        # A list is the same object while its tuple is unchanged (codec.to_data): its
        # parts are joined; a dict (a table, a relationship...) is dumped whole.
        text = f"[{','.join(map(part, value))}]" if isinstance(value, list) else json.dumps(value)
        memo[id(value)] = (value, text)  # the data itself is kept: its id is not reused meanwhile
        return text

    members = (f"{json.dumps(key)}:{part(value)}" for key, value in document.items())
    return "{" + ",".join(members) + "}"


def schema_from_dict(data: Any, *, strict: bool = False) -> Schema:
    """``strict`` for documents from outside (see codec.from_data); stored ones without."""
    if not isinstance(data, dict):
        raise _problem("the document must be a JSON object")
    body = dict(data)
    name = body.pop("format", None)
    version = body.pop("version", None)
    if name != FORMAT_NAME:
        raise _problem(f'not a schema-designer document (format is {name!r}, expected "{FORMAT_NAME}")')
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _problem(f"the document version must be a positive whole number, got {version!r}")
    if version > FORMAT_VERSION:
        raise _problem(
            f"the document is version {version}, newer than this program reads ({FORMAT_VERSION}); upgrade the program"
        )
    with collector_paused():
        return from_data(Schema, _upgrade(body, version), strict=strict)


def _upgrade(body: dict[str, Any], version: int) -> dict[str, Any]:
    """Older documents read as the current version. 1 → 2 added ``FieldType.written`` and
    the kind ``other``; every version-1 document is already a valid version 2."""
    return body


def dumps(schema: Schema) -> str:
    return json.dumps(schema_to_dict(schema), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# Deeper than any schema document goes (about 8 levels): anything deeper is refused before
# it can exhaust the parser's recursion.
MAX_DEPTH = 32


def loads(text: str) -> Schema:
    """Parse a JSON document strictly: too deep, NaN / Infinity, numbers too big for a
    float or with more than 30 digits are refused with where they are."""
    depth_problem = _too_deep(text)
    if depth_problem is not None:
        raise SchemaError([depth_problem])
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_int=_bounded_int, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise SchemaError(
            [Problem(code="json-syntax", message=error.msg, line=error.lineno, column=error.colno)]
        ) from None
    _refuse_lone_surrogates(data)
    return schema_from_dict(data, strict=True)


def _refuse_lone_surrogates(data) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"); Python reads it as a string no
    database, page or file can encode. Refused here, with the code, instead of failing
    wherever it lands."""
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")  # BadNumber: refused later, with its path
    except UnicodeEncodeError as error:
        code = ord(error.object[error.start])
        message = f"the text \\u{code:04x} is half of a UTF-16 pair, not a character; remove it or complete the pair"
        raise SchemaError([Problem(code="json-lone-surrogate", message=message)]) from None


# Numbers the document cannot hold are kept as BadNumber while parsing, so the codec
# refuses them with their path (e.g. patterns/0/frequency/average).
def _refuse_constant(name: str) -> BadNumber:
    return BadNumber(f"{name} is not a number")


def _bounded_int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > 30:
        return BadNumber(f"the number {text[:20]}… has too many digits")
    return int(text)


def _finite_float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) else BadNumber(f"the number {text[:30]} is too large")


def _too_deep(text: str) -> Problem | None:
    """Nesting depth by counting brackets outside strings (a linear scan, no recursion)."""
    depth = 0
    line = 1
    for match in _STRUCTURE.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line += text.count("\n", 0, match.start())
                return Problem(code="too-deep", message=f"nested deeper than {MAX_DEPTH} levels", line=line)
        elif bracket in "]}":
            depth -= 1
    return None


_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _problem(message: str) -> SchemaError:
    return SchemaError([Problem(code="bad-document", message=message)])
