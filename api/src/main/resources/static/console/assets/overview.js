// The overview page: asks /console/overview/stats every few seconds while the tab is visible (none while it
// is hidden) and redraws the figures, a uPlot chart per channel with its table, and the tables by channel and
// priority. Without scripts the page shows the figures it was loaded with.
"use strict";
(function () {
  const EVERY_MS = 5000;
  // hues readable on white (3:1 or more), each with its own line pattern: told apart without colour too
  const OUTCOMES = [
    { key: "SENT", label: "Sent", stroke: "#0072b2", width: 2 },
    { key: "DELIVERED", label: "Delivered", stroke: "#007a5a", width: 2, dash: [10, 4] },
    { key: "FAILED", label: "Failed", stroke: "#c4401a", width: 3 },
    { key: "SKIPPED", label: "Skipped", stroke: "#8c6d00", width: 2, dash: [2, 3] },
    { key: "CANCELLED", label: "Cancelled", stroke: "#a0468c", width: 2, dash: [8, 3, 2, 3] },
    { key: "DEAD_LETTERED", label: "Dead-lettered", stroke: "#111827", width: 2, dash: [3, 3] },
  ];
  const byId = (id) => document.getElementById(id);
  const plots = new Map(); // channel -> { plot, outcomes }

  function el(tag, props = {}, children = []) {
    const node = Object.assign(document.createElement(tag), props);
    children.forEach((child) => node.append(child));
    return node;
  }

  function time(iso) {
    return el("time", { dateTime: iso, title: iso, textContent: Herald.localTime(iso) });
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return "—";
    if (ms < 1000) return `${ms} ms`;
    return ms < 60000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60000).toFixed(1)} min`;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`;
  }

  function figures(stats) {
    const rows = stats.byChannelAndPriority;
    const sum = (field) => rows.reduce((total, r) => total + r[field], 0);
    const tried = sum("tried");
    byId("fig-sent").textContent = sum("sent");
    byId("fig-delivered").textContent = sum("delivered");
    byId("fig-failed").textContent = sum("failed");
    byId("fig-failure-rate").textContent = percent(tried === 0 ? null : sum("failed") / tried);
    byId("fig-skipped").textContent = sum("skipped");
    byId("fig-dead-lettered").textContent = sum("deadLettered");
    const now = stats.now;
    byId("fig-backlog").textContent = now.backlog.reduce((total, b) => total + b.pending, 0);
    byId("fig-approvals").textContent = now.awaitingApproval;
    byId("fig-approvals-since").replaceChildren(...(now.oldestAwaitingSince
      ? ["oldest since ", time(now.oldestAwaitingSince)] : []));
    byId("fig-scheduled").textContent = now.scheduled;
    byId("fig-dead-letters-open").textContent = now.deadLettersOpen;
    const times = byId("window").querySelectorAll("time");
    times[0].replaceWith(time(stats.since));
    times[1].replaceWith(time(stats.until));
  }

  /** A row's cells, each labelled by its column for the narrow layout (table.cards). */
  function cells(values, labels) {
    return values.map((value, i) => {
      const td = el("td", { textContent: value });
      td.dataset.label = labels[i];
      return td;
    });
  }

  function tables(stats) {
    const backlog = byId("backlog").tBodies[0];
    backlog.replaceChildren(...(stats.now.backlog.length === 0
      ? [el("tr", {}, [el("td", { colSpan: 2, textContent: "Nothing waits." })])]
      : stats.now.backlog.map((b) => el("tr", {}, cells([b.channel, b.pending], ["Channel", "Pending"])))));
    const labels = [...byId("rates").tHead.rows[0].cells].map((th) => th.textContent);
    const rates = byId("rates").tBodies[0];
    rates.replaceChildren(...(stats.byChannelAndPriority.length === 0
      ? [el("tr", {}, [el("td", { colSpan: labels.length, textContent: "No deliveries in this window." })])]
      : stats.byChannelAndPriority.map((r) => el("tr", {}, cells([r.channel, r.priority, r.sent, r.delivered,
        r.failed, r.skipped, r.cancelled, r.deadLettered, percent(r.failureRate), duration(r.toProvider.p50Ms),
        duration(r.toProvider.p99Ms), duration(r.toReceipt.p50Ms), duration(r.toReceipt.p99Ms)], labels)))));
  }

  /** Per channel: the window's minutes (seconds since the epoch) and a count per outcome and minute. */
  function series(stats) {
    const first = Math.floor(Date.parse(stats.since) / 60000) * 60;
    const last = Math.floor((Date.parse(stats.until) - 1) / 60000) * 60;
    const xs = [];
    for (let t = first; t <= last; t += 60) xs.push(t);
    const channels = new Map();
    stats.perMinute.forEach((m) => {
      if (!channels.has(m.channel)) channels.set(m.channel, new Map());
      const counts = channels.get(m.channel);
      if (!counts.has(m.outcome)) counts.set(m.outcome, new Map());
      counts.get(m.outcome).set(Date.parse(m.minute) / 1000, m.count);
    });
    return { xs, channels };
  }

  function figure(channel) {
    const table = el("table", { className: "minutes" });
    table.createTHead().append(el("tr", {}, [el("th", { scope: "col", textContent: "Minute" }),
      ...OUTCOMES.map((o) => el("th", { scope: "col", textContent: o.key }))]));
    table.createTBody();
    return el("figure", { className: "chart", id: `chart-${channel}` }, [
      el("figcaption", { textContent: channel }),
      el("details", {}, [el("summary", { textContent: `${channel} per minute, as a table` }),
        el("div", { className: "table-wrap" }, [table])]),
    ]);
  }

  function chart(node, channel, xs, counts) {
    const shown = OUTCOMES.filter((o) => counts.has(o.key));
    const data = [xs, ...shown.map((o) => xs.map((x) => counts.get(o.key).get(x) || 0))];
    const width = Math.max(node.clientWidth - 16, 200);
    let entry = plots.get(channel);
    if (entry && entry.outcomes === shown.map((o) => o.key).join()) {
      entry.plot.setData(data);
      return;
    }
    if (entry) entry.plot.destroy();
    let area = node.querySelector(".plot");
    if (!area) {
      area = el("div", { className: "plot", role: "img" });
      node.querySelector("figcaption").after(area, el("ul", { className: "legend" }));
    }
    area.setAttribute("aria-label", `${channel} deliveries per minute by outcome; the figures are in the table below`);
    node.querySelector("ul.legend").replaceChildren(...shown.map((o) => el("li", {}, [
      el("span", { className: `swatch outcome-${o.key.toLowerCase()}` }), o.label])));
    const plot = new uPlot({
      width, height: 200, legend: { show: false },
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max, 1)] } },
      axes: [{ space: 80 }, { label: "per minute", size: 50 }],
      series: [{}, ...shown.map((o) => ({ label: o.label, stroke: o.stroke, width: o.width, dash: o.dash,
        points: { show: false } }))],
    }, data, area);
    plots.set(channel, { plot, outcomes: shown.map((o) => o.key).join(), node });
  }

  function minuteRows(node, xs, counts) {
    const rows = xs.filter((x) => OUTCOMES.some((o) => counts.get(o.key)?.has(x))).map((x) => el("tr", {}, [
      el("th", { scope: "row" }, [time(new Date(x * 1000).toISOString())]),
      ...OUTCOMES.map((o) => el("td", { textContent: counts.get(o.key)?.get(x) || 0 }))]));
    node.querySelector("table.minutes").tBodies[0].replaceChildren(...rows);
  }

  function charts(stats) {
    const { xs, channels } = series(stats);
    const container = byId("charts");
    byId("no-minutes").hidden = channels.size > 0;
    [...container.querySelectorAll("figure.chart")].forEach((node) => {
      if (!channels.has(node.dataset.channel)) {
        plots.get(node.dataset.channel)?.plot.destroy();
        plots.delete(node.dataset.channel);
        node.remove();
      }
    });
    [...channels.keys()].sort().forEach((channel) => {
      let node = byId(`chart-${channel}`);
      if (!node) {
        node = figure(channel);
        node.dataset.channel = channel;
        container.append(node);
      }
      chart(node, channel, xs, channels.get(channel));
      minuteRows(node, xs, channels.get(channel));
    });
  }

  function start(section) {
    const url = section.dataset.statsUrl;
    let timer = null;
    let asking = false;
    async function refresh() {
      timer = null;
      if (asking || document.hidden) return;
      asking = true;
      try {
        const answer = await Herald.fetch(url, { headers: { Accept: "application/json" } });
        if (answer.ok) {
          const stats = await answer.json();
          figures(stats);
          tables(stats);
          charts(stats);
        }
      } catch (e) {
        // offline or signed out for a moment: the next round tries again
      } finally {
        asking = false;
        if (!document.hidden) timer = setTimeout(refresh, EVERY_MS);
      }
    }
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) {
        clearTimeout(timer);
        timer = null;
      } else if (!timer) {
        refresh();
      }
    });
    new ResizeObserver(() => plots.forEach(({ plot, node }) =>
      plot.setSize({ width: Math.max(node.clientWidth - 16, 200), height: 200 }))).observe(byId("charts"));
    document.querySelectorAll(".live").forEach((note) => { note.hidden = false; });
    refresh();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const section = byId("overview");
    if (section && window.uPlot) start(section);
  });
})();
