#!/usr/bin/env bash
# What the production-profile tests (tests/e2e/test_e2e_production.py) need: Debian's PostgreSQL
# and Redis servers. Installs only what is missing; the tests start their own throw-away
# instances on free loopback ports (tests/databases.py), never the system services.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing ${missing[*]}: run 'apt-get install -y ${missing[*]}' as root (Debian's packages)." >&2
    exit 1
  fi
  echo "Installing Debian's ${missing[*]} for the production-profile tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -1)
echo "Database servers ready: $("$initdb" --version), $(redis-server --version | cut -d' ' -f1-3)."
