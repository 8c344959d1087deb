# Every target sets up .venv first (from pyproject.toml), so each works on a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Builds are byte-identical whatever the day: dates in the site (the sitemap's) are the last commit's.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup browser serve preview build check lint test quick bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# axe-core for the accessibility tests, pinned in package-lock.json (the site itself uses no npm).
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's chromium (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "chromium is missing: install Debian's chromium package to run the browser tests"

serve: setup
	$(BIN)/mkdocs serve --dev-addr localhost:8000

# An author's preview: one language beside the source language, optionally one module:
# `make preview lang=fr module=javascript` (both optional). About a fifth of the full build.
preview: setup
	$(BIN)/python -m curriculum_mkdocs.preview --lang "$(lang)" --module "$(module)"

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/curriculum check

lint: setup
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks
	$(BIN)/mypy

# The tests write and remove about 300 MB of small files a run (the small curriculum copied for
# each test, the sites built): in memory when the machine has room for them (/dev/shm with 2 GB
# free), unless TMPDIR says where. On a disk that discards each block removed, writing them and
# removing the last run's cost a third of `make quick`. A passing test's folder is removed once it
# is done (pyproject.toml, tmp_path_retention_policy), so they do not stay in memory.
IN_MEMORY = $(shell $(PYTHON) -c 'import os, shutil; d = "/dev/shm"; print(d if os.path.isdir(d) \
  and os.access(d, os.W_OK) and shutil.disk_usage(d).free > 2 << 30 else "")' 2>/dev/null)
TEST_TMPDIR = $(or $(TMPDIR),$(IN_MEMORY))
TEST_ENV = PATH="$(CURDIR)/$(BIN):$$PATH" $(if $(TEST_TMPDIR),TMPDIR="$(TEST_TMPDIR)")

# Test files run in parallel, one worker per core; a file's tests stay on one worker, so each
# shared build (the small site, the varied site, the full site) is made once.
test: setup browser node_modules/.installed lint check
	$(TEST_ENV) REQUIRE_BROWSER=1 $(BIN)/python -m pytest -n auto --dist loadfile

# The inner loop: everything but the browser tests and the tests marked `site` (each builds a site
# of its own, serves one or runs a benchmark), with fewer property-based examples.
quick: setup
	$(TEST_ENV) FUZZ_EXAMPLES=100 $(BIN)/python -m pytest -n auto \
	  --dist loadfile --ignore-glob='tests/test_browser*' -m 'not site'

# The scaling benchmark takes about five minutes on 2 cores (its 16x build, four).
bench: setup browser
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/overhead.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/page_weight.py
	$(BIN)/python benchmarks/preview.py
	$(BIN)/python benchmarks/parallel.py

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
	find site-src -mindepth 1 ! -name .gitignore -delete
