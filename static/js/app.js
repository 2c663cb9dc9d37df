// Small behaviours htmx does not cover: swap validation answers (422) and conflicts
// (409), refusals (413, 429) like successes, open an entity by clicking it in the diagram, keep
// diagram downloads on the current view settings, keyboard shortcuts, and teammates' edits.
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if (event.detail.target.id === "live" && !/data-revision=/.test(event.detail.xhr.responseText || "")) {
      event.detail.shouldSwap = false;  // logged out meanwhile: never put the login page in the status line
      return;
    }
    if (status === 422 || status === 409 || status === 400 || status === 413 || status === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Every edit swaps the panel: keep where the person was scrolled and which input had
  // the focus (after an error, the first input with an error gets it instead).
  let kept = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    const target = event.detail.target;
    if (target && target.id === "editor-panel") {
      const focused = document.activeElement;
      const inside = focused && target.contains(focused) ? focused : null;
      // In an "Add …" form the button pressed may have no id: remember the form by its first input.
      const block = inside && inside.closest(".add-block");
      const first = block && block.querySelector("input:not([type=hidden]), select, textarea");
      kept = {scroll: target.scrollTop, focus: inside ? inside.id : "", adding: first ? first.id : ""};
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    const panel = document.getElementById("editor-panel");
    if (!panel || !kept) { return; }
    panel.scrollTop = kept.scroll;
    const invalid = panel.querySelector(".errorlist");
    const field = invalid && invalid.parentElement && invalid.parentElement.querySelector("input, select, textarea");
    let again = field || (kept.focus && document.getElementById(kept.focus));
    // An "Add …" form stays open after its edit, ready for the next one, from its first input.
    const start = !field && kept.adding && document.getElementById(kept.adding);
    const adding = start && start.closest(".add-block");
    if (adding) {
      adding.open = true;
      again = start;
    }
    // A new table is followed by its fields: the grid's new row takes the focus.
    const firstField = kept.adding === "new-entity-name" && !field && document.getElementById("new-field-name");
    if (firstField) { again = firstField; }
    const folded = again && again.closest && again.closest("details:not([open])");
    if (folded) { folded.open = true; }
    if (again && again.focus) { again.focus({preventScroll: !field && !adding}); }
    kept = null;
    // A screen reader hears what the edit did (the panel says it; the live region, which
    // stays on the page across swaps, speaks it).
    const announcer = document.getElementById("announcer");
    if (announcer && panel.dataset.announce) { announcer.textContent = panel.dataset.announce; }
  });

  function controlsQuery() {
    const form = document.querySelector(".diagram-controls");
    return form ? new URLSearchParams(new FormData(form)).toString() : "";
  }

  function openEntity(entityId) {
    const panel = document.getElementById("editor-panel");
    const link = panel && panel.querySelector('[data-entity-id="' + CSS.escape(entityId) + '"] a');
    if (link) {
      link.click();
    } else if (panel) {  // another tab is showing: open the entity in the schema tab
      const query = "?tab=schema&selected=" + encodeURIComponent(entityId) + "&" + controlsQuery();
      htmx.ajax("GET", panel.dataset.panelUrl + query, {target: panel, swap: "outerHTML"});
    }
  }

  document.addEventListener("click", function (event) {
    const node = event.target.closest("#diagram g.entity");
    if (node) {
      event.preventDefault();
      openEntity(node.id.replace(/^entity_/, ""));
      return;
    }
    const download = event.target.closest("a[data-download]");
    if (download) {
      const base = download.getAttribute("href").split("?")[0];
      const selected = document.querySelector(".entity-item.selected");
      const extra = selected ? "&selected=" + encodeURIComponent(selected.dataset.entityId) : "";
      download.setAttribute("href", base + "?" + controlsQuery() + extra);
    }
  });

  // Teammates' edits: the live poll (#live) carries the stored revision. When it moved
  // past the one this page shows, redraw the diagram, and refresh the panel unless the
  // person is in the middle of typing there (their edit is rebased when they save).
  function panelBusy(panel) {
    // An "Add …" form stays open, ready, after each add: busy only once something is typed in it.
    const active = document.activeElement;
    const ready = active && active.closest && active.closest(".add-block");
    if (active && panel.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && !ready) { return true; }
    if (panel.querySelector("details[open]:not(.add-block) form")) { return true; }
    return Array.from(panel.querySelectorAll("input:not([type=hidden]), textarea, select")).some(function (el) {
      if (el.type === "checkbox" || el.type === "radio") { return el.checked !== el.defaultChecked; }
      if (el.tagName === "SELECT" && el.multiple) { return Array.from(el.options).some(function (o) { return o.selected !== o.defaultSelected; }); }
      if (el.tagName === "SELECT") {  // with no option marked selected, the first one is the default
        const initial = Array.from(el.options).findIndex(function (o) { return o.defaultSelected; });
        return el.selectedIndex !== Math.max(initial, 0);
      }
      return el.value !== el.defaultValue;
    });
  }

  // This page's own edit in flight: the poll may see its revision before the answer has
  // swapped the panel. That is no teammate's edit (redrawing would throw away the edit's
  // patch), so the poll after it decides.
  // (The request's own loadend: htmx's afterRequest may fire on a form already swapped out.)
  let ownWrites = 0;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.requestConfig.verb === "get") { return; }
    ownWrites += 1;
    event.detail.xhr.addEventListener("loadend", function () { ownWrites -= 1; });
  });

  let lastRemoteRevision = null;
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "live") { return; }
    const marker = event.detail.target.querySelector("[data-revision]");
    const panel = document.getElementById("editor-panel");
    if (!marker || !panel || ownWrites > 0) { return; }
    const stored = marker.dataset.revision;
    const notice = document.getElementById("remote-notice");
    if (stored === panel.dataset.revision) {
      if (notice) { notice.hidden = true; }
      return;
    }
    if (stored === lastRemoteRevision) { return; }
    lastRemoteRevision = stored;
    htmx.trigger(document.body, "schema-changed");
    if (panelBusy(panel)) {
      if (notice) {
        notice.textContent = "Teammates saved changes (revision " + stored + "). Yours will be combined with theirs when you save.";
        notice.hidden = false;
      }
      return;
    }
    const selected = panel.querySelector(".entity-item.selected");
    const tab = document.getElementById("panel-tab");
    const query = "?tab=" + encodeURIComponent(tab ? tab.value : "schema") +
      (selected ? "&selected=" + encodeURIComponent(selected.dataset.entityId) : "") + "&" + controlsQuery();
    htmx.ajax("GET", panel.dataset.panelUrl + query, {target: panel, swap: "outerHTML"});
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      const cancel = document.querySelector("[data-cancel]");
      if (cancel) { cancel.click(); return; }
      const open = event.target.closest && event.target.closest("details[open]");
      if (open) {
        const form = open.querySelector("form");
        if (form) { form.reset(); }
        open.removeAttribute("open");
        open.querySelector("summary").focus();
      }
      return;
    }
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      const button = document.querySelector(event.shiftKey ? "[data-redo]" : "[data-undo]");
      if (button) { event.preventDefault(); button.click(); }
    }
  });
})();

// Copy buttons: data-copy names the element whose text is copied (a link shown once).
document.addEventListener("click", function (event) {
  const button = event.target.closest && event.target.closest("[data-copy]");
  if (!button) { return; }
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) { return; }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    button.textContent = "Copied";
  });
});

// The panel keeps the width the person gave it (drag its right edge), across edits and
// visits: the width lives on the editor body, which edits never swap.
(function () {
  "use strict";
  const KEY = "panel-width";
  function body() { return document.querySelector(".editor-body"); }
  function apply() {
    const saved = parseInt(localStorage.getItem(KEY) || "", 10);
    if (body() && saved >= 300) { body().style.setProperty("--panel-width", saved + "px"); }
  }
  const watcher = new ResizeObserver(function (entries) {
    for (const entry of entries) {
      if (!entry.target.style.width) { continue; }  // only a width the person dragged to
      const width = Math.round(entry.target.getBoundingClientRect().width);
      try { localStorage.setItem(KEY, String(width)); } catch (error) { /* private mode: not remembered */ }
      if (body()) { body().style.setProperty("--panel-width", width + "px"); }
    }
  });
  function watch() {
    const panel = document.getElementById("editor-panel");
    if (panel) { watcher.disconnect(); watcher.observe(panel); }
  }
  document.addEventListener("DOMContentLoaded", function () { apply(); watch(); });
  document.addEventListener("htmx:afterSettle", watch);
})();

// Skip links move the focus, not just the scroll position, to what they name.
document.addEventListener("click", function (event) {
  const link = event.target.closest && event.target.closest(".skip-links a");
  const target = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!target) { return; }
  event.preventDefault();
  target.focus();
});
