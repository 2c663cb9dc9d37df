"""Running Graphviz. The only I/O in the diagram package, always with a timeout."""

from __future__ import annotations

import hashlib
import re
import subprocess
import tempfile
from pathlib import Path

FORMATS = ("svg", "png", "pdf", "dot")
_PROLOG = re.compile(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->", re.DOTALL)
_SIZE = re.compile(r'(<svg\b[^>]*?)\s(width|height)="[^"]*"')


class DiagramError(Exception):
    """Graphviz could not draw the diagram; the message says why."""


class DiagramTimeout(DiagramError):
    """The layout took longer than allowed."""


def render(dot: str, *, fmt: str = "svg", timeout: float = 10.0) -> bytes:
    if fmt not in FORMATS:
        raise DiagramError(f"unknown diagram format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot.encode()
    with tempfile.TemporaryDirectory(prefix="diagram-") as folder:
        source, target = Path(folder, "in.dot"), Path(folder, f"out.{fmt}")
        source.write_text(dot, encoding="utf-8")
        # Files, not pipes: `dot` never waits for this process to read its output, which
        # matters when the layout runs beside other work in a thread holding the GIL.
        try:
            finished = subprocess.run(["dot", f"-T{fmt}", "-o", str(target), str(source)], stdin=subprocess.DEVNULL,
                                      capture_output=True, timeout=timeout, check=False)  # fmt: skip
        except subprocess.TimeoutExpired:
            raise DiagramTimeout(
                f"the layout took longer than {timeout:g} s; focus on one entity to draw a smaller part"
            ) from None
        except FileNotFoundError:
            raise DiagramError("Graphviz is not installed (the `dot` command is missing)") from None
        if finished.returncode != 0:
            detail = finished.stderr.decode(errors="replace").strip().splitlines()[:3]
            raise DiagramError("Graphviz failed: " + " ".join(detail))
        body = target.read_bytes()
    return inline_svg(body) if fmt == "svg" else body


def inline_svg(svg: bytes) -> bytes:
    """An SVG fit to embed in a page: no prolog, no comments, scaled by CSS via viewBox."""
    text = _PROLOG.sub("", svg.decode())
    for _ in range(2):
        text = _SIZE.sub(r"\1", text, count=1)
    return text.strip().encode()


def diagram_cache_key(dot: str, fmt: str) -> str:
    """Renders depend only on the DOT text and the format: edits that do not change the
    drawing (a pattern, a hidden comment) hit the cache."""
    return f"diagram:{fmt}:" + hashlib.sha256(dot.encode()).hexdigest()
