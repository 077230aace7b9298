# The help site's commands. Every target creates .venv from requirements.txt when it is missing
# or older than requirements.txt. See README.md for what each target does and prints.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SOURCE ?= source
SITE   ?= site
DOCS   ?= docs
ADDRESS ?= 127.0.0.1:8000
STRICT ?=
SCALE  ?= 1
REPEAT ?= 1
STRICT_FLAG := $(if $(filter 1 yes true,$(STRICT)),--strict,)
BILINGUAL := PYTHONPATH=scripts $(BIN)/python -m bilingual

.PHONY: site serve test links lint clean bench bench-site

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

site: $(STAMP)  ## split SOURCE into one page per language, then build the site into SITE
	$(BILINGUAL) site --source "$(SOURCE)" --docs "$(DOCS)" --site "$(SITE)" $(STRICT_FLAG)

serve: $(STAMP)  ## split SOURCE, then serve the site with live reload on ADDRESS
	$(BILINGUAL) serve --source "$(SOURCE)" --docs "$(DOCS)" --address "$(ADDRESS)"

links: $(STAMP)  ## check the links of the site in SITE (and the fwlinks of SOURCE)
	$(BILINGUAL) links --site "$(SITE)" --source "$(SOURCE)"

bench: bench-site  ## every benchmark (bench-site; others join here), on SOURCE

bench-site: $(STAMP)  ## split + build of SOURCE against a plain MkDocs build; SCALE=N adds N x the articles
	$(BIN)/python tests/benchmarks/bench_site.py --source "$(SOURCE)" --scale "$(SCALE)" --repeat "$(REPEAT)"

lint: $(STAMP)  ## ruff and mypy over the code and the tests
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

test: lint  ## lint, then every test (tests that need ../shared skip without it)
	$(BIN)/python -m pytest

clean:  ## remove generated pages, the built site and caches
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
	find docs -mindepth 1 -not -name .gitignore -exec rm -rf {} +
