# Two commands do everything on a fresh machine:
#   make demo   installs, migrates, loads demo content and serves http://127.0.0.1:8000
#   make test   installs test dependencies (and Debian's chromium), checks formatting, lint and
#               import boundaries, and runs the whole suite on SQLite and again on PostgreSQL
#               (127.0.0.1:5432) when it is reachable
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
CONSTRAINTS := requirements/constraints.txt
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: demo install install-test browser-deps lint messages test test-sqlite test-postgres lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Bytecode written at install: the project (pip does not compile an editable install) and its
# dependencies (pip compiles what it installs, unless told not to; checked again, cheaply). A
# server that runs the code read-only would otherwise compile every module at each start, and
# a fresh worker never writes .pyc files while it serves.
install: $(BIN)/python
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	$(BIN)/python -m compileall -q -j 0 -x '/(\.venv|\.git|var|build)/' .
	$(BIN)/python -m compileall -q -j 0 "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"

install-test: $(BIN)/python
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[test]"

# collectstatic writes the hashed static file names and their manifest (docs/security-headers.md).
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py load_demo
	BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's chromium; Playwright never downloads a browser here. The Nu HTML
# checker (vnu.jar, pinned in tests/tools/package-lock.json) runs on Debian's Java runtime.
VNU_JAR := tests/tools/node_modules/vnu-jar/build/dist/vnu.jar
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium fonts-noto-cjk"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing (Debian packages) for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@[ -f $(VNU_JAR) ] || npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts --loglevel=error

# Message catalogues of the shell, the services and the plugins: English to translate by hand;
# zh_Hans is the identity (msgstr = msgid), so that a Chinese string is found in the first
# catalogue instead of walking Django's dozen zh-hans fallbacks (7 µs a call, ~200 a page).
# An English msgid (a Wagtail string a plugin's copy of a Wagtail template uses) stays
# untranslated there, so that Wagtail's own Chinese answers it.
# A folder with a locale/ of its own inside an app (the shell's parts: site/review, …) keeps its
# own catalogue and is left out of its parent's.
CATALOGUE_APPS ?= site site/review site/moderation site/screening site/notifications site/accounts site/privacy site/publicforms media search honors memorials memorials/tributes memorials/sweeping campaigns/seekrelatives campaigns/talks campaigns/talks/speakerprofiles campaigns/education
messages: install
	for app in $(CATALOGUE_APPS); do \
		ignores=$$(for d in $$app/*/locale; do [ -d "$$d" ] && printf -- "--ignore=%s/* " "$$(basename $$(dirname $$d))"; done); \
		(cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l en -l zh_Hans --no-location $$ignores) || exit 1; \
		po=$$app/locale/zh_Hans/LC_MESSAGES/django.po; msgen $$po -o $$po && \
		$(BIN)/python -c "import re,sys; p=sys.argv[1]; s=open(p).read(); s=re.sub(r'\nmsgstr\[1\] .*(\n\".*\")*', '', s); s=re.sub(r'(\nmsgid (\"[^\n]*\")\nmsgid_plural .*\nmsgstr\[0\] )\"\"', r'\1\2', s); open(p,'w').write(re.sub(r'(\nmsgid \"([ -~]+)\"\nmsgstr )\"\2\"', r'\1\"\"', s))" $$po || exit 1; \
		(cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py compilemessages) || exit 1; \
	done

# Formatting, lint and the import boundaries of docs/plugins.md (import-linter contracts).
lint: install-test
	@echo "== ruff and import-linter"
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

test: install-test browser-deps
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# worksteal: a worker that is done takes tests from the other (the plugin switch-off runs, a
# minute each, would otherwise queue up on one worker at the end).
test-sqlite:
	@echo "== test suite on SQLite"
	env -u DATABASE_URL -u REDIS_URL -u ELASTICSEARCH_URL $(BIN)/python -m pytest -n 2 --dist worksteal $(PYTEST_ARGS)

# The browser tests (Chromium) run in the SQLite pass; what differs between the databases is
# covered by the tests below the pages, so the PostgreSQL pass leaves them out to keep CI under
# 25 minutes (PG_PYTEST_ARGS= brings them back).
PG_PYTEST_ARGS ?= --ignore=tests/browser
test-postgres:
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== test suite on PostgreSQL ($(PG_TEST_URL))"; \
		if $(BIN)/python -c "import redis; redis.Redis.from_url('$(REDIS_TEST_URL)', socket_timeout=2).ping()" 2>/dev/null; then \
			REDIS="$(REDIS_TEST_URL)"; echo "   with Redis at $$REDIS"; else REDIS=""; fi; \
		DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$$REDIS $(BIN)/python -m pytest -n 2 --dist worksteal $(PG_PYTEST_ARGS) $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL at $(PG_TEST_URL) is not reachable: PostgreSQL pass SKIPPED"; \
	fi

# Pin every dependency of a working environment, so that a fresh install is reproducible.
lock: install-test
	$(PIP) freeze --exclude-editable | grep -v '^-e ' > $(CONSTRAINTS)

bench:
	@ls bench/*.py

clean:
	rm -rf $(VENV) var build *.egg-info tests/tools/node_modules
