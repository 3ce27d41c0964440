# Lobra: `make run` starts the demo on SQLite, `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export DEBUG ?= 1

.PHONY: run test lint bench system-deps messages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements-dev.txt
	touch $(STAMP)

# Debian packages: fast WeasyPrint font subsetting, fonts with åäö, pdftoppm, Chromium for browser tests, wrk,
# gettext for `make messages`.
system-deps:
	@missing=""; for p in libharfbuzz-subset0 fonts-noto-core fonts-dejavu-core poppler-utils chromium wrk gettext; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installerar Debian-paket:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: export TASK_BACKEND = immediate
run: $(STAMP) system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Lobra körs på http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist; each worker has its own test database) and says how long it took.
TEST_WORKERS ?= auto
test: $(STAMP) system-deps
	@start=$$(date +%s); $(PY) -m pytest -n $(TEST_WORKERS); status=$$?; \
	  echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# make bench: PostgreSQL database lobra_bench, scale data generated once per size and reused.
BENCH_COUNCILS ?= 300
BENCH_YEARS ?= 10
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lobra_bench
BENCH_ENV = DEBUG=0 DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=benchmarks.settings

bench: $(STAMP) system-deps
	@pg_isready -h 127.0.0.1 -p 5432 -q || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | head -n1)" main start; \
	  for _ in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; }
	$(BENCH_ENV) $(PY) -m benchmarks.database
	$(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	$(BENCH_ENV) $(PY) manage.py generate_scale_data --councils $(BENCH_COUNCILS) --years $(BENCH_YEARS) --replace
	$(BENCH_ENV) $(PY) manage.py bench

# make messages: collect the Swedish msgids into the English catalogue and compile it (the .mo is committed,
# so running Lobra needs no gettext). Translate what makemessages adds in locale/en/LC_MESSAGES/django.po.
MESSAGES_IGNORE = --ignore=.venv --ignore=staticfiles --ignore='tests/*' --ignore='benchmarks/*' --ignore='demo/*'
messages: $(STAMP) system-deps
	$(PY) manage.py makemessages -l en --no-location $(MESSAGES_IGNORE)
	msgattrib --no-obsolete -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
