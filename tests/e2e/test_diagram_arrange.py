"""The diagram in a real browser: zoom, pan, drag a table, reload and find it where it
was left, undo the move, add an entity and see that no other table moved."""

from pathlib import Path

import pytest

from designer.formats.dbml import parse_dbml
from projects.diagrams import arranged
from projects.models import Project
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]

BLOG = (Path(__file__).parents[2] / "designer" / "examples" / "blog.dbml").read_text()


def transform(page):
    return page.evaluate("window.diagramView.transform()")


def box(page, entity_id):
    """Where a table is on screen, relative to the diagram's own frame: what is above the
    diagram (a teammate line, a message) may change its height between two page loads."""
    table, frame = page.locator(f"#entity_{entity_id}").bounding_box(), page.locator("#diagram").bounding_box()
    return {**table, "x": table["x"] - frame["x"], "y": table["y"] - frame["y"]}


def boxes(page):
    return page.evaluate(
        """() => { const f = document.querySelector('#diagram').getBoundingClientRect();
            return Object.fromEntries(Array.from(document.querySelectorAll('#diagram g.entity')).map(
            n => { const r = n.getBoundingClientRect(); return [n.id, [r.left - f.left, r.top - f.top]]; })); }"""
    )


def wait_for_revision(page, number):
    page.locator("#project-stats", has_text=f"revision {number} ").wait_for()
    page.wait_for_function("() => window.diagramView && window.diagramView.transform() !== null")
    page.wait_for_timeout(100)  # the view is restored on the frame after the swap


def stored(name="Blog"):
    schema = project_schema(Project.objects.get(name=name))
    return schema, {p.id: (p.x, p.y) for p in schema.diagram.positions}


def close(a, b, tolerance=2.0):
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def test_zoom_pan_drag_reload_undo_and_add(open_project):
    page = open_project(username="ari", name="Blog", schema=arranged(parse_dbml(BLOG)))
    page.locator("#diagram g.entity").first.wait_for()
    schema, before = stored()
    users = schema.entity_by_name("users")

    # The buttons and the keyboard.
    page.get_by_role("button", name="100 %").click()
    page.wait_for_function("() => Math.abs(window.diagramView.transform().scale - 96 / 72) < 0.01")
    page.locator("#diagram").focus()
    page.keyboard.press("-")
    page.wait_for_function("() => window.diagramView.transform().scale < 96 / 72 - 0.05")
    page.get_by_role("button", name="Fit").click()

    # Zoom with the wheel over the diagram, then pan by dragging the background.
    start = transform(page)
    pane = page.locator("#diagram").bounding_box()
    page.mouse.move(pane["x"] + 40, pane["y"] + 40)
    page.mouse.wheel(0, -300)
    page.wait_for_function(f"() => window.diagramView.transform().scale > {start['scale'] * 1.05}")
    zoomed = transform(page)
    page.mouse.move(pane["x"] + 20, pane["y"] + pane["height"] - 20)
    page.mouse.down()
    page.mouse.move(pane["x"] + 120, pane["y"] + pane["height"] - 60, steps=5)
    page.mouse.up()
    panned = transform(page)
    assert panned["x"] == pytest.approx(zoomed["x"] + 100, abs=2)
    assert panned["y"] == pytest.approx(zoomed["y"] - 40, abs=2)

    # Drag users by its title: one edit, stored in points (screen pixels / zoom).
    title = box(page, users.id)
    others_before = {k: v for k, v in boxes(page).items() if k != f"entity_{users.id}"}
    grab = page.locator(f"#entity_{users.id}").bounding_box()  # the mouse works in page coordinates
    page.mouse.move(grab["x"] + 20, grab["y"] + 8)
    page.mouse.down()
    page.mouse.move(grab["x"] + 80, grab["y"] + 68, steps=6)
    page.mouse.up()
    wait_for_revision(page, 1)
    schema, moved = stored()
    scale = panned["scale"]
    assert moved[users.id][0] == pytest.approx(before[users.id][0] + 60 / scale, abs=1)
    assert moved[users.id][1] == pytest.approx(before[users.id][1] + 60 / scale, abs=1)
    dropped = box(page, users.id)
    assert close((dropped["x"], dropped["y"]), (title["x"] + 60, title["y"] + 60), tolerance=3)
    assert all(close(boxes(page)[k], v) for k, v in others_before.items())  # the view did not jump
    assert page.evaluate("window.__samePage") is True

    # Reload: the same view, the table where it was left.
    page.reload()
    page.locator(f"#entity_{users.id}").wait_for()
    page.wait_for_timeout(100)
    assert transform(page) == pytest.approx(transform(page))
    assert transform(page)["scale"] == pytest.approx(scale)
    again = box(page, users.id)
    # 3 px: the open table's border is a point wider, which moves the drawing's edge when
    # that table lies on it (as users does in the compact layout).
    assert close((again["x"], again["y"]), (dropped["x"], dropped["y"]), tolerance=3)

    # Undo the move: the table goes back, in the document and on screen.
    page.get_by_role("button", name="↶ Undo").click()
    wait_for_revision(page, 2)
    assert stored()[1] == before
    back = box(page, users.id)
    assert close((back["x"], back["y"]), (title["x"], title["y"]), tolerance=3)

    # Add an entity: it gets a place; no other table moves on screen or in the document.
    on_screen = boxes(page)
    page.locator("#new-entity-name").fill("audit_log")
    page.locator("#new-entity-name").press("Enter")
    wait_for_revision(page, 3)
    page.locator("#diagram g.entity", has_text="audit_log").wait_for()
    schema, after = stored()
    new_id = schema.entity_by_name("audit_log").id
    assert {k: v for k, v in after.items() if k != new_id} == before
    assert new_id in after
    # The view may pan to show the new table; the others keep their places relative to each other.
    now = boxes(page)
    shifts = [(now[k][0] - v[0], now[k][1] - v[1]) for k, v in on_screen.items()]
    assert all(close(shift, shifts[0], tolerance=1) for shift in shifts)
    new_box = box(page, new_id)  # relative to the diagram's frame
    pane = page.locator("#diagram").bounding_box()
    assert new_box["x"] >= 0 and new_box["x"] + new_box["width"] <= pane["width"]
