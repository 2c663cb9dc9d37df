"""Process memory: every cache and memo of this process lives behind this module.

One policy for all of them: a memo holds results computed from things that never change
once stored (a project's revision, a release, an immutable Schema object), so nothing
is ever invalidated, only evicted: each memo is a bounded LRU, and ``clear_all`` empties
every one (tests call it between tests; benchmarks to measure a cold start).

- ``Keyed``: by a hashable key such as (project id, revision, updated_at);
- ``PerSchema``: beside a Schema object (its identity, never its equality, which would
  compare 2,000 tables) and a detail such as diagram options.

Parsed schemas are shared across the requests of this process (projects.selectors),
and every panel request of an editor asks the same questions of the same stored
schema: its warnings, its DOT text. At 2,000 tables each answer costs 0.1 to 0.2 s."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
_ALL: list[Keyed] = []


class Keyed(Generic[T]):
    """A bounded LRU, safe across the threads of a process."""

    def __init__(self, *, size: int):
        self._size = size
        self._kept: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()
        _ALL.append(self)

    def peek(self, key: Hashable) -> T | None:
        with self._lock:
            value = self._kept.get(key)
            if value is not None:
                self._kept.move_to_end(key)
            return value

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        value = self.peek(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def put(self, key: Hashable, value: T) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


class PerSchema(Generic[T]):
    """Results beside the schema object they were computed from."""

    def __init__(self, *, size: int = 64):
        # The schema itself is kept with the value, so its id() cannot be reused meanwhile.
        self._kept: Keyed[tuple[object, T]] = Keyed(size=size)

    def get(self, schema, detail: Hashable, compute: Callable[[], T]) -> T:
        kept = self._kept.peek((id(schema), detail))
        if kept is not None and kept[0] is schema:
            return kept[1]
        value = compute()
        self.put(schema, detail, value)
        return value

    def put(self, schema, detail: Hashable, value: T) -> None:
        self._kept.put((id(schema), detail), (schema, value))


class Parts:
    """A plain dict memo shared by every edit (the JSON of schema objects, by object):
    started again once it holds ``limit`` entries, since it only saves work."""

    def __init__(self, *, limit: int):
        self._limit = limit
        self._parts: dict = {}
        _ALL.append(self)

    def get(self) -> dict:
        if len(self._parts) > self._limit:
            self._parts.clear()
        return self._parts

    def clear(self) -> None:
        self._parts.clear()


# Validation's and the deploy check's answers per table and relationship object
# (designer/slices.py): an edit of one table judges that table. One entry per family of
# rules and schema context (a project's enums, domains...), each a dict of answers by
# object; about thirty families per project.
rule_answers = Parts(limit=600)


def clear_all() -> None:
    for memo in _ALL:
        memo.clear()
