# newsfuse: `make demo` and `make test` each build .venv on first use.
PYTHON ?= python3
PIP_FLAGS ?= --quiet --disable-pip-version-check
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB ?= newsfuse.db

.PHONY: demo test bench lint serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_FLAGS) --upgrade pip
	$(BIN)/pip install $(PIP_FLAGS) -e '.[dev,ray]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfuse demo --db $(DEMO_DB) --shared $(SHARED)

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m newsfuse.bench

lint: $(STAMP)
	$(BIN)/ruff check newsfuse tests
	$(BIN)/ruff format --check newsfuse tests

serve: $(STAMP)
	$(BIN)/newsfuse serve --db $(DEMO_DB)

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
