// The field grid (templates/projects/detail.html, "Fields"): Enter in a field's row moves
// to the same column of the next row (the row saves as it is left, like a spreadsheet) and
// from the last row into the new row; Enter in the new row adds the field. Pasting several
// lines (or a CREATE TABLE) into the new row's name adds them all in one edit.
(function () {
  "use strict";

  function cellIndex(row, input) {
    return Array.from(row.querySelectorAll(".grid-cell")).indexOf(input.closest(".grid-cell"));
  }

  function cellInput(row, index) {
    const cell = row && row.querySelectorAll(".grid-cell")[index];
    return cell && cell.querySelector("input, select");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const input = event.target;
    const row = input.closest && input.closest("form[data-grid-row]");
    if (!row || input.tagName === "BUTTON") { return; }
    event.preventDefault();
    if (row.classList.contains("new-row")) {
      row.requestSubmit();
      return;
    }
    const rows = Array.from(document.querySelectorAll("#editor-panel form[data-grid-row]"));
    const next = rows[rows.indexOf(row) + 1];
    const target = next && (next.classList.contains("new-row") ? cellInput(next, 0) : cellInput(next, cellIndex(row, input)));
    if (target) { target.focus(); }
  });

  document.addEventListener("paste", function (event) {
    const input = event.target;
    const row = input.closest && input.closest("form.new-row[data-paste-url]");
    if (!row || input.name !== "name") { return; }
    const text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/\n/.test(text.trim()) && !/^\s*(create\s+table|table\s)/i.test(text)) { return; }  // one name: an ordinary paste
    event.preventDefault();
    // From the grid, not the row's form: the form would be validated first (its name is required, and empty).
    const selected = row.querySelector("input[name=selected]");
    htmx.ajax("POST", row.dataset.pasteUrl, {
      source: row.closest(".field-grid"), target: "#editor-panel", swap: "outerHTML",
      values: {text: text, selected: selected ? selected.value : ""},
    });
  });
})();
