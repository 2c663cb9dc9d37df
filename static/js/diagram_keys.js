// Tables in the diagram by keyboard (kept apart from diagram.js, which draws and pans):
// Tab from the diagram reaches a table (one at a time, a "roving" tab stop, so a drawing
// of thousands of tables is not thousands of Tab presses); arrow keys move to the related
// table in that direction; Enter opens it in the panel. Focus comes back after a redraw.
(function () {
  "use strict";
  let lastFocused = "";

  function tables() { return document.querySelectorAll("#diagram g.entity"); }

  function makeStop(node) {
    document.querySelectorAll('#diagram g.entity[tabindex="0"]').forEach(function (other) {
      if (other !== node) { other.setAttribute("tabindex", "-1"); }
    });
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    if (!node.hasAttribute("aria-label")) {
      const title = node.querySelector("text");
      node.setAttribute("aria-label", "Table " + (title ? title.textContent.trim() : node.id) + " (arrow keys: related tables, Enter: open)");
    }
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.id === "diagram" && !document.querySelector('#diagram g.entity[tabindex="0"]')) {
      const drawing = document.querySelector("#diagram svg");
      if (drawing) { drawing.setAttribute("tabindex", "-1"); }  // the next Tab stop is a table, not the drawing
      const start = document.querySelector("#diagram g.entity.selected") || tables()[0];
      if (start) { makeStop(start); }
    }
    const node = event.target.closest && event.target.closest("#diagram g.entity");
    if (node) { lastFocused = node.id; }
  });

  function centre(node) {
    const box = node.getBoundingClientRect();
    return {x: box.left + box.width / 2, y: box.top + box.height / 2};
  }

  function related(node) {
    const found = new Set();
    document.querySelectorAll("#diagram g.end-" + CSS.escape(node.id)).forEach(function (edge) {
      for (const name of edge.classList) {
        const other = name.startsWith("end-") && name !== "end-" + node.id && document.getElementById(name.slice(4));
        if (other) { found.add(other); }
      }
    });
    return Array.from(found);
  }

  const DIRECTIONS = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};

  function neighbourToward(node, key) {
    const [dx, dy] = DIRECTIONS[key];
    const from = centre(node);
    let best = null;
    let bestScore = Infinity;
    for (const other of related(node)) {
      const to = centre(other);
      const along = (to.x - from.x) * dx + (to.y - from.y) * dy;
      if (along <= 0) { continue; }
      const across = Math.abs((to.x - from.x) * dy) + Math.abs((to.y - from.y) * dx);
      const score = along + 2 * across;
      if (score < bestScore) { best = other; bestScore = score; }
    }
    return best;
  }

  document.addEventListener("keydown", function (event) {
    const node = event.target.closest && event.target.closest("#diagram g.entity");
    if (!node || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      node.dispatchEvent(new MouseEvent("click", {bubbles: true}));  // app.js opens a clicked table
      return;
    }
    if (DIRECTIONS[event.key] && event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      moveBy(node, DIRECTIONS[event.key], event.shiftKey ? 100 : 20);
      return;
    }
    if (DIRECTIONS[event.key]) {
      event.preventDefault();
      event.stopPropagation();  // not a pan of the view
      const next = neighbourToward(node, event.key);
      if (next) { makeStop(next); next.focus(); }
    }
  }, true);

  // Alt+arrow moves the table (Shift: further), pinned where it lands, as a drag does.
  function moveBy(node, direction, step) {
    const form = document.getElementById("diagram-move-form");
    const diagram = document.getElementById("diagram");
    if (!form || !diagram || diagram.dataset.canEdit !== "true") { return; }
    form.querySelectorAll("input[name=move]").forEach(function (input) { input.remove(); });
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "move";
    input.value = node.id.replace(/^entity_/, "") + "," + direction[0] * step + "," + direction[1] * step;
    form.appendChild(input);
    lastFocused = node.id;
    htmx.trigger(form, "submit");
  }

  // A redraw replaces the tables: the one that had the focus gets it back.
  document.addEventListener("htmx:afterSettle", function () {
    if (!lastFocused || document.activeElement !== document.body) { return; }
    requestAnimationFrame(function () {
      const again = document.getElementById(lastFocused);
      if (again) { makeStop(again); again.focus(); }
    });
  });
})();
