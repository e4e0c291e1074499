# `make run` and `make test` set everything up themselves on a fresh clone (see README).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTHON_VERSION := $(shell cat .python-version)
BASE_PYTHON := $(shell command -v python3.10 2>/dev/null || echo $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python)

.PHONY: install run test knowledge train shell bench bench-bot clean

install: $(STAMP)

# Reinstall only when the lock, the project metadata or the Python version changed.
$(STAMP): requirements.lock pyproject.toml .python-version
	@test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

knowledge: $(STAMP)
	$(PY) -m bot.knowledge.loader

train: $(STAMP)
	scripts/train.sh

shell: $(STAMP)
	scripts/shell.sh

run: $(STAMP)
	scripts/run.sh

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks.engine
	$(PY) -m benchmarks.api

# Slow (tens of minutes): NLU on the held-out set vs a baseline, full training, conversation latency.
bench-bot: $(STAMP)
	$(PY) -m benchmarks.nlu
	$(PY) -m benchmarks.train
	scripts/train.sh
	$(PY) -m benchmarks.conversation

clean:
	rm -rf var .pytest_cache
