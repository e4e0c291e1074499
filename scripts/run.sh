#!/usr/bin/env bash
# Start every service in the foreground; Ctrl-C stops them all. Called by `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

# RASA_AUTH_TOKEN: the HTTP API never runs without one; generate and keep it in .env (git-ignored).
if [ -f .env ]; then set -a; . ./.env; set +a; fi
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  RASA_AUTH_TOKEN=$($PY -c 'import secrets; print(secrets.token_urlsafe(32))')
  echo "RASA_AUTH_TOKEN=$RASA_AUTH_TOKEN" >> .env
  echo "Generated RASA_AUTH_TOKEN and stored it in $(pwd)/.env"
fi
export RASA_AUTH_TOKEN
. scripts/env.sh

# Validate and load the knowledge base first: bad data stops everything with a clear message.
$PY -m bot.knowledge.loader
scripts/train.sh

pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" & pids+=($!)
# The Rasa server through our entry point: it installs every extension, then runs `rasa run` (bot/rasa_server).
$PY -m bot.rasa_server run --model models/drogowskaz.tar.gz --port "$RASA_PORT" --enable-api \
  --auth-token="$RASA_AUTH_TOKEN" --cors "$CORS_ORIGINS" \
  --credentials credentials.yml --endpoints endpoints.yml & pids+=($!)
$PY -m bot.web & pids+=($!)
echo "Web app http://localhost:$WEB_PORT · Rasa http://localhost:$RASA_PORT · actions http://localhost:$ACTION_PORT"
wait -n "${pids[@]}"
