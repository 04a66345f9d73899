// The article view: a document's text with its entities, the actors of its events and
// the evidence of each event highlighted; hovering (or focusing) an event's evidence
// shows its code, name, rule, Goldstein score and confidence. It shows the dateline,
// the repairs clean made to the text and the regions that are not prose. The analyze
// view runs a pasted article through POST /api/analyze and shows the same, storing
// nothing.
import { actorName, cameoName, docPath, get, post } from "./api.js";
import { announce, clear, errorBox, fmtSigned, h } from "./dom.js";
import { quad } from "./quad.js";

export async function renderArticleView(main, id, ctx) {
  const [doc, cb] = await Promise.all([get(docPath(id), null, ctx.signal), ctx.codebook.catch(() => null)]);
  if (ctx.signal.aborted) return;
  clear(main);
  const focus = ctx.params.get("event");
  renderDocument(main, doc, cb, { focusEvent: focus === null ? null : Number(focus), stored: true });
  announce(`Article ${doc.title || doc.id}: ${doc.events.length} events`);
}

export async function renderAnalyzeView(main, ctx) {
  const result = h("div", { class: "analysis", "aria-live": "polite" });
  const text = h("textarea", { id: "analyze-text", name: "text", rows: 10, required: true, spellcheck: "false",
    placeholder: "ASTANA, May 20 (Xinhua) -- Kazakh President Kassym-Jomart Tokayev met …" });
  const published = h("input", { id: "analyze-date", name: "published", type: "date", "aria-describedby": "analyze-date-hint" });
  const title = h("input", { id: "analyze-title", name: "title", type: "text" });
  const button = h("button", { type: "submit", class: "primary" }, "Analyze");
  const form = h("form", { class: "panel analyze-form", "aria-labelledby": "analyze-h" },
    h("h2", { id: "analyze-h" }, "Paste an article"),
    h("div", { class: "field" }, h("label", { for: "analyze-text" }, "Article text"), text),
    h("div", { class: "field-row" },
      h("div", { class: "field" }, h("label", { for: "analyze-title" }, "Title (optional)"), title),
      h("div", { class: "field" }, h("label", { for: "analyze-date" }, "Published (optional)"), published,
        h("small", { id: "analyze-date-hint" }, "Else the dateline's date"))),
    h("div", { class: "buttons" }, button, h("span", { class: "hint" }, "The article is analyzed by the server and not stored.")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      text.focus();
      clear(result).append(errorBox(new Error("paste the text of an article first")));
      return;
    }
    button.disabled = true;
    button.textContent = "Analyzing…";
    result.setAttribute("aria-busy", "true");
    try {
      const body = { text: text.value };
      if (published.value) body.published = published.value;
      if (title.value.trim()) body.title = title.value.trim();
      const [doc, cb] = await Promise.all([post("/api/analyze", body, ctx.signal), ctx.codebook.catch(() => null)]);
      clear(result);
      renderDocument(result, doc, cb, { stored: false, level: 2 });
      announce(`Analyzed: ${doc.events.length} events`);
      result.querySelector("h2")?.focus();
    } catch (err) {
      if (!ctx.signal.aborted) clear(result).append(errorBox(err));
    } finally {
      button.disabled = false;
      button.textContent = "Analyze";
      result.removeAttribute("aria-busy");
    }
  });
  clear(main).append(h("h1", null, "Analyze an article"), form, result);
}

// utf16Index maps the byte offsets of the API (UTF-8) to indexes of the JavaScript
// string (UTF-16).
function utf16Index(text) {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes === text.length) return (b) => b; // ASCII
  const map = new Uint32Array(bytes + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    i += cp >= 0x10000 ? 2 : 1;
  }
  map[bytes] = text.length;
  return (off) => map[Math.max(0, Math.min(bytes, off))];
}

const MARK_NAMES = { "end-of-story": "end of story", credit: "credit line", byline: "byline", headline: "headline" };

function entityTitle(e) {
  return [
    `${e.type}${e.mention && e.mention !== "name" ? " (" + e.mention + ")" : ""}: ${e.name || e.text}`,
    e.role ? `role: ${e.role}` : "",
    e.nationality ? `nationality: ${e.nationality}` : "",
    e.actor ? `actor: ${e.actor}${e.actor_how ? " (" + e.actor_how + ")" : ""}` : "",
  ].filter(Boolean).join("\n");
}

// renderDocument draws a document's analysis into box.
export function renderDocument(box, doc, cb, { focusEvent = null, stored = true, level = 1 } = {}) {
  const idx = utf16Index(doc.text);
  const events = doc.events || [];
  const entities = doc.entities || [];
  const H = (n) => `h${Math.min(6, level + n)}`;

  // Every annotation as a span of the string.
  const spans = [];
  const add = (start, end, a) => {
    const s = idx(start), e = idx(end);
    if (e > s) spans.push({ s, e, ...a });
  };
  if (doc.dateline) add(doc.dateline.start, doc.dateline.end, { kind: "dateline" });
  (doc.marks || []).forEach((m) => add(m.start, m.end, { kind: "mark", sub: m.kind }));
  (doc.repairs || []).forEach((r, i) => add(r.start, r.end, { kind: "repair", i }));
  entities.forEach((e, i) => add(e.start, e.end, { kind: "entity", i }));
  events.forEach((ev, i) => {
    if (ev.source && ev.source.end > ev.source.start) add(ev.source.start, ev.source.end, { kind: "source", i });
    if (ev.target && ev.target.end > ev.target.start) add(ev.target.start, ev.target.end, { kind: "target", i });
    add(ev.evidence.start, ev.evidence.end, { kind: "evidence", i });
  });

  const text = h("div", { class: "doc-text", id: "doc-text" });
  const cuts = new Set([0, doc.text.length]);
  for (const sp of spans) {
    cuts.add(sp.s);
    cuts.add(sp.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const firstEvidence = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = doc.text.slice(a, b);
    const on = spans.filter((sp) => sp.s <= a && sp.e >= b);
    if (on.length === 0) {
      text.append(piece);
      continue;
    }
    const classes = new Set();
    const titles = [];
    const evIdx = [], actorIdx = [];
    for (const sp of on) {
      switch (sp.kind) {
        case "dateline": classes.add("dateline"); titles.push("dateline"); break;
        case "mark": classes.add("nonprose"); titles.push(MARK_NAMES[sp.sub] || sp.sub); break;
        case "repair": {
          const r = doc.repairs[sp.i];
          classes.add("repaired");
          titles.push(`repaired (${r.kind}): ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`);
          break;
        }
        case "entity": {
          const e = entities[sp.i];
          classes.add("ent");
          classes.add(`ent-${e.type}`);
          if (e.mention && e.mention !== "name") classes.add("ent-ref");
          titles.push(entityTitle(e));
          break;
        }
        case "source": classes.add("actor"); classes.add("src"); actorIdx.push(sp.i); break;
        case "target": classes.add("actor"); classes.add("tgt"); actorIdx.push(sp.i); break;
        case "evidence": classes.add("evidence"); evIdx.push(sp.i); break;
      }
    }
    let el;
    if (evIdx.length) {
      const key = evIdx.join(" ");
      el = h("mark", { class: [...classes].join(" "), "data-events": key });
      if (!firstEvidence.has(key)) {
        firstEvidence.add(key);
        el.tabIndex = 0;
        el.setAttribute("aria-describedby", "tooltip");
        el.setAttribute("aria-label", `${piece}: ` + evIdx.map((i) => eventSummary(events[i], cb)).join("; "));
      }
      el.addEventListener("mouseenter", () => showTip(el, evIdx, events, cb));
      el.addEventListener("mouseleave", hideTip);
      el.addEventListener("focus", () => showTip(el, evIdx, events, cb));
      el.addEventListener("blur", hideTip);
      el.addEventListener("keydown", (e) => e.key === "Escape" && hideTip());
    } else {
      el = h("span", { class: [...classes].join(" ") });
      if (titles.length) el.title = titles.join("\n");
    }
    if (actorIdx.length) el.dataset.actorOf = actorIdx.join(" ");
    el.append(piece);
    text.append(el);
  }

  const dl = doc.dateline;
  const title = doc.title || (dl && dl.place ? [dl.place, dl.date, dl.agency && `(${dl.agency})`].filter(Boolean).join(", ").replace(/, \(/, " (") : doc.id);
  const meta = h("dl", { class: "meta" },
    h("dt", null, "Document"), h("dd", null, h("code", null, doc.id), stored ? null : h("span", { class: "tag" }, "not stored")),
    h("dt", null, "Published"), h("dd", null, doc.published || "unknown"),
    doc.source && doc.source !== "api" ? [h("dt", null, "Source"), h("dd", null, doc.source)] : null,
    doc.url ? [h("dt", null, "URL"), h("dd", null, h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, doc.url))] : null,
    h("dt", null, "Dateline"), h("dd", { class: "dateline-info" }, dl
      ? [dl.place, dl.region, dl.date, dl.agency].filter(Boolean).join(" · ")
      : h("span", { class: "muted" }, "none found")),
    doc.charset ? [h("dt", null, "Charset"), h("dd", null, doc.charset)] : null,
    h("dt", null, "Found"), h("dd", null, [plural(events.length, "event"), plural(entities.length, "entity mention"), plural((doc.sentences || []).length, "sentence")].join(", ")));

  const repairs = doc.repairs || [];
  const repairBox = h("section", { class: "repairs", "aria-labelledby": "repairs-h" },
    h(H(1), { id: "repairs-h" }, "Repairs"),
    repairs.length
      ? h("ul", null, repairs.map((r) => h("li", null, h("span", { class: "tag" }, r.kind), " ",
        h("code", { class: "before" }, JSON.stringify(r.before)), " → ", h("code", null, JSON.stringify(r.after)),
        h("span", { class: "muted" }, ` at byte ${r.start}`))))
      : h("p", { class: "muted" }, "Clean changed nothing in this text."),
    (doc.warnings || []).length ? h("ul", { class: "warnings" }, doc.warnings.map((w) => h("li", null, w))) : null);

  const list = eventList(events, cb, text, H(1));
  const heading = h(H(0), { class: "doc-title" }, title);
  if (level > 1) heading.tabIndex = -1;
  box.append(
    heading,
    meta,
    legend(),
    h("div", { class: "article-grid" },
      h("article", { class: "panel doc", "aria-labelledby": "text-h" }, h(H(1), { id: "text-h" }, "Text"), text),
      h("aside", { class: "side" }, list, repairBox)),
  );
  if (focusEvent !== null && events[focusEvent]) {
    activate(text, focusEvent, true);
    const mark = text.querySelector(`mark[data-events~="${focusEvent}"]`);
    if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: "center" }));
  }
}

function eventSummary(ev, cb) {
  return `${ev.cameo} ${cameoName(cb, ev.cameo)}, ${ev.source.code || ev.source.text || "?"} → ${ev.target.code || ev.target.text || "?"}`;
}

function legend() {
  return h("ul", { class: "legend doc-legend", "aria-label": "Highlights" },
    h("li", null, h("mark", { class: "evidence" }, "met"), " event evidence"),
    h("li", null, h("span", { class: "actor src" }, "source"), " and ", h("span", { class: "actor tgt" }, "target"), " actors"),
    h("li", null, h("span", { class: "ent ent-PERSON" }, "person"), " ", h("span", { class: "ent ent-ORG" }, "organization"), " ",
      h("span", { class: "ent ent-GPE" }, "place"), " entities"),
    h("li", null, h("span", { class: "dateline" }, "dateline")),
    h("li", null, h("span", { class: "repaired" }, "repaired"), " text"),
    h("li", null, h("span", { class: "nonprose" }, "not prose")));
}

// activate highlights an event's evidence and actors in the text.
function activate(text, i, on) {
  for (const el of text.querySelectorAll(`[data-events~="${i}"], [data-actor-of~="${i}"]`)) el.classList.toggle("active", on);
}

function eventList(events, cb, text, heading) {
  const section = h("section", { class: "panel events-side", "aria-labelledby": "doc-events-h" }, h(heading, { id: "doc-events-h" }, `Events (${events.length})`));
  if (!events.length) {
    section.append(h("p", { class: "muted" }, "No event was coded in this text."));
    return section;
  }
  section.append(h("ol", { class: "doc-events" }, events.map((ev, i) => {
    const q = quad(ev.quad);
    const li = h("li", { class: `q${ev.quad}`, tabindex: 0, "data-event": i,
      "aria-label": `Event ${i + 1}: ${eventSummary(ev, cb)}. Enter shows it in the text.` },
    h("div", { class: "ev-line" },
      h("code", { class: "code" }, ev.source.code || "—"), " ", h("strong", { class: "verb" }, ev.evidence.verb), " ",
      h("code", { class: "code" }, ev.target.code || "—")),
    h("div", { class: "ev-line small" },
      h("code", null, ev.cameo), " ", cameoName(cb, ev.cameo), " · ",
      h("span", { class: "quad-tag" }, h("span", { class: "swatch", "aria-hidden": "true" }), q.short), " · ",
      `Goldstein ${fmtSigned(ev.goldstein)} · conf. ${ev.confidence.toFixed(2)}`,
      ev.negated ? h("span", { class: "tag neg" }, "negated") : null));
    const go = () => {
      const mark = text.querySelector(`mark[data-events~="${i}"]`);
      if (mark) {
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
        mark.focus({ preventScroll: true });
      }
    };
    li.addEventListener("mouseenter", () => activate(text, i, true));
    li.addEventListener("mouseleave", () => activate(text, i, false));
    li.addEventListener("focus", () => activate(text, i, true));
    li.addEventListener("blur", () => activate(text, i, false));
    li.addEventListener("click", go);
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        go();
      }
    });
    return li;
  })));
  return section;
}

// The tooltip of an event's evidence.
function showTip(el, evIdx, events, cb) {
  const tip = document.getElementById("tooltip");
  clear(tip);
  for (const i of evIdx) {
    const ev = events[i];
    const q = quad(ev.quad);
    tip.append(h("div", { class: "tip-event" },
      h("div", { class: "tip-head" }, h("code", null, ev.cameo), " ", cameoName(cb, ev.cameo)),
      h("div", null, h("span", { title: actorName(cb, ev.source.code) }, ev.source.code || ev.source.text || "?"), " → ",
        h("span", { title: actorName(cb, ev.target.code) }, ev.target.code || ev.target.text || "?"), ev.negated ? " (negated)" : ""),
      h("dl", null,
        h("dt", null, "Rule"), h("dd", null, ev.evidence.rule || "—"),
        h("dt", null, "Goldstein"), h("dd", null, fmtSigned(ev.goldstein)),
        h("dt", null, "Confidence"), h("dd", null, ev.confidence.toFixed(2)),
        h("dt", null, "QuadClass"), h("dd", null, `${ev.quad} · ${q.name}`),
        ev.plover && ev.plover.event ? [h("dt", null, "PLOVER"), h("dd", null, [ev.plover.event, ev.plover.mode, ev.plover.context].filter(Boolean).join(" · "))] : null)));
  }
  tip.hidden = false;
  const r = el.getBoundingClientRect();
  const w = tip.offsetWidth, ht = tip.offsetHeight;
  let x = Math.min(window.innerWidth - w - 8, Math.max(8, r.left + r.width / 2 - w / 2));
  let y = r.bottom + 8;
  if (y + ht > window.innerHeight - 8) y = Math.max(8, r.top - ht - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

function hideTip() {
  document.getElementById("tooltip").hidden = true;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
