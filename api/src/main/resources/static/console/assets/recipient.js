// The Recipients page's import: the chosen file's bytes go as they are (no multipart) to the console's
// import with the CSRF header; the page shows the upload's progress, then what was imported and refused.
"use strict";
(function () {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

  const element = Herald.element;

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
  }

  /** The import's answer: the counts, and a table of the refused lines (the first 1000 when there are more). */
  function report(result) {
    const box = document.createDocumentFragment();
    const rejected = Number(result.rejected);
    box.append(element("p", `Imported ${plural(result.created + result.updated, "recipient")}: `
      + `${result.created} new, ${result.updated} replaced. ${plural(rejected, "line")} refused.`,
    { class: rejected > 0 ? "warning" : "notice" }));
    if (result.rejections.length > 0) {
      if (result.rejections.length < rejected) {
        box.append(element("p", `The first ${result.rejections.length} refused lines:`, { class: "hint" }));
      }
      const table = element("table", null, { class: "cards" });
      table.append(element("caption", "Refused lines"));
      const head = element("thead");
      const headRow = element("tr");
      headRow.append(element("th", "Line", { scope: "col" }), element("th", "Reason", { scope: "col" }));
      head.append(headRow);
      const body = element("tbody");
      result.rejections.forEach((r) => {
        const row = element("tr");
        row.append(element("td", String(r.line), { "data-label": "Line" }), element("td", r.reason, { "data-label": "Reason" }));
        body.append(row);
      });
      table.append(head, body);
      const wrap = element("div", null, { class: "table-wrap" });
      wrap.append(table);
      box.append(wrap);
    }
    return box;
  }

  function refusal(xhr) {
    const detail = xhr.response && xhr.response.detail;
    return element("p", detail ? `The import was refused: ${detail}`
      : `The import failed (HTTP ${xhr.status || "no answer"}). Reload the page and try again.`, { class: "alert" });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("import");
    if (!form) return;
    form.hidden = false;
    const file = document.getElementById("import-file");
    const progressBox = document.getElementById("import-progress");
    const progress = document.getElementById("import-upload");
    const result = document.getElementById("import-result");
    const button = form.querySelector("button[type=submit]");

    // the format follows the file's name (each choice lists its suffixes); the choice can say otherwise
    file.addEventListener("change", () => {
      const name = (file.files[0]?.name || "").toLowerCase();
      const radio = [...form.querySelectorAll("input[name=format]")]
        .find((r) => r.dataset.suffixes.split(" ").some((suffix) => name.endsWith(suffix)));
      if (radio) radio.checked = true;
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      result.replaceChildren();
      if (!chosen) {
        result.append(element("p", "Choose a file to import first.", { class: "alert" }));
        file.focus();
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.dataset.url);
      xhr.setRequestHeader("Content-Type", form.querySelector("input[name=format]:checked").value);
      const header = meta("csrf-header");
      if (header) xhr.setRequestHeader(header, meta("csrf-token"));
      xhr.responseType = "json";
      progress.value = 0;
      progress.textContent = "0%";
      progressBox.hidden = false;
      button.disabled = true;
      xhr.upload.addEventListener("progress", (e) => {
        if (!e.lengthComputable) return;
        progress.value = Math.round((e.loaded / e.total) * 100);
        progress.textContent = `${progress.value}%`;
      });
      xhr.upload.addEventListener("load", () => {
        progress.value = 100;
        result.replaceChildren(element("p", "Uploaded; importing…"));
      });
      xhr.addEventListener("load", () => {
        button.disabled = false;
        progress.value = 100;
        result.replaceChildren(xhr.status === 200 && xhr.response ? report(xhr.response) : refusal(xhr));
      });
      xhr.addEventListener("error", () => {
        button.disabled = false;
        result.replaceChildren(element("p", "The upload failed: the connection broke. Try again.", { class: "alert" }));
      });
      result.append(element("p", `Uploading ${chosen.name}…`));
      xhr.send(chosen);
    });
  });
})();
