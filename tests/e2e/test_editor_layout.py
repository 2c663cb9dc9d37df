"""The editor fits the window: no page scroll at 1,280 x 800, one toolbar row above the
diagram, and a panel whose width does not change between tabs (the person may drag it)."""

import pytest

from designer.examples import blog_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]

SIZES = """() => [document.documentElement.scrollHeight, window.innerHeight,
  document.querySelector('.diagram-toolbar').scrollWidth, document.querySelector('.diagram-toolbar').clientWidth,
  document.querySelector('#editor-panel').getBoundingClientRect().width]"""


def test_the_editor_fills_the_window_without_scrolling(open_project, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page = open_project(username="lena", name="Blog", schema=blog_schema())
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    height, window, toolbar_needs, toolbar_has, panel = page.evaluate(SIZES)
    assert height <= window  # the page itself never scrolls
    assert toolbar_needs <= toolbar_has  # one row, nothing cut off
    toolbar = page.locator(".diagram-toolbar").bounding_box()
    assert toolbar["height"] < 50
    for tab in ("Workload", "Advice", "Schema"):
        page.get_by_role("tab", name=tab).click()
        page.locator("[role=tab][aria-selected=true]", has_text=tab).wait_for()
        page.wait_for_load_state("networkidle")
        assert page.evaluate(SIZES)[4] == panel  # the panel keeps its width on every tab
        assert page.evaluate(SIZES)[0] <= window
