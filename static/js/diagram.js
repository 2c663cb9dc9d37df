// The diagram's view: pan and zoom (wheel, pinch, drag on the background, keyboard,
// "Fit", "100 %") through the vendored panzoom library, kept across edits (the
// diagram is swapped out of band on every edit) and reloads (localStorage); titles
// only when zoomed far out; a minimap for large schemas; tables dragged to a new
// place (one htmx request per drop: an ordinary undoable edit); Shift+click picks
// tables for "Arrange picked".
(function () {
  "use strict";

  const NODES = "g.entity, g.enum, g.note";
  const TITLES_ONLY_BELOW = 0.45;  // screen pixels per point
  const OVERVIEW_BELOW = 0.2;  // crow's feet smaller than 2 px: lines only
  const MINIMAP_FROM = 15;  // tables
  let view = null;
  let carried = null;  // the view to restore after the diagram is swapped
  let suppressClick = false;

  function holder() { return document.getElementById("diagram"); }

  function storageKey(element) { return "diagram-view:" + element.dataset.project; }

  function setup() {
    const element = holder();
    const drawing = element && element.querySelector("template[data-drawing]");
    if (drawing) { element.replaceChild(drawing.content, drawing); }
    const svg = element && element.querySelector("svg");
    if (!svg || (view && view.svg === svg)) { return; }
    teardown();
    const box = svg.viewBox.baseVal;
    const natural = {width: box ? box.width : 1000, height: box ? box.height : 1000};
    // Graphviz's group keeps its own transform; the server wraps it in ours, which
    // carries pan and zoom.
    const viewport = svg.querySelector("g.viewport");
    const graph = viewport.querySelector("g.graph");
    svg.setAttribute("width", "100%");
    svg.setAttribute("height", "100%");
    svg.removeAttribute("viewBox");
    const canEdit = element.dataset.canEdit === "true";
    const pz = panzoom(viewport, {
      maxZoom: 8, minZoom: 0.01, smoothScroll: false, zoomDoubleClickSpeed: 1,
      // A press on a table is a drag of the table (or a click to open it), not a pan.
      beforeMouseDown: function (event) { return canEdit && !!event.target.closest(NODES); },
      beforeWheel: function () { return false; },
      filterKey: function () { return true; },  // the keys are ours (below): arrows, + / −, F, 0
    });
    // A sketch (a large diagram's first paint; the drawing follows) opens fitted and keeps
    // no view: the remembered one is the drawing's, restored when it arrives.
    const sketch = svg.classList.contains("sketch");
    view = {element: element, svg: svg, viewport: viewport, graph: graph, pz: pz, natural: natural, sketch: sketch,
            touched: false};
    if (sketch) {
      fit();
      const touched = function () { if (view && view.element === element) { view.touched = true; } };
      for (const kind of ["wheel", "pointerdown", "keydown"]) { element.addEventListener(kind, touched, {once: true}); }
    } else if (!restore()) { fit(); }
    // After the first frame: measuring 2,000 tables' boxes would hold back the drawing.
    const drawn = view;
    requestAnimationFrame(function () {
      setTimeout(function () {
        if (view !== drawn) { return; }
        buildLabels();
        changed();
      }, 0);
    });
    pz.on("transform", changed);
    changed();
    buildMinimap();
  }

  function teardown() {
    if (view) { view.pz.dispose(); view = null; }
  }

  function scale() { return view.pz.getTransform().scale; }

  function changed() {
    if (!view) { return; }
    const t = view.pz.getTransform();
    view.element.classList.toggle("titles-only", t.scale < TITLES_ONLY_BELOW);
    view.element.classList.toggle("overview", t.scale < OVERVIEW_BELOW);
    if (t.scale < TITLES_ONLY_BELOW) { sizeLabels(t.scale); }
    if (view.sketch) { drawMinimapView(); return; }
    try {
      localStorage.setItem(storageKey(view.element), JSON.stringify({x: t.x, y: t.y, scale: t.scale}));
    } catch (error) { /* private mode: the view is simply not remembered */ }
    drawMinimapView();
  }

  function setTransform(x, y, zoom) {
    view.pz.zoomAbs(0, 0, zoom);
    view.pz.moveTo(x, y);
  }

  function restore() {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(storageKey(view.element)) || "null"); } catch (error) { saved = null; }
    if (!saved || !isFinite(saved.scale) || saved.scale <= 0) { return false; }
    setTransform(saved.x, saved.y, saved.scale);
    return true;
  }

  function fit() {
    const rect = view.element.getBoundingClientRect();
    // Never beyond 100 %: a small schema is shown at its natural size, not blown up.
    const zoom = Math.min(rect.width / view.natural.width * 0.95, rect.height / view.natural.height * 0.95, 96 / 72);
    setTransform((rect.width - view.natural.width * zoom) / 2, (rect.height - view.natural.height * zoom) / 2, zoom);
  }

  // panzoom zooms about a point given relative to the drawing's own box, as its wheel
  // handler does: the middle of the pane stays where it is.
  function actualSize() {
    // 100 %: one point of the drawing is 96/72 CSS pixels, as the downloads print it.
    const rect = view.svg.getBoundingClientRect();
    view.pz.zoomAbs(rect.width / 2, rect.height / 2, 96 / 72);
  }

  function zoomBy(factor) {
    const rect = view.svg.getBoundingClientRect();
    view.pz.zoomTo(rect.width / 2, rect.height / 2, factor);
  }

  // --- names at a readable size when zoomed out, like a map's labels --------------------
  // Each table's (and group's) name, centred on its box, in a layer whose font size
  // follows the zoom so that it is always LABEL_PX on screen; a name wider than its
  // box is shortened, one with no room at all is left out.

  const LABEL_PX = 13;
  const GROUP_LABEL_PX = 16;

  function headerName(node) {
    const texts = node.querySelectorAll("text");
    if (!texts.length) { return ""; }
    const y = texts[0].getAttribute("y");
    let name = "";
    for (const text of texts) { if (text.getAttribute("y") === y) { name += text.textContent; } }
    return name.trim();
  }

  function svgElement(name, attributes) {
    const element = document.createElementNS("http://www.w3.org/2000/svg", name);
    for (const key of Object.keys(attributes)) { element.setAttribute(key, attributes[key]); }
    return element;
  }

  function buildLabels() {
    const layer = svgElement("g", {"class": "name-layer", "aria-hidden": "true"});
    view.labels = [];
    for (const node of view.graph.querySelectorAll("g.entity, g.enum")) { addLabel(layer, node); }
    for (const cluster of view.graph.querySelectorAll("g.cluster")) {
      const title = cluster.querySelector("text");
      if (!title) { continue; }
      const b = cluster.getBBox();
      const text = svgElement("text", {x: b.x + 4, y: b.y - 4, "class": "group-label"});
      text.textContent = title.textContent;
      layer.appendChild(text);
    }
    view.graph.appendChild(layer);
    view.labelLayer = layer;
    view.labelScale = null;
  }

  function addLabel(layer, node) {
    const b = node.getBBox();
    const name = headerName(node);
    const text = svgElement("text", {x: b.x + b.width / 2, y: b.y + b.height / 2, "class": "name-label",
                                     "data-for": node.id});
    text.textContent = name;
    layer.appendChild(text);
    view.labels.push({text: text, name: name, width: b.width, shown: name});
  }

  function sizeLabels(zoom) {
    if (!view.labelLayer || (view.labelScale && Math.abs(zoom / view.labelScale - 1) < 0.05)) { return; }
    view.labelScale = zoom;
    const size = LABEL_PX / zoom;
    view.labelLayer.style.setProperty("--label-size", size + "px");
    view.labelLayer.style.setProperty("--group-label-size", GROUP_LABEL_PX / zoom + "px");
    // Characters across the box and a little beyond it (boxes stand apart by more than that).
    const fits = function (width) { return Math.floor(width * 1.4 / (size * 0.56)); };
    for (const label of view.labels) {
      const room = fits(label.width);
      const shown = room >= label.name.length ? label.name : room >= 4 ? label.name.slice(0, room - 1) + "\u2026" : "";
      if (shown !== label.shown) { label.text.textContent = shown; label.shown = shown; }
    }
  }

  // --- across swaps: the same table stays under the same screen spot ------------------

  function localBox(node) {
    // A node's box in the viewport's own coordinates (before pan and zoom). Computed,
    // not measured on screen: panzoom applies a new transform only on the next frame.
    const m = view.graph.transform.baseVal.consolidate();
    const b = node.getBBox();
    const k = m ? m.matrix : {a: 1, d: 1, e: 0, f: 0};
    return {x: k.a * b.x + k.e, y: k.d * b.y + k.f, width: k.a * b.width, height: k.d * b.height};
  }

  function anchorsOf(skip) {
    // A sample of tables to measure the drawing's shift by (the moved ones excluded).
    const nodes = Array.from(view.graph.querySelectorAll(NODES)).filter(function (n) { return !skip.has(n.id); });
    const step = Math.max(1, Math.floor(nodes.length / 25));
    const found = {};
    for (let i = 0; i < nodes.length; i += step) { found[nodes[i].id] = localBox(nodes[i]); }
    return found;
  }

  function median(values) {
    const sorted = values.slice().sort(function (a, b) { return a - b; });
    return sorted[Math.floor(sorted.length / 2)];
  }

  function carryView(skip) {
    if (!view) { return; }
    const t = view.pz.getTransform();
    carried = {x: t.x, y: t.y, scale: t.scale, anchors: anchorsOf(skip || new Set()),
               selected: view.element.dataset.selected, untouchedSketch: view.sketch && !view.touched};
    teardown();
  }

  function afterSwap() {
    const saved = carried;
    carried = null;
    setup();
    if (!view || !saved || saved.untouchedSketch) { return; }  // the drawing's own view, restored by setup
    let x = saved.x;
    let y = saved.y;
    // The drawing's origin moves when its extent changes: undo that shift, measured on
    // the tables that kept their place (the median ignores the few an edit moved).
    const shiftsX = [];
    const shiftsY = [];
    for (const id of Object.keys(saved.anchors)) {
      const node = document.getElementById(id);
      if (node && view.graph.contains(node)) {
        const now = localBox(node);
        shiftsX.push(saved.anchors[id].x - now.x);
        shiftsY.push(saved.anchors[id].y - now.y);
      }
    }
    if (shiftsX.length) {
      x += median(shiftsX) * saved.scale;
      y += median(shiftsY) * saved.scale;
    }
    setTransform(x, y, saved.scale);
    if (view.element.dataset.selected && view.element.dataset.selected !== saved.selected) {
      bringIntoView(document.getElementById("entity_" + view.element.dataset.selected), x, y, saved.scale);
    }
    changed();
  }

  function bringIntoView(node, x, y, zoom) {
    // A table just added or opened elsewhere: pan just enough to show it.
    if (!node) { return; }
    const pane = view.element.getBoundingClientRect();
    const b = localBox(node);
    const left = x + b.x * zoom;
    const top = y + b.y * zoom;
    const right = left + b.width * zoom;
    const bottom = top + b.height * zoom;
    const margin = 24;
    let dx = 0;
    let dy = 0;
    if (right > pane.width - margin) { dx = pane.width - margin - right; }
    if (left + dx < margin) { dx = margin - left; }
    if (bottom > pane.height - margin) { dy = pane.height - margin - bottom; }
    if (top + dy < margin) { dy = margin - top; }
    if (dx || dy) { view.pz.moveTo(x + dx, y + dy); }
  }

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "diagram") { carryView(pendingMoves); }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "diagram") { carryView(pendingMoves); }
  });
  function drawingIsBehind() {
    // The drawing asked for when the page opened may answer after an edit was patched in:
    // it shows an older revision then, so it is asked for again.
    const drawn = document.getElementById("diagram-drawn");
    const panel = document.getElementById("editor-panel");
    const revision = drawn && drawn.value ? +drawn.value.split(":")[0] : NaN;
    return panel && isFinite(revision) && revision < +panel.dataset.revision;
  }

  document.addEventListener("htmx:afterSettle", function () {
    if (!view && holder()) {
      afterSwap();
      showPicked();  // a new drawing: nothing picked
      if (drawingIsBehind()) { htmx.trigger(document.body, "schema-changed"); }
    }
    pendingMoves = new Set();
  });

  // --- an edit's patch: only the tables it changed, put in place of the old ones --------
  // (designer/diagram/patch.py). Anything unexpected: the whole drawing is fetched again.

  function shiftBy(element, dx, dy) {
    const pair = /(-?[\d.]+),(-?[\d.]+)/g;
    const move = function (_, x, y) { return (+x + dx).toFixed(2) + "," + (+y + dy).toFixed(2); };
    for (const item of [element, ...element.querySelectorAll("*")]) {
      for (const [name, by] of [["x", dx], ["cx", dx], ["y", dy], ["cy", dy]]) {
        if (item.hasAttribute(name)) { item.setAttribute(name, (+item.getAttribute(name) + by).toFixed(2)); }
      }
      for (const name of ["points", "d"]) {
        if (item.hasAttribute(name)) { item.setAttribute(name, item.getAttribute(name).replace(pair, move)); }
      }
    }
  }

  function originOf(root) {
    const dot = root.querySelector("#diagram_origin ellipse");
    return dot ? {x: +dot.getAttribute("cx"), y: +dot.getAttribute("cy")} : null;
  }

  function applyPatch(holderElement) {
    const template = holderElement.querySelector("template");
    const fresh = template && template.content.querySelector("g.graph");
    const here = view && originOf(view.graph);
    const there = fresh && originOf(fresh);
    if (!here || !there) { return false; }
    const dx = here.x - there.x;
    const dy = here.y - there.y;
    const redrawn = new Set(holderElement.dataset.redrawn.split(" ").filter(Boolean));
    const removed = holderElement.dataset.removed.split(" ").filter(Boolean);
    for (const id of removed) {
      const old = document.getElementById(id);
      if (old && view.graph.contains(old)) { old.remove(); }
      view.graph.querySelectorAll("g.end-" + CSS.escape(id)).forEach(function (edge) { edge.remove(); });
    }
    const gone = new Set(removed);
    if (view.labelLayer) {
      view.labelLayer.querySelectorAll("text.name-label").forEach(function (text) {
        if (gone.has(text.dataset.for)) { text.remove(); }
      });
      view.labels = view.labels.filter(function (label) { return !gone.has(label.text.dataset.for); });
    }
    // Lines under every table: before the first node; tables after the last one.
    const firstNode = view.graph.querySelector("g.node");
    const lastPlace = view.labelLayer || null;
    for (const edge of fresh.querySelectorAll("g.edge")) {
      if (!Array.from(edge.classList).some(function (c) { return c.startsWith("end-") && redrawn.has(c.slice(4)); })) {
        continue;
      }
      shiftBy(edge, dx, dy);
      view.graph.insertBefore(document.importNode(edge, true), firstNode);
    }
    for (const id of redrawn) {
      const node = fresh.querySelector("#" + CSS.escape(id));
      if (!node) { return false; }
      shiftBy(node, dx, dy);
      const placed = document.importNode(node, true);
      view.graph.insertBefore(placed, lastPlace);
      if (view.labelLayer) { addLabel(view.labelLayer, placed); }
    }
    view.labelScale = null;
    buildMinimap();
    changed();
    return true;
  }

  document.addEventListener("htmx:afterSettle", function () {
    // The patch came out of band: the element now in the page, not the one swapped out.
    const patch = document.getElementById("diagram-patch");
    if (!patch || !patch.dataset.drawn) { return; }
    const token = patch.dataset.drawn;
    let done = false;
    try { done = applyPatch(patch); } catch (error) { done = false; }
    patch.replaceChildren();
    delete patch.dataset.drawn;
    if (done) {
      document.getElementById("diagram-drawn").value = token;
      view.element.dataset.selected = token.split(":")[2] || "";
    } else {
      htmx.trigger(document.body, "schema-changed");  // the whole drawing again
    }
  });

  // --- dragging tables ------------------------------------------------------------------

  let drag = null;
  let pendingMoves = new Set();

  function picked() { return Array.from(document.querySelectorAll("#diagram .picked")); }

  document.addEventListener("pointerdown", function (event) {
    if (!view || event.button !== 0) { return; }
    const node = event.target.closest("#diagram " + NODES.split(", ").join(", #diagram "));
    if (!node || view.element.dataset.canEdit !== "true") { return; }
    const group = node.classList.contains("picked") ? picked() : [node];
    drag = {nodes: group, startX: event.clientX, startY: event.clientY, moved: false, dx: 0, dy: 0};
  });

  document.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    const ctm = view.graph.getScreenCTM();
    const dx = (event.clientX - drag.startX) / ctm.a;
    const dy = (event.clientY - drag.startY) / ctm.d;
    if (!drag.moved && Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) < 4) { return; }
    drag.moved = true;
    drag.dx = dx;
    drag.dy = dy;
    for (const node of drag.nodes) { node.setAttribute("transform", "translate(" + dx + " " + dy + ")"); }
    view.element.classList.add("dragging");
  });

  document.addEventListener("pointerup", function () {
    if (!drag) { return; }
    const done = drag;
    drag = null;
    view.element.classList.remove("dragging");
    if (!done.moved) { return; }
    suppressClick = true;
    setTimeout(function () { suppressClick = false; }, 0);
    pendingMoves = new Set(done.nodes.map(function (n) { return n.id; }));
    const form = document.getElementById("diagram-move-form");
    form.querySelectorAll("input[name=move]").forEach(function (input) { input.remove(); });
    for (const node of done.nodes) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "move";
      input.value = node.id.replace(/^(entity|enum|note)_/, "") + "," + done.dx.toFixed(1) + "," + done.dy.toFixed(1);
      form.appendChild(input);
    }
    htmx.trigger(form, "submit");
  });

  function selectedEntity() {
    const item = document.querySelector(".entity-item.selected");
    return item ? item.dataset.entityId : "";
  }

  // A drop is not a click (clicking a table opens it); Shift+click picks it instead.
  document.addEventListener("click", function (event) {
    const node = event.target.closest("#diagram g.entity, #diagram g.enum");
    if (suppressClick) {
      event.stopPropagation();
      event.preventDefault();
    } else if (node && event.shiftKey) {
      event.stopPropagation();
      event.preventDefault();
      node.classList.toggle("picked");
      showPicked();
    }
  }, true);

  function showPicked() {
    const count = picked().length;
    const button = document.querySelector("[data-arrange-picked]");
    if (button) { button.disabled = count === 0; button.textContent = "Arrange picked (" + count + ")"; }
  }

  // The new area's name sits inside the view settings' form (in the View menu) but
  // belongs to the area form: typing it must not redraw the diagram.
  document.addEventListener("change", function (event) {
    if (event.target.getAttribute && event.target.getAttribute("form") === "diagram-area-save") { event.stopPropagation(); }
  }, true);

  document.addEventListener("htmx:configRequest", function (event) {
    const form = event.detail.elt.closest && event.detail.elt.closest("[data-diagram-edit]");
    if (!form) { return; }
    event.detail.parameters.set("selected", selectedEntity());  // the open table stays open
    if (form.id === "diagram-arrange-picked" || form.id === "diagram-area-save") {
      for (const node of picked()) {
        event.detail.parameters.append("object", node.id.replace(/^(entity|enum)_/, ""));
      }
    }
  });

  // --- the toolbar and the keyboard -----------------------------------------------------

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-view]");
    if (!button || !view) { return; }
    const action = button.dataset.view;
    if (action === "fit") { fit(); }
    if (action === "actual") { actualSize(); }
    if (action === "in") { zoomBy(1.25); }
    if (action === "out") { zoomBy(0.8); }
  });

  document.addEventListener("keydown", function (event) {
    if (!view || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.ctrlKey || event.metaKey) { return; }
    if (!view.element.contains(event.target) && event.target !== document.body) { return; }
    const keys = {"f": fit, "0": actualSize, "+": function () { zoomBy(1.25); }, "=": function () { zoomBy(1.25); },
                  "-": function () { zoomBy(0.8); }};
    const pans = {ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60]};
    if (keys[event.key]) { keys[event.key](); event.preventDefault(); }
    if (pans[event.key]) { view.pz.moveBy(pans[event.key][0], pans[event.key][1], false); event.preventDefault(); }
  });

  // --- the minimap: every table as a dot, the visible part as a frame --------------------

  function buildMinimap() {
    const canvas = document.getElementById("minimap");
    if (!canvas) { return; }
    const nodes = view.graph.querySelectorAll(NODES);
    canvas.hidden = nodes.length < MINIMAP_FROM;
    if (canvas.hidden) { return; }
    const graphMatrix = view.graph.getCTM();
    const viewportMatrix = view.viewport.getCTM().inverse();
    const local = graphMatrix ? viewportMatrix.multiply(graphMatrix) : null;
    view.boxes = [];
    for (const node of nodes) {
      const b = node.getBBox();
      const p = local ? new DOMPoint(b.x, b.y).matrixTransform(local) : {x: b.x, y: b.y};
      view.boxes.push([p.x, p.y, b.width * (local ? local.a : 1), b.height * (local ? local.d : 1)]);
    }
    drawMinimapView();
  }

  function drawMinimapView() {
    const canvas = document.getElementById("minimap");
    if (!canvas || canvas.hidden || !view || !view.boxes) { return; }
    const ctx = canvas.getContext("2d");
    const k = Math.min(canvas.width / view.natural.width, canvas.height / view.natural.height);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#94a3b8";
    for (const b of view.boxes) { ctx.fillRect(b[0] * k, b[1] * k, Math.max(1, b[2] * k), Math.max(1, b[3] * k)); }
    const t = view.pz.getTransform();
    const rect = view.element.getBoundingClientRect();
    ctx.strokeStyle = "#2563eb";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(-t.x / t.scale * k, -t.y / t.scale * k, rect.width / t.scale * k, rect.height / t.scale * k);
    view.minimapScale = k;
  }

  document.addEventListener("pointerdown", function (event) {
    if (event.target.id !== "minimap" || !view || !view.minimapScale) { return; }
    const canvas = event.target;
    const move = function (e) {
      const r = canvas.getBoundingClientRect();
      const gx = (e.clientX - r.left) / view.minimapScale;
      const gy = (e.clientY - r.top) / view.minimapScale;
      const t = view.pz.getTransform();
      const pane = view.element.getBoundingClientRect();
      view.pz.moveTo(pane.width / 2 - gx * t.scale, pane.height / 2 - gy * t.scale);
    };
    move(event);
    canvas.setPointerCapture(event.pointerId);
    canvas.onpointermove = function (e) { if (e.buttons) { move(e); } };
  });

  // --- find a table: type-ahead over the tables' names, Enter jumps to it and lights it ---

  function centreOn(node) {
    const pane = view.element.getBoundingClientRect();
    const zoom = Math.max(scale(), 1);  // readable: never left zoomed out on a found table
    const b = localBox(node);
    setTransform(pane.width / 2 - (b.x + b.width / 2) * zoom, pane.height / 2 - (b.y + b.height / 2) * zoom, zoom);
  }

  function findTable(name) {
    const option = Array.from(document.querySelectorAll("#diagram-tables option")).find(function (o) {
      return o.value.toLowerCase() === name.trim().toLowerCase();
    });
    const node = option && document.getElementById(option.dataset.node);
    if (!view || !node) { return false; }
    centreOn(node);
    document.querySelectorAll("#diagram g.found").forEach(function (n) { n.classList.remove("found"); });
    node.classList.add("found");
    const status = document.getElementById("diagram-search-status");
    if (status) { status.textContent = "Showing " + option.value + "."; }
    return true;
  }

  document.addEventListener("change", function (event) {
    if (event.target.id === "diagram-search") { findTable(event.target.value); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.target.id === "diagram-search" && event.key === "Enter") {
      event.preventDefault();
      if (!findTable(event.target.value)) {
        const status = document.getElementById("diagram-search-status");
        if (status) { status.textContent = "No table named " + event.target.value + "."; }
      }
    } else if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) {
      const search = document.getElementById("diagram-search");
      if (search) { event.preventDefault(); search.focus(); }
    }
  });

  // --- hovering a table lights its lines and the tables at their other ends --------------

  function lightNeighbours(node, on) {
    if (!view) { return; }
    view.element.classList.toggle("hovering", on);
    view.graph.querySelectorAll("g.end-" + CSS.escape(node.id)).forEach(function (edge) {
      edge.classList.toggle("lit", on);
      for (const name of edge.classList) {
        const other = name.startsWith("end-") && name !== "end-" + node.id && document.getElementById(name.slice(4));
        if (other) { other.classList.toggle("neighbour", on); }
      }
    });
    node.classList.toggle("neighbour", on);
  }

  document.addEventListener("mouseover", function (event) {
    const node = event.target.closest && event.target.closest("#diagram g.entity");
    const from = event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("#diagram g.entity");
    if (node && node !== from) { lightNeighbours(node, true); pointed = node; }
  });
  document.addEventListener("mouseout", function (event) {
    const node = event.target.closest && event.target.closest("#diagram g.entity");
    const to = event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("#diagram g.entity");
    if (node && node !== to) { lightNeighbours(node, false); if (pointed === node) { pointed = null; } }
  });

  // --- neighbours of a table: N on the table under the pointer (or the one found or
  // open), or its context menu, focuses the diagram on it to the toolbar's depth ----------

  let pointed = null;  // the table under the pointer

  function showNeighbours(node) {
    const select = document.querySelector(".diagram-controls select[name=focus]");
    const option = node && select && Array.from(select.options).find(function (o) { return o.dataset.node === node.id; });
    if (!option) { return false; }
    select.value = option.value;
    select.dispatchEvent(new Event("change", {bubbles: true}));  // the controls' form asks for the drawing
    const status = document.getElementById("diagram-search-status");
    if (status) { status.textContent = "Showing the neighbours of " + option.textContent + "."; }
    return true;
  }

  function currentTable() {
    return pointed || document.querySelector("#diagram g.entity.found") || document.querySelector("#diagram g.entity.selected");
  }

  document.addEventListener("keydown", function (event) {
    if (!view || event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) { return; }
    if (event.key !== "n" && event.key !== "N") { return; }
    if (!pointed && !view.element.contains(event.target) && event.target !== document.body) { return; }
    if (showNeighbours(currentTable())) { event.preventDefault(); }
  });
  document.addEventListener("contextmenu", function (event) {
    const node = event.target.closest && event.target.closest("#diagram g.entity");
    if (node && showNeighbours(node)) { event.preventDefault(); }
  });

  window.diagramView = {
    transform: function () { return view ? view.pz.getTransform() : null; },
    fit: function () { if (view) { fit(); } },
    find: findTable,
  };

  // On DOMContentLoaded, after htmx's own listener (its script came first) has scanned
  // the page: the drawing is placed after that scan, not walked by it.
  if (document.readyState === "complete") {
    setup();
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
