#!/usr/bin/env bash
# Runs the interoperability tests against a package directory: third-party
# readers must read what claimpack wrote.
# usage: scripts/interop.sh PACKAGE_DIR
set -euo pipefail
pkg=${1:?usage: scripts/interop.sh PACKAGE_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-interop.sh"
node "$here/test/interop/duckdb.mjs" "$pkg"
