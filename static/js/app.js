// Small behaviours htmx does not cover: clicking an entity in the diagram opens it,
// diagram downloads follow the current view settings, Escape closes open editors.
(function () {
  "use strict";

  function controlsQuery() {
    const form = document.querySelector(".diagram-controls");
    return form ? new URLSearchParams(new FormData(form)).toString() : "";
  }

  document.addEventListener("click", function (event) {
    const node = event.target.closest("#diagram g.entity, #diagram g[id^='entity_']");
    if (node) {
      const entityId = node.id.replace(/^entity_/, "");
      document.body.dispatchEvent(new CustomEvent("entity-selected", { detail: { entityId: entityId } }));
      const link = document.querySelector('[data-entity-id="' + CSS.escape(entityId) + '"] a');
      if (link) { link.click(); }
      return;
    }
    const download = event.target.closest("a[data-download]");
    if (download) {
      const base = download.getAttribute("href").split("?")[0];
      download.setAttribute("href", base + "?" + controlsQuery());
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      const cancel = document.querySelector("[data-cancel]");
      if (cancel) { cancel.click(); }
    }
  });
})();
