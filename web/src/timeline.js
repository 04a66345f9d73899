// The timeline: events per day, week or month, stacked by QuadClass, with a brush that
// sets the date filter. It counts the events of every filter but the dates, so that the
// brush shows where the chosen range lies in the whole.
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { scaleLinear, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { filterParams, get } from "./api.js";
import { clear, fmtNumber, h } from "./dom.js";
import { QUADS } from "./quad.js";

const DAY = 86400000;

// periodStart reads an API period ("2024-05-20", "2024-05") as a UTC date.
function periodStart(p) {
  return new Date(p.length === 7 ? p + "-01T00:00:00Z" : p + "T00:00:00Z");
}

function periodEnd(start, interval) {
  if (interval === "day") return new Date(+start + DAY);
  if (interval === "week") return new Date(+start + 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

// floorTo is the start of the period of interval that holds d.
function floorTo(d, interval) {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (interval === "day") return day;
  if (interval === "week") return new Date(+day - ((day.getUTCDay() + 6) % 7) * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

const iso = (d) => d.toISOString().slice(0, 10);

async function fetchBuckets(params, interval, signal) {
  const q = filterParams(params, ["from", "to"]);
  q.set("group", "quad");
  q.set("interval", interval);
  q.set("limit", "10000");
  const res = await get("/api/timeline", q, signal);
  return res.buckets;
}

// toPeriods turns the API's buckets (one per period and QuadClass) into one stacked bar
// per period, in order, and the totals per QuadClass.
function toPeriods(buckets, interval) {
  const byPeriod = new Map();
  const totals = [0, 0, 0, 0];
  for (const b of buckets) {
    let p = byPeriod.get(b.period);
    if (!p) {
      const start = periodStart(b.period);
      p = { period: b.period, start, end: periodEnd(start, interval), counts: [0, 0, 0, 0], n: 0 };
      byPeriod.set(b.period, p);
    }
    const g = Number(b.group) - 1;
    if (g >= 0 && g < 4) {
      p.counts[g] += b.events;
      p.n += b.events;
      totals[g] += b.events;
    }
  }
  return { periods: [...byPeriod.values()].sort((a, b) => a.start - b.start), totals };
}

// trim leaves out the stray periods at either end that together hold at most half a
// per cent of the events (a date misread as 2026 in a 1987 corpus), so that one stray
// event does not squeeze the rest into a sliver. It returns what it kept and left out.
function trim(periods) {
  const total = periods.reduce((a, p) => a + p.n, 0);
  const cap = total * 0.005;
  let lo = 0, hi = periods.length - 1, left = 0, right = 0;
  while (lo < hi && left + periods[lo].n <= cap) left += periods[lo++].n;
  while (hi > lo && right + periods[hi].n <= cap) right += periods[hi--].n;
  return { kept: periods.slice(lo, hi + 1), hidden: left + right, first: periods[0], last: periods[periods.length - 1] };
}

// chooseInterval picks the period that gives a readable number of bars.
function chooseInterval(months) {
  if (months.length === 0) return "month";
  const first = months[0].start;
  const last = months[months.length - 1].start;
  const n = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  if (n <= 3) return "day";
  if (n <= 30) return "week";
  return "month";
}

export async function renderTimeline(box, { params, signal, onRange, onSpan }) {
  const all = params.get("span") === "all";
  let interval = params.get("interval");
  let buckets;
  if (interval === "day" || interval === "week" || interval === "month") {
    buckets = await fetchBuckets(params, interval, signal);
  } else {
    buckets = await fetchBuckets(params, "month", signal);
    const months = toPeriods(buckets, "month").periods;
    interval = chooseInterval(all ? months : trim(months).kept);
    if (interval !== "month") buckets = await fetchBuckets(params, interval, signal);
  }
  if (signal.aborted) return;
  clear(box);
  if (buckets.length === 0) {
    box.append(h("p", { class: "empty" }, "No dated event matches these filters."));
    return;
  }

  const whole = toPeriods(buckets, interval);
  const totals = whole.totals;
  const cut = trim(whole.periods);
  const periods = all ? whole.periods : cut.kept;
  const hidden = all ? 0 : cut.hidden;
  const total = totals.reduce((a, b) => a + b, 0);
  const first = periods[0].start;
  const last = periods[periods.length - 1].end;

  const width = Math.max(280, box.clientWidth || 600);
  const height = width < 500 ? 150 : 180;
  const m = { top: 8, right: 12, bottom: 24, left: 40 };
  const x = scaleUtc().domain([first, last]).range([m.left, width - m.right]);
  const ymax = Math.max(...periods.map((p) => p.counts.reduce((a, b) => a + b, 0)));
  const y = scaleLinear().domain([0, ymax]).nice().range([height - m.bottom, m.top]);

  const label = `Events per ${interval} from ${iso(first)} to ${iso(new Date(+last - DAY))}, stacked by QuadClass: ` +
    QUADS.map((q, i) => `${q.name} ${totals[i]}`).join(", ") + ". Drag across the chart to choose dates.";
  const svg = select(box).append("svg")
    .attr("class", "timeline")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", label);

  const bars = svg.append("g").attr("class", "bars");
  for (const p of periods) {
    const x0 = x(p.start);
    const w = Math.max(1, x(p.end) - x0 - (x(p.end) - x0 > 3 ? 1 : 0));
    let acc = 0;
    p.counts.forEach((n, g) => {
      if (!n) return;
      bars.append("rect")
        .attr("class", `q${g + 1}`)
        .attr("x", x0)
        .attr("width", w)
        .attr("y", y(acc + n))
        .attr("height", Math.max(0.5, y(acc) - y(acc + n)))
        .attr("fill", QUADS[g].color)
        .append("title").text(`${p.period}: ${n} ${QUADS[g].name.toLowerCase()}`);
      acc += n;
    });
  }
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`)
    .call(axisLeft(y).ticks(4).tickFormat((d) => (Number.isInteger(d) ? fmtNumber(d) : "")).tickSizeOuter(0));

  // The brush: its selection, snapped to whole periods, becomes from and to.
  const brush = brushX()
    .extent([[m.left, m.top], [width - m.right, height - m.bottom]])
    .on("end", (event) => {
      if (!event.sourceEvent) return; // moved by the code below
      if (!event.selection) {
        onRange("", "");
        return;
      }
      const [a, b] = event.selection.map((v) => x.invert(v));
      const from = floorTo(a, interval);
      const to = new Date(+periodEnd(floorTo(new Date(+b - 1), interval), interval) - DAY);
      onRange(iso(from), iso(to));
    });
  const gb = svg.append("g").attr("class", "brush").call(brush);
  gb.select(".overlay").attr("aria-hidden", "true");
  const from = params.get("from");
  const to = params.get("to");
  if (from || to) {
    const a = from ? new Date(from + "T00:00:00Z") : first;
    const b = to ? new Date(+new Date(to + "T00:00:00Z") + DAY) : last;
    const [x0, x1] = [Math.max(m.left, x(a)), Math.min(width - m.right, x(b))];
    if (x1 > x0) gb.call(brush.move, [x0, x1]);
  }

  box.append(h("ul", { class: "legend", "aria-label": "QuadClasses" },
    QUADS.map((q, i) => h("li", null, h("span", { class: `swatch q${q.id}`, "aria-hidden": "true" }), `${q.name} `, h("span", { class: "muted" }, fmtNumber(totals[i]))))),
  h("p", { class: "hint" }, `${fmtNumber(total)} dated events per ${interval}. Drag across the chart to set the dates; click outside the selection to clear them.`));
  if (hidden || all) {
    const whole = `${iso(cut.first.start)} to ${iso(new Date(+cut.last.end - DAY))}`;
    box.append(h("p", { class: "hint" },
      all ? `All dates shown (${whole}). ` : `${fmtNumber(hidden)} stray ${hidden === 1 ? "event" : "events"} outside these dates (the dates run from ${whole}) ${hidden === 1 ? "is" : "are"} not drawn. `,
      h("button", { type: "button", class: "small", onclick: () => onSpan(!all) }, all ? "Leave the strays out" : "Show all dates")));
  }
}
