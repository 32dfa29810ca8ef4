# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_OUT ?= demo-out

.PHONY: install demo test bench clean browser-deps screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[web,test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/storytrace analyze examples/corpus -o $(DEMO_OUT)

# Debian's Chromium and its driver for the browser tests; they skip with a message when these are missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 || \
	  echo "chromium/chromedriver not installed: browser tests will skip"

test: install browser-deps
	$(PY) -m pytest -q

# Refreshes the README's screenshots (the browser tests otherwise save them to a temporary folder).
screenshots: install browser-deps
	STORYTRACE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest -q tests/test_browser_pages.py

bench: install
	$(PY) bench/run.py attribution ../shared/data/polnear-dev --predictions bench/out/attribution-dev.jsonl
	$(PY) bench/run.py timex ../shared/data/tbaq-timebank --predictions bench/out/timex.jsonl
	$(PY) bench/run.py clustering ../shared/data/ecbplus-dev --predictions bench/out/clustering-dev.jsonl
	$(PY) bench/run.py events ../shared/data/ecbplus-dev --predictions bench/out/events-dev.jsonl

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache
