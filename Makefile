# Two commands do all set-up on a fresh machine:
#   make build   create .venv, install Chanye KG, build the graph of samples/ into output/
#   make test    run the test suite (installs first if needed); .ci/run calls this
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: build test install clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/kg

build: $(BIN)/kg
	$(BIN)/kg build samples -o output

test: $(BIN)/kg
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output/graph.* output/store* output/cache output/manifest.json *.egg-info
