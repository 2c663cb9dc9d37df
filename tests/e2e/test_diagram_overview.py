"""A real 48-table schema (Kanboard's PostgreSQL dump) in Chromium: lines are drawn under
the tables and, where Graphviz routes them, never through another table's body; fitted
to the window, every table's name is drawn at a readable size, shortened when its box is
narrow, and groups show their names."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from designer.diagram.layout import automatic_positions
from designer.formats import import_text
from designer.schema import replace

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]
KANBOARD = Path(__file__).resolve().parents[1] / "realworld" / "postgresql" / "kanboard.sql"

# Points every 4 units along every line as drawn (not its Bézier control points, which
# may lie off the curve) and every table's box, in the drawing's own coordinates; for
# each point inside a box that is not one of the line's two tables, one finding.
CROSSINGS = """() => {
  const graph = document.querySelector('#diagram g.graph');
  const boxes = {};
  for (const node of graph.querySelectorAll('g.entity')) { boxes[node.id] = node.getBBox(); }
  const found = new Set();
  for (const edge of graph.querySelectorAll('g.relationship')) {
    const ends = Array.from(edge.classList).filter(c => c.startsWith('end-')).map(c => c.slice(4));
    const path = edge.querySelector('path');
    const length = path.getTotalLength();
    for (let at = 0; at <= length; at += 4) {
      const p = path.getPointAtLength(at);
      for (const [id, b] of Object.entries(boxes)) {
        if (!ends.includes(id) && p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1) {
          found.add(edge.id + ' through ' + id);
        }
      }
    }
  }
  return Array.from(found);
}"""

EDGES_FIRST = """() => {
  const graph = document.querySelector('#diagram g.graph');
  const all = Array.from(graph.querySelectorAll('g.edge, g.node'));
  const lastEdge = all.map(g => g.classList.contains('edge')).lastIndexOf(true);
  const firstNode = all.findIndex(g => g.classList.contains('node'));
  return {lastEdge, firstNode, edges: all.filter(g => g.classList.contains('edge')).length};
}"""

LABELS = """() => Array.from(document.querySelectorAll('#diagram .name-label')).map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, height: r.height, visible: r.width > 0};
})"""


def kanboard():
    return import_text(KANBOARD.read_text(), fmt="postgresql").schema


def test_lines_go_round_and_under_tables(open_project, page):
    schema = kanboard()
    assert len(schema.entities) == 48
    page = open_project(username="lines", name="Kanboard", schema=schema)  # laid out by `dot`
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    order = page.evaluate(EDGES_FIRST)
    assert order["edges"] > 40
    assert order["lastEdge"] < order["firstNode"]  # every line before (under) every table
    assert page.evaluate(CROSSINGS) == []


def test_names_are_legible_at_fit(open_project, page):
    schema = kanboard()
    schema = replace(schema, diagram=replace(schema.diagram, positions=automatic_positions(schema)))
    page.set_viewport_size({"width": 1440, "height": 900})
    page = open_project(username="names", name="Kanboard", schema=schema)
    page.locator("#diagram svg g.viewport").wait_for(state="attached")
    page.evaluate("window.diagramView.fit()")
    expect(page.locator("#diagram")).to_have_class(re.compile(r"\btitles-only\b"))
    expect(page.locator("#diagram .name-label")).to_have_count(48)  # built after the first frame
    page.screenshot(path=str(ARTIFACTS / "diagram-fit.png"))  # for docs/images
    labels = page.evaluate(LABELS)
    assert len(labels) == 48
    shown = [label for label in labels if label["text"]]
    assert len(shown) >= 40, labels  # a few very narrow boxes may go without
    # Drawn at the layer's 13 px whatever the zoom (the text's box is about 1.2 times its size).
    assert all(12 <= label["height"] <= 20 for label in shown), shown
    full = {e.qualified_name for e in schema.entities}
    assert all(label["text"] in full or label["text"].endswith("\u2026") for label in shown)
    # Zoomed in past the threshold, the tables' own headers are back and the layer hides.
    page.evaluate("window.diagramView.fit(); document.querySelector('[data-view=actual]').click()")
    expect(page.locator("#diagram .name-layer")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "diagram-100.png"))
