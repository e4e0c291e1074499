#!/usr/bin/env bash
# Train the Rasa model only when what it is built from changed: data, config, domain, our NLU code in
# bot/nlp and bot/rasa_server/nlu, the crisis classifier's extra examples in data/safety, and the
# registry of profile facts without its text patterns (only the action server reads those).
# Concurrent callers wait for one another; the model file is replaced atomically.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=models/drogowskaz.tar.gz
STAMP=models/.fingerprint
mkdir -p models
exec 9>models/.train.lock
flock 9
.venv/bin/python -m bot.responses --write  # Rasa's responses from the message catalogue
fingerprint=$( (cat config.yml domain/*.yml $(find data/nlu data/safety languages data/rules.yml data/stories.yml bot/nlp bot/rasa_server/nlu -type f \( -name '*.yml' -o -name '*.py' \) | sort) bot/facts_registry/*.py; .venv/bin/python -m bot.facts_registry model-input) | sha256sum | cut -d' ' -f1)
if [ -f "$MODEL" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$fingerprint" ]; then
  echo "Model is up to date ($MODEL)."
  exit 0
fi
echo "Training the model (data or configuration changed)…"
tmp=$(mktemp -d models/.training.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
RASA_TELEMETRY_ENABLED=false .venv/bin/rasa train --domain domain --fixed-model-name drogowskaz --out "$tmp" --quiet
mv "$tmp/drogowskaz.tar.gz" "$MODEL"
echo "$fingerprint" > "$STAMP"
