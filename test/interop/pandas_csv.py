"""pandas reads every CSV of a package with the recipe of the package's own
README.md (the read_csv function in its pandas section), and gets the CSV's
rows and values with the types the Table Schema declares: integers as
Int64, numbers as float64, dates as datetime64, text as str with the
formula guard removed and non-ASCII text intact, lists as lists of str,
empty cells as missing. The reference is the CSV read by Python's csv
module.

usage: python3 pandas_csv.py PACKAGE_DIR...
"""
import csv
import json
import math
import os
import re
import sys

import pandas as pd

GUARD = re.compile(r"^'(?='*[=+\-@\t\r])")


def recipe(package):
    """Returns the README's read_csv function."""
    with open(os.path.join(package, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    code = next(b for b in blocks if "def read_csv" in b)
    code = code[: code.index("trade = read_csv")]  # the definition, not the example call
    scope = {}
    exec(code, scope)
    return scope["read_csv"]


def expected(field, text):
    text = GUARD.sub("", text) if field["type"] == "string" else text
    if "delimiter" in field:
        return None if text == "" else text.split(field["delimiter"])
    if text == "":
        return None
    return {"integer": int, "number": float}.get(field["type"], str)(text)


def actual(field, v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if field["type"] == "date":
        return v.strftime("%Y-%m-%d")
    if field["type"] == "integer":
        return int(v)
    if field["type"] == "number":
        return float(v)
    return v


def check(package, read_csv, name, fields, problems):
    with open(os.path.join(package, name + ".csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    df = read_csv(name, package=package)
    if len(df) != len(rows):
        problems.append(f"{len(df)} rows, the CSV has {len(rows)}")
    want_dtype = {"integer": "Int64", "number": "float64", "date": "datetime64[ns]"}
    for f in fields:
        got = str(df[f["name"]].dtype)
        want = want_dtype.get(f["type"], "object")
        if got != want:
            problems.append(f"{f['name']} is {got}, want {want}")
    bad = 0
    for i, row in enumerate(rows):
        for k, f in enumerate(fields):
            w, g = expected(f, row[k]), actual(f, df.iat[i, k])
            if w != g or type(w) is not type(g):
                bad += 1
                if bad <= 10:
                    problems.append(f"row {i + 1} {f['name']}: {g!r}, CSV {w!r}")
    return len(rows)


def main():
    if len(sys.argv) < 2:
        print("usage: python3 pandas_csv.py PACKAGE_DIR...", file=sys.stderr)
        sys.exit(2)
    passed = failed = 0
    for package in sys.argv[1:]:
        with open(os.path.join(package, "datapackage.json"), encoding="utf-8") as f:
            desc = json.load(f)
        read_csv = recipe(package)
        for r in desc["resources"]:
            if r.get("type") != "table" or r["format"] != "csv" or "/" in r["path"]:
                continue
            problems = []
            try:
                n = check(package, read_csv, r["name"], r["schema"]["fields"], problems)
            except Exception as e:  # the recipe itself failed
                problems.append(f"{type(e).__name__}: {e}")
                n = 0
            label = f"{os.path.join(package, r['path'])}: {n} rows read by the README's pandas recipe (pandas {pd.__version__})"
            if problems:
                failed += 1
                print("FAIL " + label, file=sys.stderr)
                for p in problems:
                    print("     " + p, file=sys.stderr)
            else:
                passed += 1
                print("ok   " + label)
    print(f"pandas: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
