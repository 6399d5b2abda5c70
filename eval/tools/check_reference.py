#!/usr/bin/python3
"""Check a reference annotation file against its documents.

Usage: /usr/bin/python3 eval/tools/check_reference.py eval/reference/seeds.yaml seeds/
       /usr/bin/python3 eval/tools/check_reference.py eval/reference/holdout.yaml eval/holdout/

Checks that the YAML parses; that every entry's `text` occurs verbatim in one of the lines
line..line_end of its document; that values are numbers; that dates/periods are EDTF forms
this guideline uses (and that intervals run forwards); that enumerated fields hold known
values. Prints the number of entries (required + optional) per document and dataset.
Exit status 1 when any check fails. Needs PyYAML (the system /usr/bin/python3 has it).
"""
import datetime
import os
import re
import sys

import yaml

DATASETS = ("trade", "fdi", "visits", "agreements")
QUALIFIERS = {"exact", "approx", "more_than", "less_than"}
UNITS = {"USD", "BYN", "CNY", "RUB", "EUR", "percent", "count", "rank", "multiple"}
EVENTS = {"signed", "ratified", "adopted", "entered_into_force", "announced"}
SECTIONS = {"table", "caption", "footnote", "reference"}
BASES = {"relative", "context"}
ISO3 = re.compile(r"^[A-Z]{3}$")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def edtf_bounds(s):
    """Return (start, end) dates of an EDTF value used by the guideline, or raise ValueError."""
    if "/" in s:
        a, b = s.split("/")
        return edtf_bounds(a)[0], edtf_bounds(b)[1]
    m = _DAY.match(s)
    if m:
        d = datetime.date(*map(int, m.groups()))
        return d, d
    m = _MONTH.match(s)
    if m:
        y, mo = map(int, m.groups())
        if 1 <= mo <= 12:
            nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
            return datetime.date(y, mo, 1), nxt - datetime.timedelta(days=1)
        if 33 <= mo <= 36:  # quarters
            q = mo - 33
            return edtf_bounds(f"{y}-{3*q+1:02d}")[0], edtf_bounds(f"{y}-{3*q+3:02d}")[1]
        if mo in (40, 41):  # halves
            h = mo - 40
            return edtf_bounds(f"{y}-{6*h+1:02d}")[0], edtf_bounds(f"{y}-{6*h+6:02d}")[1]
        raise ValueError(f"unsupported EDTF month/sub-year code {s!r}")
    m = _YEAR.match(s)
    if m:
        y = int(m.group(1))
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    raise ValueError(f"unsupported EDTF value {s!r}")


def main(ref_path, doc_dir):
    errors = []
    with open(ref_path, encoding="utf-8") as f:
        ref = yaml.safe_load(f)
    totals = {d: [0, 0] for d in DATASETS}
    print(f"{'document':40s} " + " ".join(f"{d:>12s}" for d in DATASETS) + "   (required+optional)")
    for doc in ref["documents"]:
        path = os.path.join(doc_dir, doc["file"])
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        lines = raw.split("\n")
        n = len(lines)
        where = doc["file"]
        if doc.get("published") is not None:
            try:
                edtf_bounds(str(doc["published"]))
            except ValueError as e:
                errors.append(f"{where}: published: {e}")
        counts = {}
        for ds in DATASETS:
            entries = doc.get(ds)
            if entries is None:
                errors.append(f"{where}: missing dataset {ds} (write [] when empty)")
                entries = []
            req = opt = 0
            for i, e in enumerate(entries):
                at = f"{where}: {ds}[{i}] line {e.get('line')}"
                line, end = e.get("line"), e.get("line_end", e.get("line"))
                if not isinstance(line, int) or not isinstance(end, int) or not (1 <= line <= end <= n):
                    errors.append(f"{at}: bad line/line_end {line}/{end} (document has {n} lines)")
                    continue
                text = e.get("text")
                if not isinstance(text, str) or not text:
                    errors.append(f"{at}: missing text")
                elif not any(text in lines[k - 1] for k in range(line, end + 1)):
                    errors.append(f"{at}: text {text!r} not found on lines {line}..{end}")
                key = "period" if ds in ("trade", "fdi") else "date"
                if key not in e:
                    errors.append(f"{at}: missing {key} (write null when the text gives none)")
                elif e[key] is not None:
                    if not isinstance(e[key], str):
                        errors.append(f"{at}: {key} must be a quoted EDTF string, got {e[key]!r}")
                    else:
                        try:
                            a, b = edtf_bounds(e[key])
                            if a > b:
                                errors.append(f"{at}: {key} {e[key]} runs backwards")
                        except ValueError as err:
                            errors.append(f"{at}: {key}: {err}")
                if ds in ("trade", "fdi"):
                    for k in ("value", "value_curated", "value_usd"):
                        if k in e and (isinstance(e[k], bool) or not isinstance(e[k], (int, float))):
                            errors.append(f"{at}: {k} is not a number: {e[k]!r}")
                    if "value" not in e:
                        errors.append(f"{at}: missing value")
                    if e.get("unit") not in UNITS:
                        errors.append(f"{at}: unknown unit {e.get('unit')!r}")
                    if e.get("qualifier") not in QUALIFIERS:
                        errors.append(f"{at}: unknown qualifier {e.get('qualifier')!r}")
                    if ds == "trade" and not e.get("indicator"):
                        errors.append(f"{at}: missing indicator")
                    if ds == "fdi" and not e.get("measure"):
                        errors.append(f"{at}: missing measure")
                    for k in ("exporter", "importer", "reporter", "investor", "host"):
                        if e.get(k) is not None and not ISO3.match(str(e[k])):
                            errors.append(f"{at}: {k} is not alpha-3: {e[k]!r}")
                if ds == "visits":
                    for k in ("visitor_country", "host_country"):
                        if e.get(k) is not None and not ISO3.match(str(e[k])):
                            errors.append(f"{at}: {k} is not alpha-3: {e[k]!r}")
                    if not e.get("kind"):
                        errors.append(f"{at}: missing kind")
                if ds == "agreements":
                    if e.get("event") not in EVENTS:
                        errors.append(f"{at}: unknown event {e.get('event')!r}")
                    if not e.get("kind") or not e.get("title"):
                        errors.append(f"{at}: missing kind or title")
                if e.get("section") is not None and e["section"] not in SECTIONS:
                    errors.append(f"{at}: unknown section {e['section']!r}")
                if e.get("basis") is not None and e["basis"] not in BASES:
                    errors.append(f"{at}: unknown basis {e['basis']!r}")
                if "optional" in e and e["optional"] is not True:
                    errors.append(f"{at}: optional must be true or absent")
                if e.get("optional"):
                    opt += 1
                else:
                    req += 1
            counts[ds] = (req, opt)
            totals[ds][0] += req
            totals[ds][1] += opt
        for i, x in enumerate(doc.get("excluded") or []):
            if not isinstance(x.get("line"), int) or not (1 <= x["line"] <= n) or not x.get("reason"):
                errors.append(f"{where}: excluded[{i}]: bad line or missing reason")
        print(f"{where:40s} " + " ".join(f"{counts[d][0]:>9d}+{counts[d][1]:<2d}" for d in DATASETS))
    print(f"{'TOTAL':40s} " + " ".join(f"{totals[d][0]:>9d}+{totals[d][1]:<2d}" for d in DATASETS))
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
