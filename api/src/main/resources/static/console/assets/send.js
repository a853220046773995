// The Send page: shows the fields of the content chosen (a template's variables, or a subject and body),
// adds variable rows, and refreshes the preview and the approval warning as the form changes. Without
// it the page works the same through its Preview and "Add a variable" buttons.
"use strict";
(function () {
  const form = document.getElementById("send-form");
  if (!form) return;
  const template = form.querySelector("#template");
  const group = form.querySelector("#group");
  const zoneInput = form.querySelector("input[data-time-zone]");
  const DEBOUNCE_MS = 350;
  let timer = null;
  let inFlight = false;
  let again = false;
  let rowsAfter = false;

  /** Only the chosen content's fields are shown and sent: a disabled fieldset sends nothing. */
  function showContent() {
    const withTemplate = template.value !== "";
    form.querySelectorAll("fieldset[data-content]").forEach((set) => {
      const active = (set.dataset.content === "template") === withTemplate;
      set.hidden = !active;
      set.disabled = !active;
    });
  }

  function rows() {
    return Array.from(form.querySelectorAll("[data-variable-row]"));
  }

  /** A new blank row after the last, its names and labels numbered on. */
  function addRow(name) {
    const all = rows();
    const last = all[all.length - 1];
    const row = last.cloneNode(true);
    const index = all.length;
    row.querySelectorAll("input").forEach((input) => {
      const part = input.name.endsWith(".name") ? "name" : "value";
      input.name = `variables[${index}].${part}`;
      input.id = `var-${part}-${index}`;
      input.value = part === "name" && name ? name : "";
    });
    row.querySelectorAll("label").forEach((label) => {
      const part = label.htmlFor.startsWith("var-name") ? "name" : "value";
      label.htmlFor = `var-${part}-${index}`;
      label.textContent = `${part === "name" ? "Name" : "Value"} of variable ${index + 1}`;
    });
    last.after(row);
    return row;
  }

  /** Rows for the variables the preview names as missing, in blank rows first. */
  function rowsForMissing() {
    const named = new Set(rows().map((row) => row.querySelector("input").value.trim()));
    document.querySelectorAll("#missing-variables [data-variable]").forEach((el) => {
      const name = el.dataset.variable;
      if (named.has(name)) return;
      const blank = rows().find((row) => Array.from(row.querySelectorAll("input")).every((i) => i.value === ""));
      if (blank) blank.querySelector("input").value = name;
      else addRow(name);
      named.add(name);
    });
  }

  /** The group's warning at once, from what the server said of each group; the refresh confirms it. */
  function showGroupWarning() {
    const option = group.selectedOptions[0];
    if (!option || option.value === "") return;
    const approval = document.getElementById("approval");
    approval.replaceChildren();
    if (option.dataset.approval) {
      const warning = document.createElement("p");
      warning.className = "warning";
      warning.id = "approval-warning";
      warning.textContent = option.dataset.approval;
      approval.append(warning);
    }
  }

  /**
   * Asks the server for the preview and the approval warning of the form as it is now: one request at a
   * time, and one more when the form changed meanwhile (answers never arrive out of order).
   */
  async function refresh(afterTemplateChange) {
    if (inFlight) {
      again = true;
      rowsAfter = rowsAfter || afterTemplateChange;
      return;
    }
    inFlight = true;
    try {
      const response = await Herald.post(form.dataset.previewUrl, new URLSearchParams(new FormData(form)));
      if (response.ok) {
        const live = new DOMParser().parseFromString(await response.text(), "text/html");
        ["preview", "approval"].forEach((id) => {
          const fresh = live.getElementById(id);
          const shown = document.getElementById(id);
          if (fresh && shown) shown.replaceWith(document.importNode(fresh, true));
        });
        if (afterTemplateChange && !again) rowsForMissing();
      }
    } catch (e) {
      // offline or the server away: the Preview button still works
    } finally {
      inFlight = false;
    }
    if (again) {
      const withRows = rowsAfter;
      again = false;
      rowsAfter = false;
      refresh(withRows);
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => refresh(false), DEBOUNCE_MS);
  }

  document.addEventListener("DOMContentLoaded", () => {
    // console.js has filled the zone field by now (its listener came first)
    if (zoneInput && zoneInput.value) document.getElementById("time-zone").textContent = zoneInput.value;
  });
  showContent();
  template.addEventListener("change", () => {
    showContent();
    clearTimeout(timer);
    refresh(true);
  });
  group.addEventListener("change", showGroupWarning);
  form.addEventListener("input", (event) => { if (event.target !== template) later(); });
  form.addEventListener("change", (event) => { if (event.target !== template) later(); });
  form.querySelector("#add-variable").addEventListener("click", (event) => {
    event.preventDefault();
    addRow().querySelector("input").focus();
  });
})();
