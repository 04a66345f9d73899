// The network view: actors as nodes, dyads (source → target) as edges. An edge's width
// is its number of events, its colour their mean Goldstein score (conflict red,
// cooperation blue); a node's size is its number of events. Selecting a node shows its
// events in the table. The layout is a force simulation run to rest before drawing, so
// the same data give the same picture.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { actorName, filterParams, get } from "./api.js";
import { announce, clear, fmtNumber, fmtSigned, h } from "./dom.js";
import { goldsteinColor } from "./quad.js";

const LIMITS = [50, 100, 200, 400];

export async function renderNetwork(main, ctx) {
  const { params, signal, navigate, urlFor } = ctx;
  const byCountry = params.get("by") === "country";
  const limit = LIMITS.includes(Number(params.get("edges"))) ? Number(params.get("edges")) : 100;
  const q = filterParams(params);
  q.set("limit", String(byCountry ? 1000 : limit));
  const [{ dyads }, cb] = await Promise.all([get("/api/dyads", q, signal), ctx.codebook.catch(() => null)]);
  if (signal.aborted) return;

  const setParam = (k, v) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    navigate(urlFor("/network", p), { replace: true });
  };
  const graphBox = h("div", { class: "graph-box" });
  clear(main).append(
    h("h1", null, "Network"),
    h("section", { class: "panel", "aria-labelledby": "net-h" },
      h("div", { class: "panel-head" },
        h("h2", { id: "net-h" }, "Actors and dyads"),
        h("div", { class: "inline-field" },
          h("input", { type: "checkbox", id: "by-country", checked: byCountry, onchange: (e) => setParam("by", e.target.checked ? "country" : "") }),
          h("label", { for: "by-country" }, "Group by country")),
        h("div", { class: "inline-field" },
          h("label", { for: "edges" }, "Edges"),
          h("select", { id: "edges", onchange: (e) => setParam("edges", e.target.value === "100" ? "" : e.target.value) },
            LIMITS.map((n) => h("option", { value: n, selected: n === limit }, String(n)))))),
      graphBox,
      legend()),
  );

  const edges = aggregate(dyads, byCountry).slice(0, limit);
  if (edges.length === 0) {
    graphBox.append(h("p", { class: "empty" }, "No dyad (an event with both actors coded) matches these filters."));
    return;
  }
  const show = (code) => {
    const p = filterParams(params);
    p.set("actor", code);
    navigate(urlFor("/", p));
  };
  drawGraph(graphBox, edges, cb, show);
  main.append(dyadTable(edges, cb, show));
  announce(`${edges.length} dyads drawn`);
}

// aggregate merges dyads by the actors' countries (their first three letters) when
// asked, weighting the mean Goldstein by the events.
function aggregate(dyads, byCountry) {
  if (!byCountry) return dyads.map((d) => ({ ...d }));
  const m = new Map();
  for (const d of dyads) {
    const s = d.source.slice(0, 3);
    const t = d.target.slice(0, 3);
    if (s === t) continue;
    const k = s + "\u0000" + t;
    const e = m.get(k) || { source: s, target: t, events: 0, sum: 0 };
    e.events += d.events;
    e.sum += d.goldstein * d.events;
    m.set(k, e);
  }
  return [...m.values()]
    .map((e) => ({ source: e.source, target: e.target, events: e.events, goldstein: e.sum / e.events }))
    .sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}

function drawGraph(box, edges, cb, show) {
  const nodesByCode = new Map();
  for (const e of edges) {
    for (const [code, out] of [[e.source, true], [e.target, false]]) {
      const n = nodesByCode.get(code) || { id: code, events: 0, out: 0, in: 0 };
      n.events += e.events;
      if (out) n.out += e.events;
      else n.in += e.events;
      nodesByCode.set(code, n);
    }
  }
  const nodes = [...nodesByCode.values()];
  // Start on a circle, in a fixed order, so the layout does not depend on chance.
  nodes.sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  nodes.forEach((n, i) => {
    const a = (i / nodes.length) * 2 * Math.PI;
    const r = 40 + 8 * Math.sqrt(i);
    n.x = r * Math.cos(a);
    n.y = r * Math.sin(a);
  });
  const links = edges.map((e) => ({ ...e }));
  const maxNode = Math.max(...nodes.map((n) => n.events));
  const maxEdge = Math.max(...links.map((l) => l.events));
  const radius = scaleSqrt().domain([0, maxNode]).range([4, 26]);
  const width = scaleSqrt().domain([0, maxEdge]).range([1, 12]);

  forceSimulation(nodes)
    .force("link", forceLink(links).id((n) => n.id).distance((l) => 40 + radius(l.source.events || 0) + radius(l.target.events || 0)).strength(0.3))
    .force("charge", forceManyBody().strength(-160))
    .force("collide", forceCollide((n) => radius(n.events) + 10))
    .force("x", forceX(0).strength(0.09))
    .force("y", forceY(0).strength(0.09))
    .force("center", forceCenter(0, 0))
    .stop()
    .tick(300);

  // Stretch the layout towards the box's shape, so that it fills a wide screen or a tall
  // phone rather than sitting in its middle.
  const boxAspect = (box.clientWidth || 900) / Math.max(300, Math.min(620, window.innerHeight * 0.68));
  const spanX = Math.max(1, Math.max(...nodes.map((n) => n.x)) - Math.min(...nodes.map((n) => n.x)));
  const spanY = Math.max(1, Math.max(...nodes.map((n) => n.y)) - Math.min(...nodes.map((n) => n.y)));
  const stretch = Math.max(1 / 1.8, Math.min(1.8, boxAspect / (spanX / spanY)));
  for (const n of nodes) {
    if (stretch > 1) n.x *= stretch;
    else n.y /= stretch;
  }
  const pad = 40;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const x0 = Math.min(...xs) - pad, x1 = Math.max(...xs) + pad;
  const y0 = Math.min(...ys) - pad, y1 = Math.max(...ys) + pad;

  const svg = select(box).append("svg")
    .attr("class", "network")
    .attr("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`)
    .attr("role", "group")
    .attr("aria-label", `Network of ${nodes.length} actors and ${links.length} dyads. Each actor is a button that shows its events.`);
  const defs = svg.append("defs");
  defs.append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("refY", 0)
    .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#555");
  const world = svg.append("g");
  const zoomer = zoom().scaleExtent([0.3, 8]).on("zoom", (e) => world.attr("transform", e.transform));
  svg.call(zoomer).on("dblclick.zoom", null);

  // Edges: a slight arc, so that A → B and B → A stay apart; they end at the target's rim.
  const gEdges = world.append("g").attr("class", "edges");
  for (const l of links) {
    const s = l.source, t = l.target;
    const dx = t.x - s.x, dy = t.y - s.y;
    const dist = Math.hypot(dx, dy) || 1;
    const rt = radius(t.events) + 2;
    const ex = t.x - (dx / dist) * rt, ey = t.y - (dy / dist) * rt;
    const bend = dist * 0.15;
    const cx = (s.x + ex) / 2 - (dy / dist) * bend, cy = (s.y + ey) / 2 + (dx / dist) * bend;
    gEdges.append("path")
      .attr("class", "edge")
      .attr("data-source", s.id)
      .attr("data-target", t.id)
      .attr("data-events", l.events)
      .attr("d", `M${s.x},${s.y}Q${cx},${cy} ${ex},${ey}`)
      .attr("stroke", goldsteinColor(l.goldstein))
      .attr("stroke-width", width(l.events))
      .attr("marker-end", "url(#arrow)")
      .append("title").text(`${s.id} → ${t.id}: ${l.events} events, mean Goldstein ${fmtSigned(l.goldstein)}`);
  }

  const gNodes = world.append("g").attr("class", "nodes");
  for (const n of nodes) {
    const name = actorName(cb, n.id);
    const g = gNodes.append("g")
      .attr("class", "node")
      .attr("data-code", n.id)
      .attr("transform", `translate(${n.x},${n.y})`)
      .attr("tabindex", 0)
      .attr("role", "button")
      .attr("aria-label", `${n.id}${name ? " (" + name + ")" : ""}: ${n.events} events. Show its events.`)
      .on("click", () => show(n.id))
      .on("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          show(n.id);
        }
      });
    g.append("title").text(`${n.id}${name ? " · " + name : ""}\n${n.events} events (${n.out} as source, ${n.in} as target)`);
    g.append("circle").attr("r", radius(n.events));
    g.append("text").attr("class", "halo").attr("y", radius(n.events) + 12).text(n.id);
    g.append("text").attr("y", radius(n.events) + 12).text(n.id);
  }

  box.append(h("div", { class: "graph-tools" },
    h("button", { type: "button", class: "small", onclick: () => svg.call(zoomer.transform, zoomIdentity) }, "Reset zoom"),
    h("span", { class: "hint" }, "Scroll or pinch to zoom, drag to pan. Select an actor to see its events.")));
}

function legend() {
  const stops = [-5, -2.5, 0, 2.5, 5];
  return h("div", { class: "net-legend" },
    h("span", null, "Mean Goldstein:"),
    h("ul", { class: "gradient", "aria-label": "Edge colour: mean Goldstein score" },
      stops.map((g) => colored(h("li", null, g === -5 ? "≤ −5 conflict" : g === 5 ? "≥ +5 cooperation" : fmtSigned(g)), "background", g))),
    h("span", null, "Edge width: events. Node size: events."));
}

function dyadTable(edges, cb, show) {
  return h("section", { class: "panel", "aria-labelledby": "dyads-h" },
    h("h2", { id: "dyads-h" }, "Dyads"),
    h("div", { class: "scroll" },
      h("table", { class: "dyads" },
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "Source"), h("th", { scope: "col" }, "Target"),
          h("th", { scope: "col", class: "num" }, "Events"), h("th", { scope: "col", class: "num" }, "Mean Goldstein"))),
        h("tbody", null, edges.slice(0, 50).map((e) => h("tr", null,
          h("td", null, h("button", { type: "button", class: "link", title: actorName(cb, e.source), onclick: () => show(e.source) }, e.source)),
          h("td", null, h("button", { type: "button", class: "link", title: actorName(cb, e.target), onclick: () => show(e.target) }, e.target)),
          h("td", { class: "num" }, fmtNumber(e.events)),
          h("td", { class: "num" }, colored(h("span", { class: "gold-chip" }, fmtSigned(e.goldstein)), "borderColor", e.goldstein))))))),
    edges.length > 50 ? h("p", { class: "hint" }, `The 50 largest of ${edges.length} dyads.`) : null);
}

// colored sets a colour through the CSSOM (the page's CSP allows no style attributes).
function colored(el, prop, goldstein) {
  el.style[prop] = goldsteinColor(goldstein);
  return el;
}
