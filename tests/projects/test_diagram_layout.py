"""The layout started ahead of the response (projects/diagrams.py): one `dot` run per
drawing while it is in flight, and no hang when a layout is done before it is awaited."""

import threading

import pytest
from django.core.cache import cache

from designer.diagram import DiagramOptions
from designer.examples import blog_schema
from designer.schema import Entity, Field, FieldType, Schema, TypeKind
from projects import diagrams

pytestmark = pytest.mark.graphviz


def finishes(call, *, seconds: float = 20.0) -> bool:
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(seconds)
    return not worker.is_alive()


def test_layouts_finish_and_leave_nothing_in_flight():
    schema = Schema(
        entities=(Entity(id="e", name="solo", fields=(Field(id="f", name="id", type=FieldType(TypeKind.INTEGER)),)),)
    )

    def many():
        for number in range(20):
            cache.clear()  # a real `dot` run each time
            drawn = diagrams.diagram_for_page_soon(schema, options=DiagramOptions(depth=1 + number % 3))
            assert "solo" in drawn.svg

    assert finishes(many)
    assert finishes(lambda: diagrams._layout_waiters.submit(lambda: None).result())  # callbacks ran
    assert diagrams._in_flight == {}


def test_the_same_drawing_asked_twice_is_laid_out_once():
    cache.clear()
    schema, options = blog_schema(), DiagramOptions(selected_entity_id="ent_1")
    first = diagrams.diagram_for_page_soon(schema, options=options)
    second = diagrams.diagram_for_page_soon(schema, options=options)  # while `dot` still runs (~30 ms)
    assert first._setupfunc == second._setupfunc  # both wait for the one layout under way
    assert first.svg == second.svg and "<svg" in first.svg
