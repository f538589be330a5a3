# budget-check: two commands set everything up on a fresh machine.
#   make serve   install missing tools, build the page with trunk, serve it on 127.0.0.1
#   make test    install missing tools (and the browser), run every check and test
#   make dist    release build in dist/, with relative URLs so it works under any sub-path,
#                plus dist/budget-check.html: the whole page in one file, for file:// and mail
# Tools come from the package registries only; scripts/setup.sh installs what is missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# npm's binaryen: trunk finds wasm-opt on PATH (Debian's binaryen is too old for this rustc).
export BUDGET_CHECK_TOOLS ?= $(HOME)/.cache/budget-check-tools
export PATH := $(CARGO_BIN):$(BUDGET_CHECK_TOOLS)/node_modules/.bin:$(PATH)
# Only the package registries are reachable: trunk must never try to download a tool or
# look for its own updates.
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true

ADDRESS ?= 127.0.0.1
PORT ?= 8080
TARGET_DIR := $(abspath $(or $(CARGO_TARGET_DIR),target))
# The exact build the browser test drives: release, relative URLs, like `make dist`.
E2E_DIST := $(TARGET_DIR)/e2e-dist
# The hosted page's first load (HTML, CSS, loader, glue, wasm), gzipped: issue 9's limit. The
# PDF and spreadsheet readers are modules of their own, loaded when such a file arrives.
FIRST_LOAD_BUDGET := 900000

# The test steps share two cores and cargo's locks: one after another is fastest.
.NOTPARALLEL:

.PHONY: help setup-app setup-test serve dist test fmt clippy e2e-dist cargo-test

help:
	@echo "make serve   build the page and serve it on http://$(ADDRESS):$(PORT)/"
	@echo "make test    install the browser, then fmt, clippy (host + wasm32) and every test"
	@echo "make dist    release build in dist/ for hosting under any sub-path, and dist/budget-check.html"

setup-app:
	bash scripts/setup.sh app

setup-test:
	bash scripts/setup.sh test

# No autoreload: its injected inline script is refused by the page's Content-Security-Policy.
serve: setup-app
	@echo "budget-check: building, then serving at http://$(ADDRESS):$(PORT)/ (Ctrl-C stops)"
	trunk serve --address $(ADDRESS) --port $(PORT) --open=false --disable-address-lookup --no-autoreload

dist: setup-app
	trunk build --release --public-url ./
	python3 scripts/dist.py dist --max-first-load $(FIRST_LOAD_BUDGET)
	@echo "budget-check: dist/ is ready; copy it to any folder of a web server,"
	@echo "  or send dist/budget-check.html alone: it works opened from disk"

test: setup-test
	$(MAKE) --no-print-directory fmt clippy e2e-dist cargo-test

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown -- -D warnings

# Built right before the tests so the browser test never drives a stale page; dist.py validates
# the wasm for Chromium 86's features, checks the size budget and writes the single file.
e2e-dist:
	rm -rf "$(E2E_DIST)"
	trunk build --release --public-url ./ --dist "$(E2E_DIST)"
	python3 scripts/dist.py "$(E2E_DIST)" --max-first-load $(FIRST_LOAD_BUDGET)

cargo-test:
	BUDGET_CHECK_E2E_DIST="$(E2E_DIST)" cargo test --workspace
