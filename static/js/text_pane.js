// The DBML text pane (View menu → "DBML text pane"): fetched when opened, remembered
// across visits, fetched again after each edit unless the person has typed in it;
// Ctrl+Enter saves; a problem's "line n" selects that line.
(function () {
  "use strict";
  const KEY = "text-pane";

  function toggle() { return document.querySelector("[data-text-pane]"); }
  function slot() { return document.getElementById("text-pane-slot"); }
  function isOpen() { return slot() && !slot().hidden; }

  function load() {
    htmx.ajax("GET", toggle().dataset.url, {target: "#text-pane-slot", swap: "innerHTML"});
  }

  function show(open) {
    if (!toggle() || !slot()) { return; }
    slot().hidden = !open;
    slot().closest(".diagram-pane").classList.toggle("with-text", open);
    toggle().setAttribute("aria-pressed", open ? "true" : "false");
    try { localStorage.setItem(KEY, open ? "1" : ""); } catch (error) { /* private mode: not remembered */ }
    if (open) { load(); } else { slot().replaceChildren(); }
    window.dispatchEvent(new Event("resize"));  // the diagram's view fits its new width
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-text-pane]")) {
      show(!isOpen());
      return;
    }
    const line = event.target.closest && event.target.closest("#text-pane [data-line]");
    if (line) {
      event.preventDefault();
      selectLine(parseInt(line.dataset.line, 10));
    }
  });

  function selectLine(number) {
    const area = document.getElementById("schema-text");
    if (!area) { return; }
    const lines = area.value.split("\n");
    const start = lines.slice(0, number - 1).reduce(function (sum, text) { return sum + text.length + 1; }, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[number - 1] || "").length);
    const height = area.scrollHeight / Math.max(lines.length, 1);
    area.scrollTop = Math.max(0, (number - 3) * height);
  }

  document.addEventListener("keydown", function (event) {
    if (event.target.id === "schema-text" && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  // Saving from the pane: the answer brings the pane back (fresh, or with the problems); keep typing there.
  let savingText = false;
  document.addEventListener("htmx:beforeRequest", function (event) {
    // Only the pane's own request sets it (the live poll's requests run meanwhile); its answer clears it.
    if (event.detail.elt && event.detail.elt.matches && event.detail.elt.matches("[data-text-form]")) { savingText = true; }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "editor-panel" || !isOpen()) { return; }
    const area = document.getElementById("schema-text");
    if (savingText) {
      savingText = false;
      if (area) { area.focus(); }
      const first = document.querySelector("#text-pane [data-line]");
      if (first) { selectLine(parseInt(first.dataset.line, 10)); }
      return;
    }
    if (!area || area.value === area.defaultValue) { load(); }  // another edit: show it, unless typing here
  });

  // A fresh copy arriving after the person started typing is dropped: what they type is never overwritten.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!event.detail.target || event.detail.target.id !== "text-pane-slot") { return; }
    const area = document.getElementById("schema-text");
    if (area && area.value !== area.defaultValue) { event.detail.shouldSwap = false; }
  });

  document.addEventListener("DOMContentLoaded", function () {
    let saved = "";
    try { saved = localStorage.getItem(KEY) || ""; } catch (error) { /* private mode */ }
    if (saved) { show(true); }
  });
})();
