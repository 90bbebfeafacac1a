# The two commands of the README:
#   make demo   run the main samples (sync and async) against the local emulator
#   make test   type-check the package, build the API reference and run the whole test suite, contract tests included
#   make docs   build the API reference (Sphinx, warnings are errors) into docs/_build/html
#
# Both create the virtual environment .venv (with the machine's python3, 3.9 or newer) when needed.
# `make test` also installs Prism (the OpenAPI mock server the contract tests validate requests
# with) into tools/prism/node_modules with npm, from the pinned tools/prism/package-lock.json, and
# pyright (the second type checker of tests/typing) into tools/pyright/node_modules the same way.

PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
PIP_INSTALL := $(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check
PRISM_DIR := tools/prism
PRISM := $(PRISM_DIR)/node_modules/.bin/prism
PYRIGHT_DIR := tools/pyright
PYRIGHT := $(PYRIGHT_DIR)/node_modules/.bin/pyright

.PHONY: demo test docs venv install prism pyright typecheck contract clean

demo: $(VENV)/.installed-demo
	$(VENV_PYTHON) scripts/demo.py

test: $(VENV)/.installed-dev prism pyright
	$(VENV_PYTHON) -m mypy azure/
	$(MAKE) docs
	$(VENV_PYTHON) -m pytest

# The API reference from the docstrings; every warning (a broken cross-reference included) fails it.
docs: $(VENV)/.installed-dev
	$(VENV_PYTHON) -m sphinx -W --keep-going -q -b html docs docs/_build/html

venv: $(VENV_PYTHON)

install: $(VENV)/.installed-dev

typecheck: $(VENV)/.installed-dev
	$(VENV_PYTHON) -m mypy azure/

contract: $(VENV)/.installed-dev prism
	$(VENV_PYTHON) -m pytest tests/contract

$(VENV_PYTHON):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else "Python 3.9 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# The package and its async transport: enough for the samples.
$(VENV)/.installed-demo: pyproject.toml | $(VENV_PYTHON)
	$(PIP_INSTALL) -e ".[aio]"
	@touch $@

# Everything the tests need.
$(VENV)/.installed-dev: pyproject.toml dev_requirements.txt | $(VENV_PYTHON)
	$(PIP_INSTALL) -e ".[aio,opentelemetry,prompts]" -r dev_requirements.txt
	@touch $@ $(VENV)/.installed-demo

# The Node.js tools, each installed with npm from its pinned lock file, again only when the lock file
# is newer than the installed copy; without npm the tests that need the tool skip (and say why).
# $(call npm_tool,<dir>,<executable>,<name>,<tests that need it>)
define npm_tool
	@if [ -x "$(2)" ] && [ "$(1)/node_modules/.package-lock.json" -nt "$(1)/package-lock.json" ]; then \
		echo "$(3) is installed in $(1) ($$($(2) --version))"; \
	elif command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(1) --no-audit --no-fund --loglevel=error && echo "Installed $(3) ($$($(2) --version))"; \
	else \
		echo "npm not found: $(3) is not installed and $(4) will be skipped"; \
	fi
endef

prism:
	$(call npm_tool,$(PRISM_DIR),$(PRISM),Prism,the contract tests)

pyright:
	$(call npm_tool,$(PYRIGHT_DIR),$(PYRIGHT),pyright,the pyright half of tests/typing)

clean:
	rm -rf $(VENV) $(PRISM_DIR)/node_modules $(PYRIGHT_DIR)/node_modules .mypy_cache .pytest_cache .hypothesis docs/_build
