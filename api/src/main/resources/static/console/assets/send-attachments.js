// The Send page's attachments: each file chosen uploads at once (its bytes as the body, with the CSRF header)
// to the console's upload, with a progress bar; then its row shows the name, size and checked type, and a
// hidden field carries its id with the form. A refusal shows the API's problem detail. Remove deletes an
// upload not sent yet. Without this script the page says that attaching files needs it.
"use strict";
(function () {
  const box = document.getElementById("attachments");
  if (!box) return;
  const form = box.closest("form");
  const list = document.getElementById("attachment-list");
  const picker = document.getElementById("attachment-files");
  const status = document.getElementById("attachment-status");
  const url = box.dataset.uploadUrl;
  const maxBytes = Number(box.dataset.maxBytes);
  const element = Herald.element;
  let uploading = 0;

  /** A size as the server words it: bytes, KB or MB (of 1024). */
  function size(bytes) {
    if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
    const kb = bytes / 1024;
    return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
  }

  function say(text) {
    status.textContent = text;
  }

  /** The form is not sent while a file uploads: its id would be missing. */
  function busy(delta) {
    uploading += delta;
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = uploading > 0; });
  }

  function problemText(status, problem) {
    return problem && problem.detail ? `${problem.title || "Refused"}: ${problem.detail}`
      : `the server answered HTTP ${status || "nothing"}; reload the page and try again`;
  }

  /** Deletes an upload (the form has not sent it, so nothing uses it) and drops its row. */
  async function discard(row, name) {
    const button = row.querySelector("[data-remove]");
    button.disabled = true;
    try {
      const response = await Herald.fetch(`${url}/${encodeURIComponent(row.dataset.id)}`, { method: "DELETE" });
      if (response.ok || response.status === 404) {
        row.remove();
        say(`Removed ${name}.`);
        picker.focus();
        return;
      }
      const problem = await response.json().catch(() => null);
      say(`${name} was not removed: ${problemText(response.status, problem)}`);
    } catch (e) {
      say(`${name} was not removed: the connection broke. Try again.`);
    }
    button.disabled = false;
  }

  function refused(row, facts, text) {
    row.dataset.state = "refused";
    row.querySelector("progress")?.remove();
    facts.className = "attachment-facts field-error";
    facts.textContent = text;
    const button = row.querySelector("[data-remove]");
    button.textContent = "Dismiss";
    say(text);
  }

  function upload(file) {
    const row = element("li", null, { "data-attachment": "", "data-state": "uploading" });
    const facts = element("span", `${size(file.size)}, uploading…`, { class: "attachment-facts" });
    const bar = element("progress", "0%", { max: "100", value: "0", "aria-label": `Upload of ${file.name}` });
    const remove = element("button", "Remove", { type: "button", "data-remove": "", "aria-label": `Remove ${file.name}` });
    row.append(element("span", file.name, { class: "attachment-name" }), facts, bar, remove);
    list.append(row);
    if (file.size > maxBytes) {
      remove.addEventListener("click", () => row.remove());
      refused(row, facts, `${file.name} is ${size(file.size)}: over the ${box.dataset.maxSize} an attachment may have.`);
      return;
    }
    const xhr = new XMLHttpRequest();
    const sender = form.querySelector("#sender")?.value.trim();
    xhr.open("POST", `${url}?filename=${encodeURIComponent(file.name)}${sender ? `&sender=${encodeURIComponent(sender)}` : ""}`);
    // no type of the browser's guess: Herald checks the bytes (and a CSV's name), a guess would only contradict them
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    const csrf = Herald.csrf();
    if (csrf.header) xhr.setRequestHeader(csrf.header, csrf.token);
    xhr.responseType = "json";
    let finished = false;
    const finish = () => { if (!finished) { finished = true; busy(-1); } };
    busy(1);
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      bar.value = Math.round((e.loaded / e.total) * 100);
      bar.textContent = `${bar.value}%`;
    });
    xhr.addEventListener("load", () => {
      finish();
      if (xhr.status !== 201 || !xhr.response) {
        refused(row, facts, `${file.name} was refused: ${problemText(xhr.status, xhr.response)}`);
        return;
      }
      const view = xhr.response;
      bar.value = 100;
      bar.textContent = "100%";
      row.dataset.id = view.id;
      row.dataset.state = "done";
      row.append(element("input", null, { type: "hidden", name: "attachments", value: view.id }));
      facts.textContent = `${size(view.size)}, ${view.contentType}`;
      say(`${file.name} uploaded: ${facts.textContent}.`);
    });
    xhr.addEventListener("error", () => {
      finish();
      refused(row, facts, `${file.name} did not upload: the connection broke. Try again.`);
    });
    remove.addEventListener("click", () => {
      if (row.dataset.id) {
        discard(row, file.name);
      } else {
        xhr.abort();
        finish();
        row.remove();
        picker.focus();
      }
    });
    xhr.send(file);
  }

  document.getElementById("attachment-picker").hidden = false;
  // the rows of a form shown again (after a refused send): their uploads can be removed too
  list.querySelectorAll("[data-attachment]").forEach((row) => {
    const button = row.querySelector("[data-remove]");
    button.hidden = false;
    button.addEventListener("click", () => discard(row, row.querySelector(".attachment-name").textContent));
  });
  picker.addEventListener("change", (event) => {
    event.stopPropagation(); // a file is no reason to refresh the preview
    Array.from(picker.files).forEach(upload);
    picker.value = "";
  });
})();
