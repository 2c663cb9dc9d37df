"""Rendering diagrams for the web: Graphviz behind a cache keyed by the DOT text."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from designer.diagram import DiagramError, DiagramOptions, DiagramTimeout, build_dot, diagram_cache_key, render
from designer.schema import Schema

CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class RenderedDiagram:
    svg: str = ""
    error: str = ""
    timed_out: bool = False


def diagram_bytes(schema: Schema, *, options: DiagramOptions, fmt: str) -> bytes:
    """Raises DiagramError (DiagramTimeout) with a message for the user."""
    dot = build_dot(schema, options=options)
    key = diagram_cache_key(dot, fmt)
    cached = cache.get(key)
    if cached is not None:
        return cached
    body = render(dot, fmt=fmt, timeout=settings.DIAGRAM_TIMEOUT_SECONDS)
    cache.set(key, body, CACHE_SECONDS)
    return body


def diagram_for_page(schema: Schema, *, options: DiagramOptions) -> RenderedDiagram:
    if not schema.entities:
        return RenderedDiagram()
    try:
        return RenderedDiagram(svg=diagram_bytes(schema, options=options, fmt="svg").decode())
    except DiagramTimeout as error:
        return RenderedDiagram(error=str(error), timed_out=True)
    except DiagramError as error:
        return RenderedDiagram(error=str(error))
