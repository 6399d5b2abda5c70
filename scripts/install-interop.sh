#!/usr/bin/env bash
# Installs the third-party readers the interoperability tests use, into the
# project (test/interop/node_modules), pinned by test/interop/package-lock.json.
# Idempotent: does nothing when the installed tree matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/../test/interop"

command -v npm >/dev/null || { echo "install-interop: npm is required" >&2; exit 1; }
stamp=node_modules/.claimpack-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "install-interop: npm install in test/interop (versions pinned by package-lock.json)" >&2
# npm install, not npm ci: the lock file lists each reader's native binding
# for this platform only (the registry reachable here serves no others), and
# npm ci rejects a lock without every platform's optional packages. With a
# lock that satisfies package.json, npm install installs exactly its versions.
npm install --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
