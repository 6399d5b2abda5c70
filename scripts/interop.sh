#!/usr/bin/env bash
# Runs the interoperability tests against package directories: the tools
# people use must read what claimpack wrote (see README.md, "Interoperability
# tests"). Every check runs even when an earlier one fails; the exit status
# is 1 when any failed.
# usage: scripts/interop.sh PACKAGE_DIR...
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/interop.sh PACKAGE_DIR..." >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
pkgs=()
for p in "$@"; do pkgs+=("$(cd "$p" && pwd)"); done
"$here/scripts/install-interop.sh" || exit 1
profile=$(cd "$here/.." && pwd)/shared/datapackage-profiles/2.0/datapackage.json
GO=${GO:-go}

status=0
run() {
  echo "== $*"
  "$@" || status=1
}

# datapackage.json against the official Data Package v2 profile.
profile_check() {
  local passed=0 failed=0 out
  [ -f "$profile" ] || { echo "FAIL no profile at $profile" >&2; return 1; }
  for p in "${pkgs[@]}"; do
    if out=$(cd "$here/test/interop" && node_modules/.bin/ajv validate --spec=draft7 --strict=false -c ajv-formats -s "$profile" -d "$p/datapackage.json" --errors=text 2>&1); then
      echo "ok   $p/datapackage.json is valid against the Data Package 2.0 profile (ajv)"; passed=$((passed + 1))
    else
      echo "FAIL $p/datapackage.json against the Data Package 2.0 profile (ajv)" >&2
      grep -v 'unknown format "textarea"' <<<"$out" >&2; failed=$((failed + 1))
    fi
  done
  echo "datapackage-profile: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

# Every CSV (and its Excel copy) through two strict CSV readers: miller
# fails on a ragged row or a broken quote, csvclean -n reports any row
# whose length differs from the header's.
csv_lint() {
  local passed=0 failed=0 f out
  for p in "${pkgs[@]}"; do
    for f in "$p"/*.csv "$p"/excel/*.csv; do
      if ! out=$(mlr --icsv --ojson cat "$f" 2>&1 >/dev/null); then
        echo "FAIL $f: miller: $out" >&2; failed=$((failed + 1)); continue
      fi
      out=$(csvclean -n "$f" 2>&1)
      if [ "$out" != "No errors." ]; then
        echo "FAIL $f: csvclean: $out" >&2; failed=$((failed + 1)); continue
      fi
      echo "ok   $f passes miller and csvclean"; passed=$((passed + 1))
    done
  done
  echo "csv-lint: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

cd "$here/test/interop"
run node duckdb.mjs "${pkgs[@]}"
run node hyparquet.mjs "${pkgs[@]}"
run node parquet-wasm.mjs "${pkgs[@]}"
run /usr/bin/python3 pandas_csv.py "${pkgs[@]}"
cd "$here"
run "$GO" run ./test/interop/libreoffice "${pkgs[@]}"
run profile_check
run csv_lint
if [ "$status" = 0 ]; then echo "interop: all checks passed"; else echo "interop: some checks failed" >&2; fi
exit "$status"
