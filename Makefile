# The verbs a newcomer types. Everything installs into .venv at the repo root.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: demo test test-postgres lint format bench chromium system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-runtime

demo: $(VENV)/.installed-runtime
	$(BIN)/quietroom demo

# The browser tests need Debian's Chromium; install it when it is missing (root on Debian).
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Chromium, wrk for the load test (quietroom/reliability) and redis-server, which the tests
# start themselves for the page cache shared by many hosts; installed only when missing.
system-packages: chromium
	@command -v wrk >/dev/null || { \
	  echo "Installing Debian's wrk for the load test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	@command -v redis-server >/dev/null || { \
	  echo "Installing Debian's redis-server for the shared page-cache tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; }

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check --tabwidth 2 quietroom/*/templates

# Two passes: what measures nothing two at a time (pytest-xdist), then, alone, what measures
# time, memory or load, or restarts shared servers (marked serial).
test: $(VENV)/.installed-test system-packages lint
	$(BIN)/pytest -n 2 --dist worksteal -m "not serial"
	$(BIN)/pytest -m serial

# On the PostgreSQL named by DATABASE_URL: the tests of the database's own behaviour
# (ON_POSTGRES_TOO in quietroom/conftest.py) and the PostgreSQL fault tests (marked postgres).
# The rest (marked once) and those on a SQLite server of their own ran in `make test`.
test-postgres: $(VENV)/.installed-test
	@test -n "$(DATABASE_URL)" || { echo "DATABASE_URL must point at a PostgreSQL server"; exit 2; }
	$(BIN)/pytest -n 2 --dist worksteal -m "not serial and not browser and not sqlite_server and not once"
	$(BIN)/pytest -m "serial and not browser and not sqlite_server and not once"

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml --tabwidth 2 quietroom/*/templates

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

bench: $(VENV)/.installed-test
	bench/run
