"""The layout started ahead of the response (projects/diagrams.py): one `dot` run per
drawing while it is in flight, and no hang when a layout is done before it is awaited."""

import threading

import pytest
from django.core.cache import cache

from designer.diagram import DiagramOptions
from designer.examples import blog_schema
from designer.schema import Schema
from projects import diagrams

pytestmark = pytest.mark.graphviz


def finishes(call, *, seconds: float = 20.0) -> bool:
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(seconds)
    return not worker.is_alive()


def test_a_layout_done_before_it_is_awaited_does_not_hang():
    # An empty schema is "drawn" at once: the future is often done before its callback
    # is added, which must not take the in-flight lock twice.
    def many():
        for _ in range(200):
            assert diagrams.diagram_for_page_soon(Schema(), options=DiagramOptions()).svg == ""

    assert finishes(many)


def test_the_same_drawing_asked_twice_is_laid_out_once():
    cache.clear()
    schema, options = blog_schema(), DiagramOptions(selected_entity_id="ent_1")
    first = diagrams.diagram_for_page_soon(schema, options=options)
    second = diagrams.diagram_for_page_soon(schema, options=options)  # while `dot` still runs (~30 ms)
    assert first._setupfunc == second._setupfunc  # both wait for the one layout under way
    assert first.svg == second.svg and "<svg" in first.svg
