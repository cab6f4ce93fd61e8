// Generates src/Nodal.Web/Features/Map/world.json: every country of Natural Earth 1:110m (npm world-atlas
// 2.0.2, public domain data) projected once with d3-geo's Natural Earth projection fitted to 960×500, as
// SVG path strings keyed by ISO 3166-1 alpha-2, plus the projection's scale and translation so that the
// server (Features/Map/WorldProjection.cs) places cities the same way, and reference points it is tested on.
//
// Run at development time only, outside the repository's dependencies:
//   d=$(mktemp -d) && (cd $d && npm init -y && npm install world-atlas@2.0.2 topojson-client@3.1.0 d3-geo@3.1.2)
//   NODE_PATH=$d/node_modules node scripts/reference/world.mjs   (from the repository root)
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? process.cwd(), "noop.js"));
const topo = require("world-atlas/countries-110m.json");
const { feature } = require("topojson-client");
const d3 = require("d3-geo");

const root = process.cwd();
const width = 960, height = 500;
const countries = JSON.parse(readFileSync(path.join(root, "src/Nodal.Core/Reference/countries.json"), "utf8"));
const byNumeric = new Map(countries.map(c => [c.numeric, c.code]));
// Natural Earth shapes without an ISO numeric code in world-atlas.
const byName = new Map([["Kosovo", "XK"], ["N. Cyprus", null], ["Somaliland", null]]);

const land = feature(topo, topo.objects.countries);
const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
const round = v => Math.round(v * 10) / 10;
const pathOf = d3.geoPath(projection).digits(1);

const shapes = {};
const unassigned = [];
for (const f of land.features) {
  const code = f.id != null ? byNumeric.get(String(f.id).padStart(3, "0")) : byName.get(f.properties.name);
  const d = pathOf(f);
  if (!d) continue;
  if (code && countries.some(c => c.code === code)) shapes[code] = shapes[code] ? shapes[code] + d : d;
  else unassigned.push({ name: f.properties.name, d });
}

const points = [[0, 0], [40.4168, -3.7038], [44.4073, 8.9339], [-34.9011, -56.1645], [35.6895, 139.6917],
  [-37.8136, 144.9631], [64.1466, -21.9426], [-54.8019, -68.303], [19.4326, -99.1332], [1.3521, 103.8198], [71, 179], [-80, -170]]
  .map(([lat, lon]) => { const [x, y] = projection([lon, lat]); return { lat, lon, x: round(x), y: round(y) }; });

const out = {
  source: "Natural Earth 1:110m countries (public domain) via npm world-atlas 2.0.2 (ISC); projected with d3-geo 3.1.2 geoNaturalEarth1",
  width, height,
  projection: { name: "NaturalEarth1", scale: projection.scale(), translate: projection.translate() },
  sphere: pathOf({ type: "Sphere" }),
  countries: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
  unassigned,
  referencePoints: points,
};
const file = path.join(root, "src/Nodal.Web/Features/Map/world.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`${Object.keys(shapes).length} countries, ${unassigned.length} unassigned, ${readFileSync(file).length} bytes → ${file}`);
