# Every target sets up .venv first (from pyproject.toml), so each works on a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build check lint test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr localhost:8000

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/curriculum check

lint: setup
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks
	$(BIN)/mypy

test: setup lint check
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/check_speed.py

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
	find site-src -mindepth 1 ! -name .gitignore -delete
