// Generates src/Nodal.Core/Reference/countries.json from i18n-iso-countries.
// Usage: node gen-countries.mjs <output-file>
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries"); // Node entry registers every locale

// XK (Kosovo) is a user-assigned code, not part of ISO 3166-1.
const NOT_ISO = new Set(["XK"]);

const out = process.argv[2];
if (!out) throw new Error("usage: node gen-countries.mjs <output-file>");

const rows = Object.keys(countries.getAlpha2Codes())
  .filter((code) => !NOT_ISO.has(code))
  .sort()
  .map((code) => {
    const row = {
      code,
      alpha3: countries.alpha2ToAlpha3(code),
      numeric: countries.alpha2ToNumeric(code),
      en: countries.getName(code, "en"),
      es: countries.getName(code, "es"),
      fr: countries.getName(code, "fr"),
    };
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== "string" || v === "") throw new Error(`missing ${k} for ${code}`);
    }
    if (!/^[A-Z]{3}$/.test(row.alpha3) || !/^\d{3}$/.test(row.numeric)) throw new Error(`bad codes for ${code}`);
    return row;
  });

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(rows, null, 2) + "\n");
console.log(`countries: ${rows.length} written to ${out}`);
