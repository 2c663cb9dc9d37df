"""Reading an uploaded schema within a time limit.

A parser cannot be interrupted from inside Python, so a large input is read in a child
process that is killed when it overruns. Children fork from a small "forkserver"
process that has only the parsers loaded (forking the web process itself, with its
threads and database pool, is not safe). Small inputs are read in place: they cannot
take long, and a child costs a few tens of milliseconds.
"""

from __future__ import annotations

import multiprocessing

from designer.formats import load_schema
from designer.problems import Problem, SchemaError
from designer.schema import Schema

IN_PLACE_BYTES = 32 * 1024
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["designer.formats"])


def load_schema_in_time(text: str, *, fmt: str, seconds: float) -> Schema:
    """``load_schema``, refused with a message when it takes longer than ``seconds``."""
    if len(text) <= IN_PLACE_BYTES:
        return load_schema(text, fmt=fmt)
    receiver, sender = _context.Pipe(duplex=False)
    child = _context.Process(target=_parse, args=(text, fmt, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise SchemaError([Problem(code="too-slow", message=f"reading the schema took longer than {seconds:g} s; "
                                       "split it into smaller files")])  # fmt: skip
        outcome, value = receiver.recv()
    except EOFError:  # the child died without answering (out of memory, killed)
        raise SchemaError([Problem(code="too-slow", message="the schema could not be read")]) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "problems":
        raise SchemaError(value)
    return value


def _parse(text: str, fmt: str, sender) -> None:
    try:
        sender.send(("schema", load_schema(text, fmt=fmt)))
    except SchemaError as error:  # sent as plain problems: the exception itself does not pickle back
        sender.send(("problems", error.problems))
    except Exception as error:  # a parser crash is a refusal, never a 500
        sender.send(("problems", (Problem(code="unreadable", message=f"the schema could not be read: {error}"),)))
    finally:
        sender.close()
