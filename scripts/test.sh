#!/usr/bin/env bash
# `make test`: lint, the Rasa data, then the fast suites while the model trains, then the end-to-end suite.
#
# Training (DIET, tens of minutes on a clean clone) keeps about one core busy, so it runs in the
# background from the start while the fast suite and its two moved-clock runs use the cores beside it;
# the end-to-end suite waits for the model (its fixtures call scripts/train.sh, which is up to date by
# then). Each phase's start time is printed, and the 25 slowest end-to-end tests, so a trim is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
TRAIN_LOG=var/make-test-train.log
phase() { date +"%T $*"; }

# Seconds, so first: lint and formatting, then the Rasa data (rasa data validate, failing on warnings).
.venv/bin/ruff check .
.venv/bin/ruff format --check .
$PY -m scripts.validate_rasa_data --domain domain --data data --config config.yml
scripts/browser.sh
scripts/databases.sh
# Rasa's responses from the message catalogue, before anything reads the domain (train.sh writes them
# again only when they changed).
$PY -m bot.responses --write

mkdir -p var
phase "model training in the background ($TRAIN_LOG)"
setsid scripts/train.sh >"$TRAIN_LOG" 2>&1 &
training=$!
stop_training() { kill -- "-$training" 2>/dev/null || true; }
trap stop_training EXIT

# No test may depend on today's date: the fast suite again, on two days to come.
phase "fast suite"
$PY -m pytest -m "not e2e" -n 2
phase "fast suite on moved clocks"
$PY -m pytest -q -m "not e2e" -n 2 --clock=2027-06-01
$PY -m pytest -q -m "not e2e" -n 2 --clock=2030-01-01

phase "waiting for the model"
status=0
wait "$training" || status=$?
trap - EXIT
cat "$TRAIN_LOG"
if [ "$status" -ne 0 ]; then
  echo "Training failed (exit $status); see above." >&2
  exit "$status"
fi
# The end-to-end suite: real servers, one at a time (its servers already use both cores).
phase "end-to-end suite"
$PY -m pytest -m e2e --durations=25
phase "done"
