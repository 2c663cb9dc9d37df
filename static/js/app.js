// Small behaviours htmx does not cover: swap validation answers (422) and conflicts
// (409), refusals (413, 429) like successes, open an entity by clicking it in the diagram, keep diagram
// downloads on the current view settings, and keyboard shortcuts.
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (event) {
    const status = event.detail.xhr.status;
    if (status === 422 || status === 409 || status === 400 || status === 413 || status === 429) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
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
