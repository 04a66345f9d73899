// The map view: the places of the selected events on an offline world map (Natural
// Earth's 1:110m countries, from the world-atlas package, bundled with this chunk: no
// tiles, nothing fetched from anywhere but the server). A circle's area is its number
// of events, its colour the QuadClass most of them have. Selecting a place shows the
// events of its country.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { filterParams, get } from "./api.js";
import { announce, clear, fmtNumber, fmtSigned, h } from "./dom.js";
import { QUADS, quad } from "./quad.js";

const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

export async function renderMap(main, ctx) {
  const { params, signal, navigate, urlFor } = ctx;
  const q = filterParams(params);
  q.set("limit", "1000");
  const { places } = await get("/api/places", q, signal);
  if (signal.aborted) return;

  const mapBox = h("div", { class: "map-box" });
  clear(main).append(
    h("h1", null, "Map"),
    h("section", { class: "panel", "aria-labelledby": "map-h" },
      h("div", { class: "panel-head" }, h("h2", { id: "map-h" }, "Event locations")),
      mapBox,
      h("ul", { class: "legend", "aria-label": "Circle colour: the QuadClass of most of the place's events" },
        QUADS.map((qd) => h("li", null, h("span", { class: `swatch q${qd.id}`, "aria-hidden": "true" }), qd.name)),
        h("li", { class: "muted" }, "Circle area: events")),
      h("p", { class: "hint map-credit" }, "Basemap: Natural Earth 1:110m (public domain), via world-atlas.")),
  );

  const width = Math.max(300, mapBox.clientWidth || 800);
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = select(mapBox).append("svg")
    .attr("class", "map")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "group")
    .attr("aria-label", places.length
      ? `World map with ${places.length} places of events. Each place is a button that shows the events of its country.`
      : "World map: no event of this selection has a location.");
  const g = svg.append("g");
  const zoomer = zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [width, height]]).on("zoom", (e) => {
    g.attr("transform", e.transform);
    // Circles and borders keep their size on screen as the map grows.
    g.selectAll("circle.place").attr("r", (d) => d.r / e.transform.k).attr("stroke-width", 1 / e.transform.k);
    g.selectAll("text.place-label")
      .attr("font-size", 11 / e.transform.k).attr("stroke-width", 3 / e.transform.k)
      .attr("x", (d) => d.xy[0] + (d.r + 3) / e.transform.k).attr("y", (d) => d.xy[1] + 4 / e.transform.k);
    g.select(".borders").attr("stroke-width", 0.5 / e.transform.k);
  });
  svg.call(zoomer).on("dblclick.zoom", null);

  g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  g.append("path").attr("class", "graticule").attr("d", path(geoGraticule10()));
  g.append("path").attr("class", "land").attr("d", path(countries));
  g.append("path").attr("class", "borders").attr("d", path(borders));

  if (places.length === 0) {
    mapBox.append(h("p", { class: "map-empty", role: "note" },
      "No event of this selection has a location. Events get one from the geo stage of the pipeline; ",
      "the table and the network show the rest."));
    announce("No located events");
    return;
  }
  const maxEvents = Math.max(...places.map((p) => p.events));
  const r = scaleSqrt().domain([0, maxEvents]).range([0, Math.max(14, width / 40)]);
  // The largest first, so that small places stay on top and can be picked.
  const marks = places.map((p) => {
    const dominant = p.quads.indexOf(Math.max(...p.quads)) + 1;
    const xy = projection([p.lon, p.lat]);
    return { ...p, dominant, xy, r: Math.max(3, r(p.events)) };
  }).filter((p) => p.xy);
  const gPlaces = g.append("g").attr("class", "places");
  const show = (p) => {
    const f = filterParams(params);
    if (p.country) f.set("country", p.country);
    navigate(urlFor("/", f));
  };
  for (const p of marks) {
    const label = `${p.name || "Unnamed place"}${p.country ? ", " + p.country : ""}: ${p.events} events (` +
      QUADS.map((qd, i) => `${p.quads[i]} ${qd.short.toLowerCase()}`).join(", ") + `), mean Goldstein ${fmtSigned(p.goldstein)}`;
    gPlaces.append("circle")
      .datum(p)
      .attr("class", `place q${p.dominant}`)
      .attr("data-name", p.name)
      .attr("data-country", p.country)
      .attr("data-lat", p.lat)
      .attr("data-lon", p.lon)
      .attr("cx", p.xy[0])
      .attr("cy", p.xy[1])
      .attr("r", p.r)
      .attr("fill", quad(p.dominant).color)
      .attr("tabindex", 0)
      .attr("role", "button")
      .attr("aria-label", label + (p.country ? `. Show the events of ${p.country}.` : ""))
      .on("click", () => show(p))
      .on("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          show(p);
        }
      })
      .append("title").text(label);
  }
  // The largest places are named.
  const labels = g.append("g").attr("class", "labels");
  for (const p of marks.slice(0, 12)) {
    labels.append("text").datum(p).attr("class", "place-label").attr("font-size", 11).attr("stroke-width", 3).attr("x", p.xy[0] + p.r + 3).attr("y", p.xy[1] + 4).text(p.name);
  }
  mapBox.append(h("div", { class: "graph-tools" },
    h("button", { type: "button", class: "small", onclick: () => svg.call(zoomer.transform, zoomIdentity) }, "Reset zoom"),
    h("span", { class: "hint" }, `${fmtNumber(marks.length)} places. Scroll or pinch to zoom, drag to pan.`)));
  announce(`${marks.length} places on the map`);
}
