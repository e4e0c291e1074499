#!/usr/bin/env bash
# What the browser tests (tests/e2e/test_e2e_browser.py → tests/web/browser/) need: Debian's
# Chromium at /usr/bin/chromium and the playwright-core driver at the exact version of
# package.json and package-lock.json. Installs only what is missing, so it is quick when all is there.
# playwright-core only drives the browser: it downloads none (never run `playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing: run 'apt-get install -y chromium' as root (Debian's package, $CHROMIUM)." >&2
    exit 1
  fi
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js and npm first (Debian: apt-get install -y nodejs npm)." >&2
  exit 1
fi
wanted=$(node -p "require('./package.json').devDependencies['playwright-core']")
installed=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch { '' }")
if [ "$installed" != "$wanted" ]; then
  # Exactly the lock's versions, dev dependencies included (scripts/assets.sh leaves them out);
  # --ignore-scripts: no package may run code at install time.
  echo "Installing playwright-core $wanted (package-lock.json)…"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
echo "Browser tests ready: $("$CHROMIUM" --version 2>/dev/null), playwright-core $wanted."
