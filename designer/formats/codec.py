"""Generic, type-hint driven conversion between frozen dataclasses and JSON data.

One converter serves the schema document and the edit operations stored in the
revision log, so both stay in step with the dataclasses without hand-written
mappings. Fields equal to their default are omitted: documents stay small and a
new field with a default is backward compatible by construction.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from enum import Enum
from typing import Any

from designer.problems import Problem, SchemaError

_PLAIN = (str, int, float, bool, type(None))  # exact types: a StrEnum is not plain
_NO_DEFAULT = object()


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
    if isinstance(obj, tuple | list):
        return [to_data(item, memo) for item in obj]
    return obj


def from_data(cls: Any, data: Any, *, path: str = "") -> Any:
    """Build ``cls`` from JSON data, strictly: every mistake names its path."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        return _from_union(cls, data, path=path)
    if origin is tuple:
        item_type = typing.get_args(cls)[0]
        if not isinstance(data, list):
            raise _bad(path, f"expected a list, got {_kind(data)}")
        return tuple(from_data(item_type, item, path=f"{path}/{i}") for i, item in enumerate(data))
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return _from_dataclass(cls, data, path=path)
    if isinstance(cls, type) and issubclass(cls, Enum):
        try:
            return cls(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in cls)
            raise _bad(path, f"{data!r} is not one of {allowed}") from None
    return _from_scalar(cls, data, path=path)


def _from_union(cls: Any, data: Any, *, path: str) -> Any:
    options = [arg for arg in typing.get_args(cls) if arg is not type(None)]
    if data is None:
        if type(None) in typing.get_args(cls):
            return None
        raise _bad(path, "a value is required")
    if len(options) == 1:
        return from_data(options[0], data, path=path)
    for option in options:  # e.g. int | str: the first that fits
        try:
            return from_data(option, data, path=path)
        except SchemaError:
            continue
    raise _bad(path, f"unexpected {_kind(data)}")


def _from_dataclass(cls: type, data: Any, *, path: str) -> Any:
    if not isinstance(data, dict):
        raise _bad(path, f"expected an object, got {_kind(data)}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise _bad(path, f"unknown key {unknown[0]!r} for {cls.__name__}")
    kwargs = {}
    for name, f in fields.items():
        if name in data:
            kwargs[name] = from_data(hints[name], data[name], path=f"{path}/{name}".lstrip("/"))
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise _bad(path, f"missing key {name!r} for {cls.__name__}")
    return cls(**kwargs)


def _from_scalar(cls: Any, data: Any, *, path: str) -> Any:
    if cls is Any:
        return data
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
        (f.name, f.default if f.default is not dataclasses.MISSING
         else f.default_factory() if f.default_factory is not dataclasses.MISSING else _NO_DEFAULT)
        for f in dataclasses.fields(cls)
    )  # fmt: skip


def _kind(data: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(data), type(data).__name__)


def _bad(path: str, message: str) -> SchemaError:
    return SchemaError([Problem(code="bad-document", message=message, path=path)])
