// Herald's console: progressive enhancement only; every page works without it.
"use strict";
(function () {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

  /** fetch with the CSRF token, for a page's own scripts: Herald.post(url, body) / Herald.fetch(url, init). */
  function csrfFetch(url, init = {}) {
    const headers = new Headers(init.headers || {});
    const header = meta("csrf-header");
    if (header) headers.set(header, meta("csrf-token"));
    return fetch(url, { credentials: "same-origin", ...init, headers });
  }
  window.Herald = {
    fetch: csrfFetch,
    post: (url, body) => csrfFetch(url, {
      method: "POST",
      headers: { "Content-Type": body instanceof URLSearchParams ? "application/x-www-form-urlencoded" : "application/json" },
      body: body instanceof URLSearchParams ? body : JSON.stringify(body),
    }),
    /** The CSRF header's name and token, for a script's own XMLHttpRequest (an upload's progress needs one). */
    csrf: () => ({ header: meta("csrf-header"), token: meta("csrf-token") }),
    element,
    zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    localTime,
  };

  /** A new element with its text (textContent, never markup) and attributes. */
  function element(tag, text, attributes = {}) {
    const el = document.createElement(tag);
    if (text != null) el.textContent = text;
    Object.entries(attributes).forEach(([name, value]) => el.setAttribute(name, value));
    return el;
  }

  /** An ISO instant in the viewer's zone and language. */
  function localTime(iso) {
    const date = new Date(iso);
    return isNaN(date) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }).format(date);
  }

  function enhance(root) {
    root.querySelectorAll("time[data-local]").forEach((el) => {
      el.title = el.getAttribute("datetime");
      el.textContent = localTime(el.getAttribute("datetime"));
    });
    // fields that carry the viewer's time zone, for a send time typed in it
    root.querySelectorAll("input[data-time-zone]").forEach((el) => { if (!el.value) el.value = Herald.zone(); });
    // a form sends once: its buttons are disabled while the page leaves (the idempotency key is the real guard)
    root.querySelectorAll("form[data-once]").forEach((form) => form.addEventListener("submit", () => {
      setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; }), 0);
    }));
  }

  document.addEventListener("DOMContentLoaded", () => enhance(document));
})();
