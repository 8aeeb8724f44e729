# The two commands: `make demo` and `make test`. Both set up everything on a fresh machine.
VENV := .venv
BIN := $(VENV)/bin
DATA ?= ./pledgetrack-data

.PHONY: demo test setup setup-test lint typecheck bench clean

setup:
	@scripts/bootstrap.sh runtime

setup-test:
	@scripts/bootstrap.sh test

demo: setup
	PLEDGETRACK_DATA=$(DATA) $(BIN)/pledgetrack demo

test: setup-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	scripts/run-tests.sh

lint: setup-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: setup-test
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) $(DATA) .pytest_cache .mypy_cache .ruff_cache
