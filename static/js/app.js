// Small behaviours htmx does not cover: swap validation answers (422) and conflicts
// (409) like successes, open an entity by clicking it in the diagram, keep diagram
// downloads on the current view settings, and keyboard shortcuts.
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if (status === 422 || status === 409 || status === 400) {
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
      kept = {scroll: target.scrollTop, focus: focused && target.contains(focused) ? focused.id : ""};
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    const panel = document.getElementById("editor-panel");
    if (!panel || !kept) { return; }
    panel.scrollTop = kept.scroll;
    const invalid = panel.querySelector(".errorlist");
    const field = invalid && invalid.parentElement && invalid.parentElement.querySelector("input, select, textarea");
    const again = field || (kept.focus && document.getElementById(kept.focus));
    if (again && again.focus) { again.focus({preventScroll: !field}); }
    kept = null;
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
