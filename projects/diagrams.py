"""Rendering diagrams for the web: Graphviz behind a cache keyed by the DOT text."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from designer import ops
from designer.diagram import (
    DiagramError,
    DiagramOptions,
    DiagramTimeout,
    build_dot,
    diagram_cache_key,
    render,
    start_render,
)
from designer.diagram.layout import automatic_positions, missing_positions
from designer.diagram.patch import diagram_patch
from designer.diagram.sketch import sketch_svg
from designer.schema import Schema
from projects.memo import PerSchema

CACHE_SECONDS = 24 * 3600
FALLBACK_TIMEOUT_SECONDS = 5.0
# `dot` runs in its own process; these threads only wait for it, without the GIL.
_layout_waiters = ThreadPoolExecutor(max_workers=4, thread_name_prefix="diagram")
_in_flight: dict[str, Future] = {}
_in_flight_lock = threading.Lock()


@dataclass(frozen=True)
class RenderedDiagram:
    svg: str = ""
    error: str = ""
    timed_out: bool = False
    notice: str = ""  # shown above a fallback drawing


@dataclass(frozen=True)
class PatchedDiagram:
    """Only the tables an edit changed, drawn alone, for the page to put in place of the
    old ones (designer/diagram/patch.py)."""

    svg: str
    redrawn: tuple[str, ...]
    removed: tuple[str, ...]
    patch: bool = True


@dataclass(frozen=True)
class UnchangedDiagram:
    """The page already shows this very drawing: nothing to send."""

    unchanged: bool = True


def drawn_token(revision: int, options: DiagramOptions) -> str:
    """What a page's drawing is of: the revision, the view, and the table open. The page
    sends it back with each request (``drawn``) so that an answer can send a patch, or
    nothing, instead of the whole drawing."""
    view = replace(options, selected_entity_id=None)
    key = hashlib.sha256(repr(view).encode()).hexdigest()[:16]
    return f"{revision}:{key}:{options.selected_entity_id or ''}"


def drawn_selected(token: str, *, revision: int, options: DiagramOptions) -> str | None:
    """The table open in the page's drawing when ``token`` says it is a drawing of
    ``revision`` in the view of ``options`` (that view may open another table); else None."""
    parts = token.split(":")
    expected = drawn_token(revision, replace(options, selected_entity_id=None)).split(":")
    if len(parts) != 3 or parts[:2] != expected[:2]:
        return None
    return parts[2]


def diagram_patch_for_page(
    before: Schema, after: Schema, *, options: DiagramOptions, selected_before: str
) -> PatchedDiagram | None:
    """The changed tables drawn alone; None: the whole drawing is needed."""
    patch = diagram_patch(before, after, options=options, drawn_selected=selected_before or None)
    if patch is None:
        return None
    try:
        svg = rendered_dot(patch.dot, fmt="svg", timeout=FALLBACK_TIMEOUT_SECONDS).decode()
    except DiagramError:
        return None
    return PatchedDiagram(svg=svg, redrawn=patch.redrawn, removed=patch.removed)


@dataclass(frozen=True)
class SketchDiagram:
    """A large arranged diagram's first paint: its tables' boxes and names, its lines,
    drawn without Graphviz (designer/diagram/sketch.py); the page fetches the drawing next."""

    svg: str
    fetch_drawing: bool = True  # False: too large to draw whole in time; edits patch the sketch
    sketch: bool = True
    timed_out: bool = False
    error: str = ""
    notice: str = ""


# From this many tables a page opens on the sketch: the whole drawing is about 3.5 KB a
# table (7 MB at 2,000) and the browser takes seconds to read it.
SKETCH_FROM = 300
# From this many tables the whole drawing is not fetched (`dot` takes longer than its
# timeout): the sketch stays, and edits patch it with the tables they change.
SKETCH_ONLY_FROM = 5000
_sketches: PerSchema[str] = PerSchema(size=8)


def sketch_for_page(schema: Schema, *, options: DiagramOptions) -> SketchDiagram | None:
    """The sketch, for a page showing a large arranged diagram whole; None: draw it now."""
    whole = options.focus_entity_id is None and options.area_id is None and options.only is None
    if len(schema.entities) < SKETCH_FROM or not schema.diagram.positions or not whole:
        return None
    show = options.show_columns or schema.diagram.show_columns
    svg = _sketches.get(schema, show, lambda: sketch_svg(schema, show=show))
    return SketchDiagram(svg=svg, fetch_drawing=len(schema.entities) < SKETCH_ONLY_FROM)


_dots: PerSchema[str] = PerSchema()


def dot_for(schema: Schema, options: DiagramOptions) -> str:
    """The DOT text, built once per stored schema and view: it is the render cache's
    key, asked for by every panel request."""
    return _dots.get(schema, options, lambda: build_dot(schema, options=options))


def diagram_bytes(schema: Schema, *, options: DiagramOptions, fmt: str, timeout: float | None = None) -> bytes:
    """Raises DiagramError (DiagramTimeout) with a message for the user."""
    return rendered_dot(dot_for(schema, options), fmt=fmt, timeout=timeout)


def rendered_dot(dot: str, *, fmt: str, timeout: float | None = None) -> bytes:
    key = diagram_cache_key(dot, fmt)
    cached = cache.get(key)
    if cached is not None:
        return cached
    body = render(dot, fmt=fmt, timeout=timeout or settings.DIAGRAM_TIMEOUT_SECONDS)
    cache.set(key, body, CACHE_SECONDS)
    return body


# Above this many tables a whole-schema layout cannot finish within the timeout (500
# take ~1.7 s, 1,400 imported ones well over 10 s): open on a neighbourhood at once
# instead of making the person wait for the timeout first.
WHOLE_SCHEMA_MAX_ENTITIES = 800


def _too_big_to_draw_whole(schema: Schema, options: DiagramOptions) -> bool:
    # An arranged schema is drawn with pinned boxes, no layout: about 1 s at 2,000 tables.
    return (
        options.focus_entity_id is None
        and options.area_id is None
        and not schema.diagram.positions
        and len(schema.entities) > WHOLE_SCHEMA_MAX_ENTITIES
    )


def diagram_for_page(schema: Schema, *, options: DiagramOptions) -> RenderedDiagram:
    if not schema.entities:
        return RenderedDiagram()
    if _too_big_to_draw_whole(schema, options):
        return _focused_fallback(schema, options=options, reason=f"{len(schema.entities)} tables")
    try:
        return RenderedDiagram(svg=diagram_bytes(schema, options=options, fmt="svg").decode())
    except DiagramTimeout as error:
        return _focused_fallback(schema, options=options, reason=str(error))
    except DiagramError as error:
        return RenderedDiagram(error=str(error))


def diagram_for_page_soon(schema: Schema, *, options: DiagramOptions) -> RenderedDiagram:
    """Start the layout now and answer with a stand-in that waits for it when a template
    first reads it: Graphviz lays out on one core while Django does the rest of the
    request on the other, so an edit costs about one `dot` run, not `dot` plus the page.
    Asking twice for the same drawing while it is being laid out shares the one run."""
    if not schema.entities:
        return RenderedDiagram()
    if _too_big_to_draw_whole(schema, options):
        return _focused_fallback(schema, options=options, reason=f"{len(schema.entities)} tables")
    dot = dot_for(schema, options)
    key = diagram_cache_key(dot, "svg")
    with _in_flight_lock:
        pending = _in_flight.get(key)
    if pending is not None:
        return SimpleLazyObject(pending.result)
    cached = cache.get(key)
    if cached is not None:
        return RenderedDiagram(svg=cached.decode())
    # `dot` starts here, in the request's thread: a waiting thread would first have to
    # win the GIL from this busy one. The pool thread only waits and files the result.
    try:
        run = start_render(dot, fmt="svg")
    except DiagramError as error:
        return RenderedDiagram(error=str(error))
    with _in_flight_lock:
        pending = _in_flight[key] = _layout_waiters.submit(_finish_page, schema, options=options, run=run, key=key)
    # Outside the lock: a future already done runs the callback at once, in this thread.
    pending.add_done_callback(lambda _: _forget_in_flight(key))
    return SimpleLazyObject(pending.result)


def _finish_page(schema: Schema, *, options: DiagramOptions, run, key: str) -> RenderedDiagram:
    try:
        body = run.result(timeout=settings.DIAGRAM_TIMEOUT_SECONDS)
    except DiagramTimeout as error:
        return _focused_fallback(schema, options=options, reason=str(error))
    except DiagramError as error:
        return RenderedDiagram(error=str(error))
    cache.set(key, body, CACHE_SECONDS)
    return RenderedDiagram(svg=body.decode())


def _forget_in_flight(key: str) -> None:
    with _in_flight_lock:
        _in_flight.pop(key, None)


def _focused_fallback(schema: Schema, *, options: DiagramOptions, reason: str) -> RenderedDiagram:
    """Too big to lay out in time: draw the neighbourhood of the selected entity (or the
    most connected one) instead of leaving the person with nothing."""
    if options.focus_entity_id is not None:
        return RenderedDiagram(error=reason, timed_out=True)
    centre = options.selected_entity_id or _most_connected(schema)
    focused = replace(options, focus_entity_id=centre, depth=1)
    name = schema.entity(centre).name
    try:
        # A neighbourhood is small; give it a fair chance even when the limit is tight.
        svg = diagram_bytes(schema, options=focused, fmt="svg", timeout=FALLBACK_TIMEOUT_SECONDS).decode()
    except DiagramError:
        return RenderedDiagram(error=reason, timed_out=True)
    whole = (
        "The whole schema took too long to lay out"
        if not reason.endswith(" tables")
        else (f"The whole schema ({reason}) is too large to lay out at once")
    )
    notice = f"{whole}; showing {name} and its neighbours. Use Focus to explore."
    return RenderedDiagram(svg=svg, timed_out=True, notice=notice)


def _most_connected(schema: Schema) -> str:
    degree = Counter(end for r in schema.relationships for end in (r.from_entity_id, r.to_entity_id))
    return degree.most_common(1)[0][0] if degree else schema.entities[0].id


# --- arranging: places for what an edit adds, automatic layouts ----------------------


def placement_for(after: Schema) -> ops.SetPositions | None:
    """Places on the diagram for what an edit added to ``after`` (made part of the same
    edit, so one undo takes both back). A diagram never arranged gets its one full layout
    here. None: nothing to place, or no layout could be made (drawn by `dot` until one is)."""
    try:
        if not after.diagram.positions:
            placed = automatic_positions(after, show=after.diagram.show_columns, timeout=first_layout_timeout())
        else:
            placed = missing_positions(after, show=after.diagram.show_columns)
    except DiagramError:
        return None
    return ops.SetPositions(positions=placed) if placed else None


def first_layout_timeout() -> float:
    """A project's one full layout may take longer than a drawing: it is not repeated."""
    return 3 * settings.DIAGRAM_TIMEOUT_SECONDS


def arranged(schema: Schema) -> Schema:
    """A schema as imported, with a full layout when it brings no positions of its own."""
    if schema.diagram.positions or not schema.entities:
        return schema
    try:
        placed = automatic_positions(schema, show=schema.diagram.show_columns, timeout=first_layout_timeout())
    except DiagramError:
        return schema
    return replace(schema, diagram=replace(schema.diagram, positions=placed))


def layout_op(schema: Schema, *, only: list[str] | None = None) -> ops.SetPositions:
    """ "Auto layout" of the whole schema or of the chosen objects, as one undoable edit.
    Raises DiagramError with a message."""
    placed = automatic_positions(
        schema, only=only, show=schema.diagram.show_columns, timeout=settings.DIAGRAM_TIMEOUT_SECONDS
    )
    label = "Auto layout" if only is None else f"Auto layout of {len(placed)} objects"
    return ops.SetPositions(positions=placed, label=label)
