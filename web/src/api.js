// The JSON API of herald serve (docs/API.md), on the same origin as the page.

export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// The event filters of the API, in its order, and what the explorer calls them.
export const FILTERS = ["from", "to", "actor", "country", "quad", "root", "q"];

// filterParams keeps the event filters of a URLSearchParams.
export function filterParams(params, drop = []) {
  const out = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v && !drop.includes(k)) out.set(k, v);
  }
  return out;
}

async function decode(res) {
  let body;
  try {
    body = await res.json();
  } catch {
    throw new APIError(res.status, "bad_response", `${res.status} ${res.statusText}: not JSON`);
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new APIError(res.status, e ? e.code : "error", e ? e.message : `${res.status} ${res.statusText}`);
  }
  return body;
}

export async function get(path, params, signal) {
  const qs = params && params.toString();
  const res = await fetch(qs ? `${path}?${qs}` : path, { signal, headers: { Accept: "application/json" } });
  return decode(res);
}

export async function post(path, body, signal) {
  const res = await fetch(path, {
    method: "POST",
    signal,
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return decode(res);
}

// docURL is the API path of a document (ids may hold any character, even "/").
export function docPath(id) {
  return "/api/documents/" + encodeURIComponent(id);
}

let codebook;

// loadCodebook fetches the names of the codes once.
export function loadCodebook() {
  if (!codebook) {
    codebook = get("/api/codebook").then((cb) => {
      const events = new Map(cb.events.map((e) => [e.code, e]));
      return { events, actors: cb.actors, roots: cb.events.filter((e) => e.code.length === 2) };
    });
    codebook.catch(() => (codebook = undefined));
  }
  return codebook;
}

// cameoName names an event code, falling back to its longest known prefix as the
// codebook does ("0951" → "095").
export function cameoName(cb, code) {
  for (let n = Math.min(code.length, 4); n >= 2; n--) {
    const e = cb && cb.events.get(code.slice(0, n));
    if (e) return e.name;
  }
  return "";
}

// actorName describes an actor code from its three-letter parts: "KAZGOV" →
// "Kazakhstan · Government".
export function actorName(cb, code) {
  if (!cb || !code) return "";
  const parts = [];
  for (let i = 0; i + 3 <= code.length; i += 3) {
    const p = code.slice(i, i + 3);
    const a = cb.actors;
    const label = i === 0 ? a.country[p] || a.knowngroup[p] || a.type[p] || a.religion[p]
      : a.knowngroup[p] || a.type[p] || a.religion[p] || a.country[p];
    if (label) parts.push(label);
  }
  return parts.join(" · ");
}
