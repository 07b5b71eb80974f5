# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= out/store

.PHONY: setup run test bench bench-build clean

$(BIN)/kg: pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(BIN)/kg

setup: $(BIN)/kg

run: setup
	$(BIN)/kg build seeds/ --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg query --all --store $(STORE)
	$(BIN)/kg export --store $(STORE) --format turtle --output out/seed.ttl
	@echo "Turtle export written to out/seed.ttl"

test: setup
	$(BIN)/pytest -q

bench: setup  # one table: build, validation, queries, export from 1 document to 10x the corpus
	$(BIN)/python benchmarks/scale.py --save benchmarks/results/scale-$$(date +%F-%H%M).md  # a new file each run: never over an earlier result

bench-build: setup  # the stage-by-stage build cost against bare spaCy, one process
	$(BIN)/python benchmarks/corpus_build.py

clean:
	rm -rf $(VENV) out
