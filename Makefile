# The help site's commands. Every target creates .venv from requirements.txt when it is missing
# or older than requirements.txt. See reference/targets.md for what each target does and prints.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SOURCE ?= source
DEFAULT ?=
LANGUAGE ?=
PARTS  ?= parts
SITE   ?= site
DOCS   ?= docs
ADDRESS ?= 127.0.0.1:8000
STRICT ?=
WHOLE  ?=
SCALE  ?= 1
REPEAT ?= 1
LOCALES ?= 8 40
CORPUS ?= ../shared/corpus
STRICT_FLAG := $(if $(filter 1 yes true,$(STRICT)),--strict,)
JOBS   ?=
ifneq ($(JOBS),)
export BILINGUAL_JOBS := $(JOBS)
endif
# FORMAT: links' report (text, the default, or json); tm's memory (tmx, the default, or xliff).
FORMAT ?=
OUT    ?=
ONLINE ?=
REMAP ?=
LINKS_FLAGS := --format "$(or $(FORMAT),text)" $(if $(filter 1 yes true,$(ONLINE)),--online,) $(foreach r,$(REMAP),--remap "$(r)")
BILINGUAL := PYTHONPATH=scripts $(BIN)/python -m bilingual
# SOURCE may name several trees (one per locale): one site. DEFAULT=code picks the root language.
SOURCES := --source $(foreach s,$(SOURCE),"$(s)") $(if $(DEFAULT),--default "$(DEFAULT)",)

.PHONY: site site-part site-merge site-languages serve test test-fast links lint clean audit parity tm reproducible bench bench-site bench-split bench-incremental bench-links bench-search bench-search-hits bench-locales bench-serve help

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The JavaScript linter (ESLint, pinned in package-lock.json), for make lint.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

site: $(STAMP)  ## split SOURCE into one page per language, then build the site into SITE (after a first build, only what changed; WHOLE=1 builds everything again)
	$(BILINGUAL) site $(SOURCES) --docs "$(DOCS)" --site "$(SITE)" $(STRICT_FLAG) $(if $(filter 1 yes true,$(WHOLE)),--whole,)

site-part: $(STAMP)  ## split SOURCE, then build one LANGUAGE of the site into PARTS/LANGUAGE
	$(BILINGUAL) site-part $(SOURCES) --docs "$(DOCS)" --parts "$(PARTS)" --language "$(LANGUAGE)" $(STRICT_FLAG)

site-merge: $(STAMP)  ## assemble SITE from every language's part in PARTS
	$(BILINGUAL) site-merge --parts "$(PARTS)" --site "$(SITE)"

site-languages: $(STAMP)  ## print the languages of the site of SOURCE as JSON (a CI matrix)
	@$(BILINGUAL) languages $(SOURCES)

serve: $(STAMP)  ## build SOURCE into SITE, serve it on ADDRESS (loopback), and re-render only what each save changes; the page in view reloads
	$(BILINGUAL) serve $(SOURCES) --docs "$(DOCS)" --site "$(SITE)" --address "$(ADDRESS)"

links: $(STAMP)  ## check the links of the site in SITE (and of SOURCE); ONLINE=1 asks external links
	$(BILINGUAL) links --site "$(SITE)" $(SOURCES) $(LINKS_FLAGS)

bench-links: $(STAMP)  ## time the offline check of SITE and the online check against the local mock
	PYTHONPATH=scripts:tests $(BIN)/python tests/benchmarks/bench_links.py --site "$(SITE)"

audit: $(STAMP)  ## round trip and segments in = segments out for every source of SOURCE
	$(BILINGUAL) audit $(SOURCES) $(STRICT_FLAG)

tm: $(STAMP)  ## every segment pair of SOURCE as a translation memory: FORMAT=tmx (TMX 1.4b, the default) or xliff (XLIFF 1.2, a file per language), into OUT (default tm/)
	$(BILINGUAL) tm $(SOURCES) --format "$(or $(FORMAT),tmx)" $(if $(OUT),--out "$(OUT)",) $(STRICT_FLAG)

bench-split: $(STAMP)  ## time splitting SOURCE against a bare regex pass over the same files
	PYTHONPATH=scripts $(BIN)/python tests/benchmarks/bench_split.py "$(SOURCE)"

reproducible: $(STAMP)  ## build SOURCE twice (the second as if on another day), compare byte for byte
	PYTHONPATH=scripts $(BIN)/python -m bilingual.checks.reproduce --source "$(SOURCE)"

parity: $(STAMP)  ## build SOURCE into a temporary site, compare its pages' blocks with CommonMark's
	$(BILINGUAL) parity $(SOURCES)

bench: bench-split bench-incremental bench-site  ## the benchmarks of SOURCE; the site's JSON line comes last

bench-incremental: $(STAMP)  ## edit one article of a copy of SOURCE, time bringing the pages up to date
	PYTHONPATH=scripts $(BIN)/python tests/benchmarks/bench_incremental.py "$(SOURCE)"

bench-site: $(STAMP)  ## split + build of SOURCE against a plain MkDocs build; SCALE=N adds N x the articles
	$(BIN)/python tests/benchmarks/bench_site.py --source $(foreach s,$(SOURCE),"$(s)") --scale "$(SCALE)" --repeat "$(REPEAT)"

lint: $(STAMP) $(NODE_STAMP)  ## ruff and mypy over the code and the tests, ESLint over overrides/
	$(BIN)/ruff check --no-cache scripts tests
	$(BIN)/ruff format --no-cache --check scripts tests
	$(BIN)/mypy
	node_modules/.bin/eslint overrides eslint.config.js

test: lint  ## lint, then every test (tests that need ../shared skip without it)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## every test that builds no site and starts no browser (no lint)
	$(BIN)/python -m pytest -m "not site and not browser"

bench-search: $(STAMP)  ## search per language in Chromium on a cold page of SITE: bytes before the first result, first-result time on loopback and throttled, against the targets; SCALE=N builds SOURCE with N x the articles
	PYTHONPATH=scripts:tests $(BIN)/python tests/benchmarks/bench_search.py $(if $(filter-out 1,$(SCALE)),--source "$(SOURCE)" --scale "$(SCALE)",--site "$(SITE)") $(if $(PAGE),--page "$(PAGE)",)

bench-search-hits: $(STAMP)  ## known-item search per language: the share of SOURCE's articles whose title words (as written, without diacritics, and 2-4 letters in scripts without spaces) find them in the top five, against 85 %
	PYTHONPATH=scripts:tests $(BIN)/python tests/benchmarks/bench_search_languages.py --source $(foreach s,$(SOURCE),"$(s)")

bench-locales: $(STAMP)  ## one site of LOCALES (default "8 40") locales made from the shared samples by relabelling their locale: split and build time, CPU and memory per locale, the median page, hreflang and switcher entries
	PYTHONPATH=scripts:tests $(BIN)/python tests/benchmarks/bench_locales.py --corpus "$(CORPUS)" --locales $(LOCALES)

bench-serve: $(STAMP)  ## make serve on a copy of SOURCE: startup, save-to-served seconds of real edits (translation, English, title, include, TOC, image, added, deleted) against 1 s median / 2 s worst, then a warm make site against 3 s
	PYTHONPATH=scripts $(BIN)/python tests/benchmarks/bench_serve.py --source $(foreach s,$(SOURCE),"$(s)") $(if $(DEFAULT),--default "$(DEFAULT)",)

help:  ## list the targets and what each does (from the comments after their names here)
	@awk -F':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  %-18s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))

clean:  ## remove generated pages, the built site, its record, translation memories and caches
	rm -rf site parts tm test-output .pytest_cache .mypy_cache .ruff_cache .site.record .cache/jinja
	find docs -mindepth 1 -not -name .gitignore -exec rm -rf {} +
