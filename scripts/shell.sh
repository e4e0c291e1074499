#!/usr/bin/env bash
# Talk to the assistant in this terminal (`make shell`): starts the action server beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
.venv/bin/python -m bot.knowledge.loader
scripts/train.sh
.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" > var/actions-shell.log 2>&1 &
actions=$!
trap 'kill $actions 2>/dev/null || true' EXIT
.venv/bin/python -m bot.rasa_server shell --model models/drogowskaz.tar.gz --endpoints endpoints.yml
