// Builds the explorer into dist/: the JavaScript and CSS bundled and minified by esbuild
// under dist/assets/ with content hashes in their names (served as immutable), the
// network and map views split into chunks of their own that load when opened, and
// dist/index.html written from src/index.html with the hashed names. dist/ is checked
// in, so that building the Go binary never needs Node; .ci/run rebuilds it and fails if
// the result differs from the checked-in files.
//
//   npm ci && npm run build
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, "assets"), { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["src/main.js"],
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  target: ["chrome109", "firefox115", "safari16"],
  outdir: "dist/assets",
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  legalComments: "eof",
  charset: "utf8",
  metafile: true,
  logLevel: "warning",
});

const outputs = result.metafile.outputs;
const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === "src/main.js");
if (!entry || !outputs[entry].cssBundle) {
  throw new Error("build: no main bundle or no CSS bundle in the metafile");
}
const url = (f) => "/" + path.relative("dist", f).split(path.sep).join("/");
const template = await readFile(path.join(root, "src/index.html"), "utf8");
// The chunks the entry imports statically are preloaded with it, rather than found
// only once it has arrived.
const preload = outputs[entry].imports
  .filter((i) => i.kind === "import-statement")
  .map((i) => `<link rel="modulepreload" href="${url(i.path)}">`)
  .join("\n");
const html = template
  .replaceAll("{{main.js}}", url(entry))
  .replaceAll("{{main.css}}", url(outputs[entry].cssBundle))
  .replaceAll("{{preload}}", preload);
if (html.includes("{{")) {
  throw new Error("build: src/index.html has a placeholder the build does not fill");
}
await writeFile(path.join(dist, "index.html"), html);
await copyFile(path.join(root, "src/favicon.svg"), path.join(dist, "favicon.svg"));

// The licences of the packages bundled into the assets (their notices must travel with
// the copies), served as /licenses.txt.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
let licenses = "Herald explorer: third-party software bundled into these assets\n" +
  "=================================================================\n";
for (const name of [...packages].sort()) {
  const dir = path.join(root, "node_modules", name);
  const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE"].find((f) => existsSync(path.join(dir, f)));
  if (!file) throw new Error(`build: ${name} has no LICENSE file`);
  licenses += `\n${name} ${pkg.version} (${pkg.license})\n${"-".repeat(40)}\n${(await readFile(path.join(dir, file), "utf8")).trim()}\n`;
}
licenses += "\nThe world map of the map view is Natural Earth's 1:110m countries (public domain,\n" +
  "naturalearthdata.com), as packaged by world-atlas.\n";
await writeFile(path.join(dist, "licenses.txt"), licenses);

let total = 0;
for (const f of Object.keys(outputs).sort()) {
  const { size } = await stat(path.join(root, f));
  total += size;
  console.log(`${f.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KiB`);
}
console.log(`${"total".padEnd(40)} ${(total / 1024).toFixed(1).padStart(7)} KiB`);
