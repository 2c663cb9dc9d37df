"""Reads DBML with the reference parser (@dbml/core) in a long-lived Node process.

Why Node: the reference parser is the definition of the language (TablePartials,
Records, checks, every quoting rule) and reads a 50-table file in milliseconds once
running; Python parsers accept a fraction of the language. The process starts on the
first read (about 1.5 s), then answers one JSON request per line (see helper.js). A read
slower than ``timeout``, or one whose wait is interrupted (a job's time limit), kills the
process (the next read starts a new one); its heap is capped (DBML_HELPER_MEMORY_MB).
Without Node or its packages the error says how to install them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path

from designer.limits import DBML_HELPER_MEMORY_MB, DBML_READ_SECONDS
from designer.problems import Problem, SchemaError

HELPER_DIR = Path(__file__).with_name("dbml_node")
DEFAULT_TIMEOUT = DBML_READ_SECONDS
MAX_PROBLEMS = 10
RESTART_AFTER_CHARS = 1_000_000
_INSTALL_HINT = f"run `npm ci` in {HELPER_DIR} (the Makefile's run and test targets do)"


class _Helper:
    """One Node process, one request at a time. Every request carries a number and its
    reply must carry the same one: a late reply to an abandoned request (the job's time
    limit interrupted the wait) is read and dropped, never taken for the next one's."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.last_id = 0

    def read(self, text: str, *, timeout: float) -> dict:
        with self.lock:
            process = self._running()
            self.last_id += 1
            request = json.dumps({"id": self.last_id, "text": text}) + "\n"
            answer = self._exchange(process, request, want=self.last_id, timeout=timeout)
            if len(text) > RESTART_AFTER_CHARS:
                self.stop()  # Node keeps the heap a large read grew; a new process gives it back
            return answer

    def _running(self) -> subprocess.Popen:
        if self.process is not None and self.process.poll() is None:
            return self.process
        node = shutil.which("node")
        if node is None:
            raise _unavailable("reading DBML needs Node.js 18 or newer (`node` is not on the PATH)")
        if not (HELPER_DIR / "node_modules" / "@dbml" / "core").is_dir():
            raise _unavailable(f"the DBML parser package is not installed: {_INSTALL_HINT}")
        self.process = subprocess.Popen(
            # The heap cap: a hostile file makes the parser fail (and the process end, a
            # message below), not grow the worker by gigabytes.
            [node, f"--max-old-space-size={DBML_HELPER_MEMORY_MB}", str(HELPER_DIR / "helper.js")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=HELPER_DIR,
        )
        ready = self._exchange(self.process, None, want=None, timeout=30.0)
        if not ready.get("ready"):
            raise _unavailable("the DBML parser did not start")
        return self.process

    def _exchange(self, process: subprocess.Popen, request: str | None, *, want: int | None, timeout: float) -> dict:
        reply: list[dict | None] = []

        def talk() -> None:
            try:
                if request is not None:
                    process.stdin.write(request)
                    process.stdin.flush()
                reply.append(_reply_numbered(process, want))
            except (BrokenPipeError, OSError, ValueError):
                reply.append(None)

        worker = threading.Thread(target=talk, daemon=True)
        worker.start()
        try:
            worker.join(timeout)
        except BaseException:
            # Interrupted while waiting (a job's soft time limit): the parser may run for
            # minutes more and its reply would be read by the next request. End it now.
            self.stop()
            raise
        if worker.is_alive() or not reply or reply[0] is None:
            timed_out = worker.is_alive()
            self.stop()
            if timed_out:
                raise SchemaError(
                    [Problem(code="dbml-timeout", message=f"reading the DBML timed out after {timeout:g} s")]
                )
            raise _unavailable(
                f"the DBML parser stopped (it may have run out of its {DBML_HELPER_MEMORY_MB} MB of memory); "
                "a file this large or this nested cannot be read"
            )
        return reply[0]

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def _reply_numbered(process: subprocess.Popen, want: int | None) -> dict | None:
    """The next reply whose id is ``want`` (None: the ready line); replies to earlier
    requests are skipped. None when the process ended."""
    while True:
        line = process.stdout.readline()
        if not line:
            return None
        answer = json.loads(line)
        if answer.get("id") == want:
            return answer


_helper = _Helper()


def read_dbml(text: str, *, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """The reference parser's reading of ``text`` (see helper.js), or SchemaError with the
    parser's messages and their lines."""
    answer = _helper.read(text, timeout=timeout)
    if answer.get("ok"):
        return answer["reading"]
    problems = [
        Problem(code="dbml-syntax", message=_whole_characters(e["message"]), line=e.get("line"), column=e.get("column"))
        for e in answer["errors"]
    ]
    # The parser may say the same thing several times, some without a place: keep the placed
    # ones, in file order, and few enough to read.
    placed = sorted({p for p in problems if p.line is not None}, key=lambda p: (p.line, p.column or 0))
    raise SchemaError((placed or problems)[:MAX_PROBLEMS])


def _whole_characters(text: str) -> str:
    """The parser works in UTF-16 code units: a message may quote half an emoji (a lone
    surrogate), which no page or log can encode. Pairs are joined, halves become U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def stop_helper() -> None:
    """End the Node process (tests and shutdown; the next read starts a new one)."""
    with _helper.lock:
        _helper.stop()


def _unavailable(message: str) -> SchemaError:
    return SchemaError([Problem(code="dbml-parser-unavailable", message=message)])
