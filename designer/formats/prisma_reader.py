"""Reads a Prisma schema with Prisma's own parser in a long-lived Node process.

Why Node: ``@prisma/prisma-schema-wasm`` is the parser and validator the Prisma CLI
itself runs (the prisma-fmt build), offline, so what imports is exactly what
``prisma validate`` accepts, read the way Prisma reads it (DMMF). The process starts on
the first read; designer/formats/node_helper.py drives it (timeouts, late replies,
restarts).
"""

from __future__ import annotations

from pathlib import Path

from designer.formats.node_helper import HelperSpec, NodeHelper
from designer.problems import Problem, SchemaError

HELPER_DIR = Path(__file__).with_name("prisma_node")
DEFAULT_TIMEOUT = 60.0
MAX_PROBLEMS = 10
_helper = NodeHelper(
    HelperSpec(
        directory=HELPER_DIR,
        package="@prisma/prisma-schema-wasm",
        code="prisma",
        parser="Prisma's schema parser",
        reading="the Prisma schema",
    )
)


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
    _helper.stop_locked()
