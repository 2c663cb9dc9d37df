# The two commands a newcomer needs (see README):
#   make run   set up and run the app (embedded: SQLite, in-process tasks, no services)
#   make test  set up and run every test (PostgreSQL, Redis, a Celery worker, Graphviz, Chromium)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR ?= $(CURDIR)/data
export DATA_DIR

.PHONY: run test system-packages lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Re-install only when a requirements file changed.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# The real tools that judge the generated ORM code (Prisma, tsc, Drizzle, TypeORM, Mongoose),
# pinned in tests/package-lock.json: installed again only when the lock changes.
tests/node_modules/.installed: tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund
	touch $@

# The DBML reference parser (@dbml/core, pinned in its package-lock.json) runs in Node:
# DBML import needs it in `make run` as much as in `make test`.
DBML_NODE := designer/formats/dbml_node
$(DBML_NODE)/node_modules/.package-lock.json: $(DBML_NODE)/package-lock.json
	@command -v npm >/dev/null || { echo "DBML import needs Node.js 18+ and npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	npm ci --prefix $(DBML_NODE) --no-audit --no-fund --silent

# Prisma's own schema parser (@prisma/prisma-schema-wasm, pinned in its package-lock.json)
# reads .prisma files for import: needed in `make run` as much as in `make test`.
PRISMA_NODE := designer/formats/prisma_node
$(PRISMA_NODE)/node_modules/.package-lock.json: $(PRISMA_NODE)/package-lock.json
	@command -v npm >/dev/null || { echo "Prisma import needs Node.js 18+ and npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	npm ci --prefix $(PRISMA_NODE) --no-audit --no-fund --silent

# Graphviz draws the diagrams; Chromium runs the browser tests. Installed from Debian's
# packages when missing and we may (root or sudo); otherwise say how.
system-packages:
	@bash .ci/system-packages $(PACKAGES)

run: $(VENV)/.runtime-installed $(DBML_NODE)/node_modules/.package-lock.json $(PRISMA_NODE)/node_modules/.package-lock.json
	@$(MAKE) --no-print-directory system-packages PACKAGES="graphviz" || echo "Diagrams need Graphviz: sudo apt-get install graphviz"
	@mkdir -p $(DATA_DIR)
	@test -s $(DATA_DIR)/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $(DATA_DIR)/secret_key
	DEBUG=1 SECRET_KEY="$$(cat $(DATA_DIR)/secret_key)" $(BIN)/python manage.py migrate --no-input
	DEBUG=1 SECRET_KEY="$$(cat $(DATA_DIR)/secret_key)" $(BIN)/python manage.py ensure_demo_user
	@echo "Open http://127.0.0.1:8000/ and log in as demo / demo (or sign up)."
	DEBUG=1 SECRET_KEY="$$(cat $(DATA_DIR)/secret_key)" $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.dev-installed tests/node_modules/.installed $(DBML_NODE)/node_modules/.package-lock.json \
      $(PRISMA_NODE)/node_modules/.package-lock.json
	@$(MAKE) --no-print-directory system-packages PACKAGES="graphviz chromium postgresql-client mariadb-client sqlite3 postgresql-15-hypopg"
	$(BIN)/ruff check .
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/designer}" \
	REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/15}" \
	SECRET_KEY="test-only" \
	$(BIN)/pytest $(PYTEST_ARGS)
