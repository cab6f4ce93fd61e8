#!/usr/bin/env python3
"""Generates src/Nodal.Core/Reference/dac-sectors.json from the IATI codelists Sector.xml (DAC 5-digit
purpose codes) and SectorCategory.xml (DAC 3-digit groups).

The codelists carry English and French names only: the JSON holds "en" and "fr"; the application shows
the English name to Spanish readers (no translation is invented here).

Usage: python3 scripts/reference/dac.py [CODELIST_DIR] [OUTPUT]
CODELIST_DIR defaults to shared/reference/iati/codelists beside the repository or a folder above it.
"""
import json
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def names(item, what):
    """The en (no xml:lang: the codelist's language is English) and fr names of a codelist item."""
    out = {}
    for n in item.findall("name/narrative"):
        lang = n.get(XML_LANG, "en")
        if lang in ("en", "fr") and n.text and n.text.strip():
            out[lang] = unicodedata.normalize("NFC", " ".join(n.text.split()))
    if "en" not in out:
        raise SystemExit(f"{what} has no English name")
    out.setdefault("fr", out["en"])
    return out


def read(path, kind):
    tree = ET.parse(path)
    items = []
    for item in tree.getroot().iter("codelist-item"):
        code = item.findtext("code").strip()
        entry = {"code": code, "name": names(item, f"{kind} {code}"), "status": item.get("status", "active")}
        category = item.findtext("category")
        if category is not None:
            entry["category"] = category.strip()
        items.append(entry)
    return items


def find_codelists():
    """shared/reference/iati/codelists beside the repository or a folder above it."""
    folder = os.path.dirname(ROOT)
    while True:
        candidate = os.path.join(folder, "shared", "reference", "iati", "codelists")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            raise SystemExit("shared/reference/iati/codelists not found beside the repository; pass CODELIST_DIR")
        folder = parent


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else find_codelists()
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "src", "Nodal.Core", "Reference", "dac-sectors.json")
    categories = read(os.path.join(source, "SectorCategory.xml"), "category")
    sectors = read(os.path.join(source, "Sector.xml"), "sector")
    known = {c["code"] for c in categories}
    for s in sectors:
        if len(s["code"]) != 5 or not s["code"].isdigit():
            raise SystemExit(f"sector {s['code']} is not a 5-digit code")
        if s.get("category") not in known:
            raise SystemExit(f"sector {s['code']} names an unknown category {s.get('category')}")
    data = {
        "source": "IATI Standard (iatistandard.org), codelists Sector and SectorCategory (OECD DAC purpose codes), CC BY 4.0; "
                  "English and French names only (the codelists have no Spanish); see scripts/reference/dac.py",
        "categories": [{"code": c["code"], "status": c["status"], "name": c["name"]} for c in categories],
        "sectors": [{"code": s["code"], "category": s["category"], "status": s["status"], "name": s["name"]} for s in sectors],
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{output}: {len(categories)} categories, {len(sectors)} sectors")


if __name__ == "__main__":
    main()
