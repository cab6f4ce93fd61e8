#!/usr/bin/env python3
"""Interface strings of Nodal.Web: extract, check, build.

English is the key (IStringLocalizer<SharedResource> named L: L["Departments"]). Translations live in
src/Nodal.Web/Resources/translations.tsv and translations.<feature>.tsv beside it (key, es, fr,
en-override; tab-separated; header line; a key lives in one file only) and
`build` turns them into Resources/SharedResource.{es,fr,en}.resx.

    python3 scripts/i18n.py keys     print every key the code uses
    python3 scripts/i18n.py check    exit 1 when a key lacks a translation, a translation's placeholders
                                     differ from its key's, or the .resx files are older than the .tsv
    python3 scripts/i18n.py build    write the three .resx files from translations.tsv

Keys come from:
  * L["..."] / L[@"..."] / raw-string literals in src/Nodal.Web/**/*.cs and **/*.cshtml (the first argument,
    when it is a string literal), and IStringLocalizer<SharedResource>>()["..."];
  * enum names looked up as L[value.ToString()]: OrgRole (src/Nodal.Core/Roles.cs) and
    OrganizationKind (src/Nodal.Core/Organizations/Organization.cs);
  * trash kinds looked up as L[item.Type]: the keys of TrashService.Kinds (Features/Trash/Trash.cs).
These "code name" keys need an English text too (en-override column), e.g. FocalPoint.

TSV cells escape a tab as \\t, a newline as \\n and a backslash as \\\\.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "Nodal.Web"
CORE = ROOT / "src" / "Nodal.Core"
RESOURCES = WEB / "Resources"
TSV = RESOURCES / "translations.tsv"
LANGUAGES = ("es", "fr", "en")
HEADER = ["key", "es", "fr", "en-override"]

# Enums whose names are keys: (file, enum name).
ENUMS = [
    (CORE / "Roles.cs", "OrgRole"),
    (CORE / "Organizations" / "Organization.cs", "OrganizationKind"),
]
TRASH = WEB / "Features" / "Trash" / "Trash.cs"
TRASH_KINDS_FALLBACK = ["Department", "OfficeUnit", "OfficeYear"]

# ---------------------------------------------------------------- C# literals

# An indexer on the localizer: L[ ... or ...IStringLocalizer<SharedResource>>()[ ...
LOOKUP = re.compile(r"(?<![\w.])L\s*\[|IStringLocalizer<SharedResource>>\(\)\s*\[")
SIMPLE_ESCAPES = {"'": "'", '"': '"', "\\": "\\", "0": "\0", "a": "\a", "b": "\b", "e": "\x1b",
                  "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


class NotALiteral(Exception):
    pass


def read_literal(text: str, i: int) -> tuple[str, int]:
    """Reads the C# string literal starting at text[i]; returns (value, index after it)."""
    if text.startswith('"""', i):  # raw string literal: """...""" (or more quotes), no escapes
        n = len(text[i:]) - len(text[i:].lstrip('"'))
        end = text.find('"' * n, i + n)
        if end < 0:
            raise NotALiteral
        value = text[i + n:end]
        if "\n" in value:  # multi-line raw literal: content lines minus the closing line's indentation
            lines = value.split("\n")
            indent = lines[-1] if not lines[-1].strip() else ""
            value = "\n".join(l[len(indent):] if l.startswith(indent) else l for l in lines[1:-1])
        return value, end + n
    if text.startswith('@"', i):  # verbatim: "" is a quote, no other escapes
        j, out = i + 2, []
        while j < len(text):
            if text[j] == '"':
                if text.startswith('""', j):
                    out.append('"')
                    j += 2
                    continue
                return "".join(out), j + 1
            out.append(text[j])
            j += 1
        raise NotALiteral
    if text.startswith('"', i):
        j, out = i + 1, []
        while j < len(text):
            c = text[j]
            if c == '"':
                return "".join(out), j + 1
            if c == "\n":
                raise NotALiteral
            if c == "\\":
                e = text[j + 1:j + 2]
                if e in SIMPLE_ESCAPES:
                    out.append(SIMPLE_ESCAPES[e])
                    j += 2
                elif e == "u":
                    out.append(chr(int(text[j + 2:j + 6], 16)))
                    j += 6
                elif e == "U":
                    out.append(chr(int(text[j + 2:j + 10], 16)))
                    j += 10
                elif e == "x":
                    m = re.match(r"[0-9A-Fa-f]{1,4}", text[j + 2:])
                    if not m:
                        raise NotALiteral
                    out.append(chr(int(m.group(0), 16)))
                    j += 2 + len(m.group(0))
                else:
                    raise NotALiteral
                continue
            out.append(c)
            j += 1
    raise NotALiteral


def literal_keys(text: str) -> list[tuple[str, int]]:
    """Keys in one file: (key, line number). A lookup whose argument is not a literal is skipped."""
    found = []
    for m in LOOKUP.finditer(text):
        i = m.end()
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        try:
            key, j = read_literal(text, i)
        except (NotALiteral, ValueError):
            continue
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if j < len(text) and text[j] not in ",]":  # e.g. L["a" + b]: not a plain key
            continue
        found.append((key, text.count("\n", 0, m.start()) + 1))
    return found


def enum_members(path: Path, name: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    m = re.search(r"\benum\s+" + re.escape(name) + r"\b[^{]*\{(.*?)\}", text, re.S)
    if not m:
        sys.exit(f"i18n: enum {name} not found in {path.relative_to(ROOT)}")
    body = re.sub(r"//[^\n]*|/\*.*?\*/", "", m.group(1), flags=re.S)
    body = re.sub(r"\[[^\]]*\]", "", body)  # attributes
    return [mm.group(1) for part in body.split(",") if (mm := re.match(r"\s*([A-Za-z_]\w*)", part))]


def trash_kinds() -> list[str]:
    kinds = list(TRASH_KINDS_FALLBACK)
    if TRASH.exists():
        for m in re.finditer(r'\[\s*"([^"\\]+)"\s*\]\s*=\s*typeof\(', TRASH.read_text(encoding="utf-8")):
            if m.group(1) not in kinds:
                kinds.append(m.group(1))
    return kinds


def source_files() -> list[Path]:
    files = []
    for pattern in ("*.cs", "*.cshtml"):
        for p in WEB.rglob(pattern):
            rel = p.relative_to(WEB).parts
            if rel[0] in ("bin", "obj") or "node_modules" in rel:
                continue
            files.append(p)
    return sorted(files)


def collect() -> tuple[dict[str, list[str]], set[str]]:
    """All keys → where they are used; and the set of code-name keys (enums, trash kinds)."""
    uses: dict[str, list[str]] = {}
    for path in source_files():
        for key, line in literal_keys(path.read_text(encoding="utf-8")):
            uses.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
    code_names: set[str] = set()
    for path, name in ENUMS:
        for member in enum_members(path, name):
            code_names.add(member)
            uses.setdefault(member, []).append(f"{path.relative_to(ROOT)} (enum {name})")
    for kind in trash_kinds():
        code_names.add(kind)
        uses.setdefault(kind, []).append(f"{TRASH.relative_to(ROOT)} (trash kind)")
    return uses, code_names


# ---------------------------------------------------------------- translations.tsv

def unescape_cell(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}.get(m.group(1), "\\" + m.group(1)), s)


def tsv_files() -> list[Path]:
    """translations.tsv, then any translations.<feature>.tsv beside it (one file per feature keeps merges easy)."""
    return ([TSV] if TSV.exists() else []) + sorted(p for p in RESOURCES.glob("translations.*.tsv"))


def load_tsv() -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in tsv_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) > 4:
                sys.exit(f"i18n: {path.relative_to(ROOT)}:{n}: more than 4 columns")
            cells += [""] * (4 - len(cells))
            key, es, fr, en = (unescape_cell(c) for c in cells)
            if key in rows:
                sys.exit(f"i18n: {path.relative_to(ROOT)}:{n}: duplicate key {key!r}")
            # .resx names are case-insensitive: of two keys differing only in case, one would be dropped.
            clash = next((k for k in rows if k.lower() == key.lower()), None)
            if clash is not None:
                sys.exit(f"i18n: {path.relative_to(ROOT)}:{n}: key {key!r} differs from {clash!r} only in case; "
                         f"resources ignore case, so reword one of them")
            rows[key] = {"es": es, "fr": fr, "en": en}
    return rows


# Composite format items: {0}, {1,-5}, {0:N0}; {{ and }} are literal braces.
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{\d+(?:\s*,\s*-?\d+)?(?::[^{}]*)?\}")


def placeholders(s: str) -> list[str]:
    return sorted({m.group(0) for m in PLACEHOLDER.finditer(s) if m.group(0) not in ("{{", "}}")})


# ---------------------------------------------------------------- .resx

RESX_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/i18n.py from translations.tsv: edit that file and run `python3 scripts/i18n.py build`. -->
<root>
  <xsd:schema id="root" xmlns="" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">
    <xsd:import namespace="http://www.w3.org/XML/1998/namespace" />
    <xsd:element name="root" msdata:IsDataSet="true">
      <xsd:complexType>
        <xsd:choice maxOccurs="unbounded">
          <xsd:element name="metadata">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" />
              </xsd:sequence>
              <xsd:attribute name="name" use="required" type="xsd:string" />
              <xsd:attribute name="type" type="xsd:string" />
              <xsd:attribute name="mimetype" type="xsd:string" />
              <xsd:attribute ref="xml:space" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="assembly">
            <xsd:complexType>
              <xsd:attribute name="alias" type="xsd:string" />
              <xsd:attribute name="name" type="xsd:string" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="data">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" msdata:Ordinal="1" />
                <xsd:element name="comment" type="xsd:string" minOccurs="0" msdata:Ordinal="2" />
              </xsd:sequence>
              <xsd:attribute name="name" type="xsd:string" use="required" msdata:Ordinal="1" />
              <xsd:attribute name="type" type="xsd:string" msdata:Ordinal="3" />
              <xsd:attribute name="mimetype" type="xsd:string" msdata:Ordinal="4" />
              <xsd:attribute ref="xml:space" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="resheader">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" msdata:Ordinal="1" />
              </xsd:sequence>
              <xsd:attribute name="name" type="xsd:string" use="required" />
            </xsd:complexType>
          </xsd:element>
        </xsd:choice>
      </xsd:complexType>
    </xsd:element>
  </xsd:schema>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""

XML_ENTITIES = {"\r": "&#xD;", "\t": "&#x9;"}


def resx_text(rows: dict[str, dict[str, str]], language: str) -> str:
    out = [RESX_HEAD]
    for key in sorted(rows):
        value = rows[key][language]
        if not value:
            continue
        name = quoteattr(key, {"\n": "&#xA;", **XML_ENTITIES})
        out.append(f'  <data name={name} xml:space="preserve">\n'
                   f"    <value>{escape(value, XML_ENTITIES)}</value>\n"
                   f"  </data>\n")
    out.append("</root>\n")
    return "".join(out)


def resx_path(language: str) -> Path:
    return RESOURCES / f"SharedResource.{language}.resx"


# ---------------------------------------------------------------- commands

def cmd_keys() -> int:
    uses, _ = collect()
    for key in sorted(uses):
        print(key)
    return 0


def cmd_build() -> int:
    rows = load_tsv()
    if not rows:
        sys.exit(f"i18n: {TSV.relative_to(ROOT)} is missing or empty")
    for language in LANGUAGES:
        resx_path(language).write_text(resx_text(rows, language), encoding="utf-8", newline="\n")
        count = sum(1 for r in rows.values() if r[language])
        print(f"wrote {resx_path(language).relative_to(ROOT)} ({count} strings)")
    return 0


def cmd_check() -> int:
    uses, code_names = collect()
    rows = load_tsv()
    problems = []

    missing = [k for k in sorted(uses) if k not in rows]
    for key in missing:
        problems.append(f"missing: {key!r}  ({uses[key][0]})")
    for key in sorted(uses):
        if key not in rows:
            continue
        row = rows[key]
        needed = ["es", "fr"] + (["en"] if key in code_names else [])
        for language in needed:
            if not row[language].strip():
                problems.append(f"no {language} text: {key!r}  ({uses[key][0]})")
        expected = placeholders(key) if key not in code_names else []
        for language in ("es", "fr", "en"):
            if row[language] and placeholders(row[language]) != expected:
                problems.append(f"placeholders differ in {language}: {key!r} has {expected}, "
                                f"{row[language]!r} has {placeholders(row[language])}")
    if not problems:
        for language in LANGUAGES:
            path = resx_path(language)
            if not path.exists() or path.read_text(encoding="utf-8") != resx_text(rows, language):
                problems.append(f"out of date: {path.relative_to(ROOT)} (run: python3 scripts/i18n.py build)")

    unused = [k for k in sorted(rows) if k not in uses]
    for key in unused:
        print(f"warning: not used in the code (stale?): {key!r}", file=sys.stderr)

    if problems:
        for p in problems:
            print(p)
        print(f"i18n check failed: {len(missing)} missing key(s), {len(problems)} problem(s) in all; "
              f"add them to {TSV.relative_to(ROOT)} and run build", file=sys.stderr)
        return 1
    print(f"i18n check passed: {len(uses)} keys translated into es, fr (en overrides for {len(code_names)} code names)")
    return 0


def main(argv: list[str]) -> int:
    commands = {"keys": cmd_keys, "check": cmd_check, "build": cmd_build}
    if len(argv) != 2 or argv[1] not in commands:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    return commands[argv[1]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
