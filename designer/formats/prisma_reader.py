"""Reads a Prisma schema with Prisma's own parser in a long-lived Node process.

Why Node: ``@prisma/prisma-schema-wasm`` is the parser and validator the Prisma CLI
itself runs (the prisma-fmt build), offline, so what imports is exactly what
``prisma validate`` accepts, read the way Prisma reads it (DMMF). The process starts on
the first read, then answers one JSON request per line (see prisma_node/helper.js). A
read slower than ``timeout`` kills the process (the next read starts a new one); without
Node or the package the error says how to install them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path

from designer.problems import Problem, SchemaError

HELPER_DIR = Path(__file__).with_name("prisma_node")
DEFAULT_TIMEOUT = 60.0
MAX_PROBLEMS = 10
_INSTALL_HINT = f"run `npm ci` in {HELPER_DIR} (the Makefile's run and test targets do)"


class _Helper:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def read(self, text: str, *, timeout: float) -> dict:
        with self.lock:
            process = self._running()
            return self._exchange(process, json.dumps({"text": text}) + "\n", timeout=timeout)

    def _running(self) -> subprocess.Popen:
        if self.process is not None and self.process.poll() is None:
            return self.process
        node = shutil.which("node")
        if node is None:
            raise _unavailable("reading Prisma schemas needs Node.js 18 or newer (`node` is not on the PATH)")
        if not (HELPER_DIR / "node_modules" / "@prisma" / "prisma-schema-wasm").is_dir():
            raise _unavailable(f"Prisma's schema parser is not installed: {_INSTALL_HINT}")
        self.process = subprocess.Popen(
            [node, str(HELPER_DIR / "helper.js")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=HELPER_DIR,
        )
        if not self._exchange(self.process, None, timeout=30.0).get("ready"):
            raise _unavailable("Prisma's schema parser did not start")
        return self.process

    def _exchange(self, process: subprocess.Popen, request: str | None, *, timeout: float) -> dict:
        reply: list[str] = []

        def talk() -> None:
            try:
                if request is not None:
                    process.stdin.write(request)
                    process.stdin.flush()
                reply.append(process.stdout.readline())
            except (BrokenPipeError, OSError, ValueError):
                reply.append("")

        worker = threading.Thread(target=talk, daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive() or not reply or not reply[0]:
            timed_out = worker.is_alive()
            self.stop()
            if timed_out:
                message = f"reading the Prisma schema took longer than {timeout:g} s"
                raise SchemaError([Problem(code="prisma-timeout", message=message)])
            raise _unavailable(f"Prisma's schema parser stopped unexpectedly; {_INSTALL_HINT}")
        return json.loads(reply[0])

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


_helper = _Helper()


def read_prisma(text: str, *, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Prisma's reading of ``text``: ``{"datamodel": DMMF datamodel, "datasources": [...]}``,
    or SchemaError with Prisma's own messages and their lines."""
    answer = _helper.read(text, timeout=timeout)
    if answer.get("ok"):
        return answer["reading"]
    problems = [Problem(code="prisma-syntax", message=e["message"], line=e.get("line")) for e in answer["errors"]]
    placed = sorted({p for p in problems if p.line is not None}, key=lambda p: p.line)
    raise SchemaError((placed or problems)[:MAX_PROBLEMS])


def stop_helper() -> None:
    """End the Node process (tests and shutdown; the next read starts a new one)."""
    with _helper.lock:
        _helper.stop()


def _unavailable(message: str) -> SchemaError:
    return SchemaError([Problem(code="prisma-parser-unavailable", message=message)])
