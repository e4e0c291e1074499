#!/usr/bin/env bash
# Browser assets: install the exact versions of package-lock.json from the npm registry, then copy
# what the web app serves into bot/web/static/vendor (git-ignored). Called by `make assets`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js and npm first (Debian: apt-get install -y nodejs npm)." >&2
  exit 1
fi
# --ignore-scripts: no package may run code at install time; --omit=dev: browser tests' tools stay optional.
npm ci --no-audit --no-fund --ignore-scripts --omit=dev --loglevel=error

vendor=bot/web/static/vendor
mkdir -p "$vendor"
client=node_modules/socket.io-client
cp "$client/dist/socket.io.esm.min.js" "$client/dist/socket.io.esm.min.js.map" "$vendor/"
cp "$client/LICENSE" "$vendor/socket.io-client.LICENSE.txt"
echo "Web assets ready in $vendor (socket.io-client $(node -p "require('./$client/package.json').version"))."
