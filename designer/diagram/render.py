"""Running Graphviz. The only I/O in the diagram package, always with a timeout."""

from __future__ import annotations

import hashlib
import re
import subprocess
import tempfile
from pathlib import Path

FORMATS = ("svg", "png", "pdf", "dot")
_PROLOG = re.compile(rb"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->", re.DOTALL)
_SIZE = re.compile(rb'(<svg\b[^>]*?)\s(width|height)="[^"]*"')
FONT = "Helvetica,Arial,sans-serif"
# What Graphviz repeats on every element and a browser does not need there: the font
# (inherited from the root instead), the default text anchor, and the <title> of
# every node and edge (our tooltips are the links' xlink:title).
_REPEATED = (f' font-family="{FONT}"'.encode(), b' text-anchor="start"')
_TITLE = re.compile(rb"<title>[^<]*</title>\n")


class DiagramError(Exception):
    """Graphviz could not draw the diagram; the message says why."""


class DiagramTimeout(DiagramError):
    """The layout took longer than allowed."""


def render(dot: str, *, fmt: str = "svg", timeout: float = 10.0) -> bytes:
    if fmt == "dot":
        return dot.encode()
    return start_render(dot, fmt=fmt).result(timeout=timeout)


def start_render(dot: str, *, fmt: str = "svg") -> RenderRun:
    """Start `dot` and return at once; ``.result()`` waits for it. Lets a caller lay
    out a diagram while it does other work."""
    if fmt not in FORMATS or fmt == "dot":
        raise DiagramError(f"unknown diagram format {fmt!r}; choose one of {', '.join(FORMATS[:-1])}")
    return RenderRun(dot, fmt=fmt)


class RenderRun:
    """One `dot` process. It reads and writes files, not pipes: it never waits for this
    process to read its output, which matters when this process is busy elsewhere."""

    def __init__(self, dot: str, *, fmt: str):
        self.fmt = fmt
        self._folder = tempfile.TemporaryDirectory(prefix="diagram-")
        source, self._target = Path(self._folder.name, "in.dot"), Path(self._folder.name, f"out.{fmt}")
        source.write_text(dot, encoding="utf-8")
        try:
            self._process = subprocess.Popen(
                ["dot", f"-T{fmt}", "-o", str(self._target), str(source)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except FileNotFoundError:
            self._folder.cleanup()
            raise DiagramError("Graphviz is not installed (the `dot` command is missing)") from None

    def result(self, *, timeout: float) -> bytes:
        """The drawing; raises DiagramTimeout (the process is killed) or DiagramError."""
        try:
            return self._finish(timeout)
        finally:
            self._folder.cleanup()

    def _finish(self, timeout: float) -> bytes:
        try:
            _, stderr = self._process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.communicate()
            raise DiagramTimeout(
                f"the layout took longer than {timeout:g} s; focus on one entity to draw a smaller part"
            ) from None
        if self._process.returncode != 0:
            detail = stderr.decode(errors="replace").strip().splitlines()[:3]
            raise DiagramError("Graphviz failed: " + " ".join(detail))
        body = self._target.read_bytes()
        return inline_svg(body) if self.fmt == "svg" else body


def inline_svg(svg: bytes) -> bytes:
    """An SVG fit to embed in a page: no prolog, no comments, scaled by CSS via viewBox,
    and compact: a 2,000-table drawing loses a third of its 12 MB, which a browser
    spends its time parsing. Bytes, not text: 40 ms instead of 90 at that size."""
    body = _PROLOG.sub(b"", svg)
    for _ in range(2):
        body = _SIZE.sub(rb"\1", body, count=1)
    for repeated in _REPEATED:
        body = body.replace(repeated, b"")
    body = _TITLE.sub(b"", body).replace(b"<svg", f'<svg font-family="{FONT}"'.encode(), 1)
    # The group the page pans and zooms, drawn here: moving Graphviz's group into a new
    # one in the browser makes it restyle every element of the drawing once more.
    body = body.replace(b'<g id="graph0" class="graph"', b'<g class="viewport">\n<g id="graph0" class="graph"', 1)
    return body.strip().removesuffix(b"</svg>") + b"</g>\n</svg>"


def diagram_cache_key(dot: str, fmt: str) -> str:
    """Renders depend only on the DOT text and the format: edits that do not change the
    drawing (a pattern, a hidden comment) hit the cache."""
    return f"diagram:v2:{fmt}:" + hashlib.sha256(dot.encode()).hexdigest()  # v2: drawn with its viewport
