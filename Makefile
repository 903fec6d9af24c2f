# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The report tests open the HTML report in headless Chromium (Debian's package, at this path).
EDUNEWS_CHROMIUM ?= /usr/bin/chromium

.PHONY: run test setup browser lint clean-data

$(BIN)/edunews: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(BIN)/edunews

setup: $(BIN)/edunews

run: setup
	$(BIN)/edunews run

# Debian packages the tests use, where they are missing: Chromium (the report tests open the HTML
# report in it) and tesseract-ocr + poppler-utils (the OCR test of scanned PDFs, the edunews[ocr]
# extra). apt-get, with sudo when not root, as CI needs; it waits for another apt-get to finish
# instead of failing on the dpkg lock. EDUNEWS_SKIP_BROWSER=1 skips the browser tests and Chromium.
browser:
	@missing=""; \
	if [ "$$EDUNEWS_SKIP_BROWSER" != 1 ] && [ ! -x "$(EDUNEWS_CHROMIUM)" ]; then missing="chromium"; fi; \
	if [ ! -x /usr/bin/tesseract ] || [ ! -x /usr/bin/pdftoppm ]; then missing="$$missing tesseract-ocr poppler-utils"; fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "make: missing$$missing and there is no apt-get: install them (or set EDUNEWS_CHROMIUM=PATH," \
	       "or EDUNEWS_SKIP_BROWSER=1 to skip the browser tests)" >&2; exit 1; fi; \
	echo "make: installing$$missing with apt-get"; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	$$SUDO apt-get update -q && $$SUDO apt-get install -y -q -o DPkg::Lock::Timeout=900 $$missing

test: setup browser
	$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

lint: setup
	$(BIN)/ruff check pipeline tests bench
