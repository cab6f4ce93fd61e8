#!/usr/bin/env python3
"""Generates src/Nodal.Core/Reference/sdg.json: the 17 SDGs (short name and title) and their
169 targets (title) in Spanish, English and French, from the Open SDG translations (MIT).

Usage: python3 scripts/reference/sdg.py [SOURCE_DIR] [OUTPUT_FILE]
  SOURCE_DIR   folder with {es,en,fr}_global_{goals,targets}.yml (default: the first
               shared/reference/sdg found beside the repository or a folder above it)
  OUTPUT_FILE  default: src/Nodal.Core/Reference/sdg.json

PyYAML is used when installed; otherwise the files' plain `key: value` form (values folded over
indented continuation lines) is read by a small parser here. Both give the same result.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("es", "en", "fr")
GOAL_COUNT = 17
TARGET_COUNT = 169
TARGET_KEY = re.compile(r"^(\d{1,2})-([0-9]{1,2}|[a-z])-title$")
GOAL_KEY = re.compile(r"^(\d{1,2})-(short|title)$")


def parse_plain_yaml(text):
    """A mapping of plain scalars; indented lines continue the previous value (folded with a space)."""
    result, key = {}, None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if key is None:
                raise ValueError(f"line {number}: continuation before any key")
            result[key] = f"{result[key]} {line.strip()}"
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"line {number}: expected 'key: value'")
        value = value.strip()
        if value[:1] in ("'", '"', "|", ">", "[", "{", "&", "*", "!"):
            raise ValueError(f"line {number}: only plain scalars are supported, found {value[:1]!r}")
        result[key.strip()] = value
    return result


def load_yaml(path):
    text = path.read_text(encoding="utf-8")
    try:
        import yaml  # type: ignore
    except ImportError:
        return parse_plain_yaml(text)
    data = yaml.safe_load(text)
    plain = parse_plain_yaml(text)
    if {k: str(v) for k, v in data.items()} != plain:
        raise ValueError(f"{path}: PyYAML and the plain parser disagree; check the file's form")
    return plain


def clean(value):
    # Many titles in the source are in decomposed form (e + combining accent): store them composed (NFC)
    # so that they compare, sort and search like text typed by people.
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", str(value)).strip())


def target_sort_key(code):
    goal, part = code.split(".")
    # Numbered targets first (1.1 … 1.5), then lettered means of implementation (1.a, 1.b).
    return (int(goal), 0 if part.isdigit() else 1, int(part) if part.isdigit() else 0, part)


def default_source():
    for folder in REPO.parents:
        candidate = folder / "shared" / "reference" / "sdg"
        if candidate.is_dir():
            return candidate
    raise SystemExit("shared/reference/sdg not found beside the repository; pass SOURCE_DIR")


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else default_source()
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "src" / "Nodal.Core" / "Reference" / "sdg.json"

    goals = {n: {"number": n, "short": {}, "title": {}} for n in range(1, GOAL_COUNT + 1)}
    targets = {}
    for lang in LANGUAGES:
        for key, value in load_yaml(source / f"{lang}_global_goals.yml").items():
            m = GOAL_KEY.match(key)
            if not m or int(m.group(1)) not in goals:
                raise ValueError(f"{lang} goals: unexpected key {key!r}")
            goals[int(m.group(1))][m.group(2)][lang] = clean(value)
        for key, value in load_yaml(source / f"{lang}_global_targets.yml").items():
            m = TARGET_KEY.match(key)
            if not m or int(m.group(1)) not in goals:
                raise ValueError(f"{lang} targets: unexpected key {key!r}")
            code = f"{int(m.group(1))}.{m.group(2)}"
            targets.setdefault(code, {"code": code, "goal": int(m.group(1)), "title": {}})["title"][lang] = clean(value)

    if len(targets) != TARGET_COUNT:
        raise ValueError(f"expected {TARGET_COUNT} targets, found {len(targets)}")
    for item, fields in [(g, ("short", "title")) for g in goals.values()] + [(t, ("title",)) for t in targets.values()]:
        for field in fields:
            missing = [lang for lang in LANGUAGES if not item[field].get(lang)]
            if missing:
                raise ValueError(f"{item.get('code', item.get('number'))}: {field} missing in {missing}")

    def ordered(text):
        return {lang: text[lang] for lang in LANGUAGES}

    document = {
        "source": "Open SDG translations (sdg-translations), MIT licence, Copyright (c) 2019 Open SDG",
        "goals": [{"number": g["number"], "short": ordered(g["short"]), "title": ordered(g["title"])}
                  for g in goals.values()],
        "targets": [{"code": t["code"], "goal": t["goal"], "title": ordered(t["title"])}
                    for t in sorted(targets.values(), key=lambda t: target_sort_key(t["code"]))],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"sdg: {len(document['goals'])} goals, {len(document['targets'])} targets written to {output}")


if __name__ == "__main__":
    main()
