// A notification's detail page: its progress, status and actions follow the server's event stream
// (/console/notifications/{id}/progress) until the notification is final. Without scripts the page shows
// the state it was loaded in.
"use strict";
(function () {
  function watch(section) {
    const url = section.dataset.progressStream;
    if (!url || !window.EventSource) return;
    const byId = (id) => document.getElementById(id);
    const source = new EventSource(url);
    source.addEventListener("progress", (message) => {
      const progress = JSON.parse(message.data);
      const status = byId("notification-status");
      status.textContent = progress.status;
      status.className = "badge status-" + progress.status.toLowerCase();
      byId("status-detail").textContent = progress.statusDetail || "";
      const bar = byId("delivery-progress");
      if (progress.total > 0) {
        bar.max = progress.total;
        bar.value = progress.done;
      }
      bar.textContent = progress.percent + "%";
      byId("progress-text").textContent = progress.text;
      const paused = progress.status === "PAUSED";
      if (byId("pause-form")) byId("pause-form").hidden = paused;
      if (byId("resume-form")) byId("resume-form").hidden = !paused;
      if (progress.finished) {
        // a completed stream would be reopened by EventSource: the notification is final, nothing more comes
        source.close();
        if (byId("actions")) byId("actions").hidden = true;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-progress-stream]").forEach(watch));
})();
