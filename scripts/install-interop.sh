#!/usr/bin/env bash
# Installs the third-party tools the interoperability tests use. Idempotent:
# each step does nothing when its tools are already there.
#
# - npm packages into the project (test/interop/node_modules), pinned by
#   test/interop/package-lock.json: DuckDB (@duckdb/node-api), hyparquet and
#   hyparquet-compressors, parquet-wasm and apache-arrow, ajv-cli and
#   ajv-formats;
# - Debian packages, only those missing, with apt-get (as root, or through
#   sudo): libreoffice-calc-nogui (LibreOffice headless), miller and
#   csvkit (CSV lint), python3-pandas (pandas for /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../test/interop"

command -v npm >/dev/null || { echo "install-interop: npm is required" >&2; exit 1; }
stamp=node_modules/.claimpack-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "install-interop: npm install in test/interop (versions pinned by package-lock.json)" >&2
  # npm install, not npm ci: the lock file lists each reader's native
  # binding for this platform only (the registry reachable here serves no
  # others), and npm ci rejects a lock without every platform's optional
  # packages. With a lock that satisfies package.json, npm install installs
  # exactly its versions.
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

debs=(libreoffice-calc-nogui miller csvkit python3-pandas)
missing=()
for p in "${debs[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || { echo "install-interop: apt-get is required to install ${missing[*]}" >&2; exit 1; }
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "install-interop: apt-get install ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
