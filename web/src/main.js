// Herald's explorer: a single page over the JSON API of herald serve. The route and
// every filter live in the URL (/network?actor=KAZ&quad=1), so a view can be shared
// and the back button works. Views: events (timeline and table), network, map, article
// (a stored document) and analyze (a pasted article, not stored).
import "./style.css";
import { FILTERS, filterParams, loadCodebook } from "./api.js";
import { clear, errorBox, h } from "./dom.js";
import { renderEvents } from "./events.js";
import { renderArticleView, renderAnalyzeView } from "./article.js";

const main = document.getElementById("main");
const form = document.getElementById("filters");
const panel = document.getElementById("filters-panel");
const phone = window.matchMedia("(max-width: 760px)");

// route reads the location: the view, the document of an article, the parameters.
function route() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  if (path === "/" || path === "/events") return { view: "events", params };
  if (path === "/network") return { view: "network", params };
  if (path === "/map") return { view: "map", params };
  if (path === "/analyze") return { view: "analyze", params };
  if (path.startsWith("/article/")) {
    let id = path.slice("/article/".length);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep it as it is */
    }
    return { view: "article", id, params };
  }
  return { view: "notfound", params };
}

// navigate goes to url inside the page.
export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

// urlFor is path with the query params.
export function urlFor(path, params) {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

let controller;
let lastView;

async function render() {
  const r = route();
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;

  // The views that filter keep the filters from one to the other.
  const filters = r.view === "article" || r.view === "analyze" ? new URLSearchParams() : filterParams(r.params);
  for (const a of document.querySelectorAll("nav.views a")) {
    if (a.dataset.view === r.view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
    const path = { events: "/", network: "/network", map: "/map" }[a.dataset.view];
    if (path) a.setAttribute("href", urlFor(path, filters));
  }
  const filtered = r.view === "events" || r.view === "network" || r.view === "map";
  panel.hidden = !filtered;
  document.body.classList.toggle("no-filters", !filtered);
  fillForm(r.params);

  const viewChanged = lastView !== r.view;
  lastView = r.view;
  main.setAttribute("aria-busy", "true");
  try {
    const ctx = { signal, navigate, urlFor, params: r.params, codebook: loadCodebook() };
    switch (r.view) {
      case "events":
        document.title = "Events · Herald explorer";
        await renderEvents(main, ctx);
        break;
      case "network": {
        document.title = "Network · Herald explorer";
        const { renderNetwork } = await import("./network.js");
        await renderNetwork(main, ctx);
        break;
      }
      case "map": {
        document.title = "Map · Herald explorer";
        const { renderMap } = await import("./map.js");
        await renderMap(main, ctx);
        break;
      }
      case "article":
        document.title = "Article · Herald explorer";
        await renderArticleView(main, r.id, ctx);
        break;
      case "analyze":
        document.title = "Analyze an article · Herald explorer";
        await renderAnalyzeView(main, ctx);
        break;
      default:
        document.title = "Not found · Herald explorer";
        clear(main).append(h("h1", null, "Not found"), h("p", null, "No view here. ", h("a", { href: "/", "data-nav": "" }, "Go to the events.")));
    }
  } catch (err) {
    if (signal.aborted) return;
    console.warn(err);
    clear(main).append(errorBox(err));
  } finally {
    if (!signal.aborted) main.removeAttribute("aria-busy");
  }
  // A new view takes the focus to its heading, for keyboard and screen-reader users.
  if (viewChanged && !signal.aborted && document.readyState === "complete") {
    const heading = main.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
}

// The filter form mirrors the URL.
function fillForm(params) {
  let n = 0;
  for (const k of FILTERS) {
    const el = form.elements[k];
    const v = params.get(k) || "";
    if (el) el.value = v;
    if (v) n++;
  }
  document.getElementById("filter-count").textContent = n ? `(${n})` : "";
}

function formParams() {
  const r = route();
  // The view's own parameters (the timeline's interval, the network's grouping) stay;
  // the page goes back to the first.
  const params = new URLSearchParams(r.params);
  params.delete("cursor");
  for (const k of FILTERS) {
    let v = (form.elements[k].value || "").trim();
    if (k === "actor" || k === "country") v = v.toUpperCase();
    if (v) params.set(k, v);
    else params.delete(k);
  }
  return params;
}

function applyForm() {
  const r = route();
  const path = r.view === "events" || r.view === "network" || r.view === "map" ? location.pathname : "/";
  const url = urlFor(path, formParams());
  if (url !== location.pathname + location.search) navigate(url);
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  applyForm();
  if (phone.matches) panel.open = false;
});
for (const name of ["from", "to", "quad", "root"]) {
  form.elements[name].addEventListener("change", applyForm);
}
document.getElementById("f-clear").addEventListener("click", () => {
  const params = new URLSearchParams(route().params);
  for (const k of [...FILTERS, "cursor"]) params.delete(k);
  navigate(urlFor(location.pathname, params));
});

// Suggestions for the actor field: the most frequent actors, fetched the first time the
// field gets the focus.
form.elements.actor.addEventListener(
  "focus",
  async () => {
    try {
      const res = await fetch("/api/actors?limit=200");
      if (!res.ok) return;
      const { actors } = await res.json();
      const list = document.getElementById("actor-list");
      for (const a of actors) list.append(h("option", { value: a.code }, `${a.events} events`));
    } catch {
      /* suggestions are a convenience */
    }
  },
  { once: true },
);

// The roots of the CAMEO select, named by the codebook.
loadCodebook().then(
  (cb) => {
    const select = form.elements.root;
    const current = select.value;
    for (const r of cb.roots) select.append(h("option", { value: r.code }, `${r.code} · ${r.name}`));
    select.value = current || route().params.get("root") || "";
  },
  () => {
    // Without the codebook the roots are numbers.
    const select = form.elements.root;
    for (let i = 1; i <= 20; i++) {
      const c = String(i).padStart(2, "0");
      select.append(h("option", { value: c }, c));
    }
    select.value = route().params.get("root") || "";
  },
);

// Links inside the page are followed without a reload.
document.addEventListener("click", (e) => {
  const a = e.target.closest("a[data-nav]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", render);

// On a phone the filters fold away.
function fold() {
  panel.open = !phone.matches;
}
phone.addEventListener("change", fold);
fold();

render();
