# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
SHARED ?= ../shared
DB ?= tripwire.db
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: demo test score lint clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@$(BIN)/python -m compileall -q src >/dev/null  # as pip does for a regular install
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

## demo: install tripwire, ingest ../shared/corpus into $(DB) (SQLite) and print the ledger
demo: $(VENV)/.installed
	TRIPWIRE_SANCTIONS_DIR=$(SHARED)/data/sanctions $(BIN)/tripwire ingest $(SHARED)/corpus --db $(DB)
	$(BIN)/tripwire ledger --db $(DB)

## test: install test tools, PostgreSQL and Chromium if missing, run the suite, then score
test: $(VENV)/.installed-test lint
	@bash .ci/chromium.sh
	TRIPWIRE_TEST_PG="$$(bash .ci/postgres.sh)" TRIPWIRE_SHARED=$(SHARED) $(BIN)/pytest -q
	@$(MAKE) --no-print-directory score

## score: ingest the corpus into a fresh database, export it and score it against the gold
score: $(VENV)/.installed
	@mkdir -p $(OUT)
	@rm -f $(OUT)/score.db*
	TRIPWIRE_SANCTIONS_DIR=$(SHARED)/data/sanctions $(BIN)/tripwire ingest $(SHARED)/corpus --db $(OUT)/score.db
	$(BIN)/tripwire export --db $(OUT)/score.db -o $(OUT)/export.jsonl
	$(BIN)/python $(SHARED)/tools/score_events.py $(SHARED)/gold $(OUT)/export.jsonl
	$(BIN)/tripwire eval $(SHARED)/gold --db $(OUT)/score.db

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/tripwire

clean:
	rm -rf $(OUT) $(VENV) tripwire.db*
