// The templates pages: a version's preview follows what is typed (the Preview button works without this).
"use strict";
(function () {
  const WAIT_MS = 400;

  /** Posts the preview form to its live address a moment after the last change and shows the answer. */
  function livePreview(form) {
    const region = document.getElementById(form.dataset.liveTarget);
    let timer = 0;
    let latest = 0;
    const render = () => {
      const asked = ++latest;
      Herald.post(form.dataset.liveUrl, new URLSearchParams(new FormData(form)))
        .then(async (response) => {
          if (asked !== latest) return; // a newer preview is on its way
          if (response.redirected || !response.ok) {
            region.textContent = "The live preview stopped (were you signed out?): press Preview, or reload the page.";
            return;
          }
          // the answer is the region itself: its content replaces the region's, so the live region stays
          const answer = document.createElement("template");
          answer.innerHTML = await response.text();
          const fresh = answer.content.getElementById(region.id);
          region.replaceChildren(...(fresh ? fresh.childNodes : answer.content.childNodes));
        })
        .catch(() => {
          if (asked === latest) region.textContent = "The live preview cannot reach Herald: press Preview to try again.";
        });
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(render, WAIT_MS);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-live-url]").forEach(livePreview);
  });
})();
