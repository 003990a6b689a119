# The two commands: `make run` (the demo site on SQLite, tasks in-process) and
# `make test` (the whole suite on PostgreSQL and Redis, with a real Celery
# worker and a real browser). Both install what they need.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/citiesgrow
CELERY_BROKER_URL ?= redis://127.0.0.1:6379/0
CHROMIUM ?= /usr/bin/chromium
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/citiesgrow_bench

# What `make test` runs with: real PostgreSQL and Redis.
TEST_ENV := DATABASE_URL=$(DATABASE_URL) CELERY_BROKER_URL=$(CELERY_BROKER_URL) \
	SECRET_KEY=test-only-secret-key-not-for-production DEBUG=0 EMAIL_URL=locmem:// \
	WHITENOISE_USE_FINDERS=1 CHROMIUM=$(CHROMIUM)
# What `make run` runs with: SQLite, no broker (tasks in-process), mails on the console.
RUN_ENV := DATABASE_URL=sqlite:///db.sqlite3 CELERY_BROKER_URL= DEBUG=1 EMAIL_URL=console:// \
	SITE_URL=http://$(HOST):$(PORT)

.PHONY: run test check lint audit format services system-packages translations messages bench performance clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed translations
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	@echo
	@echo "CITIES-GROW is starting at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo "Sign in with one of the demo logins above."
	@echo
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The French and German catalogues (locale/*/LC_MESSAGES/django.po, committed) compiled to the
# .mo files Django reads; pure Python, so no GNU gettext is needed.
translations: $(VENV)/.run-installed
	@$(RUN_ENV) $(BIN)/python manage.py compiletranslations

# After marking new strings: extract them into the catalogues (needs GNU gettext's xgettext),
# translate the empty msgstr entries, then `make translations`.
messages: $(VENV)/.run-installed
	$(RUN_ENV) $(BIN)/python manage.py makemessages --locale fr --locale de --add-location file --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*' --ignore 'media/*'

# Debian packages the tests need: Chromium for the browser tests (Playwright drives it), and
# Pango with the Noto and DejaVu fonts for WeasyPrint's PDFs (the Dockerfile installs the same).
# Quick when everything is there: one dpkg-query, no apt-get.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-dejavu-core
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done; \
		[ -x "$(CHROMIUM)" ] || echo chromium); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

services: $(VENV)/.test-installed
	@$(TEST_ENV) $(BIN)/python -m tests.services

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(VENV)/.test-installed lint
	$(BIN)/bandit -c pyproject.toml -r . -q
	$(TEST_ENV) $(BIN)/python manage.py check
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

test: $(VENV)/.test-installed system-packages services translations check
	$(TEST_ENV) $(BIN)/pytest

# Known vulnerabilities in the pinned runtime dependencies, from PyPI's advisory data (or
# AUDIT_SERVICE=osv). Not part of `make check`: it needs that service, which a CI machine may not
# reach; --strict makes a package it could not look up fail the audit instead of passing unchecked.
AUDIT_SERVICE ?= pypi
audit: $(VENV)/.test-installed
	$(BIN)/pip-audit -r requirements.txt --strict --progress-spinner off --vulnerability-service $(AUDIT_SERVICE)

# Measurements (bench/README.md): on a database of their own, which they empty.
bench: performance
	$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/library.py
	$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/notifications.py
	$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/deliverables.py

# The performance report docs/performance.md: query counts, throughput on gunicorn and a soak at 1× and
# 50× the demo, each page kept and built (about 25 minutes). PERFORMANCE_ARGS=--quick for a smoke run written to a temporary file.
performance: $(VENV)/.test-installed
	@$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m tests.services
	$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/performance.py $(PERFORMANCE_ARGS)

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
