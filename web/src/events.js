// The events view: a timeline of the selected events (stacked by QuadClass, with a
// brush that sets the date filter) above a table of them, page by page, with downloads
// of the whole selection.
import { cameoName, filterParams, get } from "./api.js";
import { announce, clear, errorBox, fmtSigned, h } from "./dom.js";
import { quad } from "./quad.js";
import { renderTimeline } from "./timeline.js";

const PAGE_SIZES = [25, 50, 100, 250];

export async function renderEvents(main, ctx) {
  const { params, signal, navigate, urlFor } = ctx;
  const limit = PAGE_SIZES.includes(Number(params.get("limit"))) ? Number(params.get("limit")) : 50;
  const filters = filterParams(params);
  const query = new URLSearchParams(filters);
  query.set("limit", String(limit));
  if (params.get("cursor")) query.set("cursor", params.get("cursor"));

  // The table's data and the codebook are asked for at once; the timeline on its own,
  // so that it never holds the table up.
  const pending = Promise.all([get("/api/events", query, signal), ctx.codebook.catch(() => null)]);

  const timelineBox = h("div", { class: "timeline-body" });
  const tableBox = h("div", { class: "table-box" });
  const exportQS = (format) => {
    const q = new URLSearchParams(filters);
    q.set("format", format);
    return "/api/export?" + q.toString();
  };
  const sizeSelect = h(
    "select",
    { id: "page-size", onchange: (e) => {
      const p = new URLSearchParams(params);
      p.set("limit", e.target.value);
      p.delete("cursor");
      navigate(urlFor("/", p));
    } },
    PAGE_SIZES.map((n) => h("option", { value: n, selected: n === limit }, String(n))),
  );
  const intervalSelect = h(
    "select",
    { id: "interval", onchange: (e) => {
      const p = new URLSearchParams(params);
      if (e.target.value) p.set("interval", e.target.value);
      else p.delete("interval");
      navigate(urlFor("/", p), { replace: true });
    } },
    [["", "Auto"], ["day", "Day"], ["week", "Week"], ["month", "Month"]].map(([v, label]) =>
      h("option", { value: v, selected: (params.get("interval") || "") === v }, label)),
  );
  clear(main).append(
    h("h1", null, "Events"),
    h("section", { class: "panel timeline-panel", "aria-labelledby": "timeline-h" },
      h("div", { class: "panel-head" },
        h("h2", { id: "timeline-h" }, "Timeline"),
        h("div", { class: "inline-field" }, h("label", { for: "interval" }, "Per"), intervalSelect),
        params.get("from") || params.get("to")
          ? h("button", { type: "button", class: "small", onclick: () => {
            const p = new URLSearchParams(params);
            p.delete("from");
            p.delete("to");
            p.delete("cursor");
            navigate(urlFor("/", p));
          } }, "Clear dates")
          : null),
      timelineBox),
    h("section", { class: "panel", "aria-labelledby": "table-h" },
      h("div", { class: "panel-head" },
        h("h2", { id: "table-h" }, "Events table"),
        h("div", { class: "inline-field" }, h("label", { for: "page-size" }, "Rows"), sizeSelect),
        h("div", { class: "downloads", role: "group", "aria-label": "Download the selected events" },
          h("a", { class: "button small", href: exportQS("csv"), download: "herald-events.csv" }, "CSV"),
          h("a", { class: "button small", href: exportQS("jsonl"), download: "herald-events.jsonl" }, "JSONL"))),
      tableBox),
  );

  renderTimeline(timelineBox, { params, signal, onRange: (from, to) => {
    const p = new URLSearchParams(params);
    p.delete("cursor");
    if (from) p.set("from", from);
    else p.delete("from");
    if (to) p.set("to", to);
    else p.delete("to");
    navigate(urlFor("/", p));
  }, onSpan: (all) => {
    const p = new URLSearchParams(params);
    if (all) p.set("span", "all");
    else p.delete("span");
    navigate(urlFor("/", p), { replace: true });
  } }).catch((err) => {
    if (!signal.aborted) clear(timelineBox).append(errorBox(err));
  });

  const [page, cb] = await pending;
  if (signal.aborted) return;
  renderTable(tableBox, page, cb, ctx);
  performance.mark("herald:events-rendered");
  announce(`${page.events.length} events shown`);
}

function renderTable(box, page, cb, ctx) {
  const { params, navigate, urlFor } = ctx;
  const events = page.events;
  if (events.length === 0) {
    box.append(h("p", { class: "empty" }, "No event matches these filters."));
    return;
  }
  const open = (ev) => {
    const idx = ev.id.slice(ev.id.lastIndexOf(":") + 1);
    navigate(`/article/${encodeURIComponent(ev.doc)}?event=${idx}`);
  };
  const rows = events.map((ev, i) => {
    const q = quad(ev.quad);
    const name = cameoName(cb, ev.cameo);
    const loc = ev.location;
    const row = h("tr", {
      tabindex: i === 0 ? "0" : "-1",
      class: `q${ev.quad}`,
      "data-event-id": ev.id,
      "aria-label": `${ev.date || "undated"}: ${ev.source.code || ev.source.text} ${ev.evidence.verb} ${ev.target.code || ev.target.text}, ${ev.cameo} ${name}. Enter opens the article.`,
      onclick: () => open(ev),
      onkeydown: (e) => rowKey(e, row, () => open(ev)),
    },
    td({ "data-label": "Date" }, h("span", { class: "nowrap" }, ev.date || "—")),
    td({ "data-label": "Source" }, actorCell(ev.source)),
    td({ "data-label": "Verb" },
      h("strong", { class: "verb" }, ev.evidence.verb || "—"),
      ev.negated ? h("span", { class: "tag neg" }, "negated") : null,
      ev.sentence_text ? h("span", { class: "sentence", title: ev.sentence_text }, ev.sentence_text) : null),
    td({ "data-label": "Target" }, actorCell(ev.target)),
    td({ "data-label": "CAMEO" },
      h("code", { class: "code" }, ev.cameo), " ",
      h("span", { class: "cameo-name" }, name),
      h("span", { class: "quad-tag", title: q.name }, h("span", { class: "swatch", "aria-hidden": "true" }), q.short)),
    td({ "data-label": "PLOVER" }, ev.plover && ev.plover.event ? h("code", { class: "code" }, ev.plover.event) : "—",
      ev.plover && ev.plover.mode ? h("span", { class: "muted" }, " " + ev.plover.mode) : null),
    td({ "data-label": "Goldstein", class: "num" },
      h("span", { class: `gold ${ev.goldstein > 0 ? "pos" : ev.goldstein < 0 ? "neg" : ""}` }, fmtSigned(ev.goldstein))),
    td({ "data-label": "Location" }, loc ? h("span", { title: `${loc.lat}, ${loc.lon}` }, [loc.name, loc.country].filter(Boolean).join(", ")) : h("span", { class: "muted" }, "—")),
    );
    return row;
  });
  const table = h("table", { class: "events", "aria-describedby": "table-help" },
    h("caption", { class: "visually-hidden" }, "Events, one a row. Arrow keys move between rows; Enter opens the article."),
    h("thead", null, h("tr", null, ["Date", "Source", "Verb", "Target", "CAMEO", "PLOVER", "Goldstein", "Location"].map((c) =>
      h("th", { scope: "col", class: c === "Goldstein" ? "num" : null }, c)))),
    h("tbody", null, rows));
  const cursor = params.get("cursor");
  const pager = h("nav", { class: "pager", "aria-label": "Pages" },
    cursor ? h("button", { type: "button", onclick: () => history.back() }, "← Previous") : null,
    cursor ? h("a", { class: "button", href: urlFor("/", withoutCursor(params)), "data-nav": "" }, "First page") : null,
    h("span", { class: "muted" }, `${events.length} events on this page`),
    page.next ? h("a", { class: "button", href: urlFor("/", withCursor(params, page.next)), "data-nav": "", rel: "next" }, "Next →") : null);
  box.append(h("p", { id: "table-help", class: "hint" }, "Select a row (or press Enter on it) to read its article."), h("div", { class: "scroll" }, table), pager);
}

// td is a cell whose content sits in one box, so that a phone's card layout (label,
// content) keeps it together.
function td(attrs, ...children) {
  return h("td", attrs, h("div", { class: "cell" }, ...children));
}

function withCursor(params, cursor) {
  const p = new URLSearchParams(params);
  p.set("cursor", cursor);
  return p;
}

function withoutCursor(params) {
  const p = new URLSearchParams(params);
  p.delete("cursor");
  return p;
}

function actorCell(a) {
  if (!a || (!a.text && !a.code)) return h("span", { class: "muted" }, "—");
  return [h("span", { class: "actor-text" }, a.text), a.code ? h("code", { class: "code actor-code" }, a.code) : null];
}

// rowKey moves the focus between rows (a roving tabindex: one row is in the tab order).
function rowKey(e, row, open) {
  const rows = [...row.parentElement.children];
  const i = rows.indexOf(row);
  let next = null;
  switch (e.key) {
    case "ArrowDown": next = rows[i + 1]; break;
    case "ArrowUp": next = rows[i - 1]; break;
    case "Home": next = rows[0]; break;
    case "End": next = rows[rows.length - 1]; break;
    case "PageDown": next = rows[Math.min(rows.length - 1, i + 10)]; break;
    case "PageUp": next = rows[Math.max(0, i - 10)]; break;
    case "Enter":
    case " ":
      e.preventDefault();
      open();
      return;
    default:
      return;
  }
  e.preventDefault();
  if (next) {
    row.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }
}
