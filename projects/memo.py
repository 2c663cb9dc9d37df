"""Results kept beside the immutable schemas they were computed from.

Parsed schemas are shared across the requests of this process (projects.selectors),
and every panel request of an editor asks the same questions of the same stored
schema: its warnings, its DOT text. At 2,000 tables each answer costs 0.1 to 0.2 s."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerSchema(Generic[T]):
    """A small LRU keyed by the schema object itself (its identity, not its equality,
    which would compare 2,000 tables) and a hashable detail such as diagram options."""

    def __init__(self, *, size: int = 64):
        self._size = size
        self._kept: OrderedDict[tuple[int, Hashable], tuple[object, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, schema, detail: Hashable, compute: Callable[[], T]) -> T:
        key = (id(schema), detail)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] is schema:
                self._kept.move_to_end(key)
                return kept[1]
        value = compute()
        self.put(schema, detail, value)
        return value

    def put(self, schema, detail: Hashable, value: T) -> None:
        with self._lock:
            self._kept[(id(schema), detail)] = (schema, value)  # the schema itself: its id stays its own
            self._kept.move_to_end((id(schema), detail))
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
