# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install system-packages messages check-messages lint typecheck format bench \
	benchmark bench-public benchmark-bomb screenshots clean

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-packages
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: system-packages $(STAMP)

# gettext compiles the German catalogue; WeasyPrint needs Pango and HarfBuzz's subsetter; the
# browser tests (tests/e2e/) drive Debian's Chromium with Playwright; the PDF tests check every
# file's structure with qpdf. Installed only where missing.
system-packages:
	@if ! command -v msgfmt >/dev/null || ! ldconfig -p | grep -q libpango-1.0 \
		|| ! ldconfig -p | grep -q libharfbuzz-subset || ! command -v chromium >/dev/null \
		|| ! command -v qpdf >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq gettext libpango-1.0-0 libpangoft2-1.0-0 \
			libharfbuzz-subset0 chromium qpdf; \
	fi

messages: install
	DJANGO_DEBUG=true $(MANAGE) compilemessages --ignore=.venv -v0

run: install messages
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(MANAGE) migrate --noinput -v0
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(MANAGE) load_demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} HOST=$(HOST) PORT=$(PORT) PYTHON=$(BIN)/python \
		bash .ci/run-dev

test: install messages
	$(BIN)/pytest

# Fails when the code has strings that the German catalogue lacks, or German entries are
# empty or fuzzy.
check-messages: $(STAMP)
	bash .ci/check-messages

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with django-stubs on core/ and the services modules ([tool.mypy] in pyproject.toml).
typecheck: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Staff pages at demo scale 10 and the load test (docs/benchmarks.md); installs wrk if missing.
bench benchmark: install messages
	bash .ci/benchmark

# The public pages' load test: 200 anonymous clients, /public/ against the public floor page
# (docs/benchmarks.md, "Öffentliche Seiten"); installs wrk if missing.
bench-public: install messages
	bash .ci/benchmark-public

# A gunicorn worker's peak memory while it refuses 1 GB zip bombs (docs/benchmarks.md).
benchmark-bomb: install messages
	$(BIN)/python .ci/benchmark_bomb.py

# PNGs of the main pages from the demo data into docs/screenshots/ (not part of `make test`).
screenshots: install messages
	$(BIN)/pytest tests/e2e/screenshots.py -p no:cacheprovider

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
