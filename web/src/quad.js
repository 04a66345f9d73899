// QuadClasses and the colours the views share: cooperation blue, conflict red, the
// material (stronger) kinds darker.
export const QUADS = [
  { id: 1, name: "Verbal cooperation", short: "Verbal coop.", color: "#8fc1e3" },
  { id: 2, name: "Material cooperation", short: "Material coop.", color: "#1f63a8" },
  { id: 3, name: "Verbal conflict", short: "Verbal conflict", color: "#f4a582" },
  { id: 4, name: "Material conflict", short: "Material conflict", color: "#b2182b" },
];

export function quad(id) {
  return QUADS[id - 1] || { id, name: "Unknown", short: "?", color: "#999" };
}

// goldsteinColor maps a mean Goldstein score (-10 conflict … +10 cooperation) to a
// diverging red–grey–blue, saturated from ±5 on. The square root brings out the small
// means that most dyads have (a meeting is +1).
export function goldsteinColor(g) {
  const t = Math.sign(g) * Math.sqrt(Math.min(1, Math.abs(g) / 5));
  const grey = [190, 190, 190];
  const end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
