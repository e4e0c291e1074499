# `make run` and `make test` set everything up themselves on a fresh clone (see README).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Browser assets (socket.io-client from the npm registry) copied into the web app's static folder.
ASSETS := bot/web/static/vendor/.installed
PYTHON_VERSION := $(shell cat .python-version)
BASE_PYTHON := $(shell command -v python3.10 2>/dev/null || echo $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python)

.PHONY: install assets run test knowledge train shell bench bench-bot clean retention

install: $(STAMP) $(ASSETS)

# Reinstall only when a lock, the project metadata or the Python version changed. Both locks: the
# runtime tree and the test-only packages (README, "Dependencies").
$(STAMP): requirements/runtime.lock requirements/test.lock pyproject.toml .python-version
	@test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/runtime.lock -r requirements/test.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Reinstall only when the npm lock or the copy script changed.
$(ASSETS): package.json package-lock.json scripts/assets.sh
	scripts/assets.sh
	@touch $@

assets: $(ASSETS)

knowledge: $(STAMP)
	$(PY) -m bot.knowledge.loader

train: $(STAMP)
	scripts/train.sh

shell: $(STAMP)
	scripts/shell.sh

run: $(STAMP) $(ASSETS)
	scripts/run.sh

# Lint, the Rasa data, the fast suite and two moved-clock runs while the model trains, then the
# end-to-end suite (scripts/test.sh says what and why).
test: $(STAMP) $(ASSETS)
	scripts/test.sh

bench: $(STAMP)
	$(PY) -m benchmarks.engine
	$(PY) -m benchmarks.api

# Slow (tens of minutes): NLU on the held-out set vs a baseline, full training, conversation latency,
# load, and the long conversation fuzzer run.
bench-bot: $(STAMP)
	$(PY) -m benchmarks.nlu
	$(PY) -m benchmarks.train
	scripts/train.sh
	$(PY) -m benchmarks.conversation
	$(PY) -m benchmarks.load
	$(PY) -m benchmarks.fuzz --conversations 2000

# Forget conversations older than RETENTION_DAYS (default 90) and expired conversation codes.
# Same environment as `make run` (.env, scripts/env.sh). Production runs this daily (cron or a
# systemd timer); `make retention ARGS=--dry-run` only counts.
retention: $(STAMP)
	. scripts/env.sh && $(PY) -m bot.retention $(ARGS)

clean:
	rm -rf var .pytest_cache
