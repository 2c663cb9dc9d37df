// Drawing a relationship in the diagram (kept apart from diagram.js): pointing at a
// column's name shows a handle at the row's right edge; dragging the handle onto a column
// of another table (or the same) links the two: the first column holds the key, the
// second is what it refers to. The server checks it as the relationship form does.
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  let handle = null;
  let link = null;  // the line being drawn

  function canEdit() {
    const diagram = document.getElementById("diagram");
    return diagram && diagram.dataset.canEdit === "true" && document.getElementById("diagram-link-form");
  }

  // Column names are the entity's texts with no fill of their own (the title is white,
  // the type grey, the key markers blue).
  function columnTexts(node) { return Array.from(node.querySelectorAll("text:not([fill])")); }

  function graphOf(node) { return node.closest("g.graph"); }

  function showHandle(text) {
    const node = text.closest("g.entity");
    const graph = graphOf(node);
    if (!graph) { return; }
    const box = node.getBBox();
    const row = text.getBBox();
    if (!handle || !graph.contains(handle)) {
      handle = document.createElementNS(SVG, "circle");
      handle.setAttribute("class", "link-handle");
      handle.setAttribute("r", "5");
      const title = document.createElementNS(SVG, "title");
      handle.appendChild(title);
      graph.appendChild(handle);
    }
    handle.setAttribute("cx", String(box.x + box.width));
    handle.setAttribute("cy", String(row.y + row.height / 2));
    handle.dataset.node = node.id;
    handle.dataset.column = text.textContent.trim();
    handle.firstChild.textContent = "Drag onto a column to link " + handle.dataset.column + " to it";
  }

  document.addEventListener("mouseover", function (event) {
    if (link || !canEdit()) { return; }
    const text = event.target.closest && event.target.closest("#diagram g.entity text:not([fill])");
    if (text) { showHandle(text); }
  });

  function toGraph(graph, event) {
    const point = new DOMPoint(event.clientX, event.clientY);
    return point.matrixTransform(graph.getScreenCTM().inverse());
  }

  // Capture: a press on the handle is a line being drawn, not a table dragged or a pan.
  document.addEventListener("pointerdown", function (event) {
    if (!handle || event.target !== handle || event.button !== 0) { return; }
    event.stopPropagation();
    event.preventDefault();
    const graph = graphOf(handle);
    const line = document.createElementNS(SVG, "line");
    line.setAttribute("class", "link-draft");
    line.setAttribute("x1", handle.getAttribute("cx"));
    line.setAttribute("y1", handle.getAttribute("cy"));
    line.setAttribute("x2", handle.getAttribute("cx"));
    line.setAttribute("y2", handle.getAttribute("cy"));
    graph.appendChild(line);
    link = {line: line, graph: graph, node: handle.dataset.node, column: handle.dataset.column};
  }, true);

  // The pan library listens to mousedown: a press on the handle is not a pan either.
  document.addEventListener("mousedown", function (event) {
    if (handle && event.target === handle) { event.stopPropagation(); }
  }, true);

  document.addEventListener("pointermove", function (event) {
    if (!link) { return; }
    const point = toGraph(link.graph, event);
    link.line.setAttribute("x2", String(point.x));
    link.line.setAttribute("y2", String(point.y));
  }, true);

  function columnAt(event) {
    const under = document.elementFromPoint(event.clientX, event.clientY);
    const node = under && under.closest && under.closest("#diagram g.entity");
    if (!node) { return null; }
    let best = null;
    let distance = Infinity;
    for (const text of columnTexts(node)) {  // the row under the pointer, by its height
      const box = text.getBoundingClientRect();
      const away = Math.abs(box.top + box.height / 2 - event.clientY);
      if (away < distance) { best = text; distance = away; }
    }
    return best && {node: node.id, column: best.textContent.trim()};
  }

  document.addEventListener("pointerup", function (event) {
    if (!link) { return; }
    const drawn = link;
    link = null;
    drawn.line.remove();
    event.stopPropagation();
    const target = columnAt(event);
    if (!target || (target.node === drawn.node && target.column === drawn.column)) { return; }
    const form = document.getElementById("diagram-link-form");
    form.elements.from_node.value = drawn.node;
    form.elements.from_column.value = drawn.column;
    form.elements.to_node.value = target.node;
    form.elements.to_column.value = target.column;
    htmx.trigger(form, "submit");
  }, true);
})();
