"""A large (2,000 tables for the README) arranged project in a real browser: the diagram shows, zoomed out it
shows titles only, the minimap appears, and zooming keeps working. The timings
(first diagram, frame times while zooming) are written to
test-artifacts/diagram-large.json for the README; they are measurements, not asserts."""

import json
import os
import re

import pytest
from playwright.sync_api import expect

from designer.diagram.layout import automatic_positions
from designer.examples.synthetic import synthetic_schema
from designer.schema import replace

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]
# The README's numbers are measured with DIAGRAM_E2E_SIZE=2000; the suite runs a smaller one.
SIZE = int(os.environ.get("DIAGRAM_E2E_SIZE", "800"))

FRAMES = """async (steps) => {
  const pane = document.getElementById('diagram').getBoundingClientRect();
  const times = [];
  let last = performance.now();
  for (let i = 0; i < steps; i++) {
    const zoomIn = i < steps / 2;
    document.getElementById('diagram').dispatchEvent(new WheelEvent('wheel', {
      deltaY: zoomIn ? -120 : 120, clientX: pane.left + pane.width / 2, clientY: pane.top + pane.height / 2,
      bubbles: true, cancelable: true}));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times;
}"""


PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"


def test_a_large_arranged_diagram_opens_and_zooms(open_project, page):
    schema = synthetic_schema(entities=SIZE)
    schema = replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema, timeout=600)))
    page.set_default_timeout(120_000)
    open_project(username="lara", name="Large", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    # Milliseconds since the editor page was requested, once the diagram (its sketch) has been painted.
    first_diagram = page.evaluate(PAINTED)
    navigation = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
    page.locator("#diagram svg:not(.sketch) g.viewport").wait_for(state="attached")  # then the drawing
    whole_drawing = page.evaluate(PAINTED)

    assert page.locator("#diagram g.entity").count() == SIZE
    assert page.locator("#minimap").is_visible()
    page.get_by_role("button", name="Fit").click()
    classes = page.locator("#diagram").get_attribute("class").split()
    assert "titles-only" in classes and "overview" in classes  # all tables fit: titles and bare lines

    frames = page.evaluate(FRAMES, 20)
    frames.sort()
    results = {
        "entities": SIZE,
        "editor_request_to_first_diagram_ms": round(first_diagram),
        "editor_request_to_whole_drawing_ms": round(whole_drawing),
        "page_response_end_ms": round(navigation["responseEnd"] - navigation["startTime"]),
        "dom_content_loaded_ms": round(navigation["domContentLoadedEventEnd"] - navigation["startTime"]),
        "zoom_frame_ms_median": round(frames[len(frames) // 2], 1),
        "zoom_frame_ms_p90": round(frames[int(len(frames) * 0.9)], 1),
        "zoom_frame_ms_max": round(frames[-1], 1),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "diagram-large.json").write_text(json.dumps(results, indent=2))
    print(results)
    assert page.evaluate("window.diagramView.transform().scale") > 0
    centre = """() => { const t = window.diagramView.transform();
      const box = document.querySelector('#diagram svg').getBoundingClientRect();
      return [(box.width / 2 - t.x) / t.scale, (box.height / 2 - t.y) / t.scale]; }"""
    before = page.evaluate(centre)
    page.get_by_role("button", name="100 %").click()  # close up: every column and crow's foot again
    page.wait_for_function("() => window.diagramView.transform().scale > 1")
    after = page.evaluate(centre)
    assert abs(after[0] - before[0]) < 1 and abs(after[1] - before[1]) < 1  # about the middle of the pane
    expect(page.locator("#diagram")).not_to_have_class(re.compile(r"titles-only|overview"))
    expect(page.locator("#diagram g.edge polygon").first).to_be_visible()

    # Find the last table by name: the view jumps to it (readable zoom, in the pane) and lights it.
    last = schema.entities[-1]
    page.locator("#diagram-search").fill(last.qualified_name)
    page.locator("#diagram-search").press("Enter")
    found = page.locator(f"#entity_{last.id}")
    expect(found).to_have_class(re.compile(r"\bfound\b"))
    box, pane = found.bounding_box(), page.locator("#diagram").bounding_box()
    assert pane["x"] <= box["x"] and box["x"] + box["width"] <= pane["x"] + pane["width"]
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]
    assert page.evaluate("window.diagramView.transform().scale") >= 1


# The goals of issue 20 at 2,000 tables: first paint asserted loosely (twice the goal).
# The edit's goal (300 ms) is not met yet (about 0.8 s on a quiet machine, see
# docs/diagram-large.md): its bound is what catches a return to sending the whole drawing
# (7.7 MB, several seconds), not the goal.
FIRST_PAINT_GOAL_MS = 2000
EDIT_BOUND_MS = 2000


def busy() -> float:
    """How many times over its cores the machine is loaded (1 when quiet): the bounds
    stretch by it, so a shared machine (8 test runs on 2 cores) does not fail the goals."""
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def test_open_find_jump_and_edit_at_2000_tables(open_project, page):
    schema = synthetic_schema(entities=2000)
    schema = replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema, timeout=600)))
    page.set_default_timeout(120_000)
    open_project(username="tess", name="Two thousand", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")  # the sketch, or the drawing if cached
    first_paint = page.evaluate(PAINTED)
    assert first_paint < 2 * FIRST_PAINT_GOAL_MS * busy()
    assert page.locator("#diagram g.entity").count() == 2000  # every table, named (sketch or drawing)
    page.locator("#diagram svg:not(.sketch) g.viewport").wait_for(state="attached")

    target = schema.entities[1234]
    page.locator("#diagram-search").fill(target.qualified_name)
    page.locator("#diagram-search").press("Enter")
    found = page.locator(f"#entity_{target.id}")
    expect(found).to_have_class(re.compile(r"\bfound\b"))
    found.click()
    page.locator("h2", has_text=target.name).wait_for()

    page.locator("summary", has_text="Entity settings").click()
    page.locator("#entity-name").fill("renamed_in_place")
    started = page.evaluate("performance.now()")
    with page.expect_response(lambda r: r.request.method == "POST" and "/edit/entities/" in r.url) as answer:
        page.get_by_role("button", name="Save entity").click()
    answer.value.finished()  # the timing is known once the body is in
    timing = answer.value.request.timing
    assert timing["responseEnd"] > timing["requestStart"] >= 0
    server_ms = timing["responseEnd"] - timing["requestStart"]  # the edit's answer, patch included
    expect(page.locator(f"#entity_{target.id}")).to_contain_text("renamed_in_place", timeout=60_000)
    edit_ms = page.evaluate("performance.now()") - started  # and the page swapped: the panel lists 2,000 tables
    # Answered with a patch (the table alone), and redrawn once on the page.
    assert 'id="diagram-patch"' in answer.value.text() and "<svg" in answer.value.text()
    assert page.locator(f"#entity_{target.id}").count() == 1
    assert page.evaluate("window.__samePage") is True
    figures = {
        "first_paint_ms": round(first_paint),
        "edit_answer_ms": round(server_ms),
        "edit_to_redrawn_ms": round(edit_ms),
        "load_per_core": round(busy(), 1),
    }
    print(figures)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "diagram-2000-edit.json").write_text(json.dumps(figures, indent=2))
    assert server_ms < EDIT_BOUND_MS * busy()
