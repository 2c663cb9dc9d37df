"""Generic, type-hint driven conversion between frozen dataclasses and JSON data.

One converter serves the schema document and the edit operations stored in the
revision log, so both stay in step with the dataclasses without hand-written
mappings. Fields equal to their default are omitted: documents stay small and a
new field with a default is backward compatible by construction.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from enum import Enum
from typing import Any

from designer.problems import Problem, SchemaError

_PLAIN = (str, int, float, bool, type(None))  # exact types: a StrEnum is not plain
# Read as they are without a second look (numbers still go through the range checks).
_FAST = frozenset({str, bool, type(None)})
_NO_DEFAULT = object()
# Ids are opaque but land in URLs, HTML ids and file names: a letter or digit, then letters,
# digits, "_" or "-" (what designer.schema.fresh_id makes). Checked on every `id` field
# and every reference (`*_id`, `*_ids`).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# Whole numbers beyond ±2**53 lose precision as JSON floats in browsers and other tools.
MAX_WHOLE = 2**53


class BadNumber:
    """A number a reader could not accept (NaN, infinity, too many digits), kept in place
    so the error names its path."""

    def __init__(self, reason: str):
        self.reason = reason


def to_data(obj: Any, memo: dict[int, tuple[Any, Any]] | None = None) -> Any:
    """JSON data for ``obj``. ``memo`` (owned by the caller) remembers the data of each
    dataclass object by identity: objects are immutable and an edit shares every
    untouched object with the schema before it, so writing the next document only
    converts what changed. The data returned is shared: never modify it."""
    if type(obj) in _PLAIN:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if memo is not None and (known := memo.get(id(obj))) is not None and known[0] is obj:
            return known[1]
        data = {}
        for name, default in _defaults(type(obj)):
            value = getattr(obj, name)
            if default is not _NO_DEFAULT and value == default:
                continue
            data[name] = to_data(value, memo)
        if memo is not None:
            memo[id(obj)] = (obj, data)  # the object itself is kept: its id is not reused meanwhile
        return data
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, tuple):
        # A schema's tuples are immutable too: one an edit left alone (10,000 tables'
        # relationships) is not walked again.
        if memo is not None and (known := memo.get(id(obj))) is not None and known[0] is obj:
            return known[1]
        data = [to_data(item, memo) for item in obj]
        if memo is not None and len(obj) > _WALKED_ANYWAY:
            memo[id(obj)] = (obj, data)
        return data
    if isinstance(obj, list):
        return [to_data(item, memo) for item in obj]
    return obj


_WALKED_ANYWAY = 8  # shorter tuples (a table's fields, a key's columns) cost less to walk than to remember


def from_data(cls: Any, data: Any, *, path: str = "", strict: bool = False) -> Any:
    """Build ``cls`` from JSON data: every mistake names its path. ``strict`` (input from
    outside, e.g. an uploaded document) also checks ids against ID_PATTERN and numbers
    against ±MAX_WHOLE; stored documents are read without it, so one saved before these
    checks still opens (validation then asks for the fix on the next edit)."""
    if cls is type(data) and cls in _FAST and not (cls is str and "\x00" in data):
        return data  # the common case, first: a str that is a str (large documents are mostly these)
    kind = _kind_of(cls)
    if kind == "union":
        return _from_union(cls, data, path=path, strict=strict)
    if kind == "tuple":
        item_type = typing.get_args(cls)[0]
        if not isinstance(data, list):
            raise _bad(path, f"expected a list, got {_kind(data)}")
        return tuple(from_data(item_type, item, path=f"{path}/{i}", strict=strict) for i, item in enumerate(data))
    if kind == "dataclass":
        return _from_dataclass(cls, data, path=path, strict=strict)
    if kind == "enum":
        try:
            return cls(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in cls)
            raise _bad(path, f"{data!r} is not one of {allowed}") from None
    return _from_scalar(cls, data, path=path, strict=strict)


def _from_union(cls: Any, data: Any, *, path: str, strict: bool) -> Any:
    options = [arg for arg in typing.get_args(cls) if arg is not type(None)]
    if data is None:
        if type(None) in typing.get_args(cls):
            return None
        raise _bad(path, "a value is required")
    if len(options) == 1:
        return from_data(options[0], data, path=path, strict=strict)
    for option in options:  # e.g. int | str: the first that fits
        try:
            return from_data(option, data, path=path, strict=strict)
        except SchemaError:
            continue
    raise _bad(path, f"unexpected {_kind(data)}")


def _from_dataclass(cls: type, data: Any, *, path: str, strict: bool) -> Any:
    if not isinstance(data, dict):
        raise _bad(path, f"expected an object, got {_kind(data)}")
    fields, names = _init_fields(cls)
    if not names.issuperset(data):
        unknown = sorted(set(data) - names)
        raise _bad(path, f"unknown key {unknown[0]!r} for {cls.__name__}")
    kwargs = {}
    for name, hint, required in fields:
        if name in data:
            at = f"{path}/{name}" if path else name
            kwargs[name] = from_data(hint, data[name], path=at, strict=strict)
            if strict and _is_id(name):
                _check_ids(kwargs[name], path=at)
        elif required:
            raise _bad(path, f"missing key {name!r} for {cls.__name__}")
    return cls(**kwargs)


@functools.cache
def _kind_of(cls: Any) -> str:
    """What decoding ``cls`` takes, worked out once per type (documents of thousands of
    fields ask the same few types over and over)."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        return "union"
    if origin is tuple:
        return "tuple"
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return "dataclass"
    if isinstance(cls, type) and issubclass(cls, Enum):
        return "enum"
    return "scalar"


@functools.cache
def _init_fields(cls: type) -> tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]:
    """(name, type hint, required) per field ``cls(...)`` takes, and the set of names."""
    hints = _hints(cls)
    fields = tuple(
        (f.name, hints[f.name], f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        for f in dataclasses.fields(cls)
        if f.init
    )
    return fields, frozenset(name for name, _, _ in fields)


def _is_id(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


def _check_ids(value: Any, *, path: str) -> None:
    for item in value if isinstance(value, tuple) else (value,):
        if item is not None and not ID_PATTERN.fullmatch(item):
            shown = item if len(item) <= 40 else item[:40] + "…"
            raise _bad(path, f"{shown!r} is not an id (a letter or digit, then letters, digits, _ or -, at most 64)")


def _from_scalar(cls: Any, data: Any, *, path: str, strict: bool) -> Any:
    if isinstance(data, BadNumber):
        raise _bad(path, data.reason)
    if cls is Any:
        return data
    if isinstance(data, str) and "\x00" in data:  # PostgreSQL cannot store it in a document
        raise _bad(path, "the text contains a NUL character")
    number = cls in (int, float) and isinstance(data, int | float) and not isinstance(data, bool)
    if strict and number and (not math.isfinite(data) or abs(data) > MAX_WHOLE):
        raise _bad(path, f"the number {data:.6g} is out of range (at most {MAX_WHOLE:,})")
    if cls is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if cls is int and isinstance(data, bool):
        raise _bad(path, "expected a whole number, got a boolean")
    if isinstance(cls, type) and isinstance(data, cls):
        return data
    raise _bad(path, f"expected {getattr(cls, '__name__', cls)}, got {_kind(data)}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, default or _NO_DEFAULT) per field. Computed once per class: the
    defaults of these frozen dataclasses are immutable values."""
    return tuple(
        (
            f.name,
            f.default
            if f.default is not dataclasses.MISSING
            else f.default_factory()
            if f.default_factory is not dataclasses.MISSING
            else _NO_DEFAULT,
        )
        for f in dataclasses.fields(cls)
    )


def _kind(data: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", BadNumber: "a bad number"}
    return kinds.get(type(data), type(data).__name__)


def _bad(path: str, message: str) -> SchemaError:
    return SchemaError([Problem(code="bad-document", message=message, path=path)])
