// Small DOM helpers. Text from the API (article text, names, sentences) always goes in
// as text nodes, never as HTML.

// h makes an element: h("a", {href: "/", class: "x", onclick: fn}, "text", child…).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

// s makes an SVG element.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

// announce tells screen readers what changed (the polite live region).
export function announce(msg) {
  const status = document.getElementById("status");
  status.textContent = "";
  // A change the next frame, so that the same message twice is read twice.
  requestAnimationFrame(() => (status.textContent = msg));
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// errorBox shows a failure where the view would be.
export function errorBox(err) {
  return h("div", { class: "error", role: "alert" }, h("strong", null, "Could not load: "), err.message || String(err));
}

export function fmtNumber(n) {
  return new Intl.NumberFormat("en").format(n);
}

export function fmtSigned(n, digits = 1) {
  const v = Number(n).toFixed(digits);
  return n > 0 ? "+" + v : v === (-0).toFixed(digits) ? (0).toFixed(digits) : v;
}
