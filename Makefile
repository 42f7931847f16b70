# Two commands on a fresh machine: `make run` (install, migrate, start a
# worker and the API on SQLite) and `make test` (install, run the suite).
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install run worker serve test lint spec clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# The CPU build of torch first, pinned, so nothing later pulls a CUDA build.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

run: install
	$(BIN)/stance-tracker init
	$(BIN)/stance-tracker worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/stance-tracker serve

worker: install
	$(BIN)/stance-tracker worker

serve: install
	$(BIN)/stance-tracker serve

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check service tests bench scripts
	$(BIN)/ruff format --check service tests bench scripts
	$(BIN)/mypy

spec: install
	$(BIN)/stance-tracker openapi write api_spec/openapi.json

clean:
	rm -rf $(VENV) instance
