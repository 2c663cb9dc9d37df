"""A long-lived Node process that answers one JSON request per line: the driver the DBML
and the Prisma readers share (dbml_node/helper.js, prisma_node/helper.js).

The process starts on the first read and says ``{"ready": true}``. Every request carries
a number and its reply the same one: a late reply to an abandoned request (a job's time
limit interrupted the wait) is read and dropped, never taken for the next one's. A read
slower than its timeout, or whose wait is interrupted, kills the process (the next read
starts a new one). Without Node or the helper's package the error says how to install them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from designer.problems import Problem, SchemaError


@dataclass(frozen=True)
class HelperSpec:
    directory: Path  # holds helper.js and its node_modules
    package: str  # the npm package the helper runs, e.g. "@dbml/core"
    code: str  # problem codes: "<code>-timeout", "<code>-parser-unavailable"
    parser: str  # "the DBML parser", in messages
    reading: str  # "the DBML", in "reading the DBML timed out after …"
    memory_mb: int | None = None  # heap cap: a hostile file fails the parse, not the worker
    restart_after_chars: int | None = None  # Node keeps the heap a large read grew

    @property
    def install_hint(self) -> str:
        return f"run `npm ci` in {self.directory} (the Makefile's run and test targets do)"


class NodeHelper:
    """One Node process, one request at a time."""

    def __init__(self, spec: HelperSpec) -> None:
        self.spec = spec
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.last_id = 0

    def read(self, text: str, *, timeout: float) -> dict:
        with self.lock:
            process = self._running()
            self.last_id += 1
            request = json.dumps({"id": self.last_id, "text": text}) + "\n"
            answer = self._exchange(process, request, want=self.last_id, timeout=timeout)
            if self.spec.restart_after_chars is not None and len(text) > self.spec.restart_after_chars:
                self.stop()  # a new process gives the grown heap back
            return answer

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def stop_locked(self) -> None:
        """End the process between reads (tests and shutdown)."""
        with self.lock:
            self.stop()

    def unavailable(self, message: str) -> SchemaError:
        return SchemaError([Problem(code=f"{self.spec.code}-parser-unavailable", message=message)])

    def _running(self) -> subprocess.Popen:
        if self.process is not None and self.process.poll() is None:
            return self.process
        node = shutil.which("node")
        if node is None:
            raise self.unavailable(f"reading {self.spec.reading} needs Node.js 18 or newer (`node` is not on the PATH)")
        if not (self.spec.directory / "node_modules" / self.spec.package).is_dir():
            raise self.unavailable(f"{self.spec.parser} is not installed: {self.spec.install_hint}")
        heap = [f"--max-old-space-size={self.spec.memory_mb}"] if self.spec.memory_mb else []
        self.process = subprocess.Popen(
            [node, *heap, str(self.spec.directory / "helper.js")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=self.spec.directory,
        )
        if not self._exchange(self.process, None, want=None, timeout=30.0).get("ready"):
            raise self.unavailable(f"{self.spec.parser} did not start")
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
                message = f"reading {self.spec.reading} timed out after {timeout:g} s"
                raise SchemaError([Problem(code=f"{self.spec.code}-timeout", message=message)])
            memory = f" (it may have run out of its {self.spec.memory_mb} MB of memory)" if self.spec.memory_mb else ""
            raise self.unavailable(
                f"{self.spec.parser} stopped{memory}; a file this large or this nested cannot be read"
            )
        return reply[0]


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
