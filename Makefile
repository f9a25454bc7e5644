# The two commands: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_DEBUG ?= 1

.PHONY: run test setup install system-deps browser lint mutation benchmark benchmark-scoring benchmark-pdf benchmark-dashboard benchmark-peers multi-server-check clean

run: setup  ## set everything up and serve the app on http://127.0.0.1:8000 (SQLite, demo data)
	$(BIN)/python manage.py seed_demo
	@echo "Serving on http://127.0.0.1:8000, with a worker for PDFs and emails (Ctrl-C stops both)"
	$(BIN)/python manage.py worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' INT TERM EXIT; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install browser  ## set up and run the whole test suite, browser tests included
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_questionnaire
	$(BIN)/python manage.py rescore_audits

install: system-deps $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

system-deps:  ## the C libraries WeasyPrint needs (installed when run as root)
	@sh scripts/system-deps.sh pdf

browser:  ## Debian's Chromium for the browser tests (installed when run as root)
	@sh scripts/system-deps.sh browser

benchmark: install  ## the app against a bare Django page under gunicorn on PostgreSQL, and every figure below (about 15 minutes)
	@sh scripts/system-deps.sh bench
	$(BIN)/python benchmarks/run.py

multi-server-check: install  ## two app servers, a worker and S3 on loopback: an owner and a consultant walk across them
	$(BIN)/python scripts/multi_server_check.py

benchmark-scoring: setup  ## time the scoring of 10,000 random audits
	$(BIN)/python manage.py benchmark_scoring --audits 10000

benchmark-pdf: setup  ## time the PDF: first render, cached download, memory after 200 renders
	$(BIN)/python manage.py benchmark_pdf

benchmark-dashboard: setup  ## time the consultant dashboard at 1,000 and 100,000 audits (set DATABASE_URL)
	$(BIN)/python manage.py benchmark_dashboard

benchmark-peers: setup  ## time the peer statistics' rebuild, the results page with and without the comparison, and a 5,000-client portfolio, at 100,000 audits (set DATABASE_URL)
	$(BIN)/python manage.py benchmark_peers

lint: install  ## style, types, migrations and the calibration table, as CI checks them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py calibration_table --check

mutation: install  ## mutation-test the scoring, access, flow, dashboard, export, mail and report rules (about 30 minutes); lists the survivors
	rm -rf mutants
	$(BIN)/mutmut run || true
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) *.egg-info staticfiles mutants
