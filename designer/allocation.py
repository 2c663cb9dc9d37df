"""Building large, acyclic structures without the cycle collector in the way.

Python's cycle collector runs after every few hundred container allocations and, in its
oldest generation, walks every live object. Reading a 1,400-table dump allocates
millions of dicts and lists (pglast's parse tree as JSON, then the schema objects), so
the collector ran hundreds of full passes over a growing heap that holds no cycles at
all: json.loads of the parse tree took 2.7 s with it and 0.5 s without. Reference
counting still frees everything; only the search for cycles waits until the block ends.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def collector_paused():
    """Pause the cycle collector for the block (re-entrant: only the outermost resumes it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
